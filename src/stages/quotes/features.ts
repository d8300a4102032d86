/**
 * Features of the attribution tagger's first pass. Each token gets {@link featuresPerToken} hashed
 * feature rows (integers below `2^rowBits`), computed from small per-token integers (word id,
 * shape, word class, learned cue level, word clusters, quote-mark state, distance to the nearest
 * likely cue word, commas and `that` between): no strings are built per feature. */
import type { Span, Token } from '../../doc/schema.js';
import { COGNITION_VERBS, SPEECH_NOUNS, SPEECH_VERBS } from '../../lang/en/speech-verbs.js';
import type { QuotedSpan } from './quote-marks.js';
import { WordTable } from '../../util/word-table.js';
import { freshArrays, type TypedArena } from '../../util/typed-arena.js';
import { quoteRowsPerToken, type Int8ViterbiKernel } from '../../kernels/linear-tagger.js';

/** Number of feature rows per token (the WebAssembly kernel's templates are the same). */
export const featuresPerToken = quoteRowsPerToken;

/** Word classes from the cue-word lists. */
const enum WordClass {
  None = 0,
  Speech = 1,
  Cognition = 2,
  SpeechNoun = 3,
  According = 4,
  Subject = 5,
  That = 6,
}

const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'i', 'we', 'you', 'it']);

/** The cue-word class of a lower-case word. */
export function wordClass(word: string): number {
  if (word === 'according') return WordClass.According;
  if (word === 'that') return WordClass.That;
  if (SPEECH_VERBS.has(word)) return WordClass.Speech;
  if (COGNITION_VERBS.has(word)) return WordClass.Cognition;
  if (SPEECH_NOUNS.has(word)) return WordClass.SpeechNoun;
  if (SUBJECT_PRONOUNS.has(word)) return WordClass.Subject;
  return WordClass.None;
}

/**
 * Vocabulary of the model: lower-case word → id (ids from 1). Ids up to `size` are words seen in
 * training (word features, word class, learned cue level); ids above it are frequent English words
 * known only by their clusters. Cluster ids are stored plus one (0: none).
 */
export interface Vocabulary {
  readonly ids: WordTable;
  /** Number of training words (ids 1..size). */
  readonly size: number;
  readonly classes: Uint8Array;
  readonly cueLevels: Uint8Array;
  /** Coarse (256) word cluster of each id, plus one. */
  readonly coarseClusters: Uint16Array;
  /** Fine (1024) word cluster of each id, plus one. */
  readonly fineClusters: Uint16Array;
  /** The words of the cue-word lists (for the WebAssembly kernel: the class of a word unseen in training). */
  readonly cueWords: WordTable;
  /** {@link wordClass} of each id of {@link Vocabulary.cueWords}. */
  readonly cueWordClasses: Uint8Array;
}

/**
 * The cue level of a word from how often it sits inside an annotated cue: 0 rarely or never
 * (or seen under 3 times), 1 sometimes (≥ 5 %), 2 often (≥ 20 %), 3 mostly (≥ 45 %). PolNeAR's cues
 * are a third beliefs, plans and stances (`hopes`, `wants`, `accused`), which no verb list
 * catches, and nouns like `plans` or `support` are cues only sometimes: learned levels say how much.
 */
export function cueLevelOf(cueCount: number, count: number): number {
  if (count < 3) return 0;
  const share = cueCount / count;
  return share >= 0.45 ? 3 : share >= 0.2 ? 2 : share >= 0.05 ? 1 : 0;
}

/** Inputs of {@link makeVocabulary}, all in word order. */
export interface VocabularyParts {
  /** Training words, then cluster-only words. */
  readonly words: readonly string[];
  /** Number of training words at the front of `words`; default all. */
  readonly size?: number;
  /** Cue level per training word; default 0. */
  readonly cueLevels?: ArrayLike<number>;
  /** Coarse cluster plus one per word; default none. */
  readonly coarseClusters?: ArrayLike<number>;
  /** Fine cluster plus one per word; default none. */
  readonly fineClusters?: ArrayLike<number>;
}

