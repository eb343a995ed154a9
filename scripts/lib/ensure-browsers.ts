import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROMIUM_PATH, FIREFOX_LANGUAGE_PACKS, FIREFOX_PATH } from './browsers';

const PACKAGES: Record<string, string> = {
  [CHROMIUM_PATH]: 'chromium',
  [FIREFOX_PATH]: 'firefox-esr',
  [FIREFOX_LANGUAGE_PACKS['zh-CN']!]: 'firefox-esr-l10n-zh-cn',
  [FIREFOX_LANGUAGE_PACKS['zh-TW']!]: 'firefox-esr-l10n-zh-tw',
  // A font with Chinese characters, so that the screenshots of Chinese cards show them.
  '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc': 'fonts-wqy-microhei',
};

/**
 * Installs Debian's chromium and firefox-esr, Firefox's Chinese language packs and a Chinese font,
 * when they are missing. No test tool downloads a browser of its own: the browsers come from the system's package
 * manager.
 */
export function ensureBrowsers(paths: string[] = Object.keys(PACKAGES)): void {
  const missing = paths.filter((p) => !existsSync(p));
  if (missing.length === 0) return;
  const packages = missing.map((p) => PACKAGES[p] ?? p);
  if (process.getuid?.() !== 0) {
    throw new Error(`missing ${missing.join(', ')}: install them with \`sudo apt-get update && sudo apt-get install -y ${packages.join(' ')}\``);
  }
  console.log(`Installing ${packages.join(', ')} with apt-get…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'inherit', env });
  const still = paths.filter((p) => !existsSync(p));
  if (still.length > 0) throw new Error(`apt-get ran, but ${still.join(', ')} is still missing`);
}
