/**
 * ACLED-style CSV of event records: one row per event, ACLED's columns plus PLOVER type and mode.
 */
import type { Doc, Event, EventActor } from '../../doc/schema.js';

/** Column order of {@link eventsToCsv}. */
export const EVENTS_CSV_COLUMNS = [
  'event_id', 'article_id', 'event_date', 'event_type', 'sub_event_type', 'actor1', 'actor2', 'country', 'location', 'latitude', 'longitude',
  'fatalities', 'source', 'notes', 'plover_type', 'mode', 'flags',
] as const;

function csvField(value: string | number | undefined | null): string {
  const text = value === undefined || value === null ? '' : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function actorLabel(actors: readonly EventActor[]): string {
  return actors.map((actor) => [actor.name, actor.kind && `(${actor.kind}${actor.countryCode ? `, ${actor.countryCode}` : ''})`].filter(Boolean).join(' ')).join('; ');
}

/**
 * Fatalities as ACLED counts them: the largest killed count told (a minimum counts as its number; a zero as 0);
 * empty when no count was told.
 */
export function eventFatalities(event: Event): number | undefined {
  const counts = event.casualties.filter((casualty) => casualty.kind === 'killed' && casualty.count !== null).map((casualty) => casualty.count!);
  return counts.length ? Math.max(...counts) : undefined;
}

/** One CSV (header + a row per event, in document order) for a list of analysed Docs. */
export function eventsToCsv(docs: readonly Readonly<Doc>[]): string {
  const lines = [EVENTS_CSV_COLUMNS.join(',')];
  for (const doc of docs) {
    const placeById = new Map(doc.places.map((place) => [place.id, place]));
    for (const event of doc.events) {
      const place = event.place ? placeById.get(event.place) : undefined;
      const flags = Object.entries(event.flags).filter(([, on]) => on).map(([name]) => name).join(' ');
      const notes = event.evidence.map((span) => doc.text.slice(span.start, span.end).replace(/\s+/g, ' ').trim()).join(' ');
      const row = [
        event.id, doc.meta.id ?? '', event.date ? `${event.date.value}${event.date.fromPublication ? ' (publication date)' : ''}` : '', event.acledType, event.acledSubType,
        actorLabel(event.actors), actorLabel(event.targets), place?.countryCode ?? '', place?.name ?? '', place?.lat, place?.lon,
        eventFatalities(event), event.source?.name ?? '', notes, event.ploverType, event.mode ?? '', flags,
      ];
      lines.push(row.map(csvField).join(','));
    }
  }
  return `${lines.join('\n')}\n`;
}
