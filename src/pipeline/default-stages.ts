/**
 * The stage order of the default pipeline: plain code in one place.
 */
import { entitiesStage } from '../stages/entities/stage.js';
import { eventsStage } from '../stages/events/stage.js';
import { normalizeStage } from '../stages/normalize/stage.js';
import { placesStage } from '../stages/places/stage.js';
import { quotesStage } from '../stages/quotes/stage.js';
import { summaryStage } from '../stages/summary/stage.js';
import { segmentStage } from '../stages/segment/stage.js';
import { timeStage } from '../stages/time/stage.js';
import type { Stage } from './stage.js';

/** The stages `analyze` runs, in order. */
export function defaultStages(): Stage[] {
  return [normalizeStage, segmentStage, entitiesStage, timeStage, quotesStage, placesStage, eventsStage, summaryStage];
}

/**
 * Where a split worker pool cuts the default pipeline: its front half (ingest, normalize, segment,
 * entities, time, quotes) and its back half (places, events, summary, and the output) take about
 * the same time on news text (quotes, which need no places, run before places for that balance).
 */
export const defaultSplitStage = 'places';