/** Builds a {@link Vocabulary} (id = index + 1). */
export function makeVocabulary(parts: VocabularyParts): Vocabulary {
  const { words } = parts;
  const ids = new WordTable(words);
  const classes = new Uint8Array(words.length + 1);
  const levels = new Uint8Array(words.length + 1);
  const coarseClusters = new Uint16Array(words.length + 1);
  const fineClusters = new Uint16Array(words.length + 1);
  for (let index = 0; index < words.length; index++) {
    const word = words[index]!;
    classes[index + 1] = wordClass(word);
    levels[index + 1] = parts.cueLevels?.[index] ?? 0;
    coarseClusters[index + 1] = parts.coarseClusters?.[index] ?? 0;
    fineClusters[index + 1] = parts.fineClusters?.[index] ?? 0;
  }
  const listed = ['according', 'that', ...SPEECH_VERBS, ...COGNITION_VERBS, ...SPEECH_NOUNS, ...SUBJECT_PRONOUNS];
  const cueWords = new WordTable(listed);
  const cueWordClasses = Uint8Array.from({ length: listed.length + 1 }, (_, id) => (id > 0 ? wordClass(listed[id - 1]!) : 0));
  return { ids, size: parts.size ?? words.length, classes, cueLevels: levels, coarseClusters, fineClusters, cueWords, cueWordClasses };
}

/** Token sequences (one per paragraph) and their feature rows. */
export interface FeatureRows {
  /** `rows[token * stride + k]`. */
  readonly rows: Int32Array;
  /** Rows per token. */
  readonly stride: number;
  /** Word id of each token (negative shape for unknown words), offset by 2: token `i` at `i + 2`. */
  readonly wordIds: Int32Array;
  /** Shape of each token, offset by 2 like {@link FeatureRows.wordIds}. */
  readonly shapes: Uint8Array;
  /** Learned cue level of each token's word, offset by 2 like {@link FeatureRows.wordIds}. */
  readonly levels: Uint8Array;
  /** Half-open token index ranges, one per paragraph with tokens. */
  readonly sequences: { readonly first: number; readonly end: number }[];
  /** Quote-mark state of each token: 0 outside, 1 opening mark, 2 inside, 3 closing mark. */
  readonly quoteState: Uint8Array;
  /** The kernel that computed the rows and still holds the document's columns (`Int8ViterbiKernel.quoteStackedPass` reads them), if any. */
  readonly kernelDocument?: { readonly kernel: Int8ViterbiKernel; readonly document: number };
}

// Shapes: small integers.
const SHAPE_LOWER = 1;
const SHAPE_CAPITALISED = 2;
const SHAPE_UPPER = 3;
const SHAPE_DIGIT = 4;
const SHAPE_OPEN_QUOTE = 5;
const SHAPE_CLOSE_QUOTE = 6;
/** Shape of `,`. */
export const SHAPE_COMMA = 7;
/** Shape of `.`, `!`, `?`, `…`. */
export const SHAPE_TERMINATOR = 8;
/** Shape of `:` and `;`. */
export const SHAPE_COLON = 9;
/** Shape of dashes. */
export const SHAPE_DASH = 10;
const SHAPE_BRACKET = 11;
const SHAPE_OTHER = 12;
const SHAPE_STRAIGHT_QUOTE = 13;

// Module-level: under tsx (tests, benches) esbuild compiles a `\p{…}` literal inside a function
// into `new RegExp(…)`, made again on every call.
const UPPER_LETTER = /\p{Lu}/u;
const LETTER = /\p{L}/u;

function shapeOf(text: string, start: number, end: number): number {
  const code = text.charCodeAt(start);
  if (end - start === 1) {
    if (code === 0x201c || code === 0xab || code === 0x2018 || code === 0x201e) return SHAPE_OPEN_QUOTE;
    if (code === 0x201d || code === 0xbb || code === 0x2019) return SHAPE_CLOSE_QUOTE;
    if (code === 0x22 || code === 0x27) return SHAPE_STRAIGHT_QUOTE;
    if (code === 0x2c) return SHAPE_COMMA;
    if (code === 0x2e || code === 0x21 || code === 0x3f) return SHAPE_TERMINATOR;
    if (code === 0x3a || code === 0x3b) return SHAPE_COLON;
    if (code === 0x2014 || code === 0x2013 || code === 0x2d) return SHAPE_DASH;
    if (code === 0x28 || code === 0x29 || code === 0x5b || code === 0x5d) return SHAPE_BRACKET;
  }
  if (code >= 0x30 && code <= 0x39) return SHAPE_DIGIT;
  if (code >= 0x61 && code <= 0x7a) return SHAPE_LOWER;
  if (code >= 0x41 && code <= 0x5a) {
    const second = end - start > 1 ? text.charCodeAt(start + 1) : 0;
    return second >= 0x41 && second <= 0x5a ? SHAPE_UPPER : SHAPE_CAPITALISED;
  }
  if (code === 0x2026) return SHAPE_TERMINATOR;
  const character = text[start] ?? '';
  if (UPPER_LETTER.test(character)) return SHAPE_CAPITALISED;
  if (LETTER.test(character)) return SHAPE_LOWER;
  return SHAPE_OTHER;
}

