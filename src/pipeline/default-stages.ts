/**
 * The stage order of the default pipeline: plain code in one place.
 */
import { normalizeStage } from '../stages/normalize/stage.js';
import { segmentStage } from '../stages/segment/stage.js';
import type { Stage } from './stage.js';

/** The stages `analyze` runs, in order. */
export function defaultStages(): Stage[] {
  return [normalizeStage, segmentStage];
}
