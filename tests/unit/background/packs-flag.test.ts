import { describe, expect, it } from 'vitest';
import { packsFlagKeeper, PACKS_FLAG_SCRIPT, type ContentScriptRegistry } from '../../../src/background/packs-flag';

/** The browser's registry of content scripts, in memory, refusing a second script under one id as browsers do. */
function registry(): ContentScriptRegistry & { ids: string[] } {
  const ids: string[] = [];
  const pause = () => new Promise((done) => setTimeout(done, 1));
  return {
    ids,
    async getRegisteredContentScripts({ ids: wanted }) {
      await pause();
      return ids.filter((id) => wanted.includes(id)).map((id) => ({ id }));
    },
    async registerContentScripts(scripts) {
      await pause();
      for (const { id } of scripts) {
        if (ids.includes(id)) throw new Error(`Duplicate script ID '${id}'`);
        ids.push(id);
      }
    },
    async unregisterContentScripts({ ids: gone }) {
      await pause();
      for (const id of gone) ids.splice(ids.indexOf(id), 1);
    },
  };
}

describe('the packs flag script', () => {
  it('is registered exactly while packs are installed, however the changes arrive', async () => {
    const scripts = registry();
    const keep = packsFlagKeeper(scripts, ['https://*/*']);
    await keep(false);
    expect(scripts.ids).toEqual([]);
    // The stored packs read at start and a new import, at once: one registration, no duplicate.
    await Promise.all([keep(true), keep(true)]);
    expect(scripts.ids).toEqual([PACKS_FLAG_SCRIPT.id]);
    await keep(false);
    expect(scripts.ids).toEqual([]);
  });
});
