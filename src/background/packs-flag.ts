/** The part of the browser's scripting API that registers content scripts while the extension runs. */
export interface ContentScriptRegistry {
  getRegisteredContentScripts(filter: { ids: string[] }): Promise<{ id: string }[]>;
  registerContentScripts(scripts: { id: string; matches: string[]; js: string[]; runAt: 'document_start' }[]): Promise<unknown>;
  unregisterContentScripts(filter: { ids: string[] }): Promise<unknown>;
}

export const PACKS_FLAG_SCRIPT = { id: 'counterframe-packs-flag', js: ['/packs-flag.js'], runAt: 'document_start' } as const;

/**
 * Keeps the packs flag script (entrypoints/packs-flag.ts) registered exactly while claim packs are
 * installed. Calls run one after another, so that a change arriving during the first check cannot
 * register the script twice.
 */
export function packsFlagKeeper(registry: ContentScriptRegistry, matches: string[]): (installed: boolean) => Promise<void> {
  let last: Promise<void> = Promise.resolve();
  const apply = async (installed: boolean) => {
    const registered = (await registry.getRegisteredContentScripts({ ids: [PACKS_FLAG_SCRIPT.id] })).length > 0;
    if (installed && !registered) await registry.registerContentScripts([{ ...PACKS_FLAG_SCRIPT, js: [...PACKS_FLAG_SCRIPT.js], matches }]);
    if (!installed && registered) await registry.unregisterContentScripts({ ids: [PACKS_FLAG_SCRIPT.id] });
  };
  return (installed) => (last = last.then(() => apply(installed)));
}
