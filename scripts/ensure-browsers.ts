import { ensureBrowsers } from './lib/ensure-browsers';

try {
  ensureBrowsers();
} catch (error) {
  console.error(`ensure-browsers: ${(error as Error).message}`);
  process.exit(1);
}
