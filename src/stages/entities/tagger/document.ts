/**
 * Tagging one document in two passes. Pass 1 reads sentences in order and remembers the type each
 * capitalised form last got (a headline's `JAPAN` is typed by the body's `Japan`); pass 2 is a stacked
 * tagger that sees pass 1's tags for the whole document: its neighbours' tags, the majority type of
 * the same form elsewhere, and the type of a longer name containing it (`Dawud` inside
 * `Musa Abu Dawud`). The same code runs in training and tagging so the two never drift apart.
 */
import { addEmissionScores, viterbi, type LinearWeights, type SentenceRows } from './decode.js';
import {
  lowerElsewhereFeatureKeys,
  memoryFeatureKeys,
  secondPassFeatureKeys,
  type DocumentAttributes,
  type RowLookup,
  type SecondPassContext,
  type SentenceFeatures,
} from './features.js';
import { tagCount as importedTagCount, tagType } from './tags.js';

// A local copy: module bindings cost a getter call per use in hot loops under tsx.
const tagCount = importedTagCount;

/** Called after each sentence is decoded, before its tags reach the document memory (training updates here). */
export type SentenceVisitor = (documentSentence: number, rows: SentenceRows, predicted: Int32Array) => void;

/** Per-token extra feature rows of one sentence (document features), flat. */
interface ExtraRows {
  readonly starts: Int32Array;
  readonly rows: number[];
}

/** Static rows plus extra rows as one {@link SentenceRows} (only needed for training updates). */
function mergeRows(sentence: SentenceFeatures, extra: ExtraRows): SentenceRows {
  const rows = new Int32Array(sentence.rows.length + extra.rows.length);
  const starts = new Int32Array(sentence.length + 1);
  let position = 0;
  for (let index = 0; index < sentence.length; index++) {
    starts[index] = position;
    for (let at = sentence.starts[index]!; at < sentence.starts[index + 1]!; at++) rows[position++] = sentence.rows[at]!;
    for (let at = extra.starts[index]!; at < extra.starts[index + 1]!; at++) rows[position++] = extra.rows[at]!;
  }
  starts[sentence.length] = position;
  return { length: sentence.length, starts, rows };
}

function decode(sentence: SentenceFeatures, extra: ExtraRows, weights: LinearWeights, staticScores: Float64Array | undefined): Int32Array {
  let scores: Float64Array;
  if (staticScores) scores = staticScores.slice();
  else {
    scores = new Float64Array(sentence.length * tagCount);
    addEmissionScores(sentence, weights, scores);
  }
  // Typed arrays only, so addEmissionScores stays monomorphic.
  if (extra.rows.length > 0) addEmissionScores({ length: sentence.length, starts: extra.starts, rows: Int32Array.from(extra.rows) }, weights, scores);
  return viterbi(scores, sentence.length, weights.transition);
}

/** Memory value of a tag: its type 0..3, or 4 for `O`. */
function memoryValue(tag: number): number {
  const type = tagType(tag);
  return type < 0 ? 4 : type;
}

/** Lower-case words of a document (for {@link lowerElsewhereFeatureKeys}). */
function lowerWords(sentences: readonly SentenceFeatures[]): Set<string> {
  const words = new Set<string>();
  for (const sentence of sentences) for (const key of sentence.lowerKeys) if (key !== '') words.add(key);
  return words;
}

function resolve(keys: readonly number[], rowOf: RowLookup, into: number[]): void {
  for (const key of keys) {
    const row = rowOf(key);
    if (row >= 0) into.push(row);
  }
}

/**
 * Pass 1 over a document: returns the tags of every sentence. `staticScores` (optional, per
 * sentence) are the emission scores of the static rows, when the caller computed them already.
 */
export function firstPass(
  sentences: readonly SentenceFeatures[],
  weights: LinearWeights,
  rowOf: RowLookup,
  attributes: DocumentAttributes,
  visit?: SentenceVisitor,
  staticScores?: readonly Float64Array[],
): Int32Array[] {
  const memory = new Map<string, number>();
  const result: Int32Array[] = [];
  const keys: number[] = [];
  const lower = lowerWords(sentences);
  for (let sentenceIndex = 0; sentenceIndex < sentences.length; sentenceIndex++) {
    const sentence = sentences[sentenceIndex]!;
    const extra: ExtraRows = { starts: new Int32Array(sentence.length + 1), rows: [] };
    for (let index = 0; index < sentence.length; index++) {
      extra.starts[index] = extra.rows.length;
      const form = sentence.memoryKeys[index]!;
      if (form === '') continue;
      keys.length = 0;
      if (lower.has(form)) lowerElsewhereFeatureKeys(sentence, index, attributes, keys);
      const remembered = memory.get(form);
      if (remembered !== undefined) memoryFeatureKeys(sentence, index, remembered, attributes, keys);
      resolve(keys, rowOf, extra.rows);
    }
    extra.starts[sentence.length] = extra.rows.length;
    // Training may add rows for new document features: resolve before reading the weights.
    const predicted = decode(sentence, extra, weights, staticScores?.[sentenceIndex]);
    visit?.(sentenceIndex, mergeRows(sentence, extra), predicted);
    for (let index = 0; index < sentence.length; index++) {
      const form = sentence.memoryKeys[index]!;
      if (form !== '') memory.set(form, memoryValue(predicted[index]!));
    }
    result.push(predicted);
  }
  return result;
}

