/**
 * Calendar arithmetic on plain year/month/day triples (proleptic Gregorian, no time zones), so
 * that resolving a time expression never depends on the machine's clock or zone.
 */

/** A calendar day. `month` is 1–12, `day` 1–31. */
export interface CalendarDay {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Reads `YYYY-MM-DD` (optionally followed by a time) into a calendar day; undefined when not a date. */
export function parseCalendarDay(value: string | undefined): CalendarDay | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value ?? '');
  if (!match) return undefined;
  const day = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  if (day.month < 1 || day.month > 12 || day.day < 1 || day.day > daysInMonth(day.year, day.month)) return undefined;
  return day;
}

/** Number of days in a month of a year. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function fromDate(date: Date): CalendarDay {
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

function toDate(day: CalendarDay): Date {
  const date = new Date(Date.UTC(2000, day.month - 1, day.day));
  date.setUTCFullYear(day.year);
  return date;
}

/** The day `count` days after (negative: before) `day`. */
export function addDays(day: CalendarDay, count: number): CalendarDay {
  const date = toDate(day);
  date.setUTCDate(date.getUTCDate() + count);
  return fromDate(date);
}

/** The same day `count` months later (clamped to the month's last day). */
export function addMonths(day: CalendarDay, count: number): CalendarDay {
  const index = day.year * 12 + (day.month - 1) + count;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { year, month, day: Math.min(day.day, daysInMonth(year, month)) };
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function weekdayOf(day: CalendarDay): number {
  const weekday = toDate(day).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

/** ISO-8601 week-numbering year and week of a day. */
export function isoWeekOf(day: CalendarDay): { year: number; week: number } {
  const thursday = addDays(day, 4 - weekdayOf(day));
  const firstOfYear = toDate({ year: thursday.year, month: 1, day: 1 });
  const ordinal = Math.round((toDate(thursday).getTime() - firstOfYear.getTime()) / 86_400_000);
  return { year: thursday.year, week: Math.floor(ordinal / 7) + 1 };
}

/** Quarter 1–4 of a month. */
export function quarterOf(month: number): number {
  return Math.floor((month - 1) / 3) + 1;
}

/** Days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: CalendarDay, to: CalendarDay): number {
  return Math.round((toDate(to).getTime() - toDate(from).getTime()) / 86_400_000);
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** `YYYY` with four digits (years before 1000 zero-padded). */
export function formatYear(year: number): string {
  return pad(year, 4);
}

/** `YYYY-MM`. */
export function formatMonth(year: number, month: number): string {
  return `${formatYear(year)}-${pad(month)}`;
}

/** `YYYY-MM-DD`. */
export function formatDay(day: CalendarDay): string {
  return `${formatMonth(day.year, day.month)}-${pad(day.day)}`;
}

/** `YYYY-Www` (ISO week of the day). */
export function formatWeek(day: CalendarDay): string {
  const { year, week } = isoWeekOf(day);
  return `${formatYear(year)}-W${pad(week)}`;
}

/** `HH:MM` clock time. */
export function formatClock(hour: number, minute: number): string {
  return `${pad(hour)}:${pad(minute)}`;
}
