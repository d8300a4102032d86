/**
 * ACLED-like CSV of stored events, for conflict-data users.
 */
import type { EventRecord } from './store.js';

/** The CSV columns, in order (ACLED's names). */
export const EVENT_CSV_COLUMNS = [
  'event_date', 'event_type', 'sub_event_type', 'actor1', 'actor2', 'country', 'location', 'latitude', 'longitude', 'fatalities', 'source', 'notes',
] as const;

/** Quotes a CSV field when it needs it (RFC 4180). */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  // A leading = + - @ would run as a formula when the file is opened in a spreadsheet.
  const safe = /^[=+\-@]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One CSV line (without the line break) for an event. */
export function eventCsvLine(event: EventRecord): string {
  return [
    event.date, event.acledType, event.acledSubType, event.actor1, event.actor2, event.country, event.location,
    event.latitude, event.longitude, event.fatalities, event.source, event.notes,
  ].map(csvField).join(',');
}

/** The whole CSV (header first, CRLF line breaks as RFC 4180 says). */
export function eventsToCsv(events: readonly EventRecord[]): string {
  return [EVENT_CSV_COLUMNS.join(','), ...events.map(eventCsvLine)].map((line) => `${line}\r\n`).join('');
}
