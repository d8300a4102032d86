/**
 * WebAssembly Viterbi for first-order linear taggers with 8-bit weight rows (the quotes tagger):
 * the emission sums run eight lanes at a time (SIMD), which the JavaScript loop cannot. A model of
 * two passes keeps them interleaved, row by row: the second pass re-reads the first pass's rows
 * (stacked features copy them), and their weights come into cache with the first pass's read, so
 * the first pass sums them too and the second reads only its own new rows.
 *
 * One kernel holds the weights of one model (copied into its own memory once) and a work area
 * that grows with the longest document it decodes (callers hand outsized ones to a throwaway copy,
 * see {@link Int8ViterbiKernel.largeDocumentTokens}); it is not shared between threads, and a call
 * never yields, so one kernel serves one pipeline. The AssemblyScript source is
 * `assembly/linear-tagger.ts`; {@link linearTaggerWasm} is its compiled form.
 */
import { linearTaggerWasm } from './linear-tagger-wasm.js';
import { growMemoryTo } from './wasm-memory.js';
import type { WordTableParts } from '../util/word-table.js';

/** One tagging pass: 8 slots per row (`tagCount` tags, then padding), and f64 transitions. */
export interface Int8Pass {
  /** `emission[row * 8 + tag]`. */
  readonly emission: Int8Array;
  /** `transition[previous * tagCount + next]`, previous = tagCount at the start. */
  readonly transition: Float64Array;
}

interface Exports {
  readonly memory: WebAssembly.Memory;
  decodeInt8(
    table: number,
    rowBytes: number,
    slotOffset: number,
    transition: number,
    tagCount: number,
    rows: number,
    stride: number,
    skip: number,
    partial: number,
    keep: number,
    length: number,
    work: number,
    out: number,
  ): void;
  quoteFeatureRows(columns: number, width: number, count: number, mask: number, out: number): void;
  quoteStackedPass(tokens: number, tags: number, columns: number, width: number, count: number, sequences: number, sequenceCount: number, onlyTagged: number, mask: number, out: number, stride: number, offset: number, work: number): number;
  quoteWordColumns(vocabulary: number, text: number, tokens: number, count: number, columns: number, width: number, flagged: number): number;
  quoteDocumentColumns(
    text: number,
    tokens: number,
    count: number,
    lines: number,
    lineCount: number,
    quoted: number,
    quotedCount: number,
    columns: number,
    width: number,
    work: number,
    sequences: number,
    mask: number,
    out: number,
  ): number;
}

/**
 * The quotes tagger's vocabulary as {@link Int8ViterbiKernel.startQuoteDocument} reads it (the
 * quotes stage's `Vocabulary`): lower-case words with ids, the per-id arrays, and the words of the
 * cue-word lists with their classes (for words unseen in training).
 */
export interface QuoteKernelVocabulary {
  readonly ids: { readonly parts: WordTableParts };
  /** Ids above it are known only by their clusters (no word id, no learned level). */
  readonly size: number;
  readonly classes: Uint8Array;
  readonly cueLevels: Uint8Array;
  readonly coarseClusters: Uint16Array;
  readonly fineClusters: Uint16Array;
  readonly cueWords: { readonly parts: WordTableParts };
  /** Class of each id of `cueWords`. */
  readonly cueWordClasses: Uint8Array;
}

/** What {@link Int8ViterbiKernel.startQuoteDocument} reads of a token. */
export interface QuoteKernelToken {
  readonly start: number;
  readonly end: number;
  readonly sentence: number;
}

/** What {@link Int8ViterbiKernel.startQuoteDocument} reads of a quoted stretch. */
export interface QuoteKernelSpan {
  readonly start: number;
  readonly end: number;
  /** Opened with no closing mark. */
  readonly unclosed: boolean;
  /** Continued by the next paragraph. */
  readonly continues: boolean;
}

/**
 * A document's per-token columns in kernel memory (`columns[column * width + token + 2]`, in the
 * order of `assembly/quote-features.ts`), after {@link Int8ViterbiKernel.startQuoteDocument}: the
 * word columns are set except for the `flagged` tokens, whose columns word, shape, class, level,
 * coarse, fine and suffix (0–5, 7) the caller sets. Views valid until the kernel's next document.
 */
export interface QuoteColumns {
  readonly columns: Int32Array;
  readonly width: number;
  readonly flagged: Int32Array;
}

