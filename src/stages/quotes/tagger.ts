/**
 * The attribution tagger: first-order linear models over hashed features (trained as averaged
 * perceptrons by `scripts/train-quotes.ts`), decoded per line with Viterbi under the BIO
 * constraint. Tags mark content, cue and source spans the way PolNeAR annotates them. Two passes:
 * the first from local evidence, the second stacked on the first pass's spans
 * (`stacked-features.ts`).
 *
 * File `models/quotes/tagger.bin.gz` (gzip): a 4-byte little-endian header length, a JSON header
 * (format version, tags, row bits, words with their learned cue levels and word clusters, one
 * weight scale per pass, training facts), then per pass the emission weights (Int16, `tagCount`
 * per row, times the pass's scale) and the transitions (Float32). */
import { readFileSync } from 'node:fs';
import { endianness } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Token } from '../../doc/schema.js';
import { makeVocabulary, type FeatureRows, type Vocabulary } from './features.js';
import { kernelStackedRows, stackedRows } from './stacked-features.js';
import { Int8ViterbiKernel } from '../../kernels/linear-tagger.js';
import { modelsDirectory } from '../../util/package-root.js';
import { TypedArena } from '../../util/typed-arena.js';

/** Tag names in id order. */
export const quoteTags = ['O', 'B-CON', 'I-CON', 'B-CUE', 'I-CUE', 'B-SRC', 'I-SRC'] as const;
/** Number of tags. */
export const quoteTagCount = quoteTags.length;
/** Tag ids. */
export const Tag = { O: 0, BeginContent: 1, InsideContent: 2, BeginCue: 3, InsideCue: 4, BeginSource: 5, InsideSource: 6 } as const;

/** Model format version written in the header. */
export const quoteModelVersion = 4;

/** Weights of one tagging pass. */
export interface PassWeights {
  /** `emission[row * quoteTagCount + tag]`. */
  readonly emission: Float32Array;
  /** `transition[previous * quoteTagCount + next]`; previous = quoteTagCount is the sequence start. */
  readonly transition: Float32Array;
}

/**
 * One pass as loaded for tagging: emission weights quantised to 8 bits, 8 slots per row (7 tags
 * and padding, so a row is one aligned 8-byte read), transitions in the same units with the
 * forbidden ones (I-X after anything but B-X, I-X) set to a large negative score. Tagging is bound
 * by random reads of weight rows; 8-bit rows halve the table, which measured faster with the same
 * PolNeAR dev scores as 16 bits (overlap F1 0.737 vs 0.736, exact 0.565 both). The committed model
 * hashes into 2^15 rows (both passes 512 KB, within a core's 1 MB L2 cache), not 2^17 (2 MB): the
 * first pass's decoding 70 instead of 128–150 µs an article, the stage ~15 % faster, the same dev
 * scores (overlap F1 0.737 both, exact 0.570 vs 0.565, speaker 0.895 vs 0.902).
 */
export interface QuantisedPass {
  readonly emission: Int8Array;
  /** `transition[previous * quoteTagCount + next]`, previous = quoteTagCount at the start. */
  readonly transition: Float64Array;
}

/** A loaded tagger model. */
export interface QuoteTaggerModel {
  readonly rowBits: number;
  /** Training words, then words known only by their clusters. */
  readonly words: readonly string[];
  /** Number of training words at the front of `words`. */
  readonly vocabularySize: number;
  /** Coarse and fine word cluster of each word, plus one (0: none). */
  readonly coarseClusters: readonly number[];
  readonly fineClusters: readonly number[];
  /** Learned cue level of each word of `words` (same order), see `cueLevelOf`. */
  readonly cueLevels: Uint8Array;
  readonly vocabulary: Vocabulary;
  /**
   * The first pass, then the stacked second pass (see `stacked-features.ts`) when trained; with a
   * {@link QuoteTaggerModel.kernel}, the emission tables here are empty (the kernel holds them).
   */
  readonly passes: readonly QuantisedPass[];
  /** The passes in a WebAssembly decoder; null: decode in JavaScript. */
  readonly kernel: Int8ViterbiKernel | null;
  /** Per-document work arrays of the feature rows, reset by the stage for each document. */
  readonly arena: TypedArena;
  readonly info: Readonly<Record<string, unknown>>;
}

