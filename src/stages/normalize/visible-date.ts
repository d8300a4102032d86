/**
 * Publication dates written in the page text: `Updated 1:23 PM ET, Wed March 28, 2018`,
 * `Published March 28, 2018`, `28 March 2018 14:02 GMT`.
 */

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
const MONTH = String.raw`(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;
const MONTH_DAY_YEAR = new RegExp(String.raw`\b${MONTH}\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`, 'i');
const DAY_MONTH_YEAR = new RegExp(String.raw`\b(\d{1,2})\s+${MONTH}\s+(\d{4})\b`, 'i');
const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})\b/;
const TIMESTAMP_WORDS = /^(?:Updated|Published|Posted|Last updated|First published|Modified)\b|^\d{1,2}:\d{2}\s*[AP]\.?M\.?\b|^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s/i;

/** A date found in visible text. */
export interface VisibleDate {
  /** `YYYY-MM-DD`. */
  readonly date: string;
  /** True when the whole line is a timestamp (safe to remove from the story). */
  readonly wholeLine: boolean;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

function isValid(year: number, month: number, day: number): boolean {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 31) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCDate() === day;
}

/** Reads a calendar date from a short line, if it reads as a timestamp line. */
export function findVisibleDate(line: string): VisibleDate | undefined {
  const content = line.trim();
  if (content.length > 120) return undefined;
  let year = 0;
  let month = 0;
  let day = 0;
  let match: RegExpExecArray | null;
  if ((match = MONTH_DAY_YEAR.exec(content)) && match[1] && match[2] && match[3]) {
    month = MONTHS[match[1].slice(0, 3).toLowerCase()] ?? 0;
    day = Number(match[2]);
    year = Number(match[3]);
  } else if ((match = DAY_MONTH_YEAR.exec(content)) && match[1] && match[2] && match[3]) {
    day = Number(match[1]);
    month = MONTHS[match[2].slice(0, 3).toLowerCase()] ?? 0;
    year = Number(match[3]);
  } else if ((match = ISO_DATE.exec(content)) && match[1] && match[2] && match[3]) {
    year = Number(match[1]);
    month = Number(match[2]);
    day = Number(match[3]);
  } else return undefined;
  if (!isValid(year, month, day)) return undefined;
  // A whole line is a timestamp when it opens like one and holds little else than the date and time.
  const rest = content.replace(match[0], '').replace(/\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AP]\.?M\.?)?|\b(?:ET|EST|EDT|GMT|UTC|BST|CET|PT|PST|PDT)\b|[,|•·]/gi, '').trim();
  const wholeLine = TIMESTAMP_WORDS.test(content) && rest.split(/\s+/).filter(Boolean).length <= 4;
  return { date: `${year}-${pad(month)}-${pad(day)}`, wholeLine };
}
