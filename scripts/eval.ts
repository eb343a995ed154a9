/**
 * `npm run eval`: scores the matcher, sentence by sentence as `annotate --sentences` reads them (the
 * candidates and the stance model), beside today's rules without the model and a naive baseline.
 *  - On the real labelled sentences in ../shared: the fixed test fold under the shipped model, and
 *    grouped cross-validation (by page) on the other folds; by script, headlines apart.
 *  - Apart from those, on the sentences we wrote: the written set (which the shipped model learnt
 *    from), and the development and holdout sets in tests/fixtures/labelled/ (which it did not).
 * `--curve` adds the learning curve: the cross-validation again with each fold's model trained on a
 * share of the other folds' pages, to show what more real sentences would buy.
 * `npm run eval FILE.jsonl` scores that labelled set alone (rows as in tests/fixtures/labelled/).
 * Exits 1 when the development set misses its targets (TARGETS) or the real test fold the issue's,
 * 2 when FILE cannot be read.
 */
import { bundledLibrary } from '../src/claims/library';
import { compileLibrary } from '../src/match/compile';
import { sentenceView } from '../src/match/match';
import { judge } from '../src/stance/model';
import {
  LABELS,
  meetsTargets,
  predict,
  predictNaive,
  predictRules,
  readLabelled,
  score,
  TARGETS,
  type Label,
  type LabelledPassage,
  type Scores,
} from './lib/evaluate';
import {
  claimExamples,
  crossValidate,
  FOLDS,
  MissingRealSet,
  readRealSentences,
  readWrittenSentences,
  splitOf,
  trainingSentences,
  WRITTEN_SENTENCES,
  type LabelledSentence,
} from './lib/stance-training';

/** The targets on the real test fold. */
export const REAL_TARGETS = { usesF1: 0.9, critiquesAsUses: 0.08, noneFlagged: 0.03, chineseUsesRecall: 0.85 } as const;

const compiled = compileLibrary(bundledLibrary);
type Judge = (text: string) => Label;
const rules: Judge = (text) => predictRules(compiled, text);
const naive: Judge = (text) => predictNaive(compiled, text);

const pct = (n: number) => `${(100 * n).toFixed(1)}%`;
const num = (n: number) => n.toFixed(3);
const METRICS: [string, (s: Scores) => string][] = [
  ['uses P', (s) => num(s.usesPrecision)],
  ['uses R', (s) => num(s.usesRecall)],
  ['uses F1', (s) => num(s.usesF1)],
  ['crit→uses', (s) => pct(s.critiquesAsUses)],
  ['crit ok', (s) => pct(s.critiquesRecall)],
  ['none flagged', (s) => pct(s.noneFlagged)],
];

function groups(sentences: LabelledSentence[]): [string, LabelledSentence[]][] {
  return [
    ['all', sentences],
    ['latn', sentences.filter((s) => s.script === 'latn')],
    ['hans', sentences.filter((s) => s.script === 'hans')],
    ['hant', sentences.filter((s) => s.script === 'hant')],
    ['headlines', sentences.filter((s) => s.headline)],
    ['not headlines', sentences.filter((s) => !s.headline)],
  ];
}

/** One table: a row per group of sentences, for each judge its scores. */
function table(title: string, sentences: LabelledSentence[], judges: [string, Judge][]): Map<string, Scores> {
  console.log(`\n${title}`);
  console.log(`${'group'.padEnd(14)}${'n'.padStart(5)}  ${'judge'.padEnd(13)}${METRICS.map(([name]) => name.padStart(13)).join('')}`);
  const ours = new Map<string, Scores>();
  for (const [name, group] of groups(sentences)) {
    judges.forEach(([judgeName, judge], i) => {
      const scores = score(group, judge);
      if (i === 0) ours.set(name, scores);
      console.log(
        `${(i === 0 ? name : '').padEnd(14)}${(i === 0 ? String(group.length) : '').padStart(5)}  ${judgeName.padEnd(13)}${METRICS.map(([, value]) => value(scores).padStart(13)).join('')}`,
      );
    });
  }
  return ours;
}

function printConfusion(scores: Scores): void {
  console.log(`  confusion (rows: label, columns: judged)   ${LABELS.map((l) => l.padStart(10)).join('')}`);
  for (const gold of LABELS) console.log(`${''.padEnd(44)}${gold.padEnd(10)}${LABELS.map((got) => String(scores.confusion[gold][got]).padStart(10)).join('')}`);
}

const inLine = (s: Scores) => METRICS.map(([name, value]) => `${name} ${value(s)}`).join(', ');

function printErrors(s: Scores): void {
  for (const { passage, predicted } of s.errors) console.log(`    ${passage.label} -> ${predicted}: ${passage.text}`);
}

