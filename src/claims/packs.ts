import * as v from 'valibot';
import { gateDataOf } from '../gate/words';
import { bundledLibrary } from './library';
import { formatProblem, lintLibrary } from './lint';
import { checkShape, CounterpointsSchema, FrameSchema, Id } from './schema';
import type { ClaimLibrary, Counterpoint, Frame } from './types';

/**
 * A claim pack as stored once imported: frames (with their claims and examples) and counterpoints a
 * curator wrote, beside the bundled library. Packs use the bundled cues (contexts, critique words).
 */
const StoredPackSchema = v.strictObject({ id: Id, name: v.string(), frames: v.array(FrameSchema), counterpoints: CounterpointsSchema });

export type ClaimPack = v.InferOutput<typeof StoredPackSchema>;

/** Stored packs, checked again where they cross to another context (the offscreen document); throws, naming the fault, where one does not fit. */
export function storedPacks(data: unknown[]): ClaimPack[] {
  const result = v.safeParse(v.array(StoredPackSchema), data.map(upgradePack));
  if (!result.success) throw new Error(`stored claim packs do not fit: ${result.issues.map((i) => i.message).join('; ')}`);
  return result.output;
}

export const PACK_FORMAT = 'counterframe-claim-pack';
export const PACK_VERSION = 2;
/** A pack file larger than this is refused before it is parsed: the bundled library is about 60 KB. */
export const MAX_PACK_FILE_BYTES = 512 * 1024;

const PackSchema = v.strictObject({
  format: v.literal(PACK_FORMAT, `must be "${PACK_FORMAT}"`),
  version: v.literal(PACK_VERSION, `must be ${PACK_VERSION} (files of version 1 are read too)`),
  id: Id,
  name: v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(80, 'must be at most 80 characters')),
  frames: v.pipe(v.array(v.unknown()), v.minLength(1, 'needs at least one frame'), v.maxLength(50, 'may hold at most 50 frames')),
  counterpoints: v.pipe(v.array(v.unknown()), v.maxLength(1000, 'may hold at most 1000 counterpoints')),
});

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** The bundled counterpoints that version 1 showed as "where it holds": it gave each point one kind, everywhere. */
const V1_BUNDLED_HOLDS = ['chips-contest-holds', 'military-ai-holds', 'agi-payoff-holds', 'real-gaps-holds', 'export-controls-holds'];

/**
 * A pack (a file, or one an earlier version stored) in this version's shape. Version 1 gave each
 * counterpoint a kind, the same on every card, and each claim one list of counterpoints; now each
 * claim lists what it leaves out and where it holds, so a version 1 claim's list is split by the
 * kinds its points had. Anything else is left as it is, for the schema to judge.
 */
export function upgradePack(data: unknown): unknown {
  if (!isRecord(data) || !Array.isArray(data.frames) || !Array.isArray(data.counterpoints)) return data;
  const holds = new Set(V1_BUNDLED_HOLDS);
  const counterpoints = data.counterpoints.map((point: unknown) => {
    if (!isRecord(point) || !('kind' in point)) return point;
    const { kind, ...rest } = point;
    if (kind === 'holds') holds.add(String(rest.id));
    return rest;
  });
  const upgradeClaim = (claim: unknown) => {
    if (!isRecord(claim) || !Array.isArray(claim.counterpoints)) return claim;
    const { counterpoints: ids, ...rest } = claim as { counterpoints: unknown[] };
    return { ...rest, leavesOut: ids.filter((id) => !holds.has(id as string)), holds: ids.filter((id) => holds.has(id as string)) };
  };
  const frames = data.frames.map((frame: unknown) =>
    isRecord(frame) && Array.isArray(frame.claims) ? { ...frame, claims: frame.claims.map(upgradeClaim) } : frame,
  );
  return { ...data, ...(data.version === 1 && { version: PACK_VERSION }), frames, counterpoints };
}