/** What {@link saveQuoteModel} writes: the trained (unquantised) weights of each pass. */
export interface TrainedQuoteModel {
  readonly rowBits: number;
  /** Training words, then words known only by their clusters. */
  readonly words: readonly string[];
  /** Number of training words at the front of `words`. */
  readonly vocabularySize: number;
  /** Coarse and fine word cluster of each word, plus one (0: none). */
  readonly coarseClusters: readonly number[];
  readonly fineClusters: readonly number[];
  readonly cueLevels: Uint8Array;
  readonly passes: readonly PassWeights[];
  readonly info: Readonly<Record<string, unknown>>;
}

/** `I-X` follows only `B-X` or `I-X`. */
export function allowedQuoteTransition(previous: number, next: number): boolean {
  if (next === Tag.InsideContent) return previous === Tag.BeginContent || previous === Tag.InsideContent;
  if (next === Tag.InsideCue) return previous === Tag.BeginCue || previous === Tag.InsideCue;
  if (next === Tag.InsideSource) return previous === Tag.BeginSource || previous === Tag.InsideSource;
  return true;
}

const allowed = Uint8Array.from({ length: (quoteTagCount + 1) * quoteTagCount }, (_, index) => {
  const previous = Math.floor(index / quoteTagCount);
  return allowedQuoteTransition(previous === quoteTagCount ? -1 : previous, index % quoteTagCount) ? 1 : 0;
});

/** Work buffers of {@link decodeSequence}, reusable across the sequences of a document. */
export interface DecodeScratch {
  readonly best: Float64Array;
  readonly back: Uint8Array;
  readonly scores: Float64Array;
}

/** Buffers for sequences of up to `length` tokens. */
export function makeDecodeScratch(length: number): DecodeScratch {
  return { best: new Float64Array(length * quoteTagCount), back: new Uint8Array(length * quoteTagCount), scores: new Float64Array(quoteTagCount) };
}

/**
 * Viterbi over tokens `[first, end)` with emission scores summed from `rows`; writes the best tags
 * into `out` (same indexing as the tokens).
 */
export function decodeSequence(
  rows: Int32Array,
  stride: number,
  first: number,
  end: number,
  emission: ArrayLike<number>,
  transition: ArrayLike<number>,
  out: Uint8Array,
  scratch: DecodeScratch = makeDecodeScratch(end - first),
): void {
  const length = end - first;
  if (length <= 0) return;
  const tagCount = quoteTagCount;
  if (scratch.best.length < length * tagCount) scratch = makeDecodeScratch(length);
  const { best, back, scores } = scratch;
  for (let index = 0; index < length; index++) {
    scores.fill(0);
    const rowBase = (first + index) * stride;
    for (let feature = 0; feature < stride; feature++) {
      const offset = rows[rowBase + feature]! * tagCount;
      for (let tag = 0; tag < tagCount; tag++) scores[tag] = scores[tag]! + emission[offset + tag]!;
    }
    const base = index * tagCount;
    if (index === 0) {
      for (let tag = 0; tag < tagCount; tag++) {
        best[tag] = allowed[tagCount * tagCount + tag] ? scores[tag]! + transition[tagCount * tagCount + tag]! : -1e30;
      }
      continue;
    }
    const previousBase = base - tagCount;
    for (let tag = 0; tag < tagCount; tag++) {
      let bestScore = -Infinity;
      let bestPrevious = 0;
      for (let previous = 0; previous < tagCount; previous++) {
        if (allowed[previous * tagCount + tag] === 0) continue;
        const score = best[previousBase + previous]! + transition[previous * tagCount + tag]!;
        if (score > bestScore) {
          bestScore = score;
          bestPrevious = previous;
        }
      }
      best[base + tag] = bestScore + scores[tag]!;
      back[base + tag] = bestPrevious;
    }
  }
  const lastBase = (length - 1) * tagCount;
  let last = 0;
  for (let tag = 1; tag < tagCount; tag++) if (best[lastBase + tag]! > best[lastBase + last]!) last = tag;
  out[end - 1] = last;
  for (let index = length - 1; index > 0; index--) {
    last = back[index * tagCount + last]!;
    out[first + index - 1] = last;
  }
}

