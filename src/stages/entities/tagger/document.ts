/**
 * Tagging one document in two passes. Pass 1 reads sentences in order and remembers the type each
 * capitalised form last got (a headline's `JAPAN` is typed by the body's `Japan`); pass 2 is a stacked
 * tagger that sees pass 1's tags for the whole document: its neighbours' tags, the majority type of
 * the same form elsewhere, and the type of a longer name containing it (`Dawud` inside
 * `Musa Abu Dawud`). The same code runs in training and tagging so the two never drift apart.
 */
import { addEmissionScores, viterbi, type LinearWeights, type SentenceRows } from './decode.js';
import {
  memoryFeatureKeys,
  secondPassFeatureKeys,
  type DocumentAttributes,
  type SecondPassContext,
  type SentenceFeatures,
} from './features.js';
import { tagCount, tagType } from './tags.js';

/** A document's static features with their weight rows resolved. */
export interface PreparedDocument {
  readonly sentences: readonly SentenceFeatures[];
  /** `rows[s][k]` is the weight row of `sentences[s].keys[k]` (-1 unknown). */
  readonly rows: readonly Int32Array[];
}

/** Maps a feature key to its weight row, or -1 (may add keys while training). */
export type RowLookup = (key: number) => number;

/** Called after each sentence is decoded, before its tags reach the document memory (training updates here). */
export type SentenceVisitor = (documentSentence: number, rows: SentenceRows, predicted: Int32Array) => void;

/** Resolves every static key of a document to a weight row. */
export function prepareDocument(sentences: readonly SentenceFeatures[], rowOf: RowLookup): PreparedDocument {
  return { sentences, rows: sentences.map((sentence) => Int32Array.from(sentence.keys, rowOf)) };
}

/** Merges static rows with per-token extra keys into one {@link SentenceRows}. */
function mergeRows(sentence: SentenceFeatures, staticRows: Int32Array, extra: readonly number[][], rowOf: RowLookup): SentenceRows {
  let total = staticRows.length;
  for (const keys of extra) total += keys.length;
  const rows = new Int32Array(total);
  const starts = new Int32Array(sentence.length + 1);
  let position = 0;
  for (let index = 0; index < sentence.length; index++) {
    starts[index] = position;
    for (let key = sentence.starts[index]!; key < sentence.starts[index + 1]!; key++) rows[position++] = staticRows[key]!;
    for (const key of extra[index]!) rows[position++] = rowOf(key);
  }
  starts[sentence.length] = position;
  return { length: sentence.length, starts, rows };
}

function decode(rows: SentenceRows, weights: LinearWeights): Int32Array {
  const scores = new Float64Array(rows.length * tagCount);
  addEmissionScores(rows, weights, scores);
  return viterbi(scores, rows.length, weights.transition);
}

/** Memory value of a tag: its type 0..3, or 4 for `O`. */
function memoryValue(tag: number): number {
  const type = tagType(tag);
  return type < 0 ? 4 : type;
}

/** Pass 1 over a document: returns the tags of every sentence. */
export function firstPass(
  document: PreparedDocument,
  weights: LinearWeights,
  rowOf: RowLookup,
  attributes: DocumentAttributes,
  visit?: SentenceVisitor,
): Int32Array[] {
  const memory = new Map<string, number>();
  const result: Int32Array[] = [];
  document.sentences.forEach((sentence, sentenceIndex) => {
    const extra: number[][] = [];
    for (let index = 0; index < sentence.length; index++) {
      const keys: number[] = [];
      const form = sentence.memoryKeys[index]!;
      if (form !== '') memoryFeatureKeys(sentence, index, memory.get(form) ?? -1, attributes, keys);
      extra.push(keys);
    }
    const rows = mergeRows(sentence, document.rows[sentenceIndex]!, extra, rowOf);
    const predicted = decode(rows, weights);
    visit?.(sentenceIndex, rows, predicted);
    for (let index = 0; index < sentence.length; index++) {
      const form = sentence.memoryKeys[index]!;
      if (form !== '') memory.set(form, memoryValue(predicted[index]!));
    }
    result.push(predicted);
  });
  return result;
}

/** Per-token majority and containing types from pass-1 tags (see {@link SecondPassContext}). */
export function documentAggregates(document: PreparedDocument, firstTags: readonly Int32Array[]): { majority: Int32Array[]; containing: Int32Array[] } {
  const counts = new Map<string, Int32Array>();
  const longest = new Map<string, { length: number; type: number }>();
  document.sentences.forEach((sentence, sentenceIndex) => {
    const tags = firstTags[sentenceIndex]!;
    for (let index = 0; index < sentence.length; index++) {
      const form = sentence.memoryKeys[index]!;
      if (form === '') continue;
      let count = counts.get(form);
      if (!count) counts.set(form, (count = new Int32Array(5)));
      count[memoryValue(tags[index]!)]!++;
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
          const known = longest.get(form);
          if (!known || known.length < end - start) longest.set(form, { length: end - start, type });
        }
      }
      start = end - 1;
    }
  });
  const majority: Int32Array[] = [];
  const containing: Int32Array[] = [];
  document.sentences.forEach((sentence, sentenceIndex) => {
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
      sentenceContaining[index] = longest.get(form)?.type ?? -1;
    }
    majority.push(sentenceMajority);
    containing.push(sentenceContaining);
  });
  return { majority, containing };
}

/** Pass 2 over a document, given pass 1's tags. */
export function secondPass(
  document: PreparedDocument,
  firstTags: readonly Int32Array[],
  weights: LinearWeights,
  rowOf: RowLookup,
  attributes: DocumentAttributes,
  visit?: SentenceVisitor,
): Int32Array[] {
  const { majority, containing } = documentAggregates(document, firstTags);
  return document.sentences.map((sentence, sentenceIndex) => {
    const tags = firstTags[sentenceIndex]!;
    const extra: number[][] = [];
    for (let index = 0; index < sentence.length; index++) {
      const keys: number[] = [];
      const context: SecondPassContext = { tags, majority: majority[sentenceIndex]![index]!, containing: containing[sentenceIndex]![index]! };
      secondPassFeatureKeys(sentence, index, context, attributes, keys);
      extra.push(keys);
    }
    const rows = mergeRows(sentence, document.rows[sentenceIndex]!, extra, rowOf);
    const predicted = decode(rows, weights);
    visit?.(sentenceIndex, rows, predicted);
    return predicted;
  });
}
