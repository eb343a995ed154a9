import * as v from 'valibot';
import { normalizeSite } from './site-rules';

export const SETTINGS_VERSION = 1;

/** A settings file larger than this is refused before it is parsed. */
export const MAX_SETTINGS_FILE_BYTES = 256 * 1024;
const MAX_SITES = 5000;

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
  if (text.length > MAX_SETTINGS_FILE_BYTES) {
    return { ok: false, problems: [`the file is larger than ${MAX_SETTINGS_FILE_BYTES / 1024} KB; a settings file is a few KB`] };
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
  return { ok: true, settings: result.output };
}
