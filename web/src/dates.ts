/**
 * TIMEX3 values read as day ranges, for the timeline. Days are counted from 1970-01-01 (UTC).
 */

/** A value's first and last day (inclusive) and how precise it is. */
export interface DayRange {
  readonly first: number;
  readonly last: number;
  readonly precision: 'day' | 'week' | 'month' | 'season' | 'quarter' | 'year' | 'decade' | 'century';
}

const DAY_MS = 86_400_000;

/** Day number of a UTC calendar date (`month` 1–12; day 0 is the last day of the month before). */
export function dayNumber(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / DAY_MS);
}

/** `YYYY-MM-DD` of a day number. */
export function formatDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

const SEASONS: Record<string, readonly [number, number]> = { SP: [3, 5], SU: [6, 8], FA: [9, 11], WI: [12, 14] };

/**
 * The days a TIMEX3 date value covers: `2018-03-24`, `2018-03-24T10:00`, `2018-03`, `2018`,
 * `2018-Q1`, `2018-W12`, `2018-SU`, `197` (the 1970s), `19` (the 1900s). Anything else
 * (`PRESENT_REF`, `P3Y`, `XXXX-WXX-1`) has no place on a calendar: null.
 */
export function timexDays(value: string): DayRange | null {
  let match = /^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$/.exec(value);
  if (match) {
    const day = dayNumber(Number(match[1]), Number(match[2]), Number(match[3]));
    return { first: day, last: day, precision: 'day' };
  }
  match = /^(\d{4})-(\d{2})$/.exec(value);
  if (match) {
    const year = Number(match[1]);
    const month = Number(match[2]);
    if (month < 1 || month > 12) return null;
    return { first: dayNumber(year, month, 1), last: dayNumber(year, month + 1, 0), precision: 'month' };
  }
  match = /^(\d{4})-Q([1-4])$/.exec(value);
  if (match) {
    const year = Number(match[1]);
    const month = (Number(match[2]) - 1) * 3 + 1;
    return { first: dayNumber(year, month, 1), last: dayNumber(year, month + 3, 0), precision: 'quarter' };
  }
  match = /^(\d{4})-W(\d{2})$/.exec(value);
  if (match) {
    const year = Number(match[1]);
    // ISO week 1 holds January 4th; weeks start on Monday.
    const january4 = dayNumber(year, 1, 4);
    const weekday = (new Date(january4 * DAY_MS).getUTCDay() + 6) % 7;
    const first = january4 - weekday + (Number(match[2]) - 1) * 7;
    return { first, last: first + 6, precision: 'week' };
  }
  match = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value);
  if (match) {
    const year = Number(match[1]);
    const [from, to] = SEASONS[match[2] as string] as readonly [number, number];
    return { first: dayNumber(year, from, 1), last: dayNumber(year, to + 1, 0), precision: 'season' };
  }
  match = /^(\d{4})$/.exec(value);
  if (match) {
    const year = Number(match[1]);
    return { first: dayNumber(year, 1, 1), last: dayNumber(year, 12, 31), precision: 'year' };
  }
  match = /^(\d{3})$/.exec(value);
  if (match) {
    const year = Number(match[1]) * 10;
    return { first: dayNumber(year, 1, 1), last: dayNumber(year + 9, 12, 31), precision: 'decade' };
  }
  match = /^(\d{2})$/.exec(value);
  if (match) {
    const year = Number(match[1]) * 100;
    return { first: dayNumber(year, 1, 1), last: dayNumber(year + 99, 12, 31), precision: 'century' };
  }
  return null;
}
