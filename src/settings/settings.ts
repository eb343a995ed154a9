import * as v from 'valibot';
import { normalizeSite } from './site-rules';

/** The version of the settings file (export / import). How they are stored has its own (store.ts). */
export const SETTINGS_VERSION = 1;

const MAX_SITES = 5000;
/**
 * A settings file larger than this is refused before it is parsed: two lists of 5,000 sites of the
 * longest a hostname can be (253 characters), as Export writes them, are about 2.7 MB.
 */
export const MAX_SETTINGS_FILE_BYTES = 3 * 1024 * 1024;
/**
 * What storage.sync holds in one item, in both browsers (QUOTA_BYTES_PER_ITEM: the key's length and
 * the value's JSON, in bytes). The part of the settings that syncs must fit.
 */
export const SYNC_QUOTA_BYTES_PER_ITEM = 8192;

/** The bytes storage counts for an item: its key and its value as JSON, in UTF-8. */
export function storedBytes(key: string, value: unknown): number {
  return new TextEncoder().encode(key + JSON.stringify(value)).length;
}

const Site = v.pipe(
  v.string(),
  v.check((s) => normalizeSite(s) === s, 'must be a site such as example.com (lower case, no www., no path)'),
);

/**
 * Everything the user sets. `sites`: the per-site rules (site-rules.ts); `paused`: off everywhere,
 * without touching any site rule; `showCritiques`: whether passages that critique a frame are
 * highlighted too (subtly), or only those that use one; `hiddenFrames`: frames the user chose not to see.
 */
const SettingsSchema = v.strictObject({
  sites: v.strictObject({
    default: v.picklist(['everywhere', 'only-enabled'], 'must be "everywhere" or "only-enabled"'),
    enabled: v.pipe(v.array(Site), v.maxLength(MAX_SITES, `may list at most ${MAX_SITES} sites`)),
    disabled: v.pipe(v.array(Site), v.maxLength(MAX_SITES, `may list at most ${MAX_SITES} sites`)),
  }),
  paused: v.boolean('must be true or false'),
  showCritiques: v.boolean('must be true or false'),
  hiddenFrames: v.pipe(v.array(v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,64}$/, 'must be a frame id'))), v.maxLength(100)),
});

export type Settings = v.InferOutput<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  sites: { default: 'everywhere', enabled: [], disabled: [] },
  paused: false,
  showCritiques: true,
  hiddenFrames: [],
};

/** The file `Export settings` writes. */
export interface SettingsFile {
  format: 'counterframe-settings';
  version: number;
  settings: Settings;
}

export function exportSettings(settings: Settings): string {
  const file: SettingsFile = { format: 'counterframe-settings', version: SETTINGS_VERSION, settings };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export type ImportResult = { ok: true; settings: Settings } | { ok: false; problems: string[] };

/**
 * Reads a settings file the reader chose. Anything wrong is reported, field by field, and nothing is
 * returned to apply: a bad file changes nothing.
 */
export function parseSettingsFile(text: string): ImportResult {
  // Bytes, as the file was read: a character of Chinese is 3 of them.
  const bytes = text.length > MAX_SETTINGS_FILE_BYTES / 3 ? new TextEncoder().encode(text).length : text.length;
  if (bytes > MAX_SETTINGS_FILE_BYTES) {
    return { ok: false, problems: [`the file is ${Math.ceil(bytes / 1024)} KB; a settings file is at most ${MAX_SETTINGS_FILE_BYTES / 1024} KB`] };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [`the file is not JSON: ${(error as Error).message}`] };
  }
  const file = data as Partial<SettingsFile> | null;
  if (!file || typeof file !== 'object' || file.format !== 'counterframe-settings') {
    return { ok: false, problems: ['the file is not a Counterframe settings file (no "format": "counterframe-settings")'] };
  }
  if (file.version !== SETTINGS_VERSION) {
    return { ok: false, problems: [`the file is version ${String(file.version)}; this Counterframe reads version ${SETTINGS_VERSION}`] };
  }
  const result = v.safeParse(SettingsSchema, file.settings);
  if (!result.success) {
    return {
      ok: false,
      problems: result.issues.map((issue) => `settings.${issue.path?.map((p) => String(p.key)).join('.') ?? ''}: ${issue.message}`),
    };
  }
  // The schema's limits keep the synced part under the browsers' per-item quota; checked all the same,
  // so that a file is refused with its reason rather than failing as it is written.
  const { sites, ...rest } = result.output;
  const synced = storedBytes('settings', { ...rest, sites: { default: sites.default } });
  if (synced > SYNC_QUOTA_BYTES_PER_ITEM) {
    return { ok: false, problems: [`the synced settings would take ${synced} bytes; storage.sync holds ${SYNC_QUOTA_BYTES_PER_ITEM} per item`] };
  }
  return { ok: true, settings: result.output };
}