/** Per-token majority and containing types from pass-1 tags (see {@link SecondPassContext}); -1 where none. */
export function documentAggregates(sentences: readonly SentenceFeatures[], firstTags: readonly Int32Array[]): { majority: Int32Array[]; containing: Int32Array[] } {
  const counts = new Map<string, Int32Array>();
  // Multi-token pass-1 entities by the capitalised forms in them: `Dawud` → [Musa Abu Dawud, PER].
  const containers = new Map<string, { length: number; type: number; sentence: number; start: number }[]>();
  sentences.forEach((sentence, sentenceIndex) => {
    const tags = firstTags[sentenceIndex]!;
    for (let index = 0; index < sentence.length; index++) {
      const form = sentence.memoryKeys[index]!;
      if (form === '') continue;
      let count = counts.get(form);
      if (!count) counts.set(form, (count = new Int32Array(5)));
      const value = memoryValue(tags[index]!);
      count[value] = count[value]! + 1;
    }
    for (let start = 0; start < sentence.length; start++) {
      const type = tagType(tags[start]!);
      if (type < 0) continue;
      let end = start + 1;
      while (end < sentence.length && tags[end] === tags[start]! + 1) end++;
      if (end - start >= 2) {
        for (let index = start; index < end; index++) {
          const form = sentence.memoryKeys[index]!;
          if (form === '') continue;
          let list = containers.get(form);
          if (!list) containers.set(form, (list = []));
          list.push({ length: end - start, type, sentence: sentenceIndex, start });
        }
      }
      start = end - 1;
    }
  });
  const majority: Int32Array[] = [];
  const containing: Int32Array[] = [];
  sentences.forEach((sentence, sentenceIndex) => {
    const tags = firstTags[sentenceIndex]!;
    const sentenceMajority = new Int32Array(sentence.length).fill(-1);
    const sentenceContaining = new Int32Array(sentence.length).fill(-1);
    for (let index = 0; index < sentence.length; index++) {
      const form = sentence.memoryKeys[index]!;
      if (form === '') continue;
      const count = counts.get(form)!;
      const own = memoryValue(tags[index]!);
      let best = -1;
      let bestCount = 0;
      for (let value = 0; value < 5; value++) {
        const others = count[value]! - (value === own ? 1 : 0);
        if (others > bestCount) {
          bestCount = others;
          best = value;
        }
      }
      sentenceMajority[index] = best;
      // The longest containing entity elsewhere: the token's own entity says nothing new.
      let bestLength = 0;
      for (const container of containers.get(form) ?? []) {
        const own = container.sentence === sentenceIndex && container.start <= index && index < container.start + container.length;
        if (own || container.length <= bestLength) continue;
        bestLength = container.length;
        sentenceContaining[index] = container.type;
      }
    }
    majority.push(sentenceMajority);
    containing.push(sentenceContaining);
  });
  return { majority, containing };
}

/** Pass 2 over a document, given pass 1's tags. */
export function secondPass(
  sentences: readonly SentenceFeatures[],
  firstTags: readonly Int32Array[],
  weights: LinearWeights,
  rowOf: RowLookup,
  attributes: DocumentAttributes,
  visit?: SentenceVisitor,
  staticScores?: readonly Float64Array[],
): Int32Array[] {
  const { majority, containing } = documentAggregates(sentences, firstTags);
  const keys: number[] = [];
  const lower = lowerWords(sentences);
  return sentences.map((sentence, sentenceIndex) => {
    const tags = firstTags[sentenceIndex]!;
    const extra: ExtraRows = { starts: new Int32Array(sentence.length + 1), rows: [] };
    for (let index = 0; index < sentence.length; index++) {
      extra.starts[index] = extra.rows.length;
      const context: SecondPassContext = { tags, majority: majority[sentenceIndex]![index]!, containing: containing[sentenceIndex]![index]! };
      keys.length = 0;
      secondPassFeatureKeys(sentence, index, context, attributes, keys);
      const form = sentence.memoryKeys[index]!;
      if (form !== '' && lower.has(form)) lowerElsewhereFeatureKeys(sentence, index, attributes, keys);
      resolve(keys, rowOf, extra.rows);
    }
    extra.starts[sentence.length] = extra.rows.length;
    const predicted = decode(sentence, extra, weights, staticScores?.[sentenceIndex]);
    visit?.(sentenceIndex, mergeRows(sentence, extra), predicted);
    return predicted;
  });
}
