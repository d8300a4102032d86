/**
 * Finds time expressions in an article and resolves them to TIMEX3 values.
 *
 * Finders propose candidates (each a span, the rule that proposed it and a reader that turns it
 * into a value); overlapping candidates are settled longest-first; the survivors are read in text
 * order, so that `two days later` can lean on the date resolved before it. `chrono-node` proposes
 * explicit dates and clock times; Lede's own rules decide spans, types, values, the tense of bare
 * weekdays and months, quarters, durations, sets and the vague references (`now`, `recently`).
 */
// The English locale alone: the package root loads every locale (12 MB more per thread).
import * as chrono from 'chrono-node/en';
import type { ParsedComponents } from 'chrono-node';
import type { Diagnostic, Timex } from '../../doc/schema.js';
import { firstTokenStartingFrom } from '../../doc/token-search.js';
import {
  addDays,
  addMonths,
  daysBetween,
  daysInMonth,
  formatClock,
  formatDay,
  formatMonth,
  formatWeek,
  formatYear,
  parseCalendarDay,
  quarterOf,
  weekdayOf,
  type CalendarDay,
} from './calendar.js';
import { FULL_MONTH, WEEKDAY_NAME } from '../../lang/en/calendar.js';
import { pastVerbGovernsIn, TenseReader, type Tense } from './tense.js';
import { triggeredPattern, triggerVocabulary, TriggerIndex, type TriggeredPattern } from './trigger-scan.js';

/** A sentence span; only `start` and `end` are read. */
export interface SentenceSpan {
  readonly start: number;
  readonly end: number;
}

/** What {@link findTimexes} returns: the `timexes` layer and the diagnostics it raised. */
export interface TimexResult {
  readonly timexes: Timex[];
  readonly diagnostics: Diagnostic[];
}

type Precision = Timex['precision'];
type TimexType = Timex['type'];

/** `said `, `told reporters on `: what comes next dates a statement. */
const REPORTING_BEFORE = /\b(?:said|says|told(?:\s+\w+)?|announced|added|reported|confirmed|stated)\s+(?:on\s+)?$/i;

/** The value a reader gives a candidate. `anchor` names what the value was computed from. */
interface Reading {
  readonly type: TimexType;
  readonly value: string;
  readonly precision: Precision;
  readonly anchor: 'absolute' | 'published' | 'previous';
  readonly mod?: string;
  /** False when the value needed the publication date and there was none. */
  readonly resolved?: boolean;
  /** Calendar day the value starts on, for later relative expressions. */
  readonly day?: CalendarDay;
  /** Quarter named by the value, for `a year earlier` in earnings stories. */
  readonly quarter?: { readonly year: number; readonly quarter: number };
}

/** What a reader may look at besides its own match. */
interface ReadContext {
  readonly reference: CalendarDay | undefined;
  readonly tense: Tense;
  /** The latest resolved date before this expression, with its timex id. */
  readonly previous: { readonly reading: Reading; readonly id: string } | undefined;
  /** The first quarter named before this expression: the one an earnings story reports. */
  readonly namedQuarter: { readonly year: number; readonly quarter: number } | undefined;
  /** True when the article talks about quarters (an earnings story). */
  readonly financial: boolean;
}

interface Candidate {
  readonly start: number;
  readonly end: number;
  readonly rule: string;
  /** Lower wins among candidates of equal length. */
  readonly priority: number;
  readonly read: (context: ReadContext) => Reading | undefined;
}

// ---------------------------------------------------------------------------------------------
// Vocabulary

