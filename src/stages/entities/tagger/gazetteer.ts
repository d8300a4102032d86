/**
 * Phrase gazetteer for tagger features: lower-cased, space-joined token sequences (`north africa`,
 * `in amenas`) with a bit mask of the lists they come from. Matching is longest-first and
 * non-overlapping within a sentence; a match must start and end on tokens with a capital letter, so
 * `of` (a town in Turkey) or `police` never match in running text.
 */
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

function hasCapital(token: string): boolean {
  return token !== token.toLowerCase();
}

/**
 * Marks gazetteer matches in one sentence. Returns, per token, 0 for no match, else
 * `mask * 2 + (inside ? 1 : 0)` (the first token of a match is "begin", later ones "inside").
 */
export function matchGazetteer(gazetteer: PhraseGazetteer, tokens: readonly string[], keys: readonly string[]): Int32Array {
  const marks = new Int32Array(tokens.length);
  let index = 0;
  while (index < tokens.length) {
    const longest = hasCapital(tokens[index]!) ? (gazetteer.longestByFirst.get(keys[index]!) ?? 0) : 0;
    let matched = 0;
    for (let length = Math.min(longest, tokens.length - index); length >= 1; length--) {
      if (!hasCapital(tokens[index + length - 1]!)) continue;
      let phrase = keys[index]!;
      for (let offset = 1; offset < length; offset++) phrase += ' ' + keys[index + offset]!;
      const mask = gazetteer.phrases.get(phrase);
      if (mask === undefined) continue;
      for (let offset = 0; offset < length; offset++) marks[index + offset] = mask * 2 + (offset > 0 ? 1 : 0);
      matched = length;
      break;
    }
    index += matched > 0 ? matched : 1;
  }
  return marks;
}