/** Tags every token of a document (all its sequences) with one pass's trained weights. */
export function tagPass(weights: PassWeights, features: FeatureRows): Uint8Array {
  const tags = new Uint8Array(features.quoteState.length);
  const longest = features.sequences.reduce((most, sequence) => Math.max(most, sequence.end - sequence.first), 0);
  const scratch = makeDecodeScratch(longest);
  for (const sequence of features.sequences) decodeSequence(features.rows, features.stride, sequence.first, sequence.end, weights.emission, weights.transition, tags, scratch);
  return tags;
}

/**
 * Viterbi over the tokens `[first, end)` of one sequence with a quantised pass: the same decoding
 * as {@link decodeSequence}, unrolled over the 7 tags (the stage's hot loop).
 */
export function decodeQuantised(rows: Int32Array, stride: number, first: number, end: number, pass: QuantisedPass, out: Uint8Array, scratch: DecodeScratch): void {
  const length = end - first;
  if (length <= 0) return;
  const { emission, transition } = pass;
  const { best, back } = scratch;
  let previous0 = 0;
  let previous1 = 0;
  let previous2 = 0;
  let previous3 = 0;
  let previous4 = 0;
  let previous5 = 0;
  let previous6 = 0;
  for (let index = 0; index < length; index++) {
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let s4 = 0;
    let s5 = 0;
    let s6 = 0;
    const rowBase = (first + index) * stride;
    for (let feature = 0; feature < stride; feature++) {
      const offset = rows[rowBase + feature]! << 3;
      s0 += emission[offset]!;
      s1 += emission[offset + 1]!;
      s2 += emission[offset + 2]!;
      s3 += emission[offset + 3]!;
      s4 += emission[offset + 4]!;
      s5 += emission[offset + 5]!;
      s6 += emission[offset + 6]!;
    }
    const base = index * 7;
    if (index === 0) {
      previous0 = s0 + transition[49]!;
      previous1 = s1 + transition[50]!;
      previous2 = s2 + transition[51]!;
      previous3 = s3 + transition[52]!;
      previous4 = s4 + transition[53]!;
      previous5 = s5 + transition[54]!;
      previous6 = s6 + transition[55]!;
    } else {
      const scores = scratch.scores;
      scores[0] = s0;
      scores[1] = s1;
      scores[2] = s2;
      scores[3] = s3;
      scores[4] = s4;
      scores[5] = s5;
      scores[6] = s6;
      const next = best;
      for (let tag = 0; tag < 7; tag++) {
        let bestScore = previous0 + transition[tag]!;
        let bestPrevious = 0;
        let score = previous1 + transition[7 + tag]!;
        if (score > bestScore) { bestScore = score; bestPrevious = 1; }
        score = previous2 + transition[14 + tag]!;
        if (score > bestScore) { bestScore = score; bestPrevious = 2; }
        score = previous3 + transition[21 + tag]!;
        if (score > bestScore) { bestScore = score; bestPrevious = 3; }
        score = previous4 + transition[28 + tag]!;
        if (score > bestScore) { bestScore = score; bestPrevious = 4; }
        score = previous5 + transition[35 + tag]!;
        if (score > bestScore) { bestScore = score; bestPrevious = 5; }
        score = previous6 + transition[42 + tag]!;
        if (score > bestScore) { bestScore = score; bestPrevious = 6; }
        next[tag] = bestScore + scores[tag]!;
        back[base + tag] = bestPrevious;
      }
      previous0 = next[0]!;
      previous1 = next[1]!;
      previous2 = next[2]!;
      previous3 = next[3]!;
      previous4 = next[4]!;
      previous5 = next[5]!;
      previous6 = next[6]!;
    }
  }
  const finals = scratch.scores;
  finals[0] = previous0;
  finals[1] = previous1;
  finals[2] = previous2;
  finals[3] = previous3;
  finals[4] = previous4;
  finals[5] = previous5;
  finals[6] = previous6;
  let last = 0;
  for (let tag = 1; tag < 7; tag++) if (finals[tag]! > finals[last]!) last = tag;
  out[end - 1] = last;
  for (let index = length - 1; index > 0; index--) {
    last = back[index * 7 + last]!;
    out[first + index - 1] = last;
  }
}

/**
 * The kernel to hash and decode a document of `tokenCount` tokens with: the model's, or for an
 * outsized document a throwaway copy, so that its work area is freed with it.
 */
export function kernelFor(model: QuoteTaggerModel, tokenCount: number, textLength = 0): Int8ViterbiKernel | null {
  const large = tokenCount > Int8ViterbiKernel.largeDocumentTokens || textLength > Int8ViterbiKernel.largeDocumentUnits;
  return model.kernel && large ? new Int8ViterbiKernel(model.kernel, quoteTagCount) : model.kernel;
}