// Where wordColumnsOf writes each value (the WebAssembly kernel's column order).
const WORD = 0;
const SHAPE = 1;
const CLASS = 2;
const LEVEL = 3;
const COARSE = 4;
const FINE = 5;
const QUOTE = 6;
const SUFFIX = 7;
/** The columns wordColumnsOf sets. */
const WORD_COLUMNS = [WORD, SHAPE, CLASS, LEVEL, COARSE, FINE, SUFFIX] as const;

/**
 * The per-token integers of the word `text[start, end)`: word id (negative shape for unknown
 * words), shape, word class, learned cue level, coarse and fine cluster, suffix hash, written to
 * `out` at the column indices above.
 */
function wordColumnsOf(text: string, start: number, end: number, vocabulary: Vocabulary, out: Int32Array): void {
  const known = vocabulary.ids.idOf(text, start, end);
  out[COARSE] = vocabulary.coarseClusters[known]!;
  out[FINE] = vocabulary.fineClusters[known]!;
  const id = known <= vocabulary.size ? known : 0;
  const shape = shapeOf(text, start, end);
  out[WORD] = id > 0 ? id : -shape;
  out[SHAPE] = shape;
  // The lower-case string only where needed: words not in the vocabulary (their class), and
  // suffixes with non-ASCII letters. Words known only by their clusters have their class stored.
  let ascii = true;
  for (let position = start; position < end && ascii; position++) ascii = text.charCodeAt(position) < 0x80;
  const lower = known > 0 && ascii ? null : text.slice(start, end).toLowerCase();
  const wordClassValue = known > 0 ? vocabulary.classes[known]! : wordClass(lower!);
  out[CLASS] = wordClassValue;
  // Words unseen in training fall back on the word lists: a rare verb of saying is likely a cue.
  out[LEVEL] = id > 0 ? vocabulary.cueLevels[id]! : wordClassValue === WordClass.Speech ? 2 : wordClassValue === WordClass.Cognition ? 1 : 0;
  let suffix = 0;
  if (lower === null) {
    for (let position = Math.max(start, end - 3); position < end; position++) {
      const code = text.charCodeAt(position);
      suffix = suffix * 131 + (code >= 0x41 && code <= 0x5a ? code + 32 : code);
    }
  } else {
    for (let position = Math.max(0, lower.length - 3); position < lower.length; position++) suffix = suffix * 131 + lower.charCodeAt(position);
  }
  out[SUFFIX] = suffix;
}

/** 32-bit mix of a template id and two values, masked to the row range. */
export function hashRow(template: number, first: number, second: number, mask: number): number {
  let hash = Math.imul(template + 0x632be5ab, 0x9e3779b1) ^ Math.imul(first + 0x7f4a7c15, 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 15), 0x2c1b3c6d) ^ Math.imul(second + 0x165667b1, 0xc2b2ae35);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0x297a2d39);
  hash ^= hash >>> 16;
  return hash & mask;
}

/** Token distance in 8 buckets (0–3 exact, then 4–6, 7–12, 13–25, farther). */
export function distanceBucket(distance: number): number {
  if (distance <= 3) return distance;
  if (distance <= 6) return 4;
  if (distance <= 12) return 5;
  if (distance <= 25) return 6;
  return 7;
}

/**
 * Computes the feature rows of every token. Sequences are paragraphs (PolNeAR: no content span
 * crosses a line break; a multi-sentence quote stays one run). Given a kernel, the rows are hashed
 * there (same rows) and are a view of its memory, valid until its next document; a kernel that
 * holds `vocabulary` computes the per-token columns too (see {@link kernelFeatureRows}).
 */