/** Columns that {@link Int8ViterbiKernel.quoteFeatureRows} takes (see `assembly/quote-features.ts`). */
export const quoteColumnCount = 18;
/** Rows per token that {@link Int8ViterbiKernel.quoteFeatureRows} writes. */
export const quoteRowsPerToken = 31;
/** Rows per token that {@link Int8ViterbiKernel.quoteStackedPass} writes. */
export const stackedRowsPerToken = 15;

type Column = Int32Array | Uint16Array | Uint8Array;

/** Number of i32 fields of the vocabulary descriptor (`assembly/quote-columns.ts`). */
const vocabularyFields = 14;

/** A run of tokens `[first, end)` decoded as one sequence. */
export interface TokenRange {
  readonly first: number;
  readonly end: number;
}

let compiled: WebAssembly.Module | null = null;

function align(offset: number, to: number): number {
  return Math.ceil(offset / to) * to;
}

/** Viterbi decoding of int8-row passes (one, or two interleaved) in WebAssembly. */
export class Int8ViterbiKernel {
  readonly #exports: Exports;
  readonly #tagCount: number;
  readonly #passCount: number;
  readonly #rowBytes: number;
  readonly #transitions: number[] = [];
  /**
   * Start of the per-document area: partial sums, work, tags, feature columns, hashed rows, then
   * the rows of the pass being decoded (last, so that growing it keeps the rest).
   */
  readonly #workStart: number;
  /** The quotes vocabulary's descriptor in kernel memory (0: none). */
  readonly #vocabularyAt: number;
  #rowCapacity = 0;
  #tokenCapacity = 0;
  #textCapacity = 0;
  #partialAt = 0;
  #workAt = 0;
  #outAt = 0;
  #columnsAt = 0;
  #hashedAt = 0;
  #rowsAt = 0;
  #tokensAt = 0;
  #flaggedAt = 0;
  #sequencesAt = 0;
  #textAt = 0;
  /** The document between {@link Int8ViterbiKernel.startQuoteDocument} and its finish. */
  #quoteDocument: { count: number; width: number; linesAt: number; lineCount: number; quotedAt: number; quotedCount: number } | null = null;
  /** The view {@link Int8ViterbiKernel.quoteFeatureRows} last returned (decoded in place). */
  #hashed: Int32Array | null = null;
  /** The view {@link Int8ViterbiKernel.quoteStackedPass} last returned (decoded in place). */
  #stacked: Int32Array | null = null;
  /** Number of the last document finished by {@link Int8ViterbiKernel.finishQuoteDocument} (its columns stay until the next), and its size. */
  #documents = 0;
  #finished: { readonly document: number; readonly count: number; readonly width: number } | null = null;

  /**
   * Documents longer than this many tokens are best decoded by a copy of the kernel
   * (`new Int8ViterbiKernel(kernel, tagCount)`): WebAssembly memory never shrinks, so one outsized
   * article (the input cap allows 10 MB, some 2 million tokens: hundreds of MB of work area) would
   * otherwise stay in the thread's memory for the rest of the batch. The work area takes about
   * 460 bytes a token, so this bound keeps a thread's kernel within ~8 MB of work area; a copy
   * costs a millisecond or two, little beside analysing a document of this size.
   */
  static readonly largeDocumentTokens = 1 << 14;
  /** The same for the text's length in UTF-16 units (its copy in kernel memory). */
  static readonly largeDocumentUnits = 1 << 18;

  /** The quotes vocabulary this kernel holds, or null (see {@link Int8ViterbiKernel.startQuoteDocument}). */
  readonly quoteVocabulary: QuoteKernelVocabulary | null;

