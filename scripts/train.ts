/**
 * `npm run train`: trains the stance model on the real labelled sentences outside the test fold (from
 * ../shared, never copied here) and on the sentences we wrote (tests/fixtures/labelled/written.jsonl and
 * the claim library's examples), and writes src/stance/weights.json. Seeded: the same data gives the
 * same file, byte for byte.
 */
import { writeFileSync } from 'node:fs';
import { bundledLibrary } from '../src/claims/library';
import { MissingRealSet, shippedWeights, WEIGHTS_FILE } from './lib/stance-training';

try {
  const json = shippedWeights(bundledLibrary);
  writeFileSync(WEIGHTS_FILE, json);
  console.log(`${WEIGHTS_FILE}: ${(json.length / 1024).toFixed(1)} KB`);
} catch (error) {
  if (!(error instanceof MissingRealSet)) throw error;
  console.error(`npm run train: ${error.message}`);
  process.exit(1);
}
