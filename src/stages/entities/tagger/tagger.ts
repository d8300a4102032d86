/**
 * Runtime API of the named-entity tagger: `loadTagger()` once per process, then
 * `tagger.tagDocument(sentences)` per article (whole documents, so the document-level passes work).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NerViterbiKernel } from '../../../kernels/ner-tagger.js';
import { createPassBuffers, firstPass, lowerWords, secondPass, type SentenceDecoder } from './document.js';
import { AttributeTable, cachedOffsets, documentAttributes, entryBoundsAt, entryRowsAt, extractDocument, TokenDescriber, type DocumentAttributes, type SentenceFeatures, type TokenEntry } from './features.js';
import { loadPhraseGazetteer, parseGazetteer, type PhraseGazetteer } from './gazetteer.js';
import { KeyTable } from './key-table.js';
import type { LinearWeights } from './decode.js';
import { loadModel, type TaggerModel } from './model.js';
import { allowedTransition, tagCount as importedTagCount, tagNames } from './tags.js';
import { emptyWordClusters, loadWordClusters, type WordClusters } from './word-clusters.js';

// A local copy: module bindings cost a getter call per use in hot loops under tsx.
const tagCount = importedTagCount;

/** File names inside a model directory. */
export const modelFiles = {
  model: 'tagger.bin.gz',
  clusters: 'word-clusters.tsv.gz',
  gazetteer: 'gazetteer.tsv.gz',
} as const;

/** A loaded tagger. Read-only apart from a bounded cache of token descriptions. */
export interface Tagger {
  /**
   * BIO tags (`B-PER`, `I-ORG`, `O`, …) for every token of a document, given as sentences of
   * tokens that follow CoNLL conventions (`U.S.` one token, `group` + `’s`, punctuation split).
   */
  tagDocument(sentences: readonly (readonly string[])[]): string[][];
  /** Training facts stored with the model (epochs, validation F1, seed). */
  readonly info: Readonly<Record<string, unknown>>;
}

export { packageRoot } from '../../../util/package-root.js';
import { modelsDirectory } from '../../../util/package-root.js';

/** Default model directory: `models/ner` under the package root (works from `src/` and `dist/`). */
export function defaultModelDirectory(): string {
  return join(modelsDirectory(), 'ner');
}

/** Both passes' static emission weights, quantised, side by side. */
interface PackedWeights {
  /** `values[row * 18 + pass * 9 + tag]` = weight / scale of that pass. */
  readonly values: Int16Array;
  readonly firstScale: number;
  readonly secondScale: number;
}

/**
 * Packs both passes' emission weights as 16-bit integers side by side (36 bytes a row), so one
 * memory fetch serves both: tagging speed is bound by random reads of weight rows, and halving the
 * table keeps more of it in cache. The rounding moves scores by under 1/30,000 of the largest weight.
 */
function packWeights(first: ArrayLike<number>, second: ArrayLike<number>): PackedWeights {
  const largest = (weights: ArrayLike<number>) => {
    let most = 1e-9;
    for (let cell = 0; cell < weights.length; cell++) most = Math.max(most, Math.abs(weights[cell]!));
    return most;
  };
  const firstScale = largest(first) / 32767;
  const secondScale = largest(second) / 32767;
  const rowCount = first.length / tagCount;
  const values = new Int16Array(rowCount * tagCount * 2);
  for (let row = 0; row < rowCount; row++) {
    for (let tag = 0; tag < tagCount; tag++) {
      values[row * 2 * tagCount + tag] = Math.round(first[row * tagCount + tag]! / firstScale);
      values[row * 2 * tagCount + tagCount + tag] = Math.round(second[row * tagCount + tag]! / secondScale);
    }
  }
  return { values, firstScale, secondScale };
}

/** Width of one packed row: both passes' tags. */
const packedWidth = 2 * tagCount;

const groupCount = cachedOffsets.length;

/** Sums of the packed rows of each cached group of a token (`[group * 18 + pass * 9 + tag]`). */
function groupSums(entry: TokenEntry, packed: PackedWeights): Int32Array {
  // Sums of 16-bit integers: exact in 32 bits, at half the memory of doubles.
  const sums = new Int32Array(cachedOffsets.length * packedWidth);
  const data = entry.data;
  const rowsAt = entry.at + entryRowsAt;
  for (let group = 0; group < cachedOffsets.length; group++) {
    const end = rowsAt + data[entry.at + entryBoundsAt + group + 1]!;
    for (let at = rowsAt + data[entry.at + entryBoundsAt + group]!; at < end; at++) {
      const offset = data[at]! * packedWidth;
      for (let cell = 0; cell < packedWidth; cell++) sums[group * packedWidth + cell] = sums[group * packedWidth + cell]! + packed.values[offset + cell]!;
    }
  }
  return sums;
}

