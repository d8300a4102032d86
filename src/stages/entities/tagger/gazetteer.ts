/**
 * Phrase gazetteer for tagger features: lower-cased, space-joined token sequences (`north africa`,
 * `in amenas`) with a bit mask of the lists they come from. Matching is longest-first and
 * non-overlapping within a sentence; a match must start and end on tokens with a capital letter, so
 * `of` (a town in Turkey) or `police` never match in running text.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { loadOnce } from '../../../util/load-once.js';
import { foldPunctuation } from './normalize.js';

/** Gazetteer lists, one bit each. */
export const gazetteerLists = ['country', 'demonym', 'city', 'region', 'continent'] as const;

/** One gazetteer list name. */
export type GazetteerList = (typeof gazetteerLists)[number];

/** Bit of a list in a phrase's mask. */
export function gazetteerBit(list: GazetteerList): number {
  return 1 << gazetteerLists.indexOf(list);
}

/** A compiled phrase gazetteer (read-only once built). */
export interface PhraseGazetteer {
  /** Phrase (lower-cased tokens joined by one space) → mask of lists. */
  readonly phrases: ReadonlyMap<string, number>;
  /** First token of any phrase → the longest phrase length that starts with it. */
  readonly longestByFirst: ReadonlyMap<string, number>;
  /** Longest phrase length in tokens. */
  readonly maxLength: number;
}

/** Lower-cased ASCII-folded key of one token for gazetteer lookups. */
export function gazetteerKey(token: string): string {
  return foldPunctuation(token).toLowerCase();
}

/** Builds a gazetteer from `[phrase, mask]` pairs whose phrases are already space-tokenised. */
export function buildGazetteer(entries: Iterable<readonly [string, number]>): PhraseGazetteer {
  const phrases = new Map<string, number>();
  const longestByFirst = new Map<string, number>();
  let maxLength = 0;
  for (const [phrase, mask] of entries) {
    const tokens = phrase.split(' ').map(gazetteerKey).filter((token) => token.length > 0);
    if (tokens.length === 0) continue;
    const key = tokens.join(' ');
    phrases.set(key, (phrases.get(key) ?? 0) | mask);
    const first = tokens[0]!;
    longestByFirst.set(first, Math.max(longestByFirst.get(first) ?? 0, tokens.length));
    maxLength = Math.max(maxLength, tokens.length);
  }
  return { phrases, longestByFirst, maxLength };
}

/** Serialises a gazetteer as `phrase TAB mask` lines. */
export function serializeGazetteer(gazetteer: PhraseGazetteer): string {
  return [...gazetteer.phrases].map(([phrase, mask]) => `${phrase}\t${mask}`).join('\n') + '\n';
}

/**
 * The gazetteer of the gzipped file at `path`, parsed once per thread for every stage that reads it
 * (the NER tagger's features and the entities stage's place subtypes).
 */
export function loadPhraseGazetteer(path: string): PhraseGazetteer {
  return loadOnce(`phrase-gazetteer:${resolve(path)}`, () => parseGazetteer(gunzipSync(readFileSync(path)).toString('utf8')));
}

/**
 * Parses the output of {@link serializeGazetteer}. Its phrases are already normalised keys, so they
 * are indexed as they are (re-normalising 35k phrases was a third of the tagger's load time).
 */
export function parseGazetteer(text: string): PhraseGazetteer {
  const phrases = new Map<string, number>();
  const longestByFirst = new Map<string, number>();
  let maxLength = 0;
  let position = 0;
  while (position < text.length) {
    let lineEnd = text.indexOf('\n', position);
    if (lineEnd < 0) lineEnd = text.length;
    const tab = text.indexOf('\t', position);
    if (tab > position && tab < lineEnd) {
      const phrase = text.slice(position, tab);
      phrases.set(phrase, (phrases.get(phrase) ?? 0) | Number(text.slice(tab + 1, lineEnd)));
      let length = 1;
      let firstEnd = -1;
      for (let at = phrase.indexOf(' '); at >= 0; at = phrase.indexOf(' ', at + 1)) {
        if (firstEnd < 0) firstEnd = at;
        length++;
      }
      const first = firstEnd < 0 ? phrase : phrase.slice(0, firstEnd);
      const known = longestByFirst.get(first);
      if (known === undefined || known < length) longestByFirst.set(first, length);
      if (length > maxLength) maxLength = length;
    }
    position = lineEnd + 1;
  }
  return { phrases, longestByFirst, maxLength };
}

/**
 * Marks gazetteer matches in one sentence. Returns, per token, 0 for no match, else
 * `mask * 2 + (inside ? 1 : 0)` (the first token of a match is "begin", later ones "inside").
 */
export function matchGazetteer(gazetteer: PhraseGazetteer, tokens: readonly string[], keys: readonly string[]): Int32Array {
  const capital = Uint8Array.from(tokens, (token) => (hasCapital(token) ? 1 : 0));
  const longest = Int32Array.from(keys, (key, index) => (capital[index] ? (gazetteer.longestByFirst.get(key) ?? 0) : 0));
  const marks = new Int32Array(tokens.length);
  markGazetteerMatches(gazetteer, keys, capital, longest, tokens.length, marks);
  return marks;
}

/**
 * {@link matchGazetteer} over per-token facts the caller keeps (the tagger caches them per token
 * string): `capital[i]` is 1 when token i has a capital letter, `longest[i]` the longest phrase
 * starting with its key when it has one (else 0). Fills `marks[0, length)`.
 */
export function markGazetteerMatches(
  gazetteer: PhraseGazetteer,
  keys: readonly string[],
  capital: ArrayLike<number>,
  longest: ArrayLike<number>,
  length: number,
  marks: Int32Array,
): void {
  marks.fill(0, 0, length);
  let index = 0;
  while (index < length) {
    let matched = 0;
    for (let size = Math.min(longest[index]!, length - index); size >= 1; size--) {
      if (capital[index + size - 1] === 0) continue;
      let phrase = keys[index]!;
      for (let offset = 1; offset < size; offset++) phrase += ' ' + keys[index + offset]!;
      const mask = gazetteer.phrases.get(phrase);
      if (mask === undefined) continue;
      for (let offset = 0; offset < size; offset++) marks[index + offset] = mask * 2 + (offset > 0 ? 1 : 0);
      matched = size;
      break;
    }
    index += matched > 0 ? matched : 1;
  }
}

/** Whether a token has a capital letter (a gazetteer match must start and end on one). */
export function hasCapital(token: string): boolean {
  return token !== token.toLowerCase();
}
