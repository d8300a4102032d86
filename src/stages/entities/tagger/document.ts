/**
 * Tagging one document in two passes. Pass 1 reads sentences in order and remembers the type each
 * capitalised form last got (a headline's `JAPAN` is typed by the body's `Japan`); pass 2 is a stacked
 * tagger that sees pass 1's tags for the whole document: its neighbours' tags, the majority type of
 * the same form elsewhere, and the type of a longer name containing it (`Dawud` inside
 * `Musa Abu Dawud`). The same code runs in training and tagging so the two never drift apart.
 */
import { addEmissionScores, viterbi, ViterbiWorkspace, type LinearWeights, type SentenceRows } from './decode.js';
import {
  firstPassTagKey,
  lowerElsewhereFeatureKeys,
  memoryFeatureKeys,
  secondPassContextKeys,
  type DocumentAttributes,
  type RowLookup,
  type SentenceFeatures,
} from './features.js';
import { tagCount as importedTagCount, tagType } from './tags.js';

// A local copy: module bindings cost a getter call per use in hot loops under tsx.
const tagCount = importedTagCount;

/** Called after each sentence is decoded, before its tags reach the document memory (training updates here). */
export type SentenceVisitor = (documentSentence: number, rows: SentenceRows, predicted: Int32Array) => void;

/** Per-token extra feature rows (document features) of one sentence, flat; reused sentence after sentence. */
export class ExtraRows implements SentenceRows {
  length = 0;
  starts = new Int32Array(64);
  rows = new Int32Array(256);
  /** Rows in use. */
  count = 0;

  /** Starts a sentence of `length` tokens. */
  begin(length: number): void {
    if (this.starts.length < length + 1) this.starts = new Int32Array(Math.max(length + 1, this.starts.length * 2));
    this.length = length;
    this.count = 0;
  }

  add(row: number): void {
    if (this.count === this.rows.length) {
      const grown = new Int32Array(this.rows.length * 2);
      grown.set(this.rows);
      this.rows = grown;
    }
    this.rows[this.count++] = row;
  }
}

/** What a pass reuses from sentence to sentence (and a tagger from document to document). */
export interface PassBuffers {
  readonly extra: ExtraRows;
  readonly workspace: ViterbiWorkspace;
  readonly keys: number[];
}

/** Buffers for {@link firstPass} and {@link secondPass}; one owner at a time. */
export function createPassBuffers(): PassBuffers {
  return { extra: new ExtraRows(), workspace: new ViterbiWorkspace(), keys: [] };
}

/**
 * Decodes a sentence from its static scores plus its extra rows in place of {@link viterbi} (the
 * tagger's WebAssembly kernel), with the same tags; false when it cannot (then JavaScript decodes).
 */
export type SentenceDecoder = (staticScores: Float64Array, extra: ExtraRows, tags: Int32Array) => boolean;

/** What a caller that runs both passes may hand them (all optional). */
export interface PassOptions {
  /**
   * Per sentence, the emission scores of the static rows when the caller computed them already; the
   * document rows are added into them.
   */
  readonly staticScores?: readonly Float64Array[];
  /** Reused buffers (default: new ones per call). */
  readonly buffers?: PassBuffers;
  /** The document's {@link lowerWords}, when the caller has them (both passes read them). */
  readonly lowerWords?: ReadonlySet<string>;
  /** Decodes sentences that have {@link staticScores} (default: {@link viterbi} in JavaScript). */
  readonly decoder?: SentenceDecoder;
}