const MONTHS: readonly (readonly [RegExp, number])[] = [
  [/^jan(uary|\.)?$/i, 1], [/^feb(ruary|\.)?$/i, 2], [/^mar(ch|\.)?$/i, 3], [/^apr(il|\.)?$/i, 4], [/^may$/i, 5],
  [/^june?\.?$/i, 6], [/^july?\.?$/i, 7], [/^aug(ust|\.)?$/i, 8], [/^sept?(ember|\.)?$/i, 9], [/^oct(ober|\.)?$/i, 10],
  [/^nov(ember|\.)?$/i, 11], [/^dec(ember|\.)?$/i, 12],
];
const MONTH_NAME = '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Mar\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sept\\.|Sep\\.|Oct\\.|Nov\\.|Dec\\.)';
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const PART_OF_DAY = '(?:morning|afternoon|evening|night)';
const PART_CODES: Readonly<Record<string, string>> = { morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI', tonight: 'NI' };

const SMALL_NUMBERS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const DIGIT_WORD = '(?:one|two|three|four|five|six|seven|eight|nine)';
const NUMBER =
  `(?:(?:\\d+|${SMALL_NUMBERS.slice(1).reverse().join('|')})\\s+and\\s+a\\s+half|\\d+(?:\\.\\d+)?(?:\\s+1/2)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ]${DIGIT_WORD})?|` +
  `(?:a|one)\\s+hundred|a\\s+couple(?:\\s+of)?|a\\s+dozen|dozens\\s+of|hundreds\\s+of|a\\s+few|a\\s+half|` +
  `${SMALL_NUMBERS.slice(1).reverse().join('|')}|several|few|many|some|an|a)`;
// Plural "quarters" only: "the next three quarters" is a span of time, "a quarter of the vote" is not.
const UNIT = '(?:seconds?|minutes?|hours?|days?|weeks?|months?|quarters|years?|decades?|centuries|century)';

/** Reads a number phrase; undefined for vague ones (`several`, `a few`). */
function numberValue(phrase: string): number | undefined {
  const text = phrase.toLowerCase().replace(/\s+/g, ' ').trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
  if (/^\d+ 1\/2$/.test(text)) return Number(text.split(' ')[0]) + 0.5;
  // "two and a half hours"
  const half = /^(.+) and a half$/.exec(text);
  if (half) {
    const whole = numberValue(half[1] ?? '');
    return whole === undefined ? undefined : whole + 0.5;
  }
  if (text === 'a' || text === 'an') return 1;
  if (text === 'a half') return 0.5;
  if (/^a couple/.test(text)) return 2;
  if (text === 'a dozen') return 12;
  if (/^(a|one) hundred$/.test(text)) return 100;
  const small = SMALL_NUMBERS.indexOf(text);
  if (small >= 0) return small;
  const parts = text.split(/[- ]/);
  const tens = TENS.indexOf(parts[0] ?? '');
  if (tens >= 2) return tens * 10 + Math.max(0, SMALL_NUMBERS.indexOf(parts[1] ?? 'zero'));
  return undefined;
}

function monthNumber(word: string): number | undefined {
  const clean = word.replace(/\s+/g, '');
  return MONTHS.find(([pattern]) => pattern.test(clean))?.[1];
}

type Unit = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'quarter' | 'year' | 'decade' | 'century';

function unitOf(word: string): Unit {
  const lower = word.toLowerCase();
  if (lower.startsWith('centur')) return 'century';
  return lower.replace(/s$/, '') as Unit;
}

/** TIMEX3 duration value for `count` units (`P3Y`, `PT5H`, `PXD` when the count is vague). */
function durationValue(count: number | undefined, unit: Unit): string {
  // "5 1/2 hours" → PT5H30M, "2 1/2 years" → P2Y6M.
  if (count !== undefined && !Number.isInteger(count)) {
    const whole = Math.floor(count);
    const part = count - whole;
    if (unit === 'hour' && Number.isInteger(part * 60)) return `PT${whole ? `${whole}H` : ''}${part * 60}M`;
    if (unit === 'year' && Number.isInteger(part * 12)) return `P${whole ? `${whole}Y` : ''}${part * 12}M`;
    if (unit === 'day' && Number.isInteger(part * 24)) return `P${whole ? `${whole}D` : ''}T${part * 24}H`;
    if (unit === 'minute' && Number.isInteger(part * 60)) return `PT${whole ? `${whole}M` : ''}${part * 60}S`;
  }
  const amount = (multiple: number): string => (count === undefined ? 'X' : String(Math.round(count * multiple * 100) / 100));
  switch (unit) {
    case 'second': return `PT${amount(1)}S`;
    case 'minute': return `PT${amount(1)}M`;
    case 'hour': return `PT${amount(1)}H`;
    case 'day': return `P${amount(1)}D`;
    case 'week': return `P${amount(1)}W`;
    case 'month': return `P${amount(1)}M`;
    // TIMEX3 has a quarter unit: "interest every quarter" → P1Q, "losses in the past two quarters" → P2Q.
    case 'quarter': return `P${amount(1)}Q`;
    case 'year': return `P${amount(1)}Y`;
    case 'decade': return count === undefined ? 'PXE' : `P${amount(10)}Y`;
    case 'century': return count === undefined ? 'PXC' : `P${amount(100)}Y`;
  }
}

// ---------------------------------------------------------------------------------------------
// Values relative to a day

/** Value of the period of `unit` holding `day` (`2018-03`, `2018-W12`, `2018`, ...). */
function periodValue(day: CalendarDay, unit: Unit): { value: string; precision: Precision } {
  switch (unit) {
    case 'second':
    case 'minute':
    case 'hour':
    case 'day': return { value: formatDay(day), precision: 'day' };
    case 'week': return { value: formatWeek(day), precision: 'week' };
    case 'month': return { value: formatMonth(day.year, day.month), precision: 'month' };
    case 'quarter': return { value: `${formatYear(day.year)}-Q${quarterOf(day.month)}`, precision: 'quarter' };
    case 'year': return { value: formatYear(day.year), precision: 'year' };
    case 'decade': return { value: formatYear(day.year).slice(0, 3), precision: 'decade' };
    case 'century': return { value: formatYear(day.year).slice(0, 2), precision: 'century' };
  }
}

/** Unresolved value of a `unit` period (`XXXX-XX`, `XXXX-WXX`, ...). */
function unknownPeriod(unit: Unit): { value: string; precision: Precision } {
  switch (unit) {
    case 'second':
    case 'minute':
    case 'hour':
    case 'day': return { value: 'XXXX-XX-XX', precision: 'day' };
    case 'week': return { value: 'XXXX-WXX', precision: 'week' };
    case 'month': return { value: 'XXXX-XX', precision: 'month' };
    case 'quarter': return { value: 'XXXX-QX', precision: 'quarter' };
    case 'year': return { value: 'XXXX', precision: 'year' };
    case 'decade': return { value: 'XXX', precision: 'decade' };
    case 'century': return { value: 'XX', precision: 'century' };
  }
}

/** Moves a day by `count` units. */
function shift(day: CalendarDay, count: number, unit: Unit): CalendarDay {
  switch (unit) {
    case 'second':
    case 'minute':
    case 'hour': return day;
    case 'day': return addDays(day, Math.round(count));
    case 'week': return addDays(day, Math.round(count * 7));
    case 'month': return addMonths(day, Math.round(count));
    case 'quarter': return addMonths(day, Math.round(count * 3));
    case 'year': return addMonths(day, Math.round(count * 12));
    case 'decade': return addMonths(day, Math.round(count * 120));
    case 'century': return addMonths(day, Math.round(count * 1200));
  }
}

/** Reading of the period of `unit` holding `day`, anchored on the publication date. */
function periodReading(reference: CalendarDay | undefined, unit: Unit, offset: number, mod?: string): Reading {
  if (!reference) return { type: 'DATE', ...unknownPeriod(unit), anchor: 'published', resolved: false, ...(mod ? { mod } : {}) };
  const day = shift(reference, offset, unit);
  const quarter = unit === 'quarter' ? { quarter: { year: day.year, quarter: quarterOf(day.month) } } : {};
  return { type: 'DATE', ...periodValue(day, unit), anchor: 'published', day, ...quarter, ...(mod ? { mod } : {}) };
}

/** The weekday `weekday` (1–7) near `reference`, chosen by tense. */
function resolveWeekday(reference: CalendarDay, weekday: number, tense: Tense): CalendarDay {
  const back = (weekdayOf(reference) - weekday + 7) % 7;
  if (tense === 'past') return addDays(reference, -back);
  // Present tense tells of now: the nearest such day, ahead or behind ("Arsenal host Brighton on
  // Wednesday" in a Monday paper is two days ahead, not five behind).
  if (tense === 'present') return back <= 3 ? addDays(reference, -back) : addDays(reference, 7 - back);
  if (tense === 'future') return addDays(reference, back === 0 ? 7 : 7 - back);
  // No tense cue: news mostly tells of the days just past (measured on TimeBank: 10 of 11).
  return addDays(reference, -back);
}

/**
 * Year of a month (and day) named without a year: the occurrence nearest the reference, unless the
 * clause's tense points the other way and the nearest lies months away ("stepped down as chairman
 * in March" in a November story is the March before, not the one four months ahead). Measured on
 * TimeBank + AQUAINT, the tense alone is worse than nearest (deadlines a few weeks ahead sit in
 * past-tense sentences: "said it expects the deal to close by Dec. 15"), so it only overrides a
 * distant nearest.
 */
/** A verb of something happening, in the past, right before a date (`began on`, `was killed on`, `erupted in`). */
/** A deadline's words before a date (`more time, until `, `extended the deadline to `, `postponed until `). */
const DEADLINE_BEFORE = /\b(?:more\s+time|extension|extend(?:ed|s|ing)?|deadline|postpone[sd]?|postponing|deferred|delayed)\b[^.;!?]{0,40}?\b(?:until|till|to|by)\s+$/i;
const HAPPENED_BEFORE = /\b(?:began|begun|started|erupted|broke out|happened|occurred|took place|ended|died|was killed|were killed|attacked|struck|invaded|seized|collapsed|crashed|exploded)\s+(?:on\s+|in\s+)?$/i;

/** `In ` opening a sentence or paragraph, right before a date (`In January, …`). */
const SENTENCE_OPENING_IN = /(?:^|[.!?]["”’]?\s+|\n)In\s+$/;

/** How far (days) the nearest occurrence must lie before the clause's tense may overrule it. */
const DISTANT_DAYS = 90;

function yearFor(reference: CalendarDay, month: number, day: number | undefined, tense: Tense = 'none'): number {
  let best = reference.year;
  let bestDistance = Number.POSITIVE_INFINITY;
  let bestSigned = 0;
  for (const year of [reference.year, reference.year - 1, reference.year + 1]) {
    const candidate = { year, month, day: Math.min(day ?? 15, daysInMonth(year, month)) };
    const signed = daysBetween(reference, candidate);
    if (Math.abs(signed) < bestDistance) {
      best = year;
      bestDistance = Math.abs(signed);
      bestSigned = signed;
    }
  }
  if (tense === 'past' && bestSigned > DISTANT_DAYS) return best - 1;
  if (tense === 'future' && bestSigned < -DISTANT_DAYS) return best + 1;
  return best;
}

/** The last quarter completed before the reference date: the one an earnings story reports. */
function lastCompletedQuarter(reference: CalendarDay | undefined): { year: number; quarter: number } | undefined {
  if (!reference) return undefined;
  const quarter = quarterOf(reference.month);
  return quarter === 1 ? { year: reference.year - 1, quarter: 4 } : { year: reference.year, quarter: quarter - 1 };
}

/**
 * The quarter an earnings story is about: the first one named, else the last completed. An
 * earnings story names its quarter first ("Third-quarter net fell ...") and later compares it
 * with others ("... than in the second quarter"); "a year ago" after those still means the
 * reported quarter a year back (measured: first-named beats last-named by 0.003 value F1).
 */
function reportedQuarter(context: ReadContext): { year: number; quarter: number } | undefined {
  return context.namedQuarter ?? lastCompletedQuarter(context.reference);
}

// ---------------------------------------------------------------------------------------------
// Patterns, each with the words that trigger it (see trigger-scan.ts). `lead` counts the words a
// match can touch before its trigger: "the day before" of "later the day before" is three.

// Spoken years in broadcast transcripts: "nineteen ninety-six", "the year two thousand".
const SPOKEN_YEAR = '(nineteen|twenty) (?:hundred (?:and )?)?((?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)\\b';
const YEAR_DIGITS = '(?:1[89]\\d\\d|20\\d\\d)';
const QUARTER_ORDINAL = 'first|second|third|fourth|1st|2nd|3rd|4th|final';
const COUNT_MODIFIERS = '(more than|over|at least|less than|under|nearly|almost|about|around|roughly|approximately|some|up to|fewer than|no more than|at most|just over|just under|only|barely|exactly)';
const COUNT_LEAD = `(?:${COUNT_MODIFIERS}\\s+|(the\\s+)?(past|last|next|first|final|previous|coming|following|latest|recent|remaining|initial|same)\\s+|(the)\\s+)?`;
const FULL_MONTH_WORDS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const UNIT_WORDS = ['second', 'minute', 'hour', 'day', 'week', 'month', 'year', 'decade'];
const PLURAL_UNIT_WORDS = [...UNIT_WORDS.map((unit) => `${unit}s`), 'quarters', 'centuries'];

// An earnings story (tested on the whole text only when one of its words occurs).
const FINANCIAL = /\b(?:first|second|third|fourth|1st|2nd|3rd|4th)[- ]quarter\b|\bquarterly\b|\bper share\b|\ba share\b|\bnet income\b|\bearnings\b/i;

/** `1st` … `31st`: the ordinal words of a day of the month. */
const DAY_ORDINALS: readonly string[] = Array.from({ length: 31 }, (_, index) => {
  const day = index + 1;
  const suffix = day % 10 === 1 && day !== 11 ? 'st' : day % 10 === 2 && day !== 12 ? 'nd' : day % 10 === 3 && day !== 13 ? 'rd' : 'th';
  return `${day}${suffix}`;
});

const PATTERNS = {
  // "will return on the 25th", "until the 3rd": a day of the month with no month, closing its phrase
  // (not `the 25th anniversary`, `the 3rd Infantry Division`).
  dayOrdinal: triggeredPattern(/\b(?:on|by|until|till|from|since|before|after)\s+(the\s+(\d{1,2})(?:st|nd|rd|th))\b(?=\s*(?:[,.;:)]|and\s|or\s|$))/gi, { words: DAY_ORDINALS, lead: 2, start: 'word' }),
  // "(1940 GMT)", "at 0735 UTC": the 24-hour clock with its zone.
  zoneClock: triggeredPattern(/(?<![\w$£€.,/:-])([01]\d|2[0-3])([0-5]\d)\s?(?:GMT|UTC)\b/g, { numbers: /^(?:[01]\d|2[0-3])[0-5]\d$/, lead: 0, start: 'word' }),
  years: triggeredPattern(/(?<![\w$£€.,/-])(?:(fiscal|mid|post|pre|calendar)[- ])?(1[89]\d\d|20\d\d)(?!\d|,\d|\.\d|%|[-/]\d|\s*percent|s\b|'s\b(?=\s*(?:early|late))|\w)/gi, { numbers: /^(?:1[89]\d\d|20\d\d)$/, lead: 1, start: 'word' }),
  // "the year two thousand": three words before "thousand".
  spokenYear: triggeredPattern(new RegExp(`\\b(?:the year )?${SPOKEN_YEAR}|\\bthe year two thousand\\b`, 'gi'), { words: ['nineteen', 'twenty', 'thousand'], lead: 3, start: 'word' }),
  spokenMonthYear: triggeredPattern(new RegExp(`\\b(?:(${FULL_MONTH})|(?:the\\s+)?(spring|summer|fall|autumn|winter)(?:\\s+of)?),?\\s+${SPOKEN_YEAR}`, 'g'), { words: ['nineteen', 'twenty'], lead: 3, start: 'word' }),
  // "1990s", "1990's", "'80s": the digits start a word; without a lead the match starts at the apostrophe.
  decadeDigits: triggeredPattern(/(?<![\w$])(?:(?:the\s+)?(early|mid|late)[- ](?:the\s+)?)?(1[0-9]\d0|20\d0|'\d0)'?s\b/gi, { numbers: /^\d\d(?:\d\d)?s?$/i, lead: 3, start: 'word', apostrophe: true }),
  decadeWords: triggeredPattern(/\bthe\s+(?:(early|mid|late)[- ])?(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b/gi, { words: ['twenties', 'thirties', 'forties', 'fifties', 'sixties', 'seventies', 'eighties', 'nineties'], lead: 2, start: 'word' }),
  century: triggeredPattern(/\b(?:the\s+)?(?:(early|mid|late)[- ])?(\d{1,2})(?:st|nd|rd|th)[- ]century\b/gi, { words: ['century'], lead: 3, start: 'word' }),
  // No leading `\b`: a match may start inside a word ("last" of "blast", "half" of "behalf"), and
  // "the this year's fiscal year-ago year-earlier fiscal" touches ten words before the noun.
  quarter: triggeredPattern(
    new RegExp(
      `(?:\\bthe\\s+)?(?:(?<relative>this|last|next) year['’]s\\s+|(?<possessive>${YEAR_DIGITS})['’]s\\s+|(?<leading>${YEAR_DIGITS})\\s+)?(?:(?:fiscal|calendar)\\s+)?` +
        `(?:(?<shifted>year-ago|year-earlier)\\s+)?(?:(?<which>${QUARTER_ORDINAL}|last|latest|current|recent|previous|prior|next|year-ago|year-earlier|comparable|corresponding|same|fiscal|this)[- ](?:fiscal[- ])?)?` +
        `(?<noun>quarter|period|half)\\b(?!-)(?:\\s+(?:of|in|ended|ending)\\s+(?:(?:fiscal|calendar)\\s+)?(?<trailing>${YEAR_DIGITS})\\b|\\s+(?:(?:fiscal|calendar)\\s+)?(?<bare>${YEAR_DIGITS})\\b|\\s+(?:of|in)\\s+(?<ofRelative>this|last|next) year\\b|\\s+(?<after>last year|a year (?:ago|earlier)))?`,
      'gi',
    ),
    { endings: ['quarter', 'period', 'half'], lead: 10, start: 'word-character' },
  ),
  theQuarter: triggeredPattern(/\bthe (quarter|period)\b(?!-)(?!\s+(?:of|ended|ending)\s+\d)/gi, { words: ['quarter', 'period'], lead: 1, start: 'word' }),
  relativePeriod: triggeredPattern(/\b(last|this|next|past|previous|coming|current|the same|the following|the previous|the past|the coming|the current|the last|the next)\s+(?:fiscal\s+)?(week|month|year|quarter|weekend|decade|century)\b(?!-)/gi, { words: ['week', 'month', 'year', 'quarter', 'weekend', 'decade', 'century'], lead: 3, start: 'word' }),
  theYear: triggeredPattern(/\b(?:(the|this)\s+)?(?:(full|fiscal|calendar|current)\s+)?(?:fiscal\s+)?year\b(?![-’']|\s+(?:ago|earlier|later|before|after|to|through)\b)/gi, { words: ['year'], lead: 3, start: 'word' }),
  // "the end of the month", "later in the week": placed in the current month or week.
  theMonthOrWeek: triggeredPattern(/\bthe (month|week)\b(?![-’'])/gi, { words: ['month', 'week'], lead: 1, start: 'word' }),
  yearEnd: triggeredPattern(/\b(?:the\s+)?year(?:-end|['’]s end| end)\b/gi, { words: ['year'], lead: 1, start: 'word' }),
  yearEarlier: triggeredPattern(/\b(?:the\s+)?year-(?:earlier|ago)\b(?!\s+(?:quarter|period|third|second|first|fourth)\b)/gi, { words: ['year'], lead: 1, start: 'word' }),
  theWeekend: triggeredPattern(/\bthe weekend\b/gi, { words: ['weekend'], lead: 1, start: 'word' }),
  dayWords: triggeredPattern(/\b(today|yesterday|tomorrow|tonight|the day before yesterday|the day after tomorrow)(?:\s+(morning|afternoon|evening|night))?\b/gi, { words: ['today', 'yesterday', 'tomorrow', 'tonight'], lead: 3, start: 'word' }),
  partOfDay: triggeredPattern(/\b(this|last|yesterday|tomorrow)\s+(morning|afternoon|evening|night)\b/gi, { words: ['morning', 'afternoon', 'evening', 'night'], lead: 1, start: 'word' }),
  // "this past early spring": three words.
  season: triggeredPattern(/\b(?:(last|this past|this|next|early|late|the|that)\s+)?(?:(early|late|mid)[- ])?(spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?(1[89]\d\d|20\d\d)|\s+of\s+(last|this|next)\s+year)?\b/gi, { words: ['spring', 'summer', 'fall', 'autumn', 'winter'], lead: 3, start: 'word' }),
  // "last New Year's": "Year" after two words.
  holiday: triggeredPattern(/\b(?:(last|this|next)\s+)?(Christmas(?: Day| Eve)?|New Year['’]s(?: Day| Eve)?|Thanksgiving(?: Day)?|Easter(?: Sunday)?|Independence Day|Labor Day|Memorial Day|Election Day|Veterans Day|Halloween|Valentine['’]s Day)(\s+week)?\b/g, {
    words: ['christmas', 'year', 'thanksgiving', 'easter', 'independence', 'labor', 'memorial', 'election', 'veterans', 'halloween', 'valentine'],
    lead: 2,
    start: 'word',
  }),
  weekday: triggeredPattern(new RegExp(`\\b(?:(last|next|this|every|each|early|late)\\s+)?(${WEEKDAY_NAME})(s)?(?:\\s+(${PART_OF_DAY})(s)?)?\\b`, 'gi'), { words: [...WEEKDAYS, ...WEEKDAYS.map((day) => `${day}s`)], lead: 1, start: 'word' }),
  monthSet: triggeredPattern(new RegExp(`\\b(?:every|each)\\s+(${FULL_MONTH})\\b`, 'gi'), { words: FULL_MONTH_WORDS, lead: 1, start: 'word' }),
  // "the beginning of March": three words.
  monthName: triggeredPattern(new RegExp(`\\b(?:(last|next|this|early|late|mid|that)[- ]|(?:the\\s+)?(?:(beginning|start|end|middle) of)\\s+)?(${MONTH_NAME})(?!\\w)(?:\\s+(?:of\\s+)?(last|this|next) year\\b)?`, 'gi'), {
    words: [...FULL_MONTH_WORDS, 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sept', 'sep', 'oct', 'nov', 'dec'],
    lead: 3,
    start: 'word',
  }),
  presentReference: triggeredPattern(/\b(?:now|currently|presently|nowadays|these days|at present|at the moment|right now|the present|current)\b(?![-’'])/gi, { words: ['now', 'currently', 'presently', 'nowadays', 'days', 'present', 'moment', 'current'], lead: 2, start: 'word' }),
  // "previously" and "formerly" are left unmarked by TimeBank annotators (2 of 22 marked).
  pastReference: triggeredPattern(/\b(?:recently|lately|recent|the past|in the past)\b(?![-’'])/gi, { words: ['recently', 'lately', 'recent', 'past'], lead: 2, start: 'word' }),
  // "as soon as Tuesday", "soon after the attack", "shortly after": conjunctions, not times.
  futureReference: triggeredPattern(/\b(?:soon|the future|future|the near future)\b(?![-’'])(?!\s+(?:as|after|before|thereafter)\b)/gi, { words: ['soon', 'future'], lead: 2, start: 'word' }),
  // Before the unit: "no more than" (3) "2.5 1/2" (4) "more" (1).
  counted: triggeredPattern(
    new RegExp(`(?<![\\w$£€.])${COUNT_LEAD}(${NUMBER})([- ]|\\s+more\\s+|\\s+(?:straight|consecutive|full|long|additional|more)\\s+)(${UNIT})(\\s+and\\s+a\\s+half)?(?:[- ](long|old))?(?:\\s+(ago|earlier|later|before|after|from now|hence|since|running|in a row))?(?![\\w-])`, 'gi'),
    { words: [...UNIT_WORDS, ...PLURAL_UNIT_WORDS, 'century'], lead: 8, start: 'word' },
  ),
  vagueDuration: triggeredPattern(/\b(?:(recent|the past|the last|the coming|the next|coming|past|several|many|few|the first few|a few)\s+)?(?<![-‐‑])(seconds|minutes|hours|days|weeks|months|quarters|years|decades|centuries)\b(?![-’'])/gi, { words: PLURAL_UNIT_WORDS, lead: 3, start: 'word' }),
  set: triggeredPattern(/\b(?:(daily|weekly|monthly|yearly|annually|annual|quarterly|hourly|nightly|biweekly)|(?:every|each)\s+(?:(other|two|three|four|five|six|few)\s+)?(second|minute|hour|day|night|week|weekend|month|quarter|year|decade|morning|evening))\b/gi, {
    words: ['daily', 'weekly', 'monthly', 'yearly', 'annually', 'annual', 'quarterly', 'hourly', 'nightly', 'biweekly', 'every', 'each'],
    lead: 0,
    start: 'word',
  }),
  anaphora: triggeredPattern(/\b(?:(earlier|later|late|early)\s+)?(that|the same|the next|the following|the previous|the day before|the day after)(?:\s+(day|morning|afternoon|evening|night|week|month|year))?\b/gi, { words: ['that', 'same', 'next', 'following', 'previous', 'before', 'after'], lead: 3, start: 'word' }),
  financial: triggeredPattern(FINANCIAL, { words: ['quarter', 'quarterly', 'share', 'income', 'earnings'], lead: 1, start: 'word' }),
} as const;

type PatternName = keyof typeof PATTERNS;
/** Patterns in a fixed order, for tests that compare the triggered scan with a whole-text one. */
export const TIME_PATTERNS: readonly (readonly [PatternName, TriggeredPattern])[] = Object.entries(PATTERNS) as [PatternName, TriggeredPattern][];
const PATTERN_INDEX = new Map<PatternName, number>(TIME_PATTERNS.map(([name], index) => [name, index]));
const PATTERN_LIST = TIME_PATTERNS.map(([, pattern]) => pattern);
const VOCABULARY = triggerVocabulary(PATTERN_LIST);

/** The trigger index of `text` for the time patterns. */
export function timeTriggers(text: string): TriggerIndex {
  return new TriggerIndex(text, PATTERN_LIST, VOCABULARY);
}

/** Pushes one candidate per match of a pattern that the builder accepts. */
function scan(
  triggers: TriggerIndex,
  name: PatternName,
  candidates: Candidate[],
  build: (match: RegExpExecArray) => Omit<Candidate, 'start' | 'end'> & { start?: number; end?: number } | undefined,
): void {
  triggers.scan(PATTERN_INDEX.get(name) ?? -1, (match) => {
    const built = build(match);
    if (built) candidates.push({ ...built, start: built.start ?? match.index, end: built.end ?? match.index + match[0].length });
  });
}

// ---------------------------------------------------------------------------------------------
// Finders

const isCapitalised = (word: string): boolean => /^[A-Z]/.test(word);
const wordBefore = (text: string, index: number): string => /([A-Za-z.’']+)\W*$/.exec(text.slice(Math.max(0, index - 30), index))?.[1] ?? '';
const wordAfter = (text: string, index: number): string => /^\W*([A-Za-z’']+)/.exec(text.slice(index, index + 30))?.[1] ?? '';

// Words before a capitalised month or weekday that show it is a name ("Peggy March", "Mr. May").
const TITLE_BEFORE = /^(Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Col|Capt|Lt|Sgt|Prof|Judge|Justice|President|Minister|St)\.?$/;
// Words that follow a name, not a date ("March said", "May told").
const NAME_AFTER = /^(said|says|told|added|asked|wrote|argued|explained|noted|insisted|who|whose|and)$/i;
// Temporal prepositions and determiners before a bare month ("in March", "since May", "last April").
const MONTH_LEAD = /^(in|since|by|until|till|through|from|to|before|after|during|of|last|next|this|early|late|mid|end|that|each|every|until|between|and|or|the)$/i;

/**
 * What chrono's hits are kept for: a month name, a numeric date or a clock time. A sentence with
 * none of these words gives Lede nothing from chrono, so chrono (most of this stage's time) is run
 * only on the sentences that have one.
 */
const MONTH_CUES = ['Jan(?:uary)?', 'Feb(?:ruary)?', 'Mar(?:ch)?', 'Apr(?:il)?', 'May', 'June?', 'July?', 'Aug(?:ust)?', 'Sept?(?:ember)?', 'Oct(?:ober)?', 'Nov(?:ember)?', 'Dec(?:ember)?'];
// Month words count only capitalised (Lede drops chrono's lower-case "may"), also in all capitals.
const MONTH_CUE = new RegExp(`\\b(?:${[...MONTH_CUES, ...MONTH_CUES.map((month) => month.toUpperCase())].join('|')})\\b`);
const CLOCK_OR_NUMERIC_CUE = /\d\s*[/:]\s*\d|\d-\d\d-\d|\d\s*(?:a\.?m\b|p\.?m\b|o['’]clock)|\bnoon\b|\bmidnight\b|\bin the (?:morning|afternoon|evening)\b/i;
const CHRONO_CUE = { test: (piece: string): boolean => MONTH_CUE.test(piece) || CLOCK_OR_NUMERIC_CUE.test(piece) };

/** Sentence-sized windows of `text` worth giving to chrono; the whole text when there are no sentences. */
function chronoWindows(text: string, sentences: readonly SentenceSpan[]): { start: number; end: number }[] {
  if (sentences.length === 0) return CHRONO_CUE.test(text) ? [{ start: 0, end: text.length }] : [];
  const windows: { start: number; end: number }[] = [];
  let covered = 0;
  for (const sentence of sentences) {
    // Text between sentences (a missed heading, a dateline) is its own window.
    if (sentence.start > covered && CHRONO_CUE.test(text.slice(covered, sentence.start))) windows.push({ start: covered, end: sentence.start });
    if (CHRONO_CUE.test(text.slice(sentence.start, sentence.end))) windows.push({ start: sentence.start, end: sentence.end });
    covered = Math.max(covered, sentence.end);
  }
  if (covered < text.length && CHRONO_CUE.test(text.slice(covered))) windows.push({ start: covered, end: text.length });
  return windows;
}

function proposeClockAndDates(text: string, sentences: readonly SentenceSpan[], reference: CalendarDay | undefined, candidates: Candidate[]): void {
  // chrono needs some instant; without a publication date its guesses of the year are not used.
  const instant = reference ? new Date(Date.UTC(reference.year, reference.month - 1, reference.day, 12)) : new Date(Date.UTC(2000, 0, 1, 12));
  const results: { index: number; text: string; start: ParsedComponents }[] = [];
  for (const window of chronoWindows(text, sentences)) {
    for (const result of chrono.parse(text.slice(window.start, window.end), { instant, timezone: 0 })) {
      const index = window.start + result.index;
      // "this year through Oct. 19", "April 24 and 25": a range is two expressions in TIMEX3.
      const connector = result.end ? /\s+(?:through|to|until|till|and|or)\s+|\s*[-–]\s*/.exec(result.text) : null;
      if (!connector) {
        results.push({ index, text: result.text, start: result.start });
        continue;
      }
      const cut = connector.index + connector[0].length;
      for (const [offset, piece] of [[0, result.text.slice(0, connector.index)], [cut, result.text.slice(cut)]] as const) {
        for (const part of chrono.parse(piece, { instant, timezone: 0 })) results.push({ index: index + offset + part.index, text: part.text, start: part.start });
      }
    }
  }
  for (const result of results) {
    let start = result.index;
    let phrase = result.text;
    // chrono keeps the preposition ("on Monday, Oct. 26", "the night of Friday, Oct. 23"); TIMEX3 spans do not.
    const lead = /^(?:(?:the\s+)?(?:night|morning|evening|afternoon)\s+of\s+|(?:on|in|at|by|since|until|from|of|for)\s+)/i.exec(phrase);
    if (lead) {
      start += lead[0].length;
      phrase = phrase.slice(lead[0].length);
    }
    phrase = phrase.replace(/[\s,]+$/, '');
    // "(4 a.m. EDT Thursday)": chrono keeps the closing parenthesis of an aside.
    if (phrase.endsWith(')') && !phrase.includes('(')) phrase = phrase.slice(0, -1).trimEnd();
    const end = start + phrase.length;
    // chrono leaves "night of Friday, Oct. 23" with no certain component; the trimmed phrase reads right.
    const components = lead && /of\s+$/i.test(lead[0]) ? (chrono.parse(phrase, { instant, timezone: 0 })[0]?.start ?? result.start) : result.start;
    const certain = (name: string): boolean => components.isCertain(name as never);
    const hasMonthName = new RegExp(`\\b${MONTH_NAME}(?!\\w)`).test(phrase);
    const numericDate = /^\d{1,2}\/\d{1,2}\/\d{2,4}$|^\d{4}-\d{2}-\d{2}$/.test(phrase);
    const clock = /\d\s*(?:a\.?m\b\.?|p\.?m\b\.?|o'clock)|\d:\d\d|\bnoon\b|\bmidnight\b|in the (?:morning|afternoon|evening)/i.test(phrase);
    if (certain('hour') && clock) {
      // "High Noon" the film, "high noon comes today": a figure of speech.
      if (/\bhigh\s+$/i.test(text.slice(Math.max(0, start - 6), start))) continue;
      // "$1.35 a share" reads as 1:35 a.m. to chrono.
      if (/[$£€]\s*$/.test(text.slice(Math.max(0, start - 2), start)) || /^\d+\.\d+\s+a\b/.test(phrase)) continue;
      const hour = components.get('hour') ?? 0;
      const minute = components.get('minute') ?? 0;
      const weekday = certain('weekday') ? components.get('weekday') : undefined;
      const explicitDay = certain('day') ? { month: components.get('month') ?? 1, day: components.get('day') ?? 1, year: certain('year') ? components.get('year') : undefined } : undefined;
      const relativeDay = /\byesterday\b/i.test(phrase) ? -1 : /\btomorrow\b/i.test(phrase) ? 1 : 0;
      candidates.push({
        start,
        end,
        rule: 'chrono-clock',
        priority: 1,
        read: (context) => {
          const time = formatClock(hour, minute);
          let day: CalendarDay | undefined;
          if (explicitDay && (explicitDay.year !== undefined || context.reference)) {
            const year = explicitDay.year ?? yearFor(context.reference as CalendarDay, explicitDay.month, explicitDay.day, context.tense);
            day = { year, month: explicitDay.month, day: explicitDay.day };
          } else if (weekday !== undefined && weekday !== null && context.reference) {
            // "extended its deadline until 9 a.m. Tuesday": a deadline lies ahead, as for a bare weekday.
            const ahead = context.tense !== 'past' && /\b(?:until|till|by)\s+(?:at\s+)?$/i.test(text.slice(Math.max(0, start - 12), start));
            day = resolveWeekday(context.reference, weekday === 0 ? 7 : weekday, ahead ? 'future' : context.tense);
          } else if (relativeDay === 0 && context.previous?.reading.precision === 'day' && context.previous.reading.day) {
            // "The first blast came Friday ... at 10:35 a.m.": a bare clock time belongs to the day just named.
            day = context.previous.reading.day;
          } else if (context.reference) {
            day = addDays(context.reference, relativeDay);
          }
          if (!day) return { type: 'TIME', value: `XXXX-XX-XXT${time}`, precision: 'minute', anchor: 'published', resolved: false };
          return { type: 'TIME', value: `${formatDay(day)}T${time}`, precision: 'minute', anchor: explicitDay?.year !== undefined ? 'absolute' : 'published', day };
        },
      });
      continue;
    }
    if (!(hasMonthName || numericDate)) continue;
    if (!certain('day') && !certain('year')) continue; // bare month names are Lede's own rule
    const monthWord = new RegExp(MONTH_NAME).exec(phrase)?.[0] ?? '';
    if (hasMonthName && !isCapitalised(monthWord)) continue;
    const month = components.get('month') ?? 1;
    const day = certain('day') ? components.get('day') ?? 1 : undefined;
    const year = certain('year') ? components.get('year') ?? undefined : undefined;
    // "a court hearing the week of March 6": the ISO week holding that day.
    const weekOf = day !== undefined ? /\bthe week of\s+$/i.exec(text.slice(Math.max(0, start - 16), start)) : null;
    if (weekOf) {
      candidates.push({
        start: start - weekOf[0].length,
        end,
        rule: 'week-of-date',
        priority: 1,
        read: (context) => {
          const resolvedYear = year ?? (context.reference ? yearFor(context.reference, month, day, context.tense) : undefined);
          if (resolvedYear === undefined) return { type: 'DATE', value: 'XXXX-WXX', precision: 'week', anchor: 'published', resolved: false };
          const calendarDay = { year: resolvedYear, month, day: Math.min(day ?? 1, daysInMonth(resolvedYear, month)) };
          return { type: 'DATE', value: formatWeek(calendarDay), precision: 'week', anchor: year === undefined ? 'published' : 'absolute', day: calendarDay };
        },
      });
    }
    candidates.push({
      start,
      end,
      rule: day === undefined ? 'chrono-month-year' : 'chrono-date',
      priority: 1,
      read: (context) => {
        if (day === undefined) {
          return { type: 'DATE', value: formatMonth(year ?? 0, month), precision: 'month', anchor: 'absolute', day: { year: year ?? 0, month, day: 1 } };
        }
        if (year !== undefined) return { type: 'DATE', value: formatDay({ year, month, day }), precision: 'day', anchor: 'absolute', day: { year, month, day } };
        if (!context.reference) return { type: 'DATE', value: `XXXX-${formatMonth(0, month).slice(5)}-${String(day).padStart(2, '0')}`, precision: 'day', anchor: 'published', resolved: false };
        // "had asked the court for more time, until June 30": a deadline asked for or set lies ahead,
        // whatever the tense of the asking.
        const deadline = DEADLINE_BEFORE.test(text.slice(Math.max(0, start - 70), start));
        let resolvedYear = yearFor(context.reference, month, day, deadline ? 'future' : context.tense);
        // "since the war began on Oct. 7" in a July story: a verb of happening in the past right
        // before the date puts it before publication, however near the next Oct. 7 is.
        // (So does `since`: `has fired thousands of rockets since Oct. 8`, in a July story, counts
        // from last October.)
        if ((HAPPENED_BEFORE.test(text.slice(Math.max(0, start - 30), start)) || /\bsince\s+$/i.test(text.slice(Math.max(0, start - 8), start))) && daysBetween(context.reference, { year: resolvedYear, month, day }) > 0) resolvedYear -= 1;
        const calendarDay = { year: resolvedYear, month, day: Math.min(day, daysInMonth(resolvedYear, month)) };
        return { type: 'DATE', value: formatDay(calendarDay), precision: 'day', anchor: 'published', day: calendarDay };
      },
    });
  }
}

/** A time zone after four digits: `1940 GMT`, `0735 UTC`. */
const ZONE_AFTER = /^\s?(?:GMT|UTC)\b/;

/**
 * `1940 GMT`: hours and minutes on the 24-hour clock with the zone named, the way wire stories give
 * the universal time beside the local one. Its day is the day just named before it, else the
 * publication day, as for a bare clock time; none where it only restates a clock time just before it (`9:40 p.m. (1940 GMT)`: the local time is
 * the expression, and the day named after both is read through the aside).
 */
function proposeZoneClocks(text: string, triggers: TriggerIndex, candidates: Candidate[]): void {
  scan(triggers, 'zoneClock', candidates, (match) => {
    const start = match.index;
    const hour = Number(match[1]);
    const minute = Number(match[2]);
    if (/\d\s*(?:a\.?m\.?|p\.?m\.?|:\d\d)(?:\s+local\s+time)?\s*\(\s*$/i.test(text.slice(Math.max(0, start - 30), start))) return undefined;
    return {
    rule: 'zone-clock',
    priority: 1,
    read: (context) => {
      const time = formatClock(hour, minute);
      const day = context.previous?.reading.precision === 'day' && context.previous.reading.day ? context.previous.reading.day : context.reference;
      if (!day) return { type: 'TIME', value: `XXXX-XX-XXT${time}`, precision: 'minute', anchor: 'published', resolved: false };
      return { type: 'TIME', value: `${formatDay(day)}T${time}`, precision: 'minute', anchor: 'published', day };
    },
    };
  });
}

/** Bare years (`in 2011`), `fiscal 1989`, `mid-1996`, `post-1959`. */
function proposeYears(text: string, triggers: TriggerIndex, candidates: Candidate[]): void {
  // "$1,800", "12.53%", "2000 troops": numbers that are not years.
  const countNouns = /^(people|persons|troops|soldiers|shares|tons|tonnes|miles|feet|meters|metres|kilometers|kilometres|workers|employees|jobs|cars|units|votes|dollars|members|students|residents|deaths|cases|acres|barrels|points|copies|homes|houses|men|women|children|police|officers|marines|pounds|ounces|hectares|yards|rounds|delegates|refugees|passengers|calories|kilograms|degrees|percent|million|billion|yen|marks|francs|rubles|euros|others|words|pages|rooms|beds|vehicles|planes|aircraft|ships|guns|rifles|companies|stores|plants|sites|patients|victims|prisoners|seats|lines)$/i;
  scan(triggers, 'years', candidates, (match) => {
    const before = text.slice(Math.max(0, match.index - 12), match.index);
    if (/(No\.|Nos\.|number|Flight|flight|Route|route|page|Room|room|Highway|Interstate|Model|model|#)\s*$/.test(before)) return undefined;
    // "1,800 to 2,000 troops" is a count; "from 1991 to 1997" two years.
    if (/\d\s*(to|of)\s*$/.test(before) && !/(?<![\d,.])(1[89]\d\d|20\d\d)\s*(to|of)\s*$/.test(before)) return undefined;
    const after = wordAfter(text, match.index + match[0].length);
    const gap = text.slice(match.index + match[0].length, match.index + match[0].length + 2);
    if (/^\s[a-z]/.test(gap) && countNouns.test(after)) return undefined;
    // "a joint venture called Orion 1980": a number in a name, not a year.
    const previous = /([A-Za-z]+)\s+$/.exec(before)?.[1] ?? '';
    if (!match[1] && /^[A-Z][a-z]/.test(previous) && !new RegExp(`^${FULL_MONTH}$`).test(previous) && !/^(in|since|by|until|through|from|before|after|during|of|and|or|the|that|this|for|at|to|on|with|as|than|fiscal|calendar|spring|summer|fall|autumn|winter|christmas|easter|year|class|early|late|mid|its|his|her|their|our|a|an)$/i.test(previous)) return undefined;
    // "(1940 GMT)", "at 1400 UTC": a clock time on the 24-hour clock, in a zone, not a year.
    if (!match[1] && ZONE_AFTER.test(text.slice(match.index + match[0].length, match.index + match[0].length + 8))) return undefined;
    // "2,000-2,500" ranges and "1,800 to 2,000" are handled by the comma rule; "3000" needs a reason to be a year.
    const year = Number(match[2]);
    const prefix = (match[1] ?? '').toLowerCase();
    const mod = prefix === 'mid' ? 'MID' : prefix === 'post' ? 'AFTER' : prefix === 'pre' ? 'BEFORE' : undefined;
    return {
      rule: 'bare-year',
      priority: 3,
      read: () => ({ type: 'DATE', value: formatYear(year), precision: 'year', anchor: 'absolute', day: { year, month: 1, day: 1 }, ...(mod ? { mod } : {}) }),
    };
  });
  // Spoken years in broadcast transcripts: "nineteen ninety-six", "the year two thousand".
  const spokenYear = (century: string | undefined, rest: string | undefined): number =>
    century ? (century.toLowerCase() === 'nineteen' ? 1900 : 2000) + (numberValue(rest ?? '') ?? 0) : 2000;
  scan(triggers, 'spokenYear', candidates, (match) => {
    const year = spokenYear(match[1], match[2]);
    return { rule: 'spoken-year', priority: 3, read: () => ({ type: 'DATE', value: formatYear(year), precision: 'year', anchor: 'absolute', day: { year, month: 1, day: 1 } }) };
  });
  // "January nineteen ninety-seven. Atlanta again.", "the winter of nineteen ninety-four": a month
  // or season told with a spoken year.
  const seasonCodes: Readonly<Record<string, string>> = { spring: 'SP', summer: 'SU', fall: 'FA', autumn: 'FA', winter: 'WI' };
  scan(triggers, 'spokenMonthYear', candidates, (match) => {
    const year = spokenYear(match[3], match[4]);
    const month = match[1] ? monthNumber(match[1]) : undefined;
    const season = seasonCodes[(match[2] ?? '').toLowerCase()];
    if (month !== undefined) return { rule: 'spoken-month-year', priority: 2, read: () => ({ type: 'DATE', value: formatMonth(year, month), precision: 'month', anchor: 'absolute', day: { year, month, day: 1 } }) };
    return { rule: 'spoken-season-year', priority: 2, read: () => ({ type: 'DATE', value: `${formatYear(year)}-${season ?? 'SU'}`, precision: 'season', anchor: 'absolute' }) };
  });
}

/** Decades and centuries: `1990s`, `the '80s`, `the late 1970s`, `the 20th century`. */
function proposeDecades(text: string, triggers: TriggerIndex, candidates: Candidate[]): void {
  scan(triggers, 'decadeDigits', candidates, (match) => {
    const digits = (match[2] ?? '').replace("'", '');
    const decade = digits.length === 2 ? `19${digits.slice(0, 1)}` : digits.slice(0, 3);
    const mod = { early: 'START', mid: 'MID', late: 'END' }[(match[1] ?? '').toLowerCase()];
    return { rule: 'decade', priority: 2, read: () => ({ type: 'DATE', value: decade, precision: 'decade', anchor: 'absolute', ...(mod ? { mod } : {}) }) };
  });
  // "through the nineties": spoken decades of the 1900s.
  scan(triggers, 'decadeWords', candidates, (match) => {
    const decade = `19${TENS.indexOf((match[2] ?? '').toLowerCase().replace(/ies$/, 'y'))}`;
    const mod = { early: 'START', mid: 'MID', late: 'END' }[(match[1] ?? '').toLowerCase()];
    return { rule: 'decade', priority: 2, read: () => ({ type: 'DATE', value: decade, precision: 'decade', anchor: 'absolute', ...(mod ? { mod } : {}) }) };
  });
  scan(triggers, 'century', candidates, (match) => {
    const century = Number(match[2]) - 1;
    const mod = { early: 'START', mid: 'MID', late: 'END' }[(match[1] ?? '').toLowerCase()];
    return { rule: 'century', priority: 2, read: () => ({ type: 'DATE', value: String(century).padStart(2, '0'), precision: 'century', anchor: 'absolute', ...(mod ? { mod } : {}) }) };
  });
}

const QUARTER_ORDINALS: Readonly<Record<string, number>> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4 };

/** Quarters and halves: `the third quarter`, `third-quarter`, `the year-ago quarter`, `the 1988 period`, `the first half of 1998`. */
function proposeQuarters(text: string, triggers: TriggerIndex, candidates: Candidate[]): void {
  scan(triggers, 'quarter', candidates, (match) => {
    const groups = match.groups ?? {};
    // (`the first quarter of next year` as `next year's first quarter`.)
    const relative = (groups['relative'] ?? groups['ofRelative'] ?? '').toLowerCase();
    const explicitYear = Number(groups['possessive'] ?? groups['leading'] ?? groups['trailing'] ?? groups['bare'] ?? 0) || undefined;
    const which = (groups['which'] ?? '').toLowerCase();
    const noun = (groups['noun'] ?? '').toLowerCase();
    const yearBack = Boolean(groups['shifted'] || groups['after'] || /^(year-ago|year-earlier)$/.test(which));
    const number = which === 'final' ? 4 : QUARTER_ORDINALS[which];
    const hasYear = explicitYear !== undefined || Boolean(relative);
    // "the quarter" alone is `the-quarter`'s; "a quarter of the vote" is no time at all.
    if (!which && !hasYear && !yearBack) return undefined;
    if (noun === 'period' && number !== undefined) return undefined;
    if (noun === 'half' && (number === undefined || number > 2)) return undefined;
    if (which === 'fiscal' && !hasYear) return undefined;
    return {
      rule: noun === 'half' ? 'half-year' : 'quarter',
      priority: 2,
      read: (context) => {
        if (noun !== 'quarter' && !context.financial && noun !== 'half') return undefined;
        if (noun === 'half' && !context.financial && explicitYear === undefined && !relative) return undefined;
        const reference = context.reference;
        const current = reference ? { year: reference.year, quarter: quarterOf(reference.month) } : undefined;
        const lastDone = current ? (current.quarter === 1 ? { year: current.year - 1, quarter: 4 } : { year: current.year, quarter: current.quarter - 1 }) : undefined;
        const relativeYear = relative && reference ? reference.year + (relative === 'last' ? -1 : relative === 'next' ? 1 : 0) : undefined;
        const givenYear = explicitYear ?? relativeYear;
        const anchor: Reading['anchor'] = explicitYear !== undefined ? 'absolute' : 'published';
        if (noun === 'half') {
          const halfYear = givenYear ?? reference?.year;
          if (halfYear === undefined || number === undefined) return { type: 'DATE', value: `XXXX-H${number ?? 'X'}`, precision: 'quarter', anchor: 'published', resolved: false };
          return { type: 'DATE', value: `${formatYear(halfYear)}-H${number}`, precision: 'quarter', anchor, day: { year: halfYear, month: number === 1 ? 1 : 7, day: 1 } };
        }
        let result: { year: number; quarter: number } | undefined;
        let updatesContext = false;
        if (number !== undefined) {
          let resolvedYear = givenYear;
          if (resolvedYear === undefined && current) {
            // Earnings are told after the quarter ends: "the fourth quarter" in January is last year's.
            resolvedYear = number <= current.quarter || context.tense === 'future' ? current.year : current.year - 1;
          }
          if (resolvedYear === undefined) return { type: 'DATE', value: `XXXX-Q${number}`, precision: 'quarter', anchor: 'published', resolved: false };
          result = { year: resolvedYear - (yearBack ? 1 : 0), quarter: number };
          // "stopped paying a dividend in the third quarter of 1984": a dated quarter is history,
          // not the quarter the story reports. (A fiscal quarter is: TimeBank follows the
          // company's numbering, "the fiscal first quarter" ended Sept. 29 → 1989-Q1.)
          updatesContext = !yearBack && explicitYear === undefined;
        } else {
          const base = /^(latest|last|recent)$/.test(which) ? lastDone : /^(current|this)$/.test(which) ? current : reportedQuarter(context);
          if (base) {
            if (givenYear !== undefined) result = { year: givenYear, quarter: base.quarter };
            else if (yearBack || /^(comparable|corresponding)$/.test(which)) result = { year: base.year - 1, quarter: base.quarter };
            else if (which === 'next') result = base.quarter === 4 ? { year: base.year + 1, quarter: 1 } : { year: base.year, quarter: base.quarter + 1 };
            else if (/^(previous|prior)$/.test(which)) result = base.quarter === 1 ? { year: base.year - 1, quarter: 4 } : { year: base.year, quarter: base.quarter - 1 };
            else result = base;
          }
        }
        if (!result) return { type: 'DATE', value: 'XXXX-QX', precision: 'quarter', anchor: 'published', resolved: false };
        const day = { year: result.year, month: result.quarter * 3 - 2, day: 1 };
        return { type: 'DATE', value: `${formatYear(result.year)}-Q${result.quarter}`, precision: 'quarter', anchor, day, ...(updatesContext ? { quarter: result } : {}) };
      },
    };
  });
  // "the quarter", "the period" in an earnings story: the quarter being reported.
  // ("The quarter-to-quarter comparison" is no quarter.)
  scan(triggers, 'theQuarter', candidates, (match) => ({
    rule: 'the-quarter',
    priority: 4,
    read: (context) => {
      // "In the quarter ended July 31": the quarter holding that month.
      const ended = new RegExp(`^\\s+(?:ended|ending)\\s+(${MONTH_NAME})`).exec(text.slice(match.index + match[0].length, match.index + match[0].length + 30));
      const endMonth = ended ? monthNumber(ended[1] ?? '') : undefined;
      if (endMonth !== undefined && context.reference) {
        const year = yearFor(context.reference, endMonth, 15);
        const quarter = { year, quarter: quarterOf(endMonth) };
        return { type: 'DATE', value: `${formatYear(year)}-Q${quarter.quarter}`, precision: 'quarter', anchor: 'published', day: { year, month: endMonth, day: 1 }, quarter };
      }
      if (!context.financial) return undefined;
      if (match[1]?.toLowerCase() === 'period' && !context.namedQuarter) return undefined;
      const reference = context.reference;
      const lastDone = reference ? (quarterOf(reference.month) === 1 ? { year: reference.year - 1, quarter: 4 } : { year: reference.year, quarter: quarterOf(reference.month) - 1 }) : undefined;
      const result = reportedQuarter(context);
      if (!result) return { type: 'DATE', value: 'XXXX-QX', precision: 'quarter', anchor: 'published', resolved: false };
      return { type: 'DATE', value: `${formatYear(result.year)}-Q${result.quarter}`, precision: 'quarter', anchor: 'published', day: { year: result.year, month: result.quarter * 3 - 2, day: 1 } };
    },
  }));
}

/** `last/this/next week|month|year|quarter|weekend|decade`, `this morning`, seasons, holidays. */
function proposeRelativePeriods(text: string, triggers: TriggerIndex, candidates: Candidate[]): void {
  scan(triggers, 'relativePeriod', candidates, (match) => {
    // ABC's "This Week", "Next Year in Jerusalem": capitalised titles, not dates.
    if (/^[A-Z]/.test(match[2] ?? '') && /^[A-Z]/.test(match[1] ?? '')) return undefined;
    const which = (match[1] ?? '').toLowerCase().replace(/^the /, '');
    const unit = unitOf(match[2] ?? '');
    const isWeekend = (match[2] ?? '').toLowerCase() === 'weekend';
    const hasThe = /^the /i.test(match[1] ?? '');
    // "the past year", "the last week", "the next year or so": TimeBank marks these as the calendar
    // period before (or after) the current one, like "last year", not as a duration.
    if (hasThe && /^(past|last|next|coming)$/.test(which) && !isWeekend) {
      // "routine over the past decade": a decade or century back from today is a span (P10Y), not
      // the calendar decade before this one.
      if (unit === 'decade' || unit === 'century') return { rule: 'the-past-unit', priority: 3, read: () => ({ type: 'DURATION', value: durationValue(1, unit), precision: 'none', anchor: 'absolute' }) };
      const offset = /^(next|coming)$/.test(which) ? 1 : -1;
      return { rule: 'the-past-unit', priority: 3, read: (context) => periodReading(context.reference, unit, offset) };
    }
    if (which === 'same' || which === 'following' || (hasThe && which === 'previous')) {
      return {
        rule: 'anaphoric-period',
        priority: 3,
        read: (context) => {
          const base = context.previous?.reading.day;
          if (!base) return undefined;
          const offset = which === 'same' ? 0 : which === 'following' ? 1 : -1;
          // "the following weekend": the weekend of the week after the previous date.
          if (isWeekend) {
            const day = shift(base, offset, 'week');
            return { type: 'DATE', value: `${formatWeek(day)}-WE`, precision: 'week', anchor: 'previous', day };
          }
          return { type: 'DATE', ...periodValue(shift(base, offset, unit), unit), anchor: 'previous', day: shift(base, offset, unit) };
        },
      };
    }
    const offset = /^(last|past|previous)$/.test(which) ? -1 : /^(next|coming)$/.test(which) ? 1 : 0;
    if (which === 'past' && !hasThe) return undefined;
    return {
      rule: 'relative-period',
      priority: 2,
      read: (context) => {
        if (isWeekend) {
          if (!context.reference) return { type: 'DATE', value: 'XXXX-WXX-WE', precision: 'week', anchor: 'published', resolved: false };
          const day = shift(context.reference, offset, 'week');
          return { type: 'DATE', value: `${formatWeek(day)}-WE`, precision: 'week', anchor: 'published', day };
        }
        return periodReading(context.reference, unit, offset);
      },
    };
  });
  // "the year": a year-long span ("for the year") unless it is placed in time ("later in the year").
  // "for the year ended Sept. 30": the fiscal year, a year-long span.
  scan(triggers, 'theYear', candidates, (match) => {
    const determiner = (match[1] ?? '').toLowerCase();
    const kind = (match[2] ?? '').toLowerCase();
    if (determiner !== 'the') return undefined;
    const before = text.slice(Math.max(0, match.index - 20), match.index);
    const fiscal = /^\s+(?:ended|ending)\b/i.test(text.slice(match.index + match[0].length, match.index + match[0].length + 8));
    // "through the first nine months of the year": a part "of the year" places it in the calendar.
    const placed = !fiscal && (Boolean(kind) || /\b(?:earlier|later|early|late|rest|end|beginning|start|middle|half|part)\s+(?:in\s+|of\s+)?$/i.test(before) || /\b(?:months|weeks|days|quarters?|half)\s+of\s+$/i.test(before));
    return {
      rule: 'the-year',
      priority: 4,
      read: (context) => (placed ? periodReading(context.reference, 'year', 0) : { type: 'DURATION', value: 'P1Y', precision: 'none', anchor: 'absolute' }),
    };
  });
  // "the end of the month", "later in the week": the current month or week; "for the month" alone is
  // a span of unknown placement, left out.
  scan(triggers, 'theMonthOrWeek', candidates, (match) => {
    const unit = (match[1] ?? '').toLowerCase() === 'week' ? 'week' : 'month';
    const before = text.slice(Math.max(0, match.index - 20), match.index);
    if (!/\b(?:earlier|later|early|late|rest|end|beginning|start|middle|half|part)\s+(?:in\s+|of\s+)?$/i.test(before)) return undefined;
    return { rule: 'the-period', priority: 4, read: (context) => periodReading(context.reference, unit, 0) };
  });
  // "by year end", "should be in place by year's end": the current year with an END modifier, the
  // same value as "the end of the year" and "the end of 2016"; "since year-end" looks back to the
  // end of the year before.
  scan(triggers, 'yearEnd', candidates, (match) => ({
    rule: 'year-end',
    priority: 3,
    read: (context) => {
      if (!context.reference) return { type: 'DATE', value: 'XXXX', precision: 'year', anchor: 'published', resolved: false, mod: 'END' };
      const since = /\bsince\s+$/i.test(text.slice(Math.max(0, match.index - 7), match.index));
      const year = context.reference.year - (since ? 1 : 0);
      return { type: 'DATE', value: formatYear(year), precision: 'year', anchor: 'published', day: { year, month: 12, day: 31 }, mod: 'END' };
    },
  }));
  // "compared with year-earlier profit": the same quarter a year before, in an earnings story.
  scan(triggers, 'yearEarlier', candidates, () => ({
    rule: 'year-earlier',
    priority: 4,
    read: (context) => {
      const base = reportedQuarter(context);
      if (context.financial && base) {
        const day = { year: base.year - 1, month: base.quarter * 3 - 2, day: 1 };
        return { type: 'DATE', value: `${formatYear(base.year - 1)}-Q${base.quarter}`, precision: 'quarter', anchor: 'published', day };
      }
      return periodReading(context.reference, 'year', -1);
    },
  }));
  // "the weekend": the one just past in past tense, else the coming one.
  scan(triggers, 'theWeekend', candidates, () => ({
    rule: 'the-weekend',
    priority: 4,
    read: (context) => {
      if (!context.reference) return { type: 'DATE', value: 'XXXX-WXX-WE', precision: 'week', anchor: 'published', resolved: false };
      const saturday = resolveWeekday(context.reference, 6, context.tense);
      return { type: 'DATE', value: `${formatWeek(saturday)}-WE`, precision: 'week', anchor: 'published', day: saturday };
    },
  }));
  // Day words.
  scan(triggers, 'dayWords', candidates, (match) => {
    const word = (match[1] ?? '').toLowerCase();
    const offset = word === 'yesterday' ? -1 : word === 'tomorrow' ? 1 : word.includes('before') ? -2 : word.includes('after') ? 2 : 0;
    const part = (match[2] ?? '').toLowerCase();
    return {
      rule: 'day-word',
      priority: 2,
      read: (context) => {
        const code = part ? `T${PART_CODES[part]}` : '';
        if (!context.reference) return { type: part ? 'TIME' : 'DATE', value: `XXXX-XX-XX${code}`, precision: 'day', anchor: 'published', resolved: false };
        const day = addDays(context.reference, offset);
        return { type: part ? 'TIME' : 'DATE', value: `${formatDay(day)}${code}`, precision: 'day', anchor: 'published', day };
      },
    };
  });
  scan(triggers, 'partOfDay', candidates, (match) => {
    const which = (match[1] ?? '').toLowerCase();
    const part = (match[2] ?? '').toLowerCase();
    const offset = which === 'last' || which === 'yesterday' ? -1 : which === 'tomorrow' ? 1 : 0;
    return {
      rule: 'part-of-day',
      priority: 2,
      read: (context) => {
        if (!context.reference) return { type: 'TIME', value: `XXXX-XX-XXT${PART_CODES[part]}`, precision: 'day', anchor: 'published', resolved: false };
        const day = addDays(context.reference, offset);
        return { type: 'TIME', value: `${formatDay(day)}T${PART_CODES[part]}`, precision: 'day', anchor: 'published', day };
      },
    };
  });
  // Seasons: "last fall", "this summer", "the spring of 1998". Bare "fall" is a verb; a determiner or year is required.
  const seasonCodes: Readonly<Record<string, string>> = { spring: 'SP', summer: 'SU', fall: 'FA', autumn: 'FA', winter: 'WI' };
  scan(triggers, 'season', candidates, (match) => {
    // "Control Data scrapped the business this past spring": the last one.
    const which = (match[1] ?? '').toLowerCase().replace('this past', 'last');
    const season = (match[3] ?? '').toLowerCase();
    const year = match[4] ? Number(match[4]) : undefined;
    // ("the spring of last year": the season of the year named relative to publication.)
    const ofYear = (match[5] ?? '').toLowerCase();
    if (ofYear) {
      const code = seasonCodes[season] ?? 'SU';
      return {
        rule: 'season-of-year',
        priority: 2,
        read: (context) => context.reference
          ? { type: 'DATE', value: `${formatYear(context.reference.year + (ofYear === 'last' ? -1 : ofYear === 'next' ? 1 : 0))}-${code}`, precision: 'season', anchor: 'published' }
          : { type: 'DATE', value: `XXXX-${code}`, precision: 'season', anchor: 'published', resolved: false },
      };
    }
    if (!which && !match[2] && year === undefined) return undefined;
    if (season === 'fall' && !year && !/^(last|this|next|the|early|late)$/.test(which)) return undefined;
    if (which === 'the' && year === undefined && season === 'fall' && /^\s+(of|in)\s+[a-z]/i.test(text.slice(match.index + match[0].length, match.index + match[0].length + 6))) return undefined;
    // "The fall was driven by lower energy bills", "a sharp fall": a decline; the season is
    // reached through a preposition of time ("in the fall", "by the fall").
    if (which === 'the' && year === undefined && season === 'fall' && !/\b(?:in|during|by|until|till|through|throughout|since|over|for|before|after|from|into|to|towards?|this|that|of|late|early)\s+$/i.test(text.slice(Math.max(0, match.index - 12), match.index))) return undefined;
    const code = seasonCodes[season] ?? 'SU';
    const modWord = (match[2] ?? (which === 'early' || which === 'late' ? which : '')).toLowerCase();
    const mod = modWord === 'early' ? 'START' : modWord === 'late' ? 'END' : modWord === 'mid' ? 'MID' : undefined;
    const start = which === 'the' || which === 'that' ? match.index : match.index;
    return {
      start,
      rule: 'season',
      priority: 3,
      read: (context) => {
        if (year !== undefined) return { type: 'DATE', value: `${formatYear(year)}-${code}`, precision: 'season', anchor: 'absolute', ...(mod ? { mod } : {}) };
        if (!context.reference) return { type: 'DATE', value: `XXXX-${code}`, precision: 'season', anchor: 'published', resolved: false };
        const seasonStart = { SP: 3, SU: 6, FA: 9, WI: 12 }[code] ?? 6;
        const reference = context.reference;
        let resolvedYear = reference.year;
        const inSeason = reference.month >= seasonStart && reference.month < seasonStart + 3;
        if (which === 'this') resolvedYear = reference.year;
        else if (which === 'last') resolvedYear = reference.month >= seasonStart + 3 ? reference.year : reference.year - 1;
        else if (which === 'next') resolvedYear = reference.month < seasonStart ? reference.year : reference.year + 1;
        else if (!inSeason && context.tense === 'past' && reference.month < seasonStart) resolvedYear = reference.year - 1;
        return { type: 'DATE', value: `${formatYear(resolvedYear)}-${code}`, precision: 'season', anchor: 'published', ...(mod ? { mod } : {}) };
      },
    };
  });
  // Holidays with fixed or computed days.
  scan(triggers, 'holiday', candidates, (match) => {
    const name = (match[2] ?? '').toLowerCase();
    const which = (match[1] ?? '').toLowerCase();
    // "protesters prayed as Easter week began": the ISO week holding the holiday, this year's
    // unless a "last" or "next" says otherwise (the tense says nothing: the week is under way).
    if (match[3]) {
      return {
        rule: 'holiday-week',
        priority: 2,
        read: (context) => {
          if (!context.reference) return { type: 'DATE', value: 'XXXX-WXX', precision: 'week', anchor: 'published', resolved: false };
          const day = holidayDay(name, context.reference.year + (which === 'last' ? -1 : which === 'next' ? 1 : 0));
          return { type: 'DATE', value: formatWeek(day), precision: 'week', anchor: 'published', day };
        },
      };
    }
    return {
      rule: 'holiday',
      priority: 2,
      read: (context) => {
        if (!context.reference) return { type: 'DATE', value: 'XXXX-XX-XX', precision: 'day', anchor: 'published', resolved: false };
        const dayIn = (year: number): CalendarDay => holidayDay(name, year);
        let year = context.reference.year;
        const distance = daysBetween(context.reference, dayIn(year));
        if (which === 'last' || (context.tense === 'past' && distance > 0 && which !== 'next' && which !== 'this')) year -= distance > 0 || which === 'last' ? 1 : 0;
        if (which === 'next' || (context.tense === 'future' && distance < 0 && which !== 'last' && which !== 'this')) year += distance < 0 || which === 'next' ? 1 : 0;
        const day = dayIn(year);
        return { type: 'DATE', value: formatDay(day), precision: 'day', anchor: 'published', day };
      },
    };
  });
}

/** Day of a named holiday in a year (US holidays as US wire copy uses them). */
function holidayDay(name: string, year: number): CalendarDay {
  const nthWeekday = (month: number, weekday: number, nth: number): CalendarDay => {
    const first = { year, month, day: 1 };
    const offset = (weekday - weekdayOf(first) + 7) % 7;
    if (nth > 0) return addDays(first, offset + (nth - 1) * 7);
    const last = { year, month, day: daysInMonth(year, month) };
    return addDays(last, -((weekdayOf(last) - weekday + 7) % 7));
  };
  if (name.startsWith('christmas eve')) return { year, month: 12, day: 24 };
  if (name.startsWith('christmas')) return { year, month: 12, day: 25 };
  if (name.includes('eve')) return { year, month: 12, day: 31 };
  if (name.startsWith('new year')) return { year, month: 1, day: 1 };
  if (name.startsWith('thanksgiving')) return nthWeekday(11, 4, 4);
  if (name.startsWith('independence')) return { year, month: 7, day: 4 };
  if (name.startsWith('labor')) return nthWeekday(9, 1, 1);
  if (name.startsWith('memorial')) return nthWeekday(5, 1, -1);
  if (name.startsWith('election')) return addDays(nthWeekday(11, 1, 1), 1);
  if (name.startsWith('veterans')) return { year, month: 11, day: 11 };
  if (name.startsWith('halloween')) return { year, month: 10, day: 31 };
  if (name.startsWith('valentine')) return { year, month: 2, day: 14 };
  // Easter (anonymous Gregorian computus).
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { year, month, day };
}

/** Weekdays: `Saturday`, `Wednesday night`, `last Friday`, `each Thursday`, `Tuesday nights`. */
function proposeWeekdays(text: string, triggers: TriggerIndex, candidates: Candidate[]): void {
  scan(triggers, 'weekday', candidates, (match) => {
    const name = match[2] ?? '';
    if (!isCapitalised(name)) return undefined;
    const weekday = WEEKDAYS.indexOf(name.toLowerCase()) + 1;
    const which = (match[1] ?? '').toLowerCase();
    const part = (match[4] ?? '').toLowerCase();
    const plural = Boolean(match[3] || match[5]) || which === 'every' || which === 'each';
    const code = part ? `T${PART_CODES[part]}` : '';
    const mod = which === 'early' ? 'START' : which === 'late' ? 'END' : undefined;
    // "Sunday Times", "Tuesday Morning Corp.": a name when the next word is capitalised.
    if (/^\s+[A-Z][a-z]/.test(text.slice(match.index + match[0].length, match.index + match[0].length + 3)) && !part) {
      const next = wordAfter(text, match.index + match[0].length);
      if (!new RegExp(`^${FULL_MONTH}$`).test(next) && !/^(and|or|But|The|In|On|At)$/.test(next)) return undefined;
    }
    const start = match.index;
    return {
      rule: plural ? 'weekday-set' : 'weekday',
      priority: 2,
      read: (context) => {
        if (plural) return { type: 'SET', value: `XXXX-WXX-${weekday}${code}`, precision: 'none', anchor: 'absolute' };
        if (!context.reference) return { type: 'DATE', value: `XXXX-WXX-${weekday}`, precision: 'day', anchor: 'published', resolved: false, ...(mod ? { mod } : {}) };
        // "as soon as Tuesday", "postponed until Tuesday morning", "by Friday": a deadline ahead.
        // ("Up until Thursday, they had described him only as a witness" stays in the past.)
        const lead = text.slice(Math.max(0, start - 20), start);
        // "officials postponed until Tuesday morning any action": a postponement's "until" points
        // ahead even in a past-tense sentence.
        // ("extended the emergency order that bans demonstrations in the city until Sunday": the
        // object may run long between the verb and its `until`.)
        const postponed = /\b(?:postpone|delay|extend|adjourn|defer|put off|push back)\w*\b[^.;]{0,80}\b(?:until|till|to)\s+(?:on\s+)?$/i.test(text.slice(Math.max(0, start - 110), start));
        const leadsAhead = postponed || /\b(?:as soon as|as early as)\s+(?:on\s+)?$/i.test(lead) || (context.tense !== 'past' && /\b(?:until|till|by|starting|beginning)\s+(?:on\s+)?$/i.test(lead));
        // "get around Wednesday's ruling", "over Thursday's closing price": a possessive weekday
        // names something that already happened (all 17 in TimeBank + AQUAINT are on or before the DCT).
        const possessive = !which && /^['’]s\b/.test(text.slice(start + match[0].length, start + match[0].length + 3));
        const tense: Tense = which === 'last' || possessive ? 'past' : which === 'next' || leadsAhead ? 'future' : context.tense;
        let day = resolveWeekday(context.reference, weekday, tense);
        // "last Friday" said on a Friday is a week back, not today.
        if (which === 'last' && daysBetween(day, context.reference) === 0) day = addDays(day, -7);
        // "Wednesday night": TimeBank gives the day's value more often than a part-of-day one (10 of 22;
        // measured again with "1998-02-12TEV" values: value F1 0.002 lower, since gold often marks
        // only "Friday" of "Friday night").
        return { type: 'DATE', value: formatDay(day), precision: 'day', anchor: 'published', day, ...(mod ? { mod } : {}) };
      },
    };
  });
}

/** Bare month names (`in March`, `last November`, `June last year`). chrono reads months with a day or year. */
/** `on the 25th`: that day of the publication month, or of the month before or after as the tense says. */
function proposeDayOrdinals(text: string, triggers: TriggerIndex, candidates: Candidate[]): void {
  scan(triggers, 'dayOrdinal', candidates, (match) => {
    const phrase = match[1] ?? '';
    const day = Number(match[2]);
    if (!phrase || day < 1 || day > 31) return undefined;
    const start = match.index + match[0].indexOf(phrase);
    return {
      start,
      end: start + phrase.length,
      rule: 'day-ordinal',
      priority: 2,
      read: (context) => {
        const reference = context.reference;
        if (!reference) return { type: 'DATE', value: `XXXX-XX-${String(day).padStart(2, '0')}`, precision: 'day', anchor: 'published', resolved: false };
        const shift = context.tense === 'past' && day > reference.day ? -1 : context.tense === 'future' && day < reference.day ? 1 : 0;
        // (The month's last day when it has fewer: addMonths keeps a day inside its month.)
        const calendarDay = addMonths({ year: reference.year, month: reference.month, day }, shift);
        return { type: 'DATE', value: formatDay(calendarDay), precision: 'day', anchor: 'published', day: calendarDay };
      },
    };
  });
}

function proposeMonths(text: string, triggers: TriggerIndex, candidates: Candidate[]): void {
  // "where Orangemen march each July": a month every year, a SET.
  scan(triggers, 'monthSet', candidates, (match) => {
    const month = monthNumber(match[1] ?? '');
    if (month === undefined || !isCapitalised(match[1] ?? '')) return undefined;
    return { rule: 'month-set', priority: 2, read: () => ({ type: 'SET', value: `XXXX-${String(month).padStart(2, '0')}`, precision: 'none', anchor: 'absolute' }) };
  });
  scan(triggers, 'monthName', candidates, (match) => {
    const word = match[3] ?? '';
    if (!isCapitalised(word)) return undefined;
    const month = monthNumber(word);
    if (month === undefined) return undefined;
    const which = (match[1] ?? '').toLowerCase();
    const edge = (match[2] ?? '').toLowerCase();
    const yearWord = (match[4] ?? '').toLowerCase();
    const start = match.index;
    const wordStart = match.index + match[0].indexOf(word);
    const before = wordBefore(text, wordStart);
    const after = wordAfter(text, wordStart + word.length);
    const followsDigit = /^\s*\d/.test(text.slice(wordStart + word.length, wordStart + word.length + 3));
    if (followsDigit) return undefined; // "March 12", "May 1996": chrono's
    // "may" the verb and "March" the name: a bare month needs a temporal lead word unless it opens a phrase like "January sales".
    const hasLead = Boolean(which || edge) || MONTH_LEAD.test(before);
    // "Peggy March said", "Mr. May"; but "since March and was scheduled" is a date.
    if (TITLE_BEFORE.test(before) || (!hasLead && NAME_AFTER.test(after))) return undefined;
    // "the ``March of the Combatant Mothers''", "the March of Dimes": a name, not a month.
    if (/^\s+of\s+(?:the\s+)?[A-Z][a-z]/.test(text.slice(wordStart + word.length, wordStart + word.length + 16))) return undefined;
    if (!hasLead) {
      if (/^(may|march)$/i.test(word)) return undefined;
      if (before && isCapitalised(before) && !/[.!?]\s*$/.test(text.slice(Math.max(0, wordStart - 3), wordStart))) return undefined;
      if (after && isCapitalised(after)) return undefined;
    }
    if (/^may$/i.test(word) && /^(be|have|not|also|still|well|never|want|need|take|make|go|come|get|see|seek|face|lose|win|become|help|continue|increase|decline|fall|rise|soon)$/i.test(after)) return undefined;
    const mod = which === 'early' || edge === 'beginning' || edge === 'start' ? 'START' : which === 'late' || edge === 'end' ? 'END' : which === 'mid' || edge === 'middle' ? 'MID' : undefined;
    const since = !which && !edge && /^since$/i.test(before);
    return {
      start,
      rule: 'month-name',
      priority: 3,
      read: (context) => {
        if (!context.reference) return { type: 'DATE', value: `XXXX-${String(month).padStart(2, '0')}`, precision: 'month', anchor: 'published', resolved: false, ...(mod ? { mod } : {}) };
        const reference = context.reference;
        let year: number;
        if (yearWord) year = reference.year + (yearWord === 'last' ? -1 : yearWord === 'next' ? 1 : 0);
        else if (which === 'last') year = month < reference.month ? reference.year : reference.year - 1;
        else if (which === 'next') year = month > reference.month ? reference.year : reference.year + 1;
        else if (which === 'this') year = reference.year;
        else if (which === 'that' && context.previous?.reading.day) year = context.previous.reading.day.year;
        // "where it has been since December", in a November paper: the last December begun.
        else if (since) year = month <= reference.month ? reference.year : reference.year - 1;
        else {
          year = yearFor(reference, month, undefined, context.tense);
          // "resigned in January", "imposed sanctions on him in January" in a November story: a
          // verb in the simple past right before puts the month behind publication however near
          // the next one is; so does a past clause that the month opens ("In January, the firm
          // hired ...").
          const ahead = year > reference.year || (year === reference.year && month > reference.month);
          if (ahead && (pastVerbGovernsIn(text, start) || (context.tense === 'past' && SENTENCE_OPENING_IN.test(text.slice(Math.max(0, start - 8), start)) && /^\s*,/.test(text.slice(match.index + match[0].length))))) year -= 1;
        }
        return { type: 'DATE', value: formatMonth(year, month), precision: 'month', anchor: 'published', day: { year, month, day: 1 }, ...(mod ? { mod } : {}) };
      },
    };
  });
}

/** Vague references: `now`, `currently` (PRESENT_REF), `recently` (PAST_REF), `soon`, `the future` (FUTURE_REF). */
function proposeReferences(text: string, triggers: TriggerIndex, candidates: Candidate[]): void {
  const table: readonly (readonly [PatternName, string])[] = [
    ['presentReference', 'PRESENT_REF'],
    ['pastReference', 'PAST_REF'],
    ['futureReference', 'FUTURE_REF'],
  ];
  for (const [name, value] of table) {
    scan(triggers, name, candidates, (match) => {
      const word = match[0].toLowerCase();
      const after = wordAfter(text, match.index + match[0].length).toLowerCase();
      const before = wordBefore(text, match.index).toLowerCase();
      // "once" is a count ("once a week") or a conjunction far more often than a time; "earlier" only alone.
      if (word === 'soon' && /\bas\s*$/i.test(text.slice(Math.max(0, match.index - 4), match.index))) return undefined;
      if (word === 'earlier' && !/^[.,;]/.test(text.slice(match.index + match[0].length).trimStart())) return undefined;
      if (word === 'earlier') return undefined;
      // "at 50% of the then current market price": current as of a past time.
      if (word === 'current' && /^then$/i.test(before)) {
        return { start: match.index - (/then[\s-]+$/i.exec(text.slice(Math.max(0, match.index - 6), match.index))?.[0].length ?? 0), rule: 'reference-word', priority: 5, read: () => ({ type: 'DATE', value: 'PAST_REF', precision: 'none', anchor: 'published' }) };
      }
      if (word === 'current' && /^(account|accounts|affairs|events|assets|liabilities|ratio|law|laws|rules|rule|system|policy|policies|members|member|market|price|prices|contract|contracts|crisis|situation|government|level|levels|rate|rates|president|chairman|leadership|owners|regime|and|trend|economic|fiscal|quarter|year|month|week|session|period|generation|conditions)$/.test(after)) {
        if (/^(quarter|year|month|week|period|session)$/.test(after)) return undefined;
      }
      if (word === 'future' && !/^(the|in|for|near|distant|foreseeable)$/.test(before)) return undefined;
      if (word === 'recent' && /^(years|months|weeks|days|quarters|decades)$/.test(after)) return undefined;
      // "losses in the past two quarters", "for the past three summers": the count and unit make
      // the expression (a duration or a set), not a vague "the past".
      if (/past$/.test(word) && /^\s+(?:\d|(?:a|one|two|three|four|five|six|seven|eight|nine|ten|twelve|several|few|many|couple)\b|(?:seconds?|minutes?|hours?|days?|weeks?|weekends?|months?|quarters?|years?|decades?|century|centuries|spring|summers?|falls?|autumns?|winters?)\b)/i.test(text.slice(match.index + match[0].length, match.index + match[0].length + 12))) return undefined;
      if (word === 'now' && /^(that|defunct)$/.test(after) && false) return undefined;
      return { rule: 'reference-word', priority: 5, read: (context) => ({ type: 'DATE', value, precision: 'none', anchor: context.reference ? 'published' : 'absolute' }) };
    });
  }
}

/** Durations, `ago` dates and sets built from a count and a unit. */
function proposeCountedUnits(text: string, triggers: TriggerIndex, candidates: Candidate[]): void {
  scan(triggers, 'counted', candidates, (match) => {
    const modifier = (match[1] ?? '').toLowerCase();
    const theWord = match[2] ?? match[4] ?? '';
    const which = (match[3] ?? '').toLowerCase();
    const countWord = match[5] ?? '';
    const separator = match[6] ?? '';
    const unitWord = match[7] ?? '';
    // "a minute and a half later", "a year and a half": PT1M30S, P18M.
    const andHalf = match[8] ? 0.5 : 0;
    const suffix = (match[9] ?? '').toLowerCase();
    let relation = (match[10] ?? '').toLowerCase();
    if (suffix === 'old') return undefined; // ages: "a 40-year-old man"
    // CBS's "60 Minutes"; "a second group", "a second betrayal" (the ordinal).
    if (/^[A-Z]/.test(unitWord)) return undefined;
    if (unitOf(unitWord) === 'second' && /^an?$/i.test(countWord.trim()) && /^\s+[a-z]/.test(text.slice(match.index + match[0].length, match.index + match[0].length + 2)) && !match[10]) return undefined;
    let end = match.index + match[0].length;
    if ((relation === 'before' || relation === 'after' || relation === 'since') && !/^\s*([.,;:)]|$)/.test(text.slice(end, end + 2))) {
      end -= relation.length;
      end = match.index + text.slice(match.index, end).trimEnd().length;
      relation = '';
    }
    // "imports about three-quarters of its food": a fraction, not three quarters of a year.
    if (/^quarters$/i.test(unitWord) && separator.includes('-')) return undefined;
    const wholeCount = numberValue(countWord);
    const count = wholeCount === undefined ? undefined : wholeCount + andHalf;
    const unit = unitOf(unitWord);
    const lowerCount = countWord.toLowerCase().trim();
    const vague = count === undefined;
    const plural = /s$/i.test(unitWord) || unit === 'century' && /ies$/i.test(unitWord);
    // "a" and "an" with a singular unit only ("a year"), number words with the right agreement.
    if ((lowerCount === 'a' || lowerCount === 'an') && plural) return undefined;
    if (lowerCount === 'some' && !plural && !relation) return undefined; // "some day"
    if (separator.trim() === '' && separator.includes('-') === false && /\d/.test(countWord) && /^[.]/.test(countWord)) return undefined;
    // "12 months" is fine, "1.35 a share" never reaches here; "one day" alone is too often "one day, he ...".
    if (lowerCount === 'one' && unit === 'day' && !modifier && !which && !relation && /^\s*,/.test(text.slice(end, end + 2))) return undefined;
    // "Islam will one day be the second largest religion": some future day, not a day-long span.
    if (lowerCount === 'one' && unit === 'day' && !modifier && !which && !relation && /\b(?:will|would|could|might|may|can|shall)\s+$/i.test(text.slice(Math.max(0, match.index - 8), match.index))) {
      return { end, rule: 'one-day', priority: 3, read: () => ({ type: 'DATE', value: 'FUTURE_REF', precision: 'none', anchor: 'published' }) };
    }
    // A money amount before "a year" makes it a rate: "$5 a year" is a SET.
    // "$2 million a year in interest", "four flights a week", "24 hours a day": a rate, which
    // TimeBank + AQUAINT leave unmarked (7 of 9), so no timex at all.
    const rate = (lowerCount === 'a' || lowerCount === 'an' || lowerCount === 'per') && !which && !theWord && !modifier && !relation
      && /(?:(?:\d[\d,.]*|\b(?:two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|fifty|hundred|hundreds|thousands|dozens|several|many))(?:\s*(?:%|percent|cents?|dollars?|thousand|million|billion))?(?:\s+[a-z]+s)?|\b(?:times|twice|once))\s*$/i.test(text.slice(Math.max(0, match.index - 30), match.index));
    if (rate) return undefined;
    const mod = ({ 'more than': 'MORE_THAN', over: 'MORE_THAN', 'just over': 'MORE_THAN', 'at least': 'EQUAL_OR_MORE', 'less than': 'LESS_THAN', under: 'LESS_THAN', 'just under': 'LESS_THAN', 'fewer than': 'LESS_THAN', nearly: 'LESS_THAN', almost: 'LESS_THAN', about: 'APPROX', around: 'APPROX', roughly: 'APPROX', approximately: 'APPROX', some: 'APPROX', 'up to': 'EQUAL_OR_LESS', 'no more than': 'EQUAL_OR_LESS', 'at most': 'EQUAL_OR_LESS' } as Record<string, string>)[modifier];
    // "a few days later": TimeBank marks the vague count as a duration and leaves "later" out; so
    // for hours and minutes, which name no other calendar day ("Just over an hour later, he was
    // declared dead", "a minute and a half later, a pilot ...").
    if ((count === undefined || unit === 'second' || unit === 'minute' || unit === 'hour') && relation && relation !== 'ago') {
      end = match.index + text.slice(match.index, end).lastIndexOf(match[10] ?? relation);
      end = match.index + text.slice(match.index, end).trimEnd().length;
      relation = '';
    }
    if (relation === 'ago' || relation === 'earlier' || relation === 'later' || relation === 'before' || relation === 'after' || relation === 'from now' || relation === 'hence') {
      const direction = relation === 'ago' || relation === 'earlier' || relation === 'before' ? -1 : 1;
      const fromPrevious = relation !== 'ago' && relation !== 'from now' && relation !== 'hence';
      return {
        end,
        rule: 'counted-shift',
        priority: 2,
        read: (context) => {
          if (vague) return { type: 'DATE', value: direction < 0 ? 'PAST_REF' : 'FUTURE_REF', precision: 'none', anchor: context.reference ? 'published' : 'absolute' };
          const previous = fromPrevious ? context.previous : undefined;
          const base = previous?.reading.day ?? context.reference;
          const anchor: Reading['anchor'] = previous ? 'previous' : 'published';
          // "up from $1.2 million a year earlier": in an earnings story the same quarter a year before
          // ("sold the minority stake five years ago" stays a year).
          const reported = reportedQuarter(context);
          if (unit === 'year' && context.financial && reported && count === 1) {
            const quarter = { year: reported.year + direction * (count ?? 1), quarter: reported.quarter };
            return { type: 'DATE', value: `${formatYear(quarter.year)}-Q${quarter.quarter}`, precision: 'quarter', anchor, day: { year: quarter.year, month: quarter.quarter * 3 - 2, day: 1 }, ...(mod ? { mod } : {}) };
          }
          if (!base) return { type: 'DATE', ...unknownPeriod(unit), anchor: 'published', resolved: false, ...(mod ? { mod } : {}) };
          const day = shift(base, direction * (count ?? 1), unit);
          const period = periodValue(day, unit === 'decade' || unit === 'century' ? 'year' : unit);
          return { type: 'DATE', ...period, anchor, day, ...(mod ? { mod } : {}) };
        },
      };
    }
    const the = Boolean(theWord);
    const span = { end };
    // "the nine months" of an earnings report, "the past two weeks", "three years".
    return {
      ...span,
      rule: the || which ? 'duration-span' : 'duration',
      priority: 3,
      read: () => ({ type: 'DURATION', value: durationValue(count, unit), precision: 'none', anchor: 'absolute', ...(mod ? { mod } : {}) }),
    };
  });
  // Plural units without a count: "for years", "in recent months", "the coming weeks".
  scan(triggers, 'vagueDuration', candidates, (match) => {
    const lead = (match[1] ?? '').toLowerCase();
    const before = wordBefore(text, match.index).toLowerCase();
    if (!lead && !/^(for|in|within|over|after|took|take|takes)$/.test(before)) return undefined;
    if (!lead && /^(in)$/.test(before) && /^\s+(of|to|before|after|ago)\b/.test(text.slice(match.index + match[0].length, match.index + match[0].length + 8))) return undefined;
    const unit = unitOf(match[2] ?? '');
    if (lead === 'recent' && unit === 'year') return { rule: 'recent-years', priority: 4, read: () => ({ type: 'DATE', value: 'PAST_REF', precision: 'none', anchor: 'published' }) };
    return { rule: 'vague-duration', priority: 4, read: () => ({ type: 'DURATION', value: durationValue(undefined, unit), precision: 'none', anchor: 'absolute' }) };
  });
  // Sets: "daily", "every week", "each year", "twice a month".
  // "15 million instructions per second": "per" makes a rate, left unmarked like "$2 million a year".
  scan(triggers, 'set', candidates, (match) => {
    const adverb = (match[1] ?? '').toLowerCase();
    // "the annual meeting" is not annotated, "the daily tally" and "his weekly radio address" are;
    // "the Communist Party daily Granma" is a newspaper; "annually" is marked once in five.
    if (adverb === 'annual' || adverb === 'annually') return undefined;
    if (adverb && /^\s+[A-Z]/.test(text.slice(match.index + match[0].length, match.index + match[0].length + 2))) return undefined;
    // "its quarterly dividend", "a weekly newspaper": adjectives before a noun are left unmarked
    // ("daily" is the exception: "the daily tally" and "his daily life" are marked).
    if (/^(quarterly|monthly|weekly|yearly|biweekly)$/.test(adverb) && /^\s+[a-z]/.test(text.slice(match.index + match[0].length, match.index + match[0].length + 2))) {
      const next = wordAfter(text, match.index + match[0].length);
      if (!/^(and|or|but|in|on|at|for|to|by|since|from|until|before|after|as|with|than|basis|thereafter)$/i.test(next)) return undefined;
    }
    const unitWord = (adverb || (match[3] ?? '')).toLowerCase();
    const multiplier = (match[2] ?? '').toLowerCase();
    const count = multiplier === 'other' ? 2 : multiplier ? numberValue(multiplier) : 1;
    const unitByWord: Record<string, Unit> = { daily: 'day', weekly: 'week', monthly: 'month', yearly: 'year', annually: 'year', quarterly: 'quarter', hourly: 'hour', nightly: 'day', biweekly: 'week', night: 'day', morning: 'day', evening: 'day', weekend: 'week' };
    const unit = unitByWord[unitWord] ?? unitOf(unitWord);
    return { rule: 'set', priority: 2, read: () => ({ type: 'SET', value: durationValue(adverb === 'biweekly' ? 2 : count, unit), precision: 'none', anchor: 'absolute' }) };
  });
}

/** Expressions anchored on the previous date: `that day`, `the next day`, `later that year`, `the day before`. */
function proposeAnaphora(text: string, triggers: TriggerIndex, candidates: Candidate[]): void {
  scan(triggers, 'anaphora', candidates, (match) => {
    const which = (match[2] ?? '').toLowerCase();
    let unitWord = (match[3] ?? '').toLowerCase();
    if (!unitWord && !/^the day (before|after)$/.test(which)) return undefined;
    if (/^the day (before|after)$/.test(which) && unitWord) return undefined;
    // "last seen Nov. 3, the day before authorities issued a warrant", "later in the day before
    // returning home": "before" opens a clause, and the day is anchored on that event, not on the
    // date told before; only a bare "the day before." leans on the previous date.
    if (/^the day (before|after)$/.test(which) && !/^\s*(?:[.,;:)'"’”]|$)/.test(text.slice(match.index + match[0].length, match.index + match[0].length + 2))) return undefined;
    if (!unitWord) unitWord = 'day';
    const part = PART_CODES[unitWord];
    const unit: Unit = part ? 'day' : unitOf(unitWord);
    const offset = /next|following|after/.test(which) ? 1 : /previous|before/.test(which) ? -1 : 0;
    if (which === 'that' && !match[1] && unit !== 'day' && !part) {
      // "that year" alone is often a determiner phrase ("that year's crop"); still annotated by TimeML.
    }
    return {
      rule: 'anaphoric-day',
      priority: 3,
      read: (context) => {
        // (`The summit is planned for mid-December. The minister had arrived the day before.`: a
        // day counted from a month or a year names no day.)
        const coarse = context.previous?.reading.day !== undefined && (unit === 'day' || !!part) && context.previous.reading.precision !== undefined && !/^(?:day|hour|minute|second)$/.test(context.previous.reading.precision);
        const base = coarse ? undefined : context.previous?.reading.day ?? context.reference;
        if (!base) return { type: 'DATE', ...unknownPeriod(unit), anchor: 'published', resolved: false };
        const day = shift(base, offset, unit);
        const anchor: Reading['anchor'] = context.previous?.reading.day ? 'previous' : 'published';
        const period = periodValue(day, unit);
        return { type: part ? 'TIME' : 'DATE', value: part ? `${period.value}T${part}` : period.value, precision: period.precision, anchor, day };
      },
    };
  });
}

/** Extends date candidates with a leading modifier: `earlier this year`, `the end of 2016`, `late November`. */
function withEdgeModifier(text: string, candidate: Candidate): Candidate {
  const before = text.slice(Math.max(0, candidate.start - 40), candidate.start);
  const match = /(?:^|[^\w])((?:the\s+)?(?:very\s+)?(end|beginning|start|middle|close|first half|second half|last half|latter half|first two quarters|last two quarters|rest|remainder|turn)\s+of\s+(?:the\s+)?|(earlier|early|late|later|mid)(?:\s+|-))$/i.exec(before);
  if (!match || !match[1]) return candidate;
  if (!/^(bare-year|relative-period|month-name|chrono-month-year|quarter|decade|century|anaphoric-period|season)$/.test(candidate.rule)) return candidate;
  const word = (match[2] ?? match[3] ?? '').toLowerCase();
  const mod = { end: 'END', close: 'END', beginning: 'START', start: 'START', middle: 'MID', early: 'START', earlier: 'START', late: 'END', mid: 'MID', turn: 'START' }[word as 'end'];
  const start = candidate.start - match[1].length;
  return {
    ...candidate,
    start,
    rule: `${candidate.rule}+edge`,
    read: (context) => {
      const reading = candidate.read(context);
      if (!reading) return undefined;
      // "the first two quarters of 1990", "the last half of 1989": halves too.
      if (/half|two quarters/.test(word) && reading.precision === 'year') return { ...reading, value: `${reading.value}-H${word.startsWith('first') ? 1 : 2}`, precision: 'quarter' };
      return mod && !reading.mod ? { ...reading, mod } : reading;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The finder

/** What may stand between a clock time and the day it is on: `local time`, a zone, an aside in brackets, `on`. */
const CLOCK_TO_DAY = /^(?:\s*(?:local time|[A-Z]{2,5}\b|\([^()]{1,24}\)|,))*\s*(?:on\s+)?$/;

/**
 * "The quake hit at 8:55 pm local time (1755 GMT) on Tuesday": a clock time followed by the day it
 * is on, with only a zone or an aside between, takes that day (read in text order, the clock came
 * before its day and took the publication date).
 */
function dateClocksByTheDayAfter(text: string, timexes: Timex[]): void {
  for (let index = 0; index + 1 < timexes.length; index++) {
    const clock = timexes[index]!;
    const day = timexes[index + 1]!;
    if ((clock.rule !== 'chrono-clock' && clock.rule !== 'zone-clock') || day.type !== 'DATE' || !/^\d{4}-\d{2}-\d{2}$/.test(day.value)) continue;
    const time = /T(\d\d:\d\d)$/.exec(clock.value)?.[1];
    if (time === undefined || day.start - clock.end > 40 || !CLOCK_TO_DAY.test(text.slice(clock.end, day.start))) continue;
    timexes[index] = { ...clock, value: `${day.value}T${time}`, anchor: day.anchor === 'absolute' ? 'absolute' : clock.anchor };
  }
}

/**
 * Finds and resolves the time expressions of `text`.
 *
 * @param text The article text.
 * @param sentences Sentence spans of `text`, sorted; used to read the tense around each expression.
 * @param published Publication date (`YYYY-MM-DD`, or an ISO timestamp) that relative expressions
 *   are resolved from; when undefined, relative expressions keep an unresolved value (`XXXX-XX`)
 *   with `resolved: false` and a diagnostic. Today's date is never read.
 * @returns The `timexes` layer (ids `t1`, `t2`, … in text order) and the diagnostics it raised.
 */
export function findTimexes(text: string, sentences: readonly SentenceSpan[], published: string | undefined): TimexResult {
  const diagnostics: Diagnostic[] = [];
  const reference = parseCalendarDay(published);
  if (published !== undefined && !reference) {
    diagnostics.push({ stage: 'time', rule: 'bad-publication-date', message: `publication date ${JSON.stringify(published)} is not a YYYY-MM-DD date: relative time expressions are left unresolved` });
  }
  const raw: Candidate[] = [];
  const triggers = timeTriggers(text);
  proposeClockAndDates(text, sentences, reference, raw);
  proposeYears(text, triggers, raw);
  proposeZoneClocks(text, triggers, raw);
  proposeDecades(text, triggers, raw);
  proposeQuarters(text, triggers, raw);
  proposeRelativePeriods(text, triggers, raw);
  proposeWeekdays(text, triggers, raw);
  proposeMonths(text, triggers, raw);
  proposeDayOrdinals(text, triggers, raw);
  proposeReferences(text, triggers, raw);
  proposeCountedUnits(text, triggers, raw);
  proposeAnaphora(text, triggers, raw);
  const candidates: Candidate[] = [];
  for (const candidate of raw) candidates.push(withEdgeModifier(text, candidate));

  // Longest first, then by priority, then leftmost; a chosen span blocks every overlapping one.
  const ordered = [...candidates].sort((a, b) => b.end - b.start - (a.end - a.start) || a.priority - b.priority || a.start - b.start);
  const chosen: Candidate[] = [];
  // The chosen spans by start (then end), which never overlap one another: a candidate can only
  // overlap the last of them that starts before it ends (a scan of all of them was quadratic: 5 s
  // for a 90,000-word text of 8,000 dates).
  const byStart: Candidate[] = [];
  for (const candidate of ordered) {
    const low = firstTokenStartingFrom(byStart, candidate.end);
    const before = byStart[low - 1];
    if (before && candidate.start < before.end) continue;
    chosen.push(candidate);
    let at = low;
    while (at > 0 && (byStart[at - 1]!.start > candidate.start || (byStart[at - 1]!.start === candidate.start && byStart[at - 1]!.end > candidate.end))) at--;
    byStart.splice(at, 0, candidate);
  }
  chosen.sort((a, b) => a.start - b.start);

  const financial = triggers.has(PATTERN_INDEX.get('financial') ?? -1) && FINANCIAL.test(text);
  const timexes: Timex[] = [];
  let previous: ReadContext['previous'];
  let namedQuarter: ReadContext['namedQuarter'];
  let sentenceIndex = 0;
  const tenses = new TenseReader(text);
  // The sentence in which a day after publication was named last (-1: none yet).
  let aheadInSentence = -1;
  for (const candidate of chosen) {
    while (sentenceIndex < sentences.length - 1 && (sentences[sentenceIndex]?.end ?? 0) <= candidate.start) sentenceIndex += 1;
    const sentence = sentences[sentenceIndex];
    const inSentence = sentence && sentence.start <= candidate.start && candidate.end <= sentence.end + 1;
    let tense = inSentence ? tenses.tense(sentence.start, sentence.end, candidate.start, candidate.end) : tenses.tense(Math.max(0, candidate.start - 200), Math.min(text.length, candidate.end + 200), candidate.start, candidate.end);
    // "Arsenal travel to Newcastle next Saturday, while Liverpool host City on Sunday": with no
    // tense of its own, an expression shares the direction of a day ahead named before it in its
    // sentence (a fixture list, a schedule), instead of the past news mostly tells of.
    if (tense === 'none' && inSentence && aheadInSentence === sentenceIndex) tense = 'future';
    const reading = candidate.read({ reference, tense, previous, namedQuarter, financial });
    if (!reading) continue;
    const id = `t${timexes.length + 1}`;
    const resolved = reading.resolved ?? true;
    const anchor = reading.anchor === 'previous' ? (previous?.id ?? 'published') : reading.anchor;
    timexes.push({
      id,
      start: candidate.start,
      end: candidate.end,
      type: reading.type,
      value: reading.value,
      ...(reading.mod ? { mod: reading.mod } : {}),
      anchor,
      precision: reading.precision,
      resolved,
      rule: candidate.rule,
    });
    if (!resolved) {
      diagnostics.push({
        stage: 'time',
        rule: 'no-publication-date',
        message: `"${text.slice(candidate.start, candidate.end)}" is relative to the publication date, which is unknown: value left as ${reading.value}`,
        start: candidate.start,
        end: candidate.end,
      });
    }
    // A day that dates the reporting ("residents said Saturday") is not the day the story tells of:
    // a bare clock time or "the next day" after it still belongs to the day named before.
    if (reading.day && resolved && reading.type !== 'DURATION' && reading.type !== 'SET' && !REPORTING_BEFORE.test(text.slice(Math.max(0, candidate.start - 30), candidate.start))) previous = { reading, id };
    if (reading.quarter && !namedQuarter) namedQuarter = reading.quarter; // the reported quarter is named first
    if (reading.day && resolved && reference && reading.type !== 'DURATION' && daysBetween(reference, reading.day) > 0) aheadInSentence = sentenceIndex;
  }
  dateClocksByTheDayAfter(text, timexes);
  return { timexes, diagnostics };
}
