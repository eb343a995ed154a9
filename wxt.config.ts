import { defineConfig } from 'wxt';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports only: every module says where its names come from.
  imports: false,
  manifest: {
    name: 'Counterframe',
    description: 'Highlights where a news article frames AI as an arms race, with the opposing perspective one click away.',
    // Content scripts are declared by their entrypoint; the extension asks for no API permission yet.
    permissions: [],
    browser_specific_settings: {
      gecko: {
        id: 'counterframe@counterframe.invalid',
        strict_min_version: '128.0',
        // Counterframe sends nothing anywhere: it collects no data at all.
        data_collection_permissions: { required: ['none'] },
      },
    },
  },
});