export function featureRows(
  text: string,
  tokens: readonly Token[],
  paragraphs: readonly Span[],
  quoted: readonly QuotedSpan[],
  vocabulary: Vocabulary,
  rowBits: number,
  arrays: Pick<TypedArena, 'int32' | 'uint16' | 'uint8'> = freshArrays,
  kernel: Int8ViterbiKernel | null = null,
): FeatureRows {
  if (kernel !== null && kernel.quoteVocabulary === vocabulary) return kernelFeatureRows(text, tokens, paragraphs, quoted, vocabulary, rowBits, arrays, kernel);
  const count = tokens.length;
  const mask = (1 << rowBits) - 1;
  const wordIds = arrays.int32(count + 4);
  const shapes = arrays.uint8(count + 4);
  const classes = arrays.uint8(count + 4);
  const levels = arrays.uint8(count + 4);
  const coarse = arrays.uint16(count + 4);
  const fine = arrays.uint16(count + 4);
  const quoteState = arrays.uint8(count);
  const suffixes = arrays.int32(count);
  // Per-token integers. Offset by 2 so that i-2 .. i+2 need no bounds checks (0 = outside).
  const values = new Int32Array(8);
  for (let index = 0; index < count; index++) {
    const token = tokens[index]!;
    wordColumnsOf(text, token.start, token.end, vocabulary, values);
    wordIds[index + 2] = values[WORD]!;
    shapes[index + 2] = values[SHAPE]!;
    classes[index + 2] = values[CLASS]!;
    levels[index + 2] = values[LEVEL]!;
    coarse[index + 2] = values[COARSE]!;
    fine[index + 2] = values[FINE]!;
    suffixes[index] = values[SUFFIX]!;
  }
  // Quote-mark state; a stretch whose mark never closes (often a stray mark in scraped text)
  // gets states of its own (4 + state), so the model can trust it less.
  let spanIndex = 0;
  for (let index = 0; index < count; index++) {
    const token = tokens[index]!;
    while (spanIndex < quoted.length && quoted[spanIndex]!.end <= token.start) spanIndex++;
    const span = quoted[spanIndex];
    if (!span || token.start < span.start) continue;
    const offset = span.unclosed ? 4 : 0;
    if (token.start === span.start) quoteState[index] = 1 + offset;
    else if (token.end === span.end && !span.continues && !span.unclosed) quoteState[index] = 3;
    else quoteState[index] = 2 + offset;
  }
  // Sequences: tokens of one paragraph.
  const sequences: { first: number; end: number }[] = [];
  let paragraphIndex = 0;
  let sequenceFirst = 0;
  let sequenceParagraph = -1;
  for (let index = 0; index < count; index++) {
    const token = tokens[index]!;
    while (paragraphIndex + 1 < paragraphs.length && paragraphs[paragraphIndex]!.end <= token.start) paragraphIndex++;
    if (paragraphIndex !== sequenceParagraph) {
      if (index > sequenceFirst) sequences.push({ first: sequenceFirst, end: index });
      sequenceFirst = index;
      sequenceParagraph = paragraphIndex;
    }
  }
  if (count > sequenceFirst) sequences.push({ first: sequenceFirst, end: count });
  const cueDirection = arrays.uint8(count);
  const cueDistance = arrays.uint8(count);
  const anchorWord = arrays.int32(count);
  const sentenceFlags = arrays.uint8(count);
  const sentencePosition = arrays.uint8(count);
  // Nearest cue anchor (a word with a high learned cue level, or `according`) in the same
  // sentence, either side: direction 1 = an anchor before, 2 = an anchor after, 3 = the token is one.
  const leftDistance = arrays.int32(count);
  const leftAnchor = arrays.int32(count);
  const commasToCue = arrays.uint8(count);
  const thatAfterCue = arrays.uint8(count);
  const toSentenceEnd = arrays.uint8(count);
  let sentenceStart = 0;
  for (let index = 1; index <= count; index++) {
    const token = tokens[index];
    if (token && token.sentence === tokens[sentenceStart]!.sentence) continue;
    // Sentence [sentenceStart, index).
    let last = -1;
    let hasCue = 0;
    let hasQuote = 0;
    let leftCommas = 0;
    let sawThat = 0;
    for (let position = sentenceStart; position < index; position++) {
      const value = classes[position + 2]!;
      thatAfterCue[position] = sawThat;
      if (levels[position + 2]! >= 2 || value === WordClass.According) {
        last = position;
        hasCue = 1;
        leftCommas = 0;
        sawThat = 0;
      }
      if (value === WordClass.That && last >= 0) sawThat = 1;
      if (shapes[position + 2] === SHAPE_COMMA || shapes[position + 2] === SHAPE_COLON || shapes[position + 2] === SHAPE_DASH) leftCommas++;
      commasToCue[position] = Math.min(leftCommas, 3);
      if (quoteState[position] !== 0) hasQuote = 2;
      leftDistance[position] = last >= 0 ? position - last : 1 << 20;
      leftAnchor[position] = last;
    }
    let next = -1;
    let rightCommas = 0;
    for (let position = index - 1; position >= sentenceStart; position--) {
      const value = classes[position + 2]!;
      if (levels[position + 2]! >= 2 || value === WordClass.According) {
        next = position;
        rightCommas = 0;
      }
      if (shapes[position + 2] === SHAPE_COMMA || shapes[position + 2] === SHAPE_COLON || shapes[position + 2] === SHAPE_DASH) rightCommas++;
      const left = leftDistance[position]!;
      const right = next >= 0 ? next - position : 1 << 20;
      if (left === 0) {
        cueDirection[position] = 3;
        anchorWord[position] = wordIds[position + 2]!;
      } else if (left <= right && left < 1 << 20) {
        cueDirection[position] = 1;
        cueDistance[position] = distanceBucket(left);
        anchorWord[position] = wordIds[leftAnchor[position]! + 2]!;
      } else if (right < 1 << 20) {
        cueDirection[position] = 2;
        cueDistance[position] = distanceBucket(right);
        commasToCue[position] = 4 + Math.min(rightCommas, 3);
        anchorWord[position] = wordIds[next + 2]!;
      }
      toSentenceEnd[position] = distanceBucket(index - 1 - position);
      sentenceFlags[position] = hasCue | hasQuote;
      sentencePosition[position] = Math.min(position - sentenceStart, 4) * 5 + Math.min(index - 1 - position, 4);
    }
    sentenceStart = index;
  }
  // Whether each token's paragraph opens with a quote mark.
  const paragraphOpensQuote = arrays.uint8(count);
  for (const sequence of sequences) {
    const opens = quoteState[sequence.first] === 1 ? 1 : 0;
    for (let index = sequence.first; index < sequence.end; index++) paragraphOpensQuote[index] = opens;
  }
  // Transcript and headline lines, `WALLACE: Let’s start …`, `Pence: Gennifer Flowers …`: a
  // colon among the first few tokens of a paragraph. 1 before it, 2 the colon, 3 after it.
  const colonState = arrays.uint8(count);
  for (const sequence of sequences) {
    let colon = -1;
    for (let index = sequence.first; index < Math.min(sequence.end, sequence.first + 7); index++) {
      if (shapes[index + 2] === SHAPE_COLON && text.charCodeAt(tokens[index]!.start) === 0x3a) {
        colon = index;
        break;
      }
    }
    if (colon < 0) continue;
    for (let index = sequence.first; index < sequence.end; index++) colonState[index] = index < colon ? 1 : index === colon ? 2 : 3;
  }
  if (kernel) {
    // The same templates in WebAssembly (assembly/quote-features.ts), from the same columns.
    const columns = [wordIds, shapes, classes, levels, coarse, fine, quoteState, suffixes, cueDirection, cueDistance, anchorWord, sentenceFlags, sentencePosition, commasToCue, thatAfterCue, toSentenceEnd, paragraphOpensQuote, colonState];
    const rows = kernel.quoteFeatureRows(columns, count, mask);
    return { rows, stride: featuresPerToken, wordIds, shapes, levels, sequences, quoteState };
  }
  const rows = arrays.int32(count * featuresPerToken);
  for (let index = 0; index < count; index++) {
    const base = index * featuresPerToken;
    const at = index + 2;
    const word = wordIds[at]!;
    const previousWord = wordIds[at - 1]!;
    const nextWord = wordIds[at + 1]!;
    const quote = quoteState[index]!;
    const shape = shapes[at]!;
    const wordClassValue = classes[at]!;
    const direction = cueDirection[index]!;
    const distance = cueDistance[index]!;
    rows[base] = hashRow(0, 0, 0, mask);
    rows[base + 1] = hashRow(1, word, 0, mask);
    rows[base + 2] = hashRow(2, previousWord, 0, mask);
    rows[base + 3] = hashRow(3, nextWord, 0, mask);
    rows[base + 4] = hashRow(4, wordIds[at - 2]!, 0, mask);
    rows[base + 5] = hashRow(5, wordIds[at + 2]!, 0, mask);
    rows[base + 6] = hashRow(6, previousWord, word, mask);
    rows[base + 7] = hashRow(7, word, nextWord, mask);
    rows[base + 8] = hashRow(8, shapes[at - 1]! * 256 + shape * 16 + shapes[at + 1]!, 0, mask);
    rows[base + 9] = hashRow(9, quote, shape, mask);
    rows[base + 10] = hashRow(10, quote, word, mask);
    rows[base + 11] = hashRow(11, wordClassValue, quote, mask);
    rows[base + 12] = hashRow(12, classes[at - 1]!, classes[at + 1]!, mask);
    rows[base + 13] = hashRow(13, direction * 16 + distance, quote, mask);
    rows[base + 14] = hashRow(14, sentencePosition[index]!, sentenceFlags[index]!, mask);
    rows[base + 15] = hashRow(15, paragraphOpensQuote[index]! * 8 + quote, sentenceFlags[index]!, mask);
    rows[base + 16] = hashRow(16, previousWord, direction, mask);
    rows[base + 17] = hashRow(17, suffixes[index]!, shape, mask);
    rows[base + 18] = hashRow(18, word, direction * 16 + distance, mask);
    rows[base + 19] = hashRow(19, shapes[at - 2]! * 16 + shapes[at - 1]!, quoteState[index - 1] ?? 0, mask);
    rows[base + 20] = hashRow(20, toSentenceEnd[index]!, quote, mask);
    rows[base + 21] = hashRow(21, colonState[index]!, shape, mask);
    rows[base + 22] = hashRow(22, commasToCue[index]! * 16 + direction, distance, mask);
    rows[base + 23] = hashRow(23, word, sentenceFlags[index]!, mask);
    rows[base + 24] = hashRow(24, classes[at - 1]! * 16 + shape, colonState[index]!, mask);
    rows[base + 25] = hashRow(25, anchorWord[index]!, direction * 16 + distance, mask);
    rows[base + 26] = hashRow(26, levels[at - 1]! * 64 + levels[at]! * 8 + levels[at + 1]!, quote, mask);
    rows[base + 27] = hashRow(27, thatAfterCue[index]! * 8 + commasToCue[index]!, direction * 16 + distance, mask);
    // Word clusters: rare cue verbs (`seethed`, `bemoaning`) and the words around them by kind.
    rows[base + 28] = hashRow(28, fine[at]!, quote * 16 + direction, mask);
    rows[base + 29] = hashRow(29, coarse[at - 1]! * 512 + coarse[at]!, 0, mask);
    rows[base + 30] = hashRow(30, coarse[at]! * 512 + coarse[at + 1]!, direction * 16 + distance, mask);
  }
  return { rows, stride: featuresPerToken, wordIds, shapes, levels, sequences, quoteState };
}