/** `npm run eval FILE.jsonl`: that labelled set alone, with its confusion matrix and its errors. */
function evaluateFile(file: string): never {
  let passages: LabelledPassage[];
  try {
    passages = readLabelled(file);
  } catch (error) {
    console.error(`npm run eval: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  }
  const s = score(passages, (text) => predict(compiled, text));
  console.log(`${file} (${passages.length} passages): ${inLine(s)}`);
  printConfusion(s);
  printErrors(s);
  process.exit(0);
}

/** The judgements of a cross-validation, as a judge of the sentences it judged. */
function judged(results: { sentence: LabelledSentence; judged: Label }[]): Judge {
  const byText = new Map(results.map(({ sentence, judged }) => [sentence.text, judged]));
  return (text) => byText.get(text) ?? 'none';
}

/**
 * The learning curve: uses F1 in cross-validation as the share of training pages doubles, for the
 * whole matcher and for the stance model alone (its judgement of every sentence, with no candidate
 * trigger or topic asked of it).
 */
function printCurve(real: LabelledSentence[], extra: LabelledSentence[]): void {
  console.log("\nLearning curve (grouped cross-validation; each fold's model trained on a share of the other folds' pages, and our sentences):");
  console.log(`${'share'.padStart(8)}${'real sentences'.padStart(16)}${'matcher F1'.padStart(13)}${'model F1'.padStart(11)}${'model gain'.padStart(12)}`);
  const dev = real.filter((s) => splitOf(s.source) !== 'test');
  let previous: number | undefined;
  for (const share of [0.125, 0.25, 0.5, 1]) {
    const cv = crossValidate(
      compiled,
      real,
      (model, s) => ({ matcher: predict(compiled, s.text, model), alone: judge(model, sentenceView(compiled, s.text)).judgement }),
      undefined,
      extra,
      share,
    );
    const f1 = (key: 'matcher' | 'alone') => score(dev, judged(cv.map(({ sentence, judged: both }) => ({ sentence, judged: both[key] })))).usesF1;
    let learnt = 0;
    for (let fold = 0; fold < FOLDS; fold++) learnt += trainingSentences(dev, fold, share).length / FOLDS;
    const model = f1('alone');
    const gain = previous === undefined ? '' : `${model >= previous ? '+' : ''}${num(model - previous)}`;
    console.log(
      `${String(share).padStart(8)}${String(Math.round(learnt)).padStart(16)}${num(f1('matcher')).padStart(13)}${num(model).padStart(11)}${gain.padStart(12)}`,
    );
    previous = model;
  }
}

const file = process.argv.slice(2).find((arg) => !arg.startsWith('--'));
if (file) evaluateFile(file);

let realMet = true;
let real: LabelledSentence[] = [];
try {
  real = readRealSentences();
} catch (error) {
  if (!(error instanceof MissingRealSet)) throw error;
  console.log(`(no real-set figures: ${error.message})`);
}
const written = readWrittenSentences();
if (real.length > 0) {
  const test = real.filter((s) => splitOf(s.source) === 'test');
  const dev = real.filter((s) => splitOf(s.source) !== 'test');
  const ours: Judge = (text) => predict(compiled, text);
  const scores = table(
    `Real sentences, fixed test fold (${test.length} sentences from ${new Set(test.map((s) => s.source)).size} pages), shipped model`,
    test,
    [
      ['Counterframe', ours],
      ['rules only', rules],
      ['naive', naive],
    ],
  );
  printConfusion(scores.get('all')!);
  const ourSentences = [...written, ...claimExamples(bundledLibrary)];
  const cv = crossValidate(compiled, real, (model, s) => predict(compiled, s.text, model), undefined, ourSentences);
  const cvScores = table(
    `Real sentences, grouped 5-fold cross-validation on the other ${dev.length} sentences (each fold's pages judged by a model trained on the other folds and our sentences)`,
    dev,
    [
      ['Counterframe', judged(cv)],
      ['rules only', rules],
      ['naive', naive],
    ],
  );
  printConfusion(cvScores.get('all')!);
  if (process.argv.includes('--curve')) printCurve(real, ourSentences);
  const all = scores.get('all')!;
  const checks: [string, boolean][] = [
    [`uses F1 ${num(all.usesF1)} >= ${REAL_TARGETS.usesF1}`, all.usesF1 >= REAL_TARGETS.usesF1],
    [`critiques as uses ${pct(all.critiquesAsUses)} <= ${pct(REAL_TARGETS.critiquesAsUses)}`, all.critiquesAsUses <= REAL_TARGETS.critiquesAsUses],
    [`none flagged ${pct(all.noneFlagged)} <= ${pct(REAL_TARGETS.noneFlagged)}`, all.noneFlagged <= REAL_TARGETS.noneFlagged],
    ...(['hans', 'hant'] as const).map((script): [string, boolean] => {
      const recall = scores.get(script)!.usesRecall;
      return [`${script} uses recall ${num(recall)} >= ${REAL_TARGETS.chineseUsesRecall}`, recall >= REAL_TARGETS.chineseUsesRecall];
    }),
  ];
  console.log("\nThe issue's targets on the real test fold:");
  for (const [line, met] of checks) console.log(`  ${met ? 'met   ' : 'missed'}  ${line}`);
  realMet = checks.every(([, met]) => met);
}

console.log('\nSentences we wrote (apart from every real-data figure):');
const ourSets: [string, LabelledPassage[], string][] = [
  [WRITTEN_SENTENCES, written, 'the shipped model learnt from these'],
  ['tests/fixtures/labelled/passages.jsonl', readLabelled('tests/fixtures/labelled/passages.jsonl'), 'development set, not learnt from'],
  ['tests/fixtures/labelled/holdout.jsonl', readLabelled('tests/fixtures/labelled/holdout.jsonl'), 'holdout set, not learnt from'],
];
let devMet = true;
for (const [name, passages, note] of ourSets) {
  const s = score(passages, (text) => predict(compiled, text));
  console.log(`  ${name} (${passages.length}; ${note}): ${inLine(s)}`);
  if (name.endsWith('passages.jsonl')) {
    devMet = meetsTargets(s);
    console.log(
      `    development targets (uses F1 >= ${TARGETS.usesF1}, critiques as uses <= ${pct(TARGETS.critiquesAsUses)}, none flagged <= ${pct(TARGETS.noneFlagged)}): ${devMet ? 'met' : 'missed'}`,
    );
    printErrors(s);
  }
}
console.log("\n(rules only: the library's own triggers and cues without the model; naive: any trigger pattern, loose ones too, anywhere = uses)");
process.exit(devMet && realMet ? 0 : 1);
