/** The pages Counterframe runs on: any web page (http and https). */
export const WEB_PAGES = ['http://*/*', 'https://*/*'];

/**
 * Whether `url` is a web page's address (http or https, the scheme in any case). Plain string work,
 * not a regular expression: the gate script asks on every page, and in Chromium each regular
 * expression costs a compile on its first use, however small it is.
 */
export function isWebPage(url: string): boolean {
  const scheme = url.slice(0, url.indexOf(':') + 1).toLowerCase();
  return scheme === 'http:' || scheme === 'https:';
}
