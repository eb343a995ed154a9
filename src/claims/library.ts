import type { ClaimLibrary, Frame } from './types';
import counterpoints from './counterpoints.json';
import cues from './cues.json';
import armsRace from './frames/arms-race.json';
import beatChina from './frames/beat-china.json';
import coldWar from './frames/cold-war.json';
import finishLine from './frames/finish-line.json';
import raceToTheBottom from './frames/race-to-the-bottom.json';
import scoreboard from './frames/scoreboard.json';
import supremacy from './frames/supremacy.json';
import zeroSum from './frames/zero-sum.json';

/**
 * The library bundled with the extension, one file per frame. A new frame file is listed here; the
 * lint (`npm run lint:claims`) fails when a file in frames/ is missing from this list. The data is
 * checked by the lint and the tests, so the extension does not pay for a schema check on every page.
 */
export const BUNDLED_FRAME_FILES: Record<string, unknown> = {
  'arms-race.json': armsRace,
  'beat-china.json': beatChina,
  'zero-sum.json': zeroSum,
  'finish-line.json': finishLine,
  'cold-war.json': coldWar,
  'scoreboard.json': scoreboard,
  'supremacy.json': supremacy,
  'race-to-the-bottom.json': raceToTheBottom,
};

export const bundledLibrary: ClaimLibrary = {
  frames: Object.values(BUNDLED_FRAME_FILES) as Frame[],
  counterpoints,
  cues: cues,
};