/**
 * Tags every token of a document: the first pass, then the stacked pass when the model has one.
 * Decoding runs in the model's WebAssembly kernel when it has one, else in JavaScript (same tags).
 */
export function tagTokens(model: QuoteTaggerModel, features: FeatureRows, tokens: readonly Token[], kernel: Int8ViterbiKernel | null = kernelFor(model, tokens.length)): Uint8Array {
  let tags = new Uint8Array(features.quoteState.length);
  let rows = features;
  let scratch: DecodeScratch | null = null;
  const inKernel = kernel !== null && features.kernelDocument?.kernel === kernel;
  for (let index = 0; index < model.passes.length; index++) {
    const pass = model.passes[index]!;
    let sequences = rows.sequences;
    if (index > 0) {
      // A line where the previous pass found nothing stays all O (the stacked pass has never been
      // seen to find a content there on PolNeAR dev), which saves its decoding.
      const previous = tags;
      if (inKernel) {
        rows = kernelStackedRows(features, previous, model.rowBits, sequences, true);
        sequences = rows.sequences;
      } else {
        sequences = sequences.filter((sequence) => {
          for (let token = sequence.first; token < sequence.end; token++) if (previous[token] !== 0) return true;
          return false;
        });
        rows = stackedRows(tokens, features, previous, model.rowBits, sequences, model.arena, kernel === null);
      }
      tags = new Uint8Array(features.quoteState.length);
    }
    if (kernel) {
      // The stacked pass's first rows are the first pass's (see `stackedRows`): the kernel summed them already.
      kernel.decode(index, rows.rows, rows.stride, sequences, tags, index === 1 ? features.stride : 0);
      continue;
    }
    scratch ??= makeDecodeScratch(features.sequences.reduce((most, sequence) => Math.max(most, sequence.end - sequence.first), 0));
    for (const sequence of sequences) decodeQuantised(rows.rows, rows.stride, sequence.first, sequence.end, pass, tags, scratch);
  }
  return tags;
}

/**
 * The WebAssembly kernel for the passes, or null where WebAssembly is unavailable (`--jitless`)
 * or the model has more than the two passes the kernel takes (`train-quotes.ts --passes 3`).
 */
function makeKernel(passes: readonly QuantisedPass[], vocabulary: Vocabulary): Int8ViterbiKernel | null {
  if (typeof WebAssembly === 'undefined' || passes.length > 2) return null;
  return new Int8ViterbiKernel(passes, quoteTagCount, vocabulary);
}

interface Header {
  readonly version: number;
  readonly tags: readonly string[];
  readonly rowBits: number;
  readonly words: readonly string[];
  readonly vocabularySize: number;
  /** One digit per training word: its cue level. */
  readonly cueLevels: string;
  readonly coarseClusters: readonly number[];
  readonly fineClusters: readonly number[];
  /** Weight scale of each pass's emission table, in file order. */
  readonly scales: readonly number[];
  readonly info: Readonly<Record<string, unknown>>;
}

function quantise(emission: Float32Array): { scale: number; values: Int16Array } {
  let largest = 0;
  for (const weight of emission) largest = Math.max(largest, Math.abs(weight));
  const scale = largest > 0 ? largest / 32767 : 1;
  const values = new Int16Array(emission.length);
  for (let index = 0; index < values.length; index++) values[index] = Math.round(emission[index]! / scale);
  return { scale, values };
}

