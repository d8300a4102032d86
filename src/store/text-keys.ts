/**
 * The keys the store indexes by, computed in TypeScript so that SQLite and PostgreSQL see the same
 * words: folded text for full-text search, slugs for names, date ranges, country names.
 */

// Module-level: under tsx (tests, benches) esbuild compiles a `\p{…}` literal inside a function into
// `new RegExp(…)`, rebuilt on every call.
const MARKS = /\p{M}+/gu;
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;
// ASCII with the non-ASCII punctuation of English news (no-break space, dashes, curly quotes,
// guillemets, the ellipsis): none is a letter or digit, none decomposes into one, and all become
// the separating space as they are.
const ASCII_AND_PUNCTUATION = /^[\0-\x7f\u00a0\u00ab\u00bb\u2010-\u2015\u2018-\u201f\u2026]*$/;

/** Bytes of {@link foldAsciiWords}' result, reused (grown when a text needs more). */
let folded = Buffer.alloc(4096);

/**
 * What `text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim()` gives for a text whose letters are
 * all ASCII, in one pass over its characters: the regular expression's replacement, a thousand
 * matches in an article, was three quarters of the folding time.
 */
function foldAsciiWords(text: string): string {
  if (folded.length < text.length) folded = Buffer.alloc(text.length * 2);
  const bytes = folded;
  let length = 0;
  let gap = false;
  for (let at = 0; at < text.length; at++) {
    let code = text.charCodeAt(at);
    if (code >= 65 && code <= 90) code += 32;
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) {
      if (gap && length > 0) bytes[length++] = 32;
      gap = false;
      bytes[length++] = code;
    } else gap = true;
  }
  return bytes.toString('latin1', 0, length);
}

/**
 * Folds text for indexing: accents off, lower case, every run of non-letters and non-digits one
 * space. Both back ends then tokenise on spaces only, so "al-Qa’ida" is `al qa ida` in both
 * (SQLite's unicode61 and PostgreSQL's default parser disagree on hyphens, apostrophes and dots).
 */
export function foldText(text: string): string {
  // ASCII has no decompositions or marks, and its letters and digits are [A-Za-z0-9]; the
  // punctuation ASCII_AND_PUNCTUATION allows is neither: the same result without the Unicode
  // tables for most names and English articles (normalising a whole article took a third of the
  // time its rows took to build).
  if (ASCII_AND_PUNCTUATION.test(text)) return foldAsciiWords(text);
  return text
    .normalize('NFKD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(NOT_LETTER_OR_DIGIT, ' ')
    .trim();
}

/** Slug of a name: folded words joined by `-` (`Al-Qa’ida` → `al-qa-ida`). */
export function slugify(name: string): string {
  return foldText(name).replace(/ /g, '-');
}

/** One part of a full-text query: words that must occur next to each other, the last maybe as a prefix. */
export interface QueryTerm {
  readonly words: readonly string[];
  readonly prefix: boolean;
}

/**
 * Parses a user query: whitespace-separated words must all occur; `"quoted phrases"` must occur
 * in order; a word that folds to several (`al-Qa'ida`) is a phrase; a trailing `*` is a prefix.
 */
export function parseQuery(query: string): QueryTerm[] {
  const terms: QueryTerm[] = [];
  for (const match of query.matchAll(/"([^"]*)"|(\S+)/g)) {
    const raw = match[1] ?? match[2] ?? '';
    const prefix = match[2] !== undefined && raw.endsWith('*');
    const words = foldText(raw).split(' ').filter(Boolean);
    if (words.length > 0) terms.push({ words, prefix });
  }
  return terms;
}

/** The query as an FTS5 MATCH expression (tokens are letters and digits only, so quoting is safe). */
export function toFts5Query(terms: readonly QueryTerm[]): string {
  return terms.map((term) => `"${term.words.join(' ')}"${term.prefix ? '*' : ''}`).join(' ');
}

/** The query as a PostgreSQL `to_tsquery('simple', …)` string. */
export function toTsQuery(terms: readonly QueryTerm[]): string {
  return terms
    .map((term) => {
      const words = term.words.map((word, index) => (term.prefix && index === term.words.length - 1 ? `${word}:*` : word));
      return words.length === 1 ? words[0] : `(${words.join(' <-> ')})`;
    })
    .join(' & ');
}

/** A short piece of `text` around the first query word found (or the start). */
export function snippet(text: string, terms: readonly QueryTerm[], width = 160): string {
  const lower = text.toLowerCase();
  let at = -1;
  for (const term of terms) {
    const word = term.words[0];
    if (!word) continue;
    const found = lower.indexOf(word);
    if (found >= 0 && (at < 0 || found < at)) at = found;
  }
  const begin = at < 0 ? 0 : Math.max(0, at - Math.floor(width / 3));
  const piece = text.slice(begin, begin + width).replace(/\s+/g, ' ').trim();
  return `${begin > 0 ? '…' : ''}${piece}${begin + width < text.length ? '…' : ''}`;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function lastDay(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return DAYS_IN_MONTH[month - 1] ?? 31;
}

/** First and last day a TIMEX3-like date value covers (`2018` → 2018-01-01…2018-12-31), or null. */
export function dateRange(value: string | null | undefined): { start: string; end: string } | null {
  if (!value) return null;
  const day = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (day) return { start: `${day[1]}-${day[2]}-${day[3]}`, end: `${day[1]}-${day[2]}-${day[3]}` };
  const quarter = /^(\d{4})-Q([1-4])$/.exec(value);
  if (quarter) {
    const year = Number(quarter[1]);
    const first = (Number(quarter[2]) - 1) * 3 + 1;
    const pad = (n: number): string => String(n).padStart(2, '0');
    return { start: `${year}-${pad(first)}-01`, end: `${year}-${pad(first + 2)}-${pad(lastDay(year, first + 2))}` };
  }
  const month = /^(\d{4})-(\d{2})$/.exec(value);
  if (month) {
    const monthNumber = Number(month[2]);
    if (monthNumber < 1 || monthNumber > 12) return null;
    return { start: `${month[1]}-${month[2]}-01`, end: `${month[1]}-${month[2]}-${String(lastDay(Number(month[1]), monthNumber)).padStart(2, '0')}` };
  }
  const year = /^(\d{4})$/.exec(value);
  if (year) return { start: `${year[1]}-01-01`, end: `${year[1]}-12-31` };
  return null;
}

const REGION_NAMES = new Intl.DisplayNames(['en'], { type: 'region' });

/** English country name of an ISO 3166 alpha-2 code (`LY` → `Libya`), or null when unknown. */
export function countryName(code: string | null | undefined): string | null {
  if (!code || !/^[A-Za-z]{2}$/.test(code)) return null;
  const upper = code.toUpperCase();
  try {
    const name = REGION_NAMES.of(upper);
    return name && name !== upper ? name : null;
  } catch {
    return null;
  }
}
