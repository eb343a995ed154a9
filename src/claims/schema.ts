import * as v from 'valibot';
import { parsePattern, PatternError } from '../match/pattern';
import type { ClaimLibrary, Counterpoint, Cues, Frame } from './types';

export const Id = v.pipe(
  v.string(),
  v.maxLength(64, 'must be at most 64 characters'),
  v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by "-"'),
);
const Text = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(max, `must be at most ${max} characters`));

const PatternText = v.pipe(
  v.string(),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    try {
      parsePattern(dataset.value);
    } catch (error) {
      if (!(error instanceof PatternError)) throw error;
      addIssue({ message: error.message });
    }
  }),
);

const HttpUrl = v.pipe(v.string(), v.url('must be a full URL'), v.regex(/^https?:\/\//i, 'must be an http(s) link'));

const SourceSchema = v.strictObject({
  title: Text(300),
  publisher: Text(120),
  date: v.optional(v.pipe(v.string(), v.isoDate('must be a date written YYYY-MM-DD'))),
  url: v.optional(HttpUrl),
  quote: v.optional(Text(400)),
  speaker: v.optional(Text(200)),
});

const Example = Text(600);

export const ClaimSchema = v.strictObject({
  id: Id,
  says: Text(200),
  triggers: v.pipe(v.array(PatternText), v.minLength(1, 'needs at least one trigger')),
  looseTriggers: v.optional(v.array(PatternText)),
  needs: v.array(Id),
  counterpoints: v.pipe(v.array(Id), v.minLength(1, 'needs at least one counterpoint')),
  examples: v.strictObject({
    uses: v.pipe(v.array(Example), v.minLength(1, 'needs at least one sentence that uses the frame')),
    critiques: v.array(Example),
    none: v.pipe(v.array(Example), v.minLength(1, 'needs at least one sentence that must not match')),
  }),
});

export const FrameSchema = v.strictObject({
  id: Id,
  name: Text(80),
  assumes: Text(240),
  claims: v.pipe(v.array(ClaimSchema), v.minLength(1, 'needs at least one claim')),
});

export const CounterpointsSchema = v.array(
  v.strictObject({
    id: Id,
    kind: v.picklist(['leaves-out', 'holds'], 'must be "leaves-out" or "holds"'),
    text: Text(400),
    source: SourceSchema,
  }),
);

export const CuesSchema = v.strictObject({
  contexts: v.record(Id, v.pipe(v.array(PatternText), v.minLength(1))),
  critique: v.array(PatternText),
  otherSenses: v.array(PatternText),
});

export interface Problem {
  /** The file at fault. */
  file: string;
  /** Where in the file, as a dotted path ("claims.0.triggers.2"). */
  field: string;
  message: string;
}

function issuesToProblems(file: string, issues: v.BaseIssue<unknown>[]): Problem[] {
  return issues.map((issue) => ({
    file,
    field: issue.path?.map((item) => String(item.key)).join('.') || '(top)',
    message: issue.message,
  }));
}

export function checkShape<T>(schema: v.GenericSchema<unknown, T>, file: string, data: unknown): { value?: T; problems: Problem[] } {
  const result = v.safeParse(schema, data);
  return result.success ? { value: result.output, problems: [] } : { problems: issuesToProblems(file, result.issues) };
}

/** The library's files: one per frame, the shared counterpoints, and the cues. */
export interface LibraryFiles {
  frames: { file: string; data: unknown }[];
  counterpoints: { file: string; data: unknown };
  cues: { file: string; data: unknown };
}

/** Checks each file's shape; returns the typed library only when every file is sound. */
export function checkLibraryShape(files: LibraryFiles): { library?: ClaimLibrary; problems: Problem[] } {
  const frames = files.frames.map((f) => checkShape<Frame>(FrameSchema, f.file, f.data));
  const counterpoints = checkShape<Counterpoint[]>(CounterpointsSchema, files.counterpoints.file, files.counterpoints.data);
  const cues = checkShape<Cues>(CuesSchema, files.cues.file, files.cues.data);
  const problems = [...frames.flatMap((f) => f.problems), ...counterpoints.problems, ...cues.problems];
  if (problems.length > 0) return { problems };
  return {
    library: { frames: frames.map((f) => f.value!), counterpoints: counterpoints.value!, cues: cues.value! },
    problems,
  };
}
