/** What the welcome needs of runtime.onInstalled's details and of the browser. */
interface InstallApi {
  runtime: { getURL(path: '/welcome.html'): string };
  tabs: { create(options: { url: string }): Promise<unknown> };
}

/**
 * Opens the welcome page (entrypoints/welcome) when the extension is first installed: not on an
 * update, nor when the browser itself updates.
 */
export async function welcomeOnInstall(details: { reason: string }, api: InstallApi): Promise<void> {
  if (details.reason !== 'install') return;
  await api.tabs.create({ url: api.runtime.getURL('/welcome.html') });
}