/** {@link groupSums} in the kernel's layout: group g's 18 cells at `sums[at + 20 * g]`, then 2 zeros. */
function kernelGroupSums(entry: TokenEntry, packed: PackedWeights, sums: Int32Array, at: number): void {
  const values = packed.values;
  const data = entry.data;
  const rowsAt = entry.at + entryRowsAt;
  sums.fill(0, at, at + 20 * groupCount);
  for (let group = 0; group < groupCount; group++) {
    const base = at + 20 * group;
    const end = rowsAt + data[entry.at + entryBoundsAt + group + 1]!;
    for (let position = rowsAt + data[entry.at + entryBoundsAt + group]!; position < end; position++) {
      const offset = data[position]! * packedWidth;
      for (let cell = 0; cell < packedWidth; cell++) sums[base + cell] = sums[base + cell]! + values[offset + cell]!;
    }
  }
}

/**
 * Emission scores of a sentence's static features under both passes at once: the unary features
 * come as one cached sum per neighbour (token i at offset 0, i-1 at -1, …), the pair and context
 * features as rows, into `first` and `second`. Sums are exact integers in quantised units, so the
 * order of addition is moot. One local variable per cell (9 tags × 2 passes): V8 keeps them in
 * registers, where a loop over an 18-cell buffer stored and reloaded every cell (a third slower).
 */
function staticScoresOfBoth(sentence: SentenceFeatures, packed: PackedWeights, before: TokenEntry, after: TokenEntry, first: Float64Array, second: Float64Array): void {
  const length = sentence.length;
  const { starts, rows, entries } = sentence;
  const values = packed.values;
  const firstScale = packed.firstScale;
  const secondScale = packed.secondScale;
  for (let index = 0; index < length; index++) {
    let first0 = 0, first1 = 0, first2 = 0, first3 = 0, first4 = 0, first5 = 0, first6 = 0, first7 = 0, first8 = 0;
    let second0 = 0, second1 = 0, second2 = 0, second3 = 0, second4 = 0, second5 = 0, second6 = 0, second7 = 0, second8 = 0;
    for (let group = 0; group < groupCount; group++) {
      const position = index + cachedOffsets[group]!;
      const entry = position < 0 ? before : position >= length ? after : entries[position]!;
      let sums = entry.sums;
      if (sums === undefined) sums = entry.sums = groupSums(entry, packed);
      const offset = group * packedWidth;
      first0 += sums[offset + 0]!; first1 += sums[offset + 1]!; first2 += sums[offset + 2]!; first3 += sums[offset + 3]!; first4 += sums[offset + 4]!; first5 += sums[offset + 5]!; first6 += sums[offset + 6]!; first7 += sums[offset + 7]!; first8 += sums[offset + 8]!;
      second0 += sums[offset + 9]!; second1 += sums[offset + 10]!; second2 += sums[offset + 11]!; second3 += sums[offset + 12]!; second4 += sums[offset + 13]!; second5 += sums[offset + 14]!; second6 += sums[offset + 15]!; second7 += sums[offset + 16]!; second8 += sums[offset + 17]!;
    }
    const end = starts[index + 1]!;
    for (let position = starts[index]!; position < end; position++) {
      const offset = rows[position]! * packedWidth;
      first0 += values[offset + 0]!; first1 += values[offset + 1]!; first2 += values[offset + 2]!; first3 += values[offset + 3]!; first4 += values[offset + 4]!; first5 += values[offset + 5]!; first6 += values[offset + 6]!; first7 += values[offset + 7]!; first8 += values[offset + 8]!;
      second0 += values[offset + 9]!; second1 += values[offset + 10]!; second2 += values[offset + 11]!; second3 += values[offset + 12]!; second4 += values[offset + 13]!; second5 += values[offset + 14]!; second6 += values[offset + 15]!; second7 += values[offset + 16]!; second8 += values[offset + 17]!;
    }
    const base = index * tagCount;
    first[base + 0] = first0 * firstScale;
    first[base + 1] = first1 * firstScale;
    first[base + 2] = first2 * firstScale;
    first[base + 3] = first3 * firstScale;
    first[base + 4] = first4 * firstScale;
    first[base + 5] = first5 * firstScale;
    first[base + 6] = first6 * firstScale;
    first[base + 7] = first7 * firstScale;
    first[base + 8] = first8 * firstScale;
    second[base + 0] = second0 * secondScale;
    second[base + 1] = second1 * secondScale;
    second[base + 2] = second2 * secondScale;
    second[base + 3] = second3 * secondScale;
    second[base + 4] = second4 * secondScale;
    second[base + 5] = second5 * secondScale;
    second[base + 6] = second6 * secondScale;
    second[base + 7] = second7 * secondScale;
    second[base + 8] = second8 * secondScale;
  }
}

