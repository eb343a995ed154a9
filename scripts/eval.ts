/**
 * `npm run eval [FILE.jsonl]`: scores the matcher on a labelled set of passages (by default the
 * development set in tests/fixtures/labelled/) beside a naive baseline, and lists what it got wrong.
 * Exits 1 when a target is missed.
 */
import { bundledLibrary } from '../src/claims/library';
import { compileLibrary } from '../src/match/compile';
import { meetsTargets, predict, predictNaive, readLabelled, score, TARGETS, type Scores } from './lib/evaluate';

const file = process.argv[2] ?? 'tests/fixtures/labelled/passages.jsonl';
const passages = readLabelled(file);
const compiled = compileLibrary(bundledLibrary);
const counterframe = score(passages, (text) => predict(compiled, text));
const naive = score(passages, (text) => predictNaive(compiled, text));

const pct = (n: number) => `${(100 * n).toFixed(1)}%`.padStart(8);
const num = (n: number) => n.toFixed(3).padStart(8);
const count = (label: string) => passages.filter((p) => p.label === label).length;
const rows: [string, (s: Scores) => string, string][] = [
  ['uses precision', (s) => num(s.usesPrecision), ''],
  ['uses recall', (s) => num(s.usesRecall), ''],
  ['uses F1', (s) => num(s.usesF1), `>= ${TARGETS.usesF1}`],
  ['critiques flagged as uses', (s) => pct(s.critiquesAsUses), `<= ${100 * TARGETS.critiquesAsUses}%`],
  ['critiques recognised', (s) => pct(s.critiquesRecall), ''],
  ['false positives on none', (s) => pct(s.noneFlagged), `<= ${100 * TARGETS.noneFlagged}%`],
];

console.log(
  `${file}: ${passages.length} passages (${count('uses')} uses, ${count('critiques')} critiques, ${count('none')} none; ${passages.filter((p) => p.lang === 'zh').length} in Chinese)\n`,
);
console.log(`${''.padEnd(28)}${'Counterframe'.padStart(13)}${'naive'.padStart(10)}   target`);
for (const [label, value, target] of rows) console.log(`${label.padEnd(28)}${value(counterframe).padStart(13)}${value(naive).padStart(10)}   ${target}`);
console.log('\n(naive baseline: any trigger pattern anywhere = uses)');
if (counterframe.errors.length > 0) {
  console.log(`\n${counterframe.errors.length} passages judged differently from their label:`);
  for (const { passage, predicted } of counterframe.errors) console.log(`  ${passage.label} -> ${predicted}: ${passage.text}`);
}
const met = meetsTargets(counterframe);
console.log(`\n${met ? 'All targets met.' : 'A target is missed.'}`);
process.exit(met ? 0 : 1);