/** Static rows plus extra rows as one {@link SentenceRows} (only needed for training updates). */
function mergeRows(sentence: SentenceFeatures, extra: ExtraRows): SentenceRows {
  const rows = new Int32Array(sentence.rows.length + extra.count);
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

/**
 * Scores and decodes one sentence into `tags`; adds the extra rows into `staticScores` (the
 * caller's, used once) when given.
 */
function decode(sentence: SentenceFeatures, buffers: PassBuffers, weights: LinearWeights, staticScores: Float64Array | undefined, tags: Int32Array, decoder: SentenceDecoder | undefined): Int32Array {
  const { extra, workspace } = buffers;
  if (staticScores && decoder?.(staticScores, extra, tags)) return tags;
  let scores: Float64Array;
  if (staticScores) scores = staticScores;
  else {
    workspace.reserve(sentence.length);
    scores = workspace.scores;
    scores.fill(0, 0, sentence.length * tagCount);
    addEmissionScores(sentence, weights, scores);
  }
  if (extra.count > 0) addEmissionScores(extra, weights, scores);
  return viterbi(scores, sentence.length, weights.transition, workspace, tags);
}

/** One tag array per sentence, views of one buffer for the document. */
function tagArrays(sentences: readonly SentenceFeatures[]): Int32Array[] {
  let total = 0;
  for (const sentence of sentences) total += sentence.length;
  const buffer = new Int32Array(total);
  const arrays: Int32Array[] = new Array(sentences.length);
  let offset = 0;
  for (let index = 0; index < sentences.length; index++) {
    arrays[index] = buffer.subarray(offset, offset + sentences[index]!.length);
    offset += sentences[index]!.length;
  }
  return arrays;
}

/** Memory value of a tag: its type 0..3, or 4 for `O`. */
function memoryValue(tag: number): number {
  const type = tagType(tag);
  return type < 0 ? 4 : type;
}

/** Lower-case words of a document (for {@link lowerElsewhereFeatureKeys}). */
export function lowerWords(sentences: readonly SentenceFeatures[]): Set<string> {
  const words = new Set<string>();
  for (const sentence of sentences) for (const key of sentence.lowerKeys) if (key !== '') words.add(key);
  return words;
}

function resolve(keys: readonly number[], rowOf: RowLookup, into: ExtraRows): void {
  for (let index = 0; index < keys.length; index++) {
    const row = rowOf(keys[index]!);
    if (row >= 0) into.add(row);
  }
}

/** Pass 1 over a document: returns the tags of every sentence. */
export function firstPass(
  sentences: readonly SentenceFeatures[],
  weights: LinearWeights,
  rowOf: RowLookup,
  attributes: DocumentAttributes,
  visit?: SentenceVisitor,
  options: PassOptions = {},
): Int32Array[] {
  const memory = new Map<string, number>();
  const result = tagArrays(sentences);
  const { staticScores, buffers = createPassBuffers(), lowerWords: lower = lowerWords(sentences), decoder } = options;
  const { extra, keys } = buffers;
  for (let sentenceIndex = 0; sentenceIndex < sentences.length; sentenceIndex++) {
    const sentence = sentences[sentenceIndex]!;
    extra.begin(sentence.length);
    for (let index = 0; index < sentence.length; index++) {
      extra.starts[index] = extra.count;
      const form = sentence.memoryKeys[index]!;
      if (form === '') continue;
      keys.length = 0;
      if (lower.has(form)) lowerElsewhereFeatureKeys(sentence, index, attributes, keys);
      const remembered = memory.get(form);
      if (remembered !== undefined) memoryFeatureKeys(sentence, index, remembered, attributes, keys);
      resolve(keys, rowOf, extra);
    }
    extra.starts[sentence.length] = extra.count;
    // Training may add rows for new document features: resolve before reading the weights.
    const predicted = decode(sentence, buffers, weights, staticScores?.[sentenceIndex], result[sentenceIndex]!, decoder);
    visit?.(sentenceIndex, mergeRows(sentence, extra), predicted);
    for (let index = 0; index < sentence.length; index++) {
      const form = sentence.memoryKeys[index]!;
      if (form !== '') memory.set(form, memoryValue(predicted[index]!));
    }
  }
  return result;
}

/** Per-token majority and containing types from pass-1 tags (see {@link secondPassContextKeys}); -1 where none. */
export function documentAggregates(sentences: readonly SentenceFeatures[], firstTags: readonly Int32Array[]): { majority: Int32Array[]; containing: Int32Array[] } {
  // Counts of each form's memory values, 5 a form, in one array (small typed arrays cost a microsecond each).
  const formSlots = new Map<string, number>();
  let tokenCount = 0;
  for (const sentence of sentences) tokenCount += sentence.length;
  const counts = new Int32Array(tokenCount * 5);
  // Multi-token pass-1 entities by the capitalised forms in them: `Dawud` → [Musa Abu Dawud, PER].
  const containers = new Map<string, { length: number; type: number; sentence: number; start: number }[]>();
  for (let sentenceIndex = 0; sentenceIndex < sentences.length; sentenceIndex++) {
    const sentence = sentences[sentenceIndex]!;
    const tags = firstTags[sentenceIndex]!;
    for (let index = 0; index < sentence.length; index++) {
      const form = sentence.memoryKeys[index]!;
      if (form === '') continue;
      let formSlot = formSlots.get(form);
      if (formSlot === undefined) formSlots.set(form, (formSlot = formSlots.size));
      const cell = formSlot * 5 + memoryValue(tags[index]!);
      counts[cell] = counts[cell]! + 1;
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
  }
  const majority = tagArrays(sentences);
  const containing = tagArrays(sentences);
  for (let sentenceIndex = 0; sentenceIndex < sentences.length; sentenceIndex++) {
    const sentence = sentences[sentenceIndex]!;
    const tags = firstTags[sentenceIndex]!;
    const sentenceMajority = majority[sentenceIndex]!.fill(-1);
    const sentenceContaining = containing[sentenceIndex]!.fill(-1);
    for (let index = 0; index < sentence.length; index++) {
      const form = sentence.memoryKeys[index]!;
      if (form === '') continue;
      const formSlot = formSlots.get(form)! * 5;
      const own = memoryValue(tags[index]!);
      let best = -1;
      let bestCount = 0;
      for (let value = 0; value < 5; value++) {
        const others = counts[formSlot + value]! - (value === own ? 1 : 0);
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
  }
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
  options: PassOptions = {},
): Int32Array[] {
  const { majority, containing } = documentAggregates(sentences, firstTags);
  const result = tagArrays(sentences);
  const { staticScores, buffers = createPassBuffers(), lowerWords: lower = lowerWords(sentences), decoder } = options;
  const { extra, keys } = buffers;
  // Rows of the features on first-pass tags (own, previous, next: 3 × 10 values), looked up the
  // first time each is needed, so new rows are added in the same order as without the memo.
  const tagRows = new Int32Array(3 * (tagCount + 1)).fill(-2);
  const addTagRow = (position: 0 | 1 | 2, tag: number): void => {
    const cell = position * (tagCount + 1) + tag;
    let row = tagRows[cell]!;
    if (row === -2) tagRows[cell] = row = rowOf(firstPassTagKey(position, tag, attributes));
    if (row >= 0) extra.add(row);
  };
  for (let sentenceIndex = 0; sentenceIndex < sentences.length; sentenceIndex++) {
    const sentence = sentences[sentenceIndex]!;
    const tags = firstTags[sentenceIndex]!;
    const sentenceMajority = majority[sentenceIndex]!;
    const sentenceContaining = containing[sentenceIndex]!;
    extra.begin(sentence.length);
    for (let index = 0; index < sentence.length; index++) {
      extra.starts[index] = extra.count;
      const own = tags[index]!;
      addTagRow(0, own);
      addTagRow(1, index > 0 ? tags[index - 1]! : tagCount);
      addTagRow(2, index + 1 < sentence.length ? tags[index + 1]! : tagCount);
      keys.length = 0;
      secondPassContextKeys(sentence, index, own, sentenceMajority[index]!, sentenceContaining[index]!, attributes, keys);
      const form = sentence.memoryKeys[index]!;
      if (form !== '' && lower.has(form)) lowerElsewhereFeatureKeys(sentence, index, attributes, keys);
      resolve(keys, rowOf, extra);
    }
    extra.starts[sentence.length] = extra.count;
    const predicted = decode(sentence, buffers, weights, staticScores?.[sentenceIndex], result[sentenceIndex]!, decoder);
    visit?.(sentenceIndex, mergeRows(sentence, extra), predicted);
  }
  return result;
}
