/**
 * The events stage: PLOVER / ACLED typed event records with actors, place, date, casualties, source,
 * flags and evidence (see `event-extractor.ts`).
 */
import type { Stage } from '../../pipeline/stage.js';
import { loadEventTypeModels, type EventTypeModels } from './event-classifier.js';
import { extractEvents } from './event-extractor.js';

export { extractEvents, findCasualties, actorKind, type ExtractEventsOptions } from './event-extractor.js';
export { classifyEventText, classifyAcledByLexicon, classifyPloverByLexicon, loadEventTypeModels, type EventTypeModels, type EventTypeResult } from './event-classifier.js';
export { eventsToCsv, EVENTS_CSV_COLUMNS } from './events-csv.js';

/** Events: requires the text, sentences, tokens and every layer events draw on; assigns `events`. */
export const eventsStage: Stage = {
  name: 'events',
  requires: ['text', 'sentences', 'tokens', 'mentions', 'entities', 'timexes', 'places', 'quotes'],
  assigns: ['events'],
  load: () => loadEventTypeModels(),
  run: (doc, resource, context) => ({
    events: extractEvents(doc, resource as EventTypeModels, context.published ? { published: context.published } : {}),
  }),
};
