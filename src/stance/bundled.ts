import weights from './weights.json';
import { loadModel, type ModelFile, type StanceModel } from './model';

let bundled: StanceModel | undefined;

/** The model shipped with the extension (weights.json), read on first use. */
export function bundledStanceModel(): StanceModel {
  bundled ??= loadModel(weights as ModelFile);
  return bundled;
}
