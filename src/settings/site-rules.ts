import type { Settings } from './settings';

/**
 * Where Counterframe runs. The semantics, as the options page states them:
 *
 * - A site is a hostname without a leading "www." ("www.example.com" is "example.com").
 * - A rule for a site covers its subdomains: "example.com" covers "news.example.com".
 * - The most specific rule wins: "news.example.com" on, "example.com" off → only news.example.com is on.
 * - Without a rule, the default decides: "everywhere", or "only on sites I enable".
 * - Switching a site removes the rule that made it the other way when that is enough, and adds a rule
 *   only when the site would otherwise still be the other way: switching back and forth never stacks
 *   rules, and re-enabling a site leaves no trace of it having been disabled.
 * - The global pause turns Counterframe off everywhere without touching any rule.
 */

/** The rules, as the settings' schema defines them (settings.ts). */
export type SiteRules = Settings['sites'];

/** The site of a URL, or null for a page Counterframe never reads (not http or https). */
export function siteOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  return normalizeSite(parsed.hostname);
}

/** A site as stored: lower case, no trailing dot, no leading "www.". Null when it is not a hostname. */
export function normalizeSite(input: string): string | null {
  let host = input.trim().toLowerCase();
  // Accept what a reader pastes: a URL, or a host with a path.
  if (host.includes('://')) {
    try {
      host = new URL(host).hostname;
    } catch {
      return null;
    }
  }
  const [beforePath = ''] = host.split('/');
  host = beforePath.replace(/\.$/, '').replace(/^www\./, '');
  if (!/^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(host) && !/^\[[0-9a-f:]+\]$/.test(host)) return null;
  return host;
}

/** The site and each parent domain, most specific first: news.example.com, example.com, com. */
function candidates(site: string): string[] {
  if (site.startsWith('[') || /^\d+(\.\d+){3}$/.test(site)) return [site];
  const parts = site.split('.');
  return parts.map((_, i) => parts.slice(i).join('.'));
}

/** The rule that decides for this site, if any. */
export function ruleFor(rules: SiteRules, site: string): { site: string; enabled: boolean } | null {
  for (const candidate of candidates(site)) {
    // A site on both lists (from an imported file) is treated as off: the cautious reading.
    if (rules.disabled.includes(candidate)) return { site: candidate, enabled: false };
    if (rules.enabled.includes(candidate)) return { site: candidate, enabled: true };
  }
  return null;
}

export function isSiteEnabled(rules: SiteRules, site: string): boolean {
  return ruleFor(rules, site)?.enabled ?? rules.default === 'everywhere';
}

/** Rules with `site` switched on or off, changed as little as the semantics above allow. */
export function setSiteEnabled(rules: SiteRules, site: string, enabled: boolean): SiteRules {
  const next: SiteRules = {
    default: rules.default,
    enabled: rules.enabled.filter((s) => s !== site),
    disabled: rules.disabled.filter((s) => s !== site),
  };
  if (isSiteEnabled(next, site) !== enabled) (enabled ? next.enabled : next.disabled).push(site);
  next.enabled.sort();
  next.disabled.sort();
  return next;
}
