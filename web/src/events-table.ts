/**
 * The events table: one row per event record, ACLED-like columns with the PLOVER type.
 */
import type { Doc, EventActor } from '../../src/doc/schema.js';
import { indexDoc, spanText } from './annotations.js';
import { element } from './dom.js';

function actors(list: readonly EventActor[]): string {
  return list.map((actor) => `${actor.name}${actor.kind ? ` (${actor.kind})` : ''}`).join('; ');
}

const HEADERS = ['Id', 'Date', 'Type', 'ACLED type', 'Actors', 'Targets', 'Place', 'Casualties', 'Source', 'Flags', 'Trigger'];

/** Builds the events table (or a note when the article has no events). */
export function renderEventsTable(doc: Doc): HTMLElement {
  if (doc.events.length === 0) return element('p', { class: 'empty events-empty' }, 'No events in this article.');
  const index = indexDoc(doc);
  const rows = doc.events.map((event) => {
    const casualties = event.casualties.map((casualty) => `${casualty.count ?? '?'}${casualty.qualifier === 'minimum' ? '+' : casualty.qualifier === 'approximate' ? '~' : ''} ${casualty.kind}`).join(', ');
    const flags = Object.entries(event.flags).filter(([, on]) => on).map(([flag]) => flag).join(', ');
    return element('tr', { 'data-ref': event.id },
      element('td', {}, event.id),
      element('td', {}, event.date ? element('span', { title: event.date.fromPublication ? 'publication date' : event.date.timex ? `from ${event.date.timex}` : '' }, event.date.value) : ''),
      element('td', {}, element('strong', {}, event.ploverType), event.mode ? ` / ${event.mode}` : ''),
      element('td', {}, event.acledType, element('div', { class: 'muted' }, event.acledSubType)),
      element('td', {}, actors(event.actors)),
      element('td', {}, actors(event.targets)),
      element('td', {}, event.place ? index.placeNames.get(event.place) ?? event.place : ''),
      element('td', {}, casualties),
      element('td', {}, event.source?.name ?? ''),
      element('td', { class: 'muted' }, flags),
      element('td', {}, element('em', { title: event.evidence.map((span) => spanText(doc, span)).join('\n') }, spanText(doc, event.trigger))));
  });
  return element('table', { class: 'events-table' },
    element('thead', {}, element('tr', {}, HEADERS.map((header) => element('th', {}, header)))),
    element('tbody', {}, rows));
}