/**
 * {@link featureRows} in a kernel that holds the vocabulary: the columns are computed there from
 * the text's code units, except those of the words that need Unicode tables (a letter outside
 * ASCII), which are set here before the sentence loops read them; the rows are hashed there too.
 */
function kernelFeatureRows(
  text: string,
  tokens: readonly Token[],
  paragraphs: readonly Span[],
  quoted: readonly QuotedSpan[],
  vocabulary: Vocabulary,
  rowBits: number,
  arrays: Pick<TypedArena, 'int32' | 'uint16' | 'uint8'>,
  kernel: Int8ViterbiKernel,
): FeatureRows {
  const count = tokens.length;
  const { columns, width, flagged } = kernel.startQuoteDocument(text, tokens, paragraphs, quoted);
  if (flagged.length > 0) {
    const values = new Int32Array(8);
    for (const index of flagged) {
      const token = tokens[index]!;
      wordColumnsOf(text, token.start, token.end, vocabulary, values);
      for (const column of WORD_COLUMNS) columns[column * width + index + 2] = values[column]!;
    }
  }
  const finished = kernel.finishQuoteDocument((1 << rowBits) - 1);
  const sequences: { first: number; end: number }[] = [];
  for (let index = 0; index < finished.sequences.length; index += 2) sequences.push({ first: finished.sequences[index]!, end: finished.sequences[index + 1]! });
  // Copies of the columns that later steps read: the kernel's column area is reused by the stacked pass.
  const wordIds = arrays.int32(width);
  wordIds.set(finished.columns.subarray(WORD * width, WORD * width + width));
  const shapes = arrays.uint8(width);
  shapes.set(finished.columns.subarray(SHAPE * width, SHAPE * width + width));
  const levels = arrays.uint8(width);
  levels.set(finished.columns.subarray(LEVEL * width, LEVEL * width + width));
  const quoteState = arrays.uint8(count);
  quoteState.set(finished.columns.subarray(QUOTE * width + 2, QUOTE * width + 2 + count));
  return { rows: finished.rows, stride: featuresPerToken, wordIds, shapes, levels, sequences, quoteState, kernelDocument: { kernel, document: finished.document } };
}