/** Builds a tagger from already-loaded parts (tests and training use this directly). */
export function createTagger(model: TaggerModel, clusters: WordClusters, gazetteer: PhraseGazetteer): Tagger {
  const table = new AttributeTable(model.attributes, false);
  const rows = new KeyTable(model.keys);
  const rowOf = (key: number): number => rows.get(key);
  const attributes: DocumentAttributes = documentAttributes(table);
  const packed = packWeights(model.first.emission, model.second?.emission ?? new Float32Array(model.first.emission.length));
  // The passes read the packed table from here on, so the model's float tables can be collected.
  const first: LinearWeights = { emission: packed.values, stride: packedWidth, offset: 0, scale: packed.firstScale, transition: model.first.transition };
  const second: LinearWeights | null = model.second ? { emission: packed.values, stride: packedWidth, offset: tagCount, scale: packed.secondScale, transition: model.second.transition } : null;
  const info = model.info;
  const buffers = createPassBuffers();
  // WebAssembly decodes where there is one (not under `--jitless`); JavaScript otherwise, same tags.
  const kernel =
    typeof WebAssembly === 'undefined'
      ? null
      : new NerViterbiKernel(packed.values, second ? [first, second].map((pass) => ({ scale: pass.scale!, transition: pass.transition })) : [{ scale: first.scale!, transition: first.transition }], allowedTransition);
  const describer = new TokenDescriber(table, { clusters, gazetteer }, rowOf);
  const sumGroups = (entry: TokenEntry, sums: Int32Array, at: number): void => kernelGroupSums(entry, packed, sums, at);
  const firstDecoder: SentenceDecoder | undefined = kernel ? (scores, extra, tags) => kernel.decode(0, scores, extra, tags) : undefined;
  const secondDecoder: SentenceDecoder | undefined = kernel ? (scores, extra, tags) => kernel.decode(1, scores, extra, tags) : undefined;
  return {
    info,
    tagDocument(sentences) {
      const document = extractDocument(sentences, describer, false);
      const before = describer.boundary(0);
      const after = describer.boundary(1);
      let tokenCount = 0;
      let rowCount = 0;
      for (const sentence of document) {
        tokenCount += sentence.length;
        rowCount += sentence.starts[sentence.length]!;
      }
      // One buffer per pass for the document (in the kernel's memory when it takes the document, which
      // then computes the static scores), a view per sentence.
      const inKernel = kernel?.begin(tokenCount, document.length, rowCount) ?? null;
      if (inKernel) kernel!.staticScores(document, before, after, sumGroups);
      const firstBuffer = inKernel?.first ?? new Float64Array(tokenCount * tagCount);
      const secondBuffer = inKernel?.second ?? new Float64Array(tokenCount * tagCount);
      const firstScores: Float64Array[] = new Array(document.length);
      const secondScores: Float64Array[] = new Array(document.length);
      let offset = 0;
      for (let index = 0; index < document.length; index++) {
        const sentence = document[index]!;
        const end = offset + sentence.length * tagCount;
        firstScores[index] = firstBuffer.subarray(offset, end);
        secondScores[index] = secondBuffer.subarray(offset, end);
        if (!inKernel) staticScoresOfBoth(sentence, packed, before, after, firstScores[index]!, secondScores[index]!);
        offset = end;
      }
      const lower = lowerWords(document);
      let tags = firstPass(document, first, rowOf, attributes, undefined, { staticScores: firstScores, buffers, lowerWords: lower, decoder: firstDecoder });
      if (second) tags = secondPass(document, tags, second, rowOf, attributes, undefined, { staticScores: secondScores, buffers, lowerWords: lower, decoder: secondDecoder });
      const named: string[][] = [];
      for (const sentence of tags) {
        const names: string[] = new Array(sentence.length);
        for (let index = 0; index < sentence.length; index++) names[index] = tagNames[sentence[index]!]!;
        named.push(names);
      }
      return named;
    },
  };
}

/**
 * Loads the tagger from `modelDir` (default: `models/ner` of this package). Throws when the model
 * file is missing; the cluster and gazetteer files are optional (features then fall back to forms).
 */
export function loadTagger(modelDir: string = defaultModelDirectory()): Tagger {
  const modelPath = join(modelDir, modelFiles.model);
  if (!existsSync(modelPath)) throw new Error(`NER model not found at ${modelPath}: run npm run train:ner`);
  const model = loadModel(readFileSync(modelPath));
  const clustersPath = join(modelDir, modelFiles.clusters);
  const clusters = existsSync(clustersPath) ? loadWordClusters(clustersPath) : emptyWordClusters();
  const gazetteerPath = join(modelDir, modelFiles.gazetteer);
  const gazetteer = existsSync(gazetteerPath) ? loadPhraseGazetteer(gazetteerPath) : parseGazetteer('');
  return createTagger(model, clusters, gazetteer);
}
