/**
 * `npm run train`: trains the stance model on the real labelled sentences outside the test fold (from
 * ../shared, never copied here) and on the sentences we wrote (tests/fixtures/labelled/written.jsonl and
 * the claim library's examples), and writes src/stance/weights.json.
 * Seeded: the same data gives the same file, byte for byte.
 */
import { writeFileSync } from 'node:fs';
import { bundledLibrary } from '../src/claims/library';
import { compileLibrary } from '../src/match/compile';
import { MissingRealSet, readRealSentences, readWrittenSentences, shippedTrainingSet, trainModel } from './lib/stance-training';

export const WEIGHTS_FILE = 'src/stance/weights.json';

try {
  const sentences = shippedTrainingSet(readRealSentences(), readWrittenSentences(), bundledLibrary);
  const json = `${JSON.stringify(trainModel(compileLibrary(bundledLibrary), sentences))}\n`;
  writeFileSync(WEIGHTS_FILE, json);
  console.log(`${WEIGHTS_FILE}: ${(json.length / 1024).toFixed(1)} KB, trained on ${sentences.length} sentences`);
} catch (error) {
  if (!(error instanceof MissingRealSet)) throw error;
  console.error(`npm run train: ${error.message}`);
  process.exit(1);
}
