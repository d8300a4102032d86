/**
 * Publication dates as news pages write them: machine values in meta tags and JSON-LD
 * (`2018-03-28T13:23:00Z`, `20180328`, `1522243380`), dates in prose (`Wed March 28, 2018`,
 * `28 March 2018`), a visible line such as `Updated 1:23 PM ET, Wed March 28, 2018`, and a date in
 * a URL path (`/2015/04/08/`).
 */

const MONTH_PATTERN =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

// "March 28, 2018", "Mar. 28 2018", "Wed March 28th, 2018"
const MONTH_DAY_YEAR = new RegExp(`\\b${MONTH_PATTERN}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i');
// "28 March 2018", "Wed, 28 Mar 2018 13:23:00 GMT", "28th of March, 2018"
const DAY_MONTH_YEAR = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_PATTERN}\\.?,?\\s+(\\d{4})\\b`, 'i');
// "2018-03-28", "2018/03/28", "2018.03.28"
const YEAR_MONTH_DAY = /\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b/;
// "03/28/2018" (US order unless the first number cannot be a month), "28.03.2018"
const NUMERIC_DAY_MONTH_YEAR = /\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b/;
const ISO_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?/i;

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** `YYYY-MM-DD` when the parts make a real calendar day between 1900 and 2100, else undefined. */
export function calendarDate(year: number, month: number, day: number): string | undefined {
  if (!(year >= 1900 && year <= 2100 && month >= 1 && month <= 12 && day >= 1 && day <= 31)) return undefined;
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1) return undefined; // 31 April, 30 February
  return `${year}-${pad(month)}-${pad(day)}`;
}

function monthNumber(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

/**
 * The first calendar date written in prose (`March 28, 2018`, `28 March 2018`, `2018-03-28`,
 * `03/28/2018`), as `YYYY-MM-DD`. Dates without a year are not read: the year cannot be known.
 */
export function findTextDate(text: string): string | undefined {
  const found: { index: number; date: string }[] = [];
  const monthFirst = MONTH_DAY_YEAR.exec(text);
  if (monthFirst) {
    const date = calendarDate(Number(monthFirst[3]), monthNumber(monthFirst[1] ?? ''), Number(monthFirst[2]));
    if (date) found.push({ index: monthFirst.index, date });
  }
  const dayFirst = DAY_MONTH_YEAR.exec(text);
  if (dayFirst) {
    const date = calendarDate(Number(dayFirst[3]), monthNumber(dayFirst[2] ?? ''), Number(dayFirst[1]));
    if (date) found.push({ index: dayFirst.index, date });
  }
  const yearFirst = YEAR_MONTH_DAY.exec(text);
  if (yearFirst) {
    const date = calendarDate(Number(yearFirst[1]), Number(yearFirst[2]), Number(yearFirst[3]));
    if (date) found.push({ index: yearFirst.index, date });
  }
  const numeric = NUMERIC_DAY_MONTH_YEAR.exec(text);
  if (numeric) {
    const first = Number(numeric[1]);
    const second = Number(numeric[2]);
    // "03/28/2018" is US order; "28/03/2018" can only be day first.
    const date = first > 12 ? calendarDate(Number(numeric[3]), second, first) : calendarDate(Number(numeric[3]), first, second);
    if (date) found.push({ index: numeric.index, date });
  }
  found.sort((left, right) => left.index - right.index);
  return found[0]?.date;
}

/**
 * Normalises a machine-written date value (meta tag, JSON-LD, `<time datetime>`): an ISO
 * timestamp keeps its time and offset (`2018-03-28T13:23:00-04:00`), a bare date or a prose date
 * becomes `YYYY-MM-DD`, a Unix time in seconds or milliseconds becomes a UTC timestamp.
 * Undefined when the value holds no date.
 */
export function normalizeDateValue(value: string): string | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  const iso = ISO_TIMESTAMP.exec(trimmed);
  if (iso) {
    const date = calendarDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (!date) return undefined;
    if (iso[4] === undefined) return date;
    const hours = Number(iso[4]);
    const minutes = Number(iso[5]);
    const seconds = Number(iso[6] ?? '0');
    if (hours > 23 || minutes > 59 || seconds > 60) return date;
    const zone = iso[7] === undefined ? '' : iso[7].toUpperCase() === 'Z' ? 'Z' : iso[7].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
    return `${date}T${pad(hours)}:${pad(minutes)}:${pad(seconds)}${zone}`;
  }
  const compact = /^(\d{4})(\d{2})(\d{2})(?:$|T)/.exec(trimmed);
  if (compact) return calendarDate(Number(compact[1]), Number(compact[2]), Number(compact[3]));
  if (/^\d{10}$|^\d{13}$/.test(trimmed)) {
    const milliseconds = trimmed.length === 10 ? Number(trimmed) * 1000 : Number(trimmed);
    const stamp = new Date(milliseconds);
    const year = stamp.getUTCFullYear();
    return year >= 1990 && year <= 2100 ? stamp.toISOString().replace('.000Z', 'Z') : undefined;
  }
  return findTextDate(trimmed);
}

// Cue words that introduce a page's own date line. "Updated 1:23 PM ET, Wed March 28, 2018"
// (CNN) puts a time and a weekday between the cue and the date, so allow a short gap.
// The date must come before the next cue: "Updated Nov 19, 9:41 AM; Posted Nov 18, 8:19 PM".
const VISIBLE_DATE_CUE =
  /\b(published|posted|first published|updated|last updated|last modified|modified)\b(?:\s+(?:on|at))?[\s:|,-]*((?:(?!\b(?:published|posted|updated|modified)\b)[^\n]){0,60})/gi;

/** A date taken from a page's visible text, with the cue that introduced it. */
export interface VisibleDate {
  readonly date: string;
  readonly cue: string;
}

/**
 * The page's own date line in visible text: a date within 60 characters after `Published`,
 * `Posted` or `Updated`. A `Published`/`Posted` line wins over an `Updated` one, else the first.
 */
export function findVisibleDate(text: string): VisibleDate | undefined {
  let updated: VisibleDate | undefined;
  for (const match of text.matchAll(VISIBLE_DATE_CUE)) {
    const cue = (match[1] ?? '').toLowerCase();
    const date = findTextDate(match[2] ?? '');
    if (!date) continue;
    if (!/updated|modified/.test(cue)) return { date, cue };
    updated ??= { date, cue };
  }
  return updated;
}

/** A date written in a URL path: `/2015/04/08/`, `/2015-04-08/`, `/20150408/`; else undefined. */
export function dateFromUrl(url: string): string | undefined {
  let path = url;
  try {
    path = new URL(url).pathname;
  } catch {
    // Not an absolute URL: read it as a path.
  }
  const slashed = /(?:^|\/)((?:19|20)\d{2})\/(\d{1,2})\/(\d{1,2})(?=\/|$|[^\d])/.exec(path);
  if (slashed) return calendarDate(Number(slashed[1]), Number(slashed[2]), Number(slashed[3]));
  const dashed = /(?:^|[/_-])((?:19|20)\d{2})-(\d{2})-(\d{2})(?=$|[^\d])/.exec(path);
  if (dashed) return calendarDate(Number(dashed[1]), Number(dashed[2]), Number(dashed[3]));
  const compact = /(?:^|\/)((?:19|20)\d{2})(\d{2})(\d{2})(?=\/|$)/.exec(path);
  if (compact) return calendarDate(Number(compact[1]), Number(compact[2]), Number(compact[3]));
  return undefined;
}
