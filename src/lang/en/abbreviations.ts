/**
 * English abbreviations that end in a period, for the sentence splitter and tokenizer.
 * Lower-case, without the final period.
 */

/** Titles and ranks: always followed by a name, so never the end of a sentence (`Maj. Sheryll Klinkel`). */
export const TITLE_ABBREVIATIONS: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'messrs', 'dr', 'prof', 'sen', 'sens', 'rep', 'reps', 'gov', 'govs', 'gen', 'lt', 'col', 'maj', 'capt', 'cpt',
  'sgt', 'cpl', 'pvt', 'adm', 'cmdr', 'cdr', 'rev', 'fr', 'hon', 'pres', 'supt', 'det', 'insp', 'amb', 'atty', 'brig', 'lieut',
  'gens', 'sr', 'jr', 'st', 'mt', 'ft', 'no', 'nos', 'vs', 'v', 'sec', 'secs', 'ald', 'assemblyman', 'judge',
]);

/** Abbreviations that usually sit inside a sentence but may also end one (`… Apple Inc. The company …`). */
export const OTHER_ABBREVIATIONS: ReadonlySet<string> = new Set([
  'inc', 'corp', 'co', 'ltd', 'llc', 'plc', 'bros', 'etc', 'approx', 'dept', 'est', 'fig', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul',
  'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun', 'ave', 'blvd',
  'rd', 'hwy', 'univ', 'assn', 'intl', 'natl', 'govt', 'e.g', 'i.e', 'a.m', 'p.m', 'al', 'ca', 'cf', 'min', 'max', 'mph', 'oz', 'lb',
  'lbs', 'ft', 'yr', 'yrs', 'ala', 'ariz', 'ark', 'calif', 'colo', 'conn', 'del', 'fla', 'ga', 'ill', 'ind', 'kan', 'ky', 'la', 'md',
  'mass', 'mich', 'minn', 'miss', 'mo', 'mont', 'neb', 'nev', 'okla', 'ore', 'pa', 'tenn', 'tex', 'va', 'vt', 'wash', 'wis', 'wyo',
]);

/**
 * Words that commonly start a sentence: after an ambiguous abbreviation (`Inc.`, `U.S.`) a following
 * capitalised word from this list signals a sentence boundary.
 */
export const SENTENCE_STARTERS: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'this', 'that', 'these', 'those', 'there', 'in', 'on', 'at', 'but',
  'and', 'or', 'so', 'yet', 'however', 'meanwhile', 'after', 'before', 'when', 'while', 'if', 'as', 'his', 'her', 'its', 'their',
  'our', 'my', 'one', 'some', 'many', 'most', 'both', 'for', 'since', 'although', 'though', 'still', 'also', 'now', 'then', 'last',
  'earlier', 'later', 'what', 'who', 'why', 'how', 'where', 'officials', 'police', 'no', 'not', 'all', 'other', 'another',
]);