/** The bundled library with the reader's packs added. */
export function libraryWith(packs: ClaimPack[], base: ClaimLibrary = bundledLibrary): ClaimLibrary {
  if (packs.length === 0) return base;
  return {
    frames: [...base.frames, ...packs.flatMap((p) => p.frames)],
    counterpoints: [...base.counterpoints, ...packs.flatMap((p) => p.counterpoints)],
    cues: base.cues,
  };
}

/** The claim packs the reader imported, and what the gate script looks for with them. */
export interface InstalledPacks {
  packs: ClaimPack[];
  /**
   * The contexts the library with these packs needs (GateData.mentions), for the gate script on
   * pages where packs are installed. Null without packs: the gate script has the bundled library's.
   */
  mentions: string[] | null;
}

export function installedPacks(packs: ClaimPack[]): InstalledPacks {
  return { packs, mentions: packs.length > 0 ? gateDataOf(libraryWith(packs)).mentions : null };
}

/**
 * `installed` as this version of the extension makes it: `mentions` is computed when a pack is
 * imported, and an update may change what the bundled library's claims need. Stored packs of the
 * first version kept the gate's word lists instead, and packs of version 1 one list of
 * counterpoints per claim (upgradePack). The same object where nothing differs, so nothing is
 * written; throws where a stored pack does not fit.
 */
export function withCurrentMentions(installed: InstalledPacks): InstalledPacks {
  const current = installedPacks(storedPacks(installed.packs));
  return JSON.stringify(current) === JSON.stringify(installed) ? installed : current;
}

export type PackResult = { ok: true; pack: ClaimPack } | { ok: false; problems: string[] };

/**
 * Reads a pack file the reader chose, against the library it would join: the bundled library and
 * the packs installed (less an earlier version of this one, which it replaces). It must be JSON of the pack format, every pattern must be one the
 * project's own matcher compiles (there is no regular expression, eval or Function anywhere), every
 * link http(s), every id new and every reference resolved, and every example sentence must behave
 * as its label says. Each problem is named; a refused pack changes nothing.
 */
export function checkPack(text: string, installed: ClaimPack[], base: ClaimLibrary = bundledLibrary): PackResult {
  if (text.length > MAX_PACK_FILE_BYTES) {
    return { ok: false, problems: [`the file is larger than ${MAX_PACK_FILE_BYTES / 1024} KB`] };
  }
  let data: unknown;
  try {
    data = upgradePack(JSON.parse(text));
  } catch (error) {
    return { ok: false, problems: [`the file is not JSON: ${(error as Error).message}`] };
  }
  const head = checkShape(PackSchema, 'pack', data);
  if (!head.value) return { ok: false, problems: head.problems.map(formatProblem) };
  const frames = head.value.frames.map((frame, i) => checkShape<Frame>(FrameSchema, `frames.${i}`, frame));
  const counterpoints = checkShape<Counterpoint[]>(CounterpointsSchema, 'counterpoints', head.value.counterpoints);
  const shapes = [...frames.flatMap((f) => f.problems), ...counterpoints.problems];
  if (shapes.length > 0) return { ok: false, problems: shapes.map(formatProblem) };
  const pack: ClaimPack = { id: head.value.id, name: head.value.name, frames: frames.map((f) => f.value!), counterpoints: counterpoints.value! };
  // Lint the pack as part of the library it joins: clashing ids and dangling references show up there.
  const joins = libraryWith(
    installed.filter((p) => p.id !== pack.id),
    base,
  );
  const problems = lintLibrary({
    frames: [...joins.frames.map((f) => ({ file: `installed frame "${f.id}"`, data: f })), ...pack.frames.map((f, i) => ({ file: `frames.${i}`, data: f }))],
    counterpoints: { file: 'counterpoints', data: [...joins.counterpoints, ...pack.counterpoints] },
    cues: { file: 'installed cues', data: joins.cues },
  });
  return problems.length > 0 ? { ok: false, problems: problems.map(formatProblem) } : { ok: true, pack };
}
