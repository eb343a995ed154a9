import weights from './weights.json';
import { loadModel, type StanceModel } from './model';

let bundled: StanceModel | undefined;

/** The model shipped with the extension (weights.json), read on first use. */
export function bundledStanceModel(): StanceModel {
  bundled ??= loadModel(weights);
  return bundled;
}
