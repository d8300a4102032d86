/**
 * Paragraphs, sentences and tokens with offsets, tuned for news: titles and ranks (`Maj.`),
 * `U.S.`, initials, decimals, quotes that end a sentence (`.”`), CoNLL-style tokens
 * (`U.S.` and `al-Qa’ida` one token, `group’s` → `group` + `’s`).
 */
import type { Paragraph, Sentence, Span, Token } from '../../doc/schema.js';
import { OTHER_ABBREVIATIONS, SENTENCE_STARTERS, TITLE_ABBREVIATIONS } from '../../lang/en/abbreviations.js';
import { FULL_MONTH, SHORT_MONTH, WEEKDAY_NAME } from '../../lang/en/calendar.js';

/** Result of {@link segment}. */
export interface Segmentation {
  readonly paragraphs: Paragraph[];
  readonly sentences: Sentence[];
  readonly tokens: Token[];
}

// Token patterns, each sticky so it is tried at one position only (no scanning, no backtracking
// across the text). Word joiners inside a token: hyphen, apostrophes and `&` (`al-Qa’ida`, `AT&T`).
const URL_PATTERN = /(?:https?:\/\/|www\.)[^\s<>"“”]*[^\s<>"“”.,;:!?)\]’'”]/uy;
const EMAIL_PATTERN = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/uy;
/** What may follow `a.m.`/`p.m.` inside a sentence: a time zone, a day or a month (`10 a.m. Friday`, `3 p.m. EDT`). */
const CLOCK_FOLLOWERS = new RegExp(String.raw`^(?:[A-Z]{1,4}T|(?:[A-Z]\.){1,3}|GMT|UTC|Z|Eastern|Central|Pacific|Mountain|Atlantic|Local|${WEEKDAY_NAME}|${FULL_MONTH}|${SHORT_MONTH}\.?)$`);
const ACRONYM_PATTERN = /(?:\p{L}\.){2,}(?!\p{L})/uy; // U.S., a.m., e.g.
const NUMBER_PATTERN = /\p{N}+(?:[.,:]\p{N}+)+/uy; // 1,000  3.5  12:30
const WORD_PATTERN = /[\p{L}\p{M}\p{N}]+(?:[-’'&][\p{L}\p{M}\p{N}]+)*/uy;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

const CLITIC_PATTERN = /^(.*?\p{L})(n[’']t|[’'](?:s|re|ve|ll|d|m))$/iu;
const UPPER_START = /^[\p{Lu}\p{N}]/u;
// `` is the opening quote of Penn-Treebank-style wire copy (``This convention will …'').
const OPENERS = new Set(['“', '"', '‘', "'", '(', '[', '«', '``', '`']);
const CLOSERS = new Set(['”', '"', '’', "'", ')', ']', '»', "''"]);
const TERMINATORS = new Set(['.', '!', '?', '…']);

interface RawToken {
  start: number;
  end: number;
}

function stickyMatch(pattern: RegExp, text: string, position: number): number {
  pattern.lastIndex = position;
  return pattern.test(text) ? pattern.lastIndex : -1;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 9 || code === 13 || code === 0xa0 || (code >= 0x2000 && code <= 0x200b) || code === 0x202f || code === 0x3000 || code === 0xfeff || code === 0x0b || code === 0x0c || code === 0x85 || code === 0x2028 || code === 0x2029;
}

/** Splits `text[start, end)` into tokens, appending to `out`. */
export function tokenizeRange(text: string, start: number, end: number, out: RawToken[]): void {
  let position = start;
  while (position < end) {
    const code = text.charCodeAt(position);
    if (isSpace(code)) {
      position++;
      continue;
    }
    const isAsciiWordChar = (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
    const wordChar = isAsciiWordChar || (code > 127 && LETTER_OR_DIGIT.test(String.fromCodePoint(text.codePointAt(position) ?? code)));
    if (!wordChar) {
      // Punctuation: ellipsis and double dashes are one token; anything else one code point.
      let tokenEnd = position + (code >= 0xd800 && code <= 0xdbff && position + 1 < end ? 2 : 1);
      if ((code === 46 || code === 45 || code === 96 || code === 39) && position + 1 < end && text.charCodeAt(position + 1) === code) {
        while (tokenEnd < end && text.charCodeAt(tokenEnd) === code) tokenEnd++;
      }
      out.push({ start: position, end: Math.min(tokenEnd, end) });
      position = Math.min(tokenEnd, end);
      continue;
    }
    let tokenEnd = -1;
    if ((code === 104 || code === 119) && (text.startsWith('http', position) || text.startsWith('www.', position))) tokenEnd = stickyMatch(URL_PATTERN, text, position);
    if (tokenEnd < 0 && position + 1 < text.length && text.charCodeAt(position + 1) === 46) tokenEnd = stickyMatch(ACRONYM_PATTERN, text, position);
    if (tokenEnd < 0 && code >= 48 && code <= 57) tokenEnd = stickyMatch(NUMBER_PATTERN, text, position);
    if (tokenEnd < 0) {
      tokenEnd = stickyMatch(WORD_PATTERN, text, position);
      if (tokenEnd < 0) tokenEnd = position + 1;
      const next = tokenEnd < text.length ? text.charCodeAt(tokenEnd) : -1;
      if (next === 64 /* @ */ || next === 46 || next === 95 || next === 43) {
        const email = stickyMatch(EMAIL_PATTERN, text, position);
        if (email > 0 && text.slice(position, email).includes('@')) tokenEnd = email;
      }
      const word = text.slice(position, tokenEnd);
      if (word.length > 2 && (word.includes('’') || word.includes("'"))) {
        const clitic = CLITIC_PATTERN.exec(word);
        if (clitic && clitic[1] && clitic[2]) {
          const split = position + clitic[1].length;
          out.push({ start: position, end: split });
          out.push({ start: split, end: tokenEnd });
          position = tokenEnd;
          continue;
        }
      }
      // A known abbreviation or a single initial keeps its period (`Maj.`, `J. Smith`).
      if (next === 46 && tokenEnd < end && isAbbreviation(word)) tokenEnd++;
    }
    tokenEnd = Math.min(tokenEnd, end);
    out.push({ start: position, end: tokenEnd });
    position = tokenEnd;
  }
}

// Module-level: under tsx (tests, benches) esbuild compiles a `\p{…}` literal inside a function
// into `new RegExp(…)`, made again on every call.
const UPPER_LETTER = /\p{Lu}/u;
const ONE_LETTER = /^\p{L}$/u;

function isAbbreviation(word: string): boolean {
  if (word.length === 1) return UPPER_LETTER.test(word);
  const lower = word.toLowerCase();
  return TITLE_ABBREVIATIONS.has(lower) || OTHER_ABBREVIATIONS.has(lower);
}

/** Paragraph spans: blocks separated by blank lines, or every line when the text has no blank line. */
export function findParagraphs(text: string): Span[] {
  const spans: Span[] = [];
  const blankLine = /\n[ \t\u00a0\r]*\n/;
  const separator = blankLine.test(text) ? /\n[ \t\u00a0\r]*\n\s*/g : /\n+/g;
  let blockStart = 0;
  const push = (start: number, end: number): void => {
    while (start < end && /\s/.test(text[start] ?? '')) start++;
    while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
    if (end > start) spans.push({ start, end });
  };
  for (const match of text.matchAll(separator)) {
    push(blockStart, match.index);
    blockStart = match.index + match[0].length;
  }
  push(blockStart, text.length);
  return spans;
}

/** Splits a text into paragraphs, sentences and tokens. */
export function segment(text: string): Segmentation {
  const paragraphs: Paragraph[] = [];
  const sentences: Sentence[] = [];
  const tokens: Token[] = [];
  const raw: RawToken[] = [];
  for (const span of findParagraphs(text)) {
    const paragraphId = `p${paragraphs.length + 1}`;
    paragraphs.push({ id: paragraphId, start: span.start, end: span.end });
    raw.length = 0;
    tokenizeRange(text, span.start, span.end, raw);
    let sentenceStart = 0; // index into raw
    for (let index = 0; index < raw.length; index++) {
      const boundary = sentenceEndAfter(text, raw, index);
      if (boundary < 0) continue;
      const last = boundary;
      pushSentence(raw, sentenceStart, last, paragraphId, sentences, tokens);
      sentenceStart = last + 1;
      index = last;
    }
    if (sentenceStart < raw.length) pushSentence(raw, sentenceStart, raw.length - 1, paragraphId, sentences, tokens);
  }
  return { paragraphs, sentences, tokens };
}

function pushSentence(raw: RawToken[], first: number, last: number, paragraph: string, sentences: Sentence[], tokens: Token[]): void {
  const firstToken = raw[first];
  const lastToken = raw[last];
  if (!firstToken || !lastToken) return;
  const sentenceIndex = sentences.length;
  sentences.push({ id: `s${sentenceIndex + 1}`, start: firstToken.start, end: lastToken.end, paragraph });
  for (let index = first; index <= last; index++) {
    const token = raw[index];
    if (token) tokens.push({ start: token.start, end: token.end, sentence: sentenceIndex });
  }
}

/**
 * When the token at `index` ends a sentence, returns the index of the sentence's last token
 * (after any closing quotes or brackets); otherwise -1.
 */
function sentenceEndAfter(text: string, raw: RawToken[], index: number): number {
  const token = raw[index];
  if (!token) return -1;
  const lastCode = text.charCodeAt(token.end - 1);
  if (lastCode !== 46 && lastCode !== 33 && lastCode !== 63 && lastCode !== 0x2026) return -1;
  const value = text.slice(token.start, token.end);
  const lastChar = value[value.length - 1] ?? '';
  let kind: 'terminator' | 'abbreviation' | 'none' = 'none';
  if (TERMINATORS.has(value) || value === '...' || /^\.{2,}$/.test(value)) kind = 'terminator';
  else if (value.length > 1 && lastChar === '.') kind = 'abbreviation';
  if (kind === 'none') return -1;
  // Absorb closing quotes and brackets glued to the terminator: `.”`, `?)`.
  let last = index;
  while (true) {
    const next = raw[last + 1];
    const previous = raw[last];
    if (!next || !previous || next.start !== previous.end) break;
    const nextValue = text.slice(next.start, next.end);
    if (!CLOSERS.has(nextValue)) break;
    last++;
  }
  const following = raw[last + 1];
  if (!following) return last;
  const followingValue = text.slice(following.start, following.end);
  if (kind === 'abbreviation') {
    const stem = value.slice(0, -1).toLowerCase();
    // `Maj. Sheryll Klinkel`, `J. Smith`: a title or an initial is followed by a name.
    if (TITLE_ABBREVIATIONS.has(stem) || ONE_LETTER.test(stem)) return -1;
    // `shortly after 11 a.m. Television footage showed …`: a clock time ends a sentence before a
    // capitalised word that is no zone, day or month (`10 a.m. Friday`, `3 p.m. EDT`, `9 a.m. Moscow time`).
    if ((stem === 'a.m' || stem === 'p.m') && UPPER_START.test(followingValue)) {
      const afterFollowing = raw[last + 2];
      const zoned = afterFollowing !== undefined && text.slice(afterFollowing.start, afterFollowing.end).toLowerCase() === 'time';
      return !zoned && !CLOCK_FOLLOWERS.test(followingValue) ? last : -1;
    }
    // `the U.S. The next day`: an acronym ends a sentence only before a typical sentence opener.
    return UPPER_START.test(followingValue) && SENTENCE_STARTERS.has(followingValue.toLowerCase()) ? last : -1;
  }
  if (UPPER_START.test(followingValue)) return last;
  if (OPENERS.has(followingValue)) {
    const afterOpener = raw[last + 2];
    if (!afterOpener) return last;
    return UPPER_START.test(text.slice(afterOpener.start, afterOpener.end)) ? last : -1;
  }
  return -1;
}