/** Serialises a model (gzipped), quantising emission weights to 16 bits. */
export function saveQuoteModel(model: TrainedQuoteModel): Buffer {
  const quantised = model.passes.map((pass) => quantise(pass.emission));
  const header: Header = {
    version: quoteModelVersion,
    tags: [...quoteTags],
    rowBits: model.rowBits,
    words: model.words,
    vocabularySize: model.vocabularySize,
    cueLevels: Array.from(model.cueLevels).join(''),
    coarseClusters: model.coarseClusters,
    fineClusters: model.fineClusters,
    scales: quantised.map((item) => item.scale),
    info: model.info,
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const prefix = Buffer.alloc(4);
  prefix.writeUInt32LE(headerBytes.length);
  const parts: Buffer[] = [prefix, headerBytes];
  for (let index = 0; index < model.passes.length; index++) {
    const pass = model.passes[index]!;
    parts.push(Buffer.from(quantised[index]!.values.buffer), Buffer.from(Float32Array.from(pass.transition).buffer));
  }
  return gzipSync(Buffer.concat(parts), { level: 9 });
}

/**
 * `count` little-endian 16-bit integers from `offset` of `bytes`, as an array: one aligned copy on a
 * little-endian machine (a `readInt16LE` call per cell took ~60 ms of a model's loading), read one by
 * one elsewhere.
 */
function int16Cells(bytes: Buffer, offset: number, count: number): Int16Array {
  if (offset + 2 * count > bytes.length) throw new Error(`quote model truncated: ${count} weights from byte ${offset} of ${bytes.length}`);
  if (endianness() === 'LE') return new Int16Array(bytes.buffer.slice(bytes.byteOffset + offset, bytes.byteOffset + offset + 2 * count));
  const cells = new Int16Array(count);
  for (let cell = 0; cell < count; cell++) cells[cell] = bytes.readInt16LE(offset + 2 * cell);
  return cells;
}

/** Parses a model written by {@link saveQuoteModel}. */
export function loadQuoteModel(gzipped: Uint8Array): QuoteTaggerModel {
  const bytes = gunzipSync(gzipped);
  const headerLength = bytes.readUInt32LE(0);
  const header = JSON.parse(bytes.subarray(4, 4 + headerLength).toString('utf8')) as Header;
  if (header.version !== quoteModelVersion) throw new Error(`quote model format ${header.version} is not ${quoteModelVersion}: rebuild it with npx tsx scripts/train-quotes.ts`);
  if (header.tags.join(' ') !== quoteTags.join(' ')) throw new Error(`quote model tags (${header.tags.join(' ')}) differ from the tagger's`);
  let offset = 4 + headerLength;
  const rowCount = 1 << header.rowBits;
  const passes: QuantisedPass[] = header.scales.map((scale) => {
    // The file's 16-bit weights, requantised to 8 bits: one step = `step` file units.
    const cells = int16Cells(bytes, offset, rowCount * quoteTagCount);
    offset += 2 * cells.length;
    let largest = 1;
    for (let cell = 0; cell < cells.length; cell++) largest = Math.max(largest, Math.abs(cells[cell]!));
    const step = largest / 127;
    const emission = new Int8Array(rowCount * 8);
    for (let row = 0, cell = 0; row < rowCount; row++) {
      for (let tag = 0; tag < quoteTagCount; tag++, cell++) emission[row * 8 + tag] = Math.round(cells[cell]! / step);
    }
    // Transitions in the emission's units (weight / scale / step), forbidden ones far below any path.
    const transition = new Float64Array((quoteTagCount + 1) * quoteTagCount);
    for (let index = 0; index < transition.length; index++, offset += 4) {
      const previous = Math.floor(index / quoteTagCount);
      const allowedHere = allowedQuoteTransition(previous === quoteTagCount ? -1 : previous, index % quoteTagCount);
      transition[index] = allowedHere ? bytes.readFloatLE(offset) / scale / step : -1e30;
    }
    return { emission, transition };
  });
  const cueLevels = Uint8Array.from(header.cueLevels, (digit) => Number(digit));
  const vocabulary = makeVocabulary({ words: header.words, size: header.vocabularySize, cueLevels, coarseClusters: header.coarseClusters, fineClusters: header.fineClusters });
  // The kernel keeps its own copy of the weights: the JavaScript tables are then dropped (256 KB a pass at 15 bits).
  const kernel = makeKernel(passes, vocabulary);
  const kept = kernel ? passes.map((pass) => ({ emission: new Int8Array(0), transition: pass.transition })) : passes;
  return { rowBits: header.rowBits, words: header.words, vocabularySize: header.vocabularySize, cueLevels, coarseClusters: header.coarseClusters, fineClusters: header.fineClusters, vocabulary, passes: kept, kernel, arena: new TypedArena(), info: header.info };
}

/** Path of the committed model. */
export function defaultQuoteModelPath(): string {
  return join(modelsDirectory(), 'quotes', 'tagger.bin.gz');
}

/** Loads the committed model (once per pipeline). */
export function loadQuoteTagger(path: string = defaultQuoteModelPath()): QuoteTaggerModel {
  return loadQuoteModel(readFileSync(path));
}