  /**
   * A kernel for the given passes (and the quotes vocabulary, copied into its memory), or a fresh
   * copy of another kernel's weights and vocabulary (its own memory).
   */
  constructor(passes: readonly Int8Pass[] | Int8ViterbiKernel, tagCount: number, vocabulary: QuoteKernelVocabulary | null = null) {
    if (tagCount < 1 || tagCount > 8) throw new RangeError(`an int8 tagger kernel takes 1 to 8 tags, not ${tagCount}`);
    compiled ??= new WebAssembly.Module(Buffer.from(linearTaggerWasm, 'base64'));
    this.#exports = new WebAssembly.Instance(compiled, {}).exports as unknown as Exports;
    this.#tagCount = tagCount;
    if (passes instanceof Int8ViterbiKernel) {
      if (passes.#tagCount !== tagCount) throw new RangeError(`the kernel copied has ${passes.#tagCount} tags, not ${tagCount}`);
      this.#passCount = passes.#passCount;
      this.#rowBytes = passes.#rowBytes;
      this.#transitions.push(...passes.#transitions);
      this.#workStart = passes.#workStart;
      this.#vocabularyAt = passes.#vocabularyAt;
      this.quoteVocabulary = passes.quoteVocabulary;
      this.#grow(this.#workStart);
      new Uint8Array(this.#exports.memory.buffer, 0, this.#workStart).set(new Uint8Array(passes.#exports.memory.buffer, 0, this.#workStart));
      return;
    }
    if (passes.length < 1 || passes.length > 2) throw new RangeError(`an int8 tagger kernel takes 1 or 2 passes, not ${passes.length}`);
    const rowCount = passes[0]!.emission.length / 8;
    for (const pass of passes) {
      if (pass.transition.length !== (tagCount + 1) * tagCount) throw new RangeError(`a pass needs ${(tagCount + 1) * tagCount} transitions, not ${pass.transition.length}`);
      if (pass.emission.length !== rowCount * 8) throw new RangeError('the passes of an int8 tagger kernel need tables of the same size');
    }
    this.#passCount = passes.length;
    this.#rowBytes = 8 * passes.length;
    const tableBytes = rowCount * this.#rowBytes;
    let offset = tableBytes;
    // Transitions in rows of 8 (one per previous tag and the start), the kernel's vector width.
    for (let index = 0; index < passes.length; index++) {
      this.#transitions.push(offset);
      offset += 9 * 8 * Float64Array.BYTES_PER_ELEMENT;
    }
    // The vocabulary's arrays, then their descriptor.
    const vocabularyArrays = vocabulary ? [vocabulary.ids.parts.units, vocabulary.ids.parts.starts, vocabulary.ids.parts.slots, vocabulary.classes, vocabulary.cueLevels, vocabulary.coarseClusters, vocabulary.fineClusters, vocabulary.cueWords.parts.units, vocabulary.cueWords.parts.starts, vocabulary.cueWords.parts.slots, vocabulary.cueWordClasses] : [];
    const arrayAt: number[] = [];
    for (const array of vocabularyArrays) {
      offset = align(offset, 16);
      arrayAt.push(offset);
      offset += array.byteLength;
    }
    this.#vocabularyAt = vocabulary ? align(offset, 16) : 0;
    if (vocabulary) offset = this.#vocabularyAt + 4 * vocabularyFields;
    this.quoteVocabulary = vocabulary;
    this.#workStart = align(offset, 16);
    this.#grow(this.#workStart);
    const memory = this.#exports.memory.buffer;
    if (vocabulary) {
      vocabularyArrays.forEach((array, index) => new Uint8Array(memory, arrayAt[index]!, array.byteLength).set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength)));
      const [units, starts, slots, classes, levels, coarse, fine, cueUnits, cueStarts, cueSlots, cueClasses] = arrayAt;
      new Int32Array(memory, this.#vocabularyAt, vocabularyFields).set([
        units!,
        starts!,
        slots!,
        vocabulary.ids.parts.slots.length - 1,
        vocabulary.size,
        classes!,
        levels!,
        coarse!,
        fine!,
        cueUnits!,
        cueStarts!,
        cueSlots!,
        vocabulary.cueWords.parts.slots.length - 1,
        cueClasses!,
      ]);
    }
    const table = new Int8Array(memory, 0, tableBytes);
    for (let index = 0; index < passes.length; index++) {
      const pass = passes[index]!;
      const { emission } = pass;
      for (let row = 0; row < rowCount; row++) table.set(emission.subarray(row * 8, row * 8 + 8), row * this.#rowBytes + index * 8);
      const transitions = new Float64Array(memory, this.#transitions[index]!, 9 * 8).fill(-Infinity);
      for (let previous = 0; previous < tagCount; previous++) transitions.set(pass.transition.subarray(previous * tagCount, (previous + 1) * tagCount), previous * 8);
      transitions.set(pass.transition.subarray(tagCount * tagCount, (tagCount + 1) * tagCount), 8 * 8);
    }
  }

  /** Bytes of WebAssembly memory this kernel holds (weights and work area). */
  get memoryBytes(): number {
    return this.#exports.memory.buffer.byteLength;
  }

  #grow(bytes: number): void {
    growMemoryTo(this.#exports.memory, bytes);
  }

  /**
   * Makes room for `rowCount` row indices and `tokenCount` tokens (at least the rows a token of
   * both quotes passes, so that decoding a document's passes after hashing its rows does not grow
   * the memory, which would detach the hashed rows' view).
   */
  #reserve(rowCount: number, tokenCount: number, textBytes = 0): void {
    if (rowCount <= this.#rowCapacity && tokenCount <= this.#tokenCapacity && textBytes <= this.#textCapacity) return;
    if (tokenCount > this.#tokenCapacity || textBytes > this.#textCapacity) {
      this.#tokenCapacity = tokenCount = Math.max(tokenCount, this.#tokenCapacity);
      this.#textCapacity = Math.max(textBytes, this.#textCapacity);
      this.#partialAt = this.#workStart;
      this.#workAt = align(this.#partialAt + 16 * tokenCount, 16);
      // Decoding needs 160 + 24 bytes a token of work area, the stacked pass 512 bytes.
      this.#outAt = align(this.#workAt + Math.max(512, 160 + 24 * tokenCount), 16);
      this.#columnsAt = align(this.#outAt + tokenCount, 16);
      this.#hashedAt = align(this.#columnsAt + 4 * quoteColumnCount * (tokenCount + 4), 16);
      // The hashing writes rows in groups of 4 tokens: room for the last group's.
      this.#tokensAt = align(this.#hashedAt + 4 * quoteRowsPerToken * (tokenCount + 3), 16);
      this.#flaggedAt = align(this.#tokensAt + 12 * tokenCount, 16);
      this.#sequencesAt = align(this.#flaggedAt + 4 * tokenCount, 16);
      this.#textAt = align(this.#sequencesAt + 8 * tokenCount, 16);
      this.#rowsAt = align(this.#textAt + this.#textCapacity, 16);
      this.#hashed = null;
      this.#stacked = null;
    }
    this.#rowCapacity = Math.max(rowCount, (quoteRowsPerToken + stackedRowsPerToken) * tokenCount, this.#rowCapacity);
    const before = this.#exports.memory.buffer;
    this.#grow(this.#rowsAt + 4 * this.#rowCapacity);
    if (this.#exports.memory.buffer !== before) {
      this.#hashed = null;
      this.#stacked = null;
    }
  }

  /**
   * The quotes tagger's first-pass rows (`quoteRowsPerToken` a token) of a document of `count`
   * tokens, from its per-token columns in the order of `assembly/quote-features.ts`: each of
   * `count + 4` entries (token `i` at `i + 2`, zeros either side) or of `count` entries. The
   * result is a view of this kernel's memory, valid until its next call with another document;
   * {@link Int8ViterbiKernel.decode} reads it in place.
   */
  quoteFeatureRows(columns: readonly Column[], count: number, mask: number): Int32Array {
    const width = this.#upload(columns, quoteColumnCount, count);
    this.#exports.quoteFeatureRows(this.#columnsAt, width, count, mask, this.#hashedAt);
    this.#hashed = new Int32Array(this.#exports.memory.buffer, this.#hashedAt, quoteRowsPerToken * count);
    return this.#hashed;
  }

  /**
   * Starts a quotes document in the kernel (which must hold a vocabulary): copies the text, the
   * tokens, the lines (paragraphs of the tagger's sequences) and the quoted stretches into kernel
   * memory and computes the word columns of the tokens made of ASCII and General Punctuation
   * units; the others are left to the caller (`flagged`), before
   * {@link Int8ViterbiKernel.finishQuoteDocument}.
   */
  startQuoteDocument(text: string, tokens: readonly QuoteKernelToken[], lines: readonly { readonly start: number; readonly end: number }[], quoted: readonly QuoteKernelSpan[]): QuoteColumns {
    if (this.#vocabularyAt === 0) throw new Error('this kernel holds no quotes vocabulary');
    this.#finished = null;
    const count = tokens.length;
    const textBytes = align(2 * text.length, 16);
    this.#reserve(0, count, textBytes + 8 * lines.length + 12 * quoted.length);
    const memory = this.#exports.memory.buffer;
    Buffer.from(memory, this.#textAt, 2 * text.length).write(text, 'utf16le');
    const tokenArea = new Int32Array(memory, this.#tokensAt, 3 * count);
    for (let index = 0; index < count; index++) {
      const token = tokens[index]!;
      tokenArea[3 * index] = token.start;
      tokenArea[3 * index + 1] = token.end;
      tokenArea[3 * index + 2] = token.sentence;
    }
    const linesAt = this.#textAt + textBytes;
    const lineArea = new Int32Array(memory, linesAt, 2 * lines.length);
    for (let index = 0; index < lines.length; index++) {
      const line = lines[index]!;
      lineArea[2 * index] = line.start;
      lineArea[2 * index + 1] = line.end;
    }
    const quotedAt = linesAt + 8 * lines.length;
    const quotedArea = new Int32Array(memory, quotedAt, 3 * quoted.length);
    for (let index = 0; index < quoted.length; index++) {
      const span = quoted[index]!;
      quotedArea[3 * index] = span.start;
      quotedArea[3 * index + 1] = span.end;
      quotedArea[3 * index + 2] = (span.unclosed ? 1 : 0) | (span.continues ? 2 : 0);
    }
    const width = count + 4;
    const flaggedCount = this.#exports.quoteWordColumns(this.#vocabularyAt, this.#textAt, this.#tokensAt, count, this.#columnsAt, width, this.#flaggedAt);
    this.#quoteDocument = { count, width, linesAt, lineCount: lines.length, quotedAt, quotedCount: quoted.length };
    return { columns: new Int32Array(memory, this.#columnsAt, quoteColumnCount * width), width, flagged: new Int32Array(memory, this.#flaggedAt, flaggedCount) };
  }

  /**
   * Finishes the document of {@link Int8ViterbiKernel.startQuoteDocument}: the other columns, then
   * the first-pass rows as {@link Int8ViterbiKernel.quoteFeatureRows} returns them. `sequences`
   * holds (first, end) pairs of token indices, one per line with tokens; `columns` is the column
   * view; `document` names the document for {@link Int8ViterbiKernel.quoteStackedPass}. Views
   * valid until the kernel's next document.
   */
  finishQuoteDocument(mask: number): { readonly rows: Int32Array; readonly sequences: Int32Array; readonly columns: Int32Array; readonly document: number } {
    const document = this.#quoteDocument;
    if (document === null) throw new Error('finishQuoteDocument needs startQuoteDocument first');
    this.#quoteDocument = null;
    const { count, width } = document;
    const sequenceCount = this.#exports.quoteDocumentColumns(
      this.#textAt,
      this.#tokensAt,
      count,
      document.linesAt,
      document.lineCount,
      document.quotedAt,
      document.quotedCount,
      this.#columnsAt,
      width,
      this.#workAt,
      this.#sequencesAt,
      mask,
      this.#hashedAt,
    );
    const memory = this.#exports.memory.buffer;
    this.#hashed = new Int32Array(memory, this.#hashedAt, quoteRowsPerToken * count);
    const finished = (this.#finished = { document: ++this.#documents, count, width });
    return { rows: this.#hashed, sequences: new Int32Array(memory, this.#sequencesAt, 2 * sequenceCount), columns: new Int32Array(memory, this.#columnsAt, quoteColumnCount * width), document: finished.document };
  }

  /**
   * The quotes tagger's stacked rows (rows `[offset, offset + stackedRowsPerToken)` of `stride` a
   * token) for the tokens of `sequences` of the document `document` (from
   * {@link Int8ViterbiKernel.finishQuoteDocument}: its first-pass columns are read in place) with
   * the first pass's tags `firstTags`. With `onlyTagged`, a sequence the first pass left all O is
   * skipped (no rows): the sequences given rows are returned. The other rows of the view are not
   * set: it is meant for {@link Int8ViterbiKernel.decode} with `reused` = `offset`, which reads it
   * in place; valid until the next document.
   */
  quoteStackedPass(document: number, firstTags: Uint8Array, sequences: readonly TokenRange[], mask: number, stride: number, offset: number, onlyTagged: boolean): { readonly rows: Int32Array; readonly sequences: TokenRange[] } {
    const finished = this.#finished;
    if (finished === null || finished.document !== document) throw new Error(`document ${document} is not the kernel's current quotes document`);
    if (offset + stackedRowsPerToken > stride) throw new RangeError(`stacked rows from ${offset} do not fit ${stride} a token`);
    const { count, width } = finished;
    if (firstTags.length !== count) throw new RangeError(`${firstTags.length} tags for a document of ${count} tokens`);
    if (sequences.length > count) throw new RangeError(`${sequences.length} sequences for a document of ${count} tokens`);
    this.#reserve(count * stride, count);
    const memory = this.#exports.memory.buffer;
    // The tags where decoding writes its own (cleared by the next decode), the pairs where the
    // document's lines were.
    new Uint8Array(memory, this.#outAt, count).set(firstTags);
    const pairs = new Int32Array(memory, this.#sequencesAt, 2 * sequences.length);
    for (let index = 0; index < sequences.length; index++) {
      const { first, end } = sequences[index]!;
      if (first < 0 || end > count || end < first) throw new RangeError(`sequence [${first}, ${end}) outside a document of ${count} tokens`);
      pairs[2 * index] = first;
      pairs[2 * index + 1] = end;
    }
    const kept = this.#exports.quoteStackedPass(this.#tokensAt, this.#outAt, this.#columnsAt, width, count, this.#sequencesAt, sequences.length, onlyTagged ? 1 : 0, mask, this.#rowsAt, stride, offset, this.#workAt);
    const given: TokenRange[] = new Array(kept);
    for (let index = 0; index < kept; index++) given[index] = { first: pairs[2 * index]!, end: pairs[2 * index + 1]! };
    this.#stacked = new Int32Array(memory, this.#rowsAt, count * stride);
    return { rows: this.#stacked, sequences: given };
  }

  #upload(columns: readonly Column[], expected: number, count: number): number {
    if (columns.length !== expected) throw new RangeError(`${expected} columns expected, not ${columns.length}`);
    this.#reserve(0, count);
    const width = count + 4;
    const area = new Int32Array(this.#exports.memory.buffer, this.#columnsAt, expected * width);
    for (let index = 0; index < columns.length; index++) {
      const column = columns[index]!;
      if (column.length === width) area.set(column, index * width);
      else if (column.length === count) {
        area.set(column, index * width + 2);
        area.fill(0, index * width, index * width + 2);
        area.fill(0, index * width + count + 2, (index + 1) * width);
      } else throw new RangeError(`a column of ${column.length} entries for ${count} tokens`);
    }
    return width;
  }

  /**
   * Tags the given sequences of one document with pass `pass`: `rows` holds `stride` row indices
   * per token; the best tags are written into `out` (one per token; tokens outside the sequences
   * get 0). With two passes, decoding the first also sums the second pass's weights over the same
   * rows, and the second pass, given `reused` > 0, takes those sums for its first `reused` rows
   * (which must be the first pass's rows, in order) instead of reading them: call it after the
   * first pass on the same document.
   */
  decode(pass: number, rows: Int32Array, stride: number, sequences: readonly TokenRange[], out: Uint8Array, reused = 0): void {
    if (pass < 0 || pass >= this.#passCount) throw new RangeError(`the kernel has no pass ${pass}`);
    if (reused > 0 && pass !== 1) throw new RangeError('only the second pass reuses the first pass’s sums');
    const tokenCount = out.length;
    if (reused > 0 && tokenCount > this.#tokenCapacity) throw new RangeError('the second pass reuses sums of a first pass over the same document');
    this.#reserve(rows.length, tokenCount);
    const memory = this.#exports.memory.buffer;
    const rowArea = new Int32Array(memory, this.#rowsAt, rows.length);
    new Uint8Array(memory, this.#outAt, tokenCount).fill(0);
    const keep = pass === 0 && this.#passCount === 2;
    // Rows hashed by this kernel are read where they are.
    const hashed = rows === this.#hashed && rows.buffer === memory;
    const inPlace = hashed || (rows === this.#stacked && rows.buffer === memory);
    const rowsAt = hashed ? this.#hashedAt : this.#rowsAt;
    for (const { first, end } of sequences) {
      if (end <= first) continue;
      if (!inPlace) rowArea.set(rows.subarray(first * stride, end * stride), first * stride);
      this.#exports.decodeInt8(
        0,
        this.#rowBytes,
        pass * 8,
        this.#transitions[pass]!,
        this.#tagCount,
        rowsAt + 4 * first * stride,
        stride,
        reused,
        this.#partialAt + 16 * first,
        keep ? this.#partialAt + 16 * first : 0,
        end - first,
        this.#workAt,
        this.#outAt + first,
      );
    }
    out.set(new Uint8Array(memory, this.#outAt, tokenCount));
  }
}
