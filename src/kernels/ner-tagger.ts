/**
 * WebAssembly Viterbi for the NER tagger (9 BIO tags, two passes over one packed i16 weight
 * table): the step over all tags runs in f64x2 vectors without branches, where the JavaScript
 * decoder's step is a scalar maximum per tag. Same tags as {@link viterbi} in
 * `stages/entities/tagger/decode.ts` (the fallback where WebAssembly is missing, and the
 * reference in tests): the same additions in the same order, and ties to the lower tag.
 *
 * One kernel holds the weights (copied into its own memory once) and the score buffers of one
 * document at a time ({@link NerViterbiKernel.begin}); not shared between threads. The
 * AssemblyScript source is `assembly/ner-tagger.ts`; {@link nerTaggerWasm} is its compiled form.
 */
import { nerTaggerWasm } from './ner-tagger-wasm.js';
import { growMemoryTo } from './wasm-memory.js';

/** Tags the kernel decodes. */
const tagCount = 9;
/** Extra rows a token may have in one pass (the tagger's document features: at most 11). */
const extraRowsPerToken = 16;

interface Exports {
  readonly memory: WebAssembly.Memory;
  decodeSentence(
    table: number,
    slotOffset: number,
    scale: number,
    transition: number,
    scores: number,
    length: number,
    extraStarts: number,
    extraRows: number,
    back: number,
    previous: number,
    out: number,
  ): void;
  staticScores(
    table: number,
    sums: number,
    slots: number,
    sentenceStarts: number,
    sentenceCount: number,
    rowStarts: number,
    rows: number,
    beforeSlot: number,
    afterSlot: number,
    firstScale: number,
    secondScale: number,
    first: number,
    second: number,
  ): void;
}

/** One pass of the packed table: its quantisation scale and transitions. */
export interface NerPass {
  /** Multiplier of the pass's i16 weights. */
  readonly scale: number;
  /** `transition[previous * 9 + next]`, previous = 9 at the sentence start. */
  readonly transition: ArrayLike<number>;
}

/** Rows of one sentence's extra features: token i owns `rows[starts[i]] .. rows[starts[i+1]-1]`. */
export interface FlatRows {
  readonly length: number;
  readonly starts: Int32Array;
  readonly rows: Int32Array;
}

/** Per-document score buffers in the kernel's memory (valid until the next {@link NerViterbiKernel.begin}). */
export interface DocumentScores {
  /** Static emission scores of each pass, 9 per token. */
  readonly first: Float64Array;
  readonly second: Float64Array;
}

function align(offset: number, to: number): number {
  return Math.ceil(offset / to) * to;
}

let compiled: WebAssembly.Module | null = null;

/** A token description whose unary group sums the kernel caches (the tagger's `TokenEntry`). */
export interface CachedEntry {
  /** Unique among the entries handed to one kernel. */
  readonly serial: number;
  /** The kernel's slot for the entry's sums, -1 before any; the kernel keeps it. */
  sumsSlot: number;
}

/** A sentence's static features: per token its entry and `rows[starts[i]] .. rows[starts[i+1]-1]`. */
export interface StaticSentence<Entry extends CachedEntry> {
  readonly length: number;
  readonly starts: Int32Array;
  readonly rows: Int32Array;
  readonly entries: readonly Entry[];
}

/**
 * Writes an entry's sums into `sums[at ..]`: per group g of the tagger's cached offsets (0, -1,
 * 1, -2, 2), the sums of its packed rows (18 cells) at `at + 20 * g`, cells 18 and 19 zero.
 */
export type GroupSummer<Entry extends CachedEntry> = (entry: Entry, sums: Int32Array, at: number) => void;

/**
 * Slots of the cache of group sums (400 bytes each: 6.5 MB). Over 3,300 shared articles in one
 * thread, 65,536 slots (26 MB, which a long batch fills) summed 78,000 entries and 16,384 slots
 * 196,000: the extra sums cost about 15 µs an article, the smaller cache 20 MB less per thread.
 */
const slotCount = 1 << 14;
/** Int32 cells of one slot: 5 groups of 20. */
const slotCells = 100;

/** Viterbi decoding (and static scores) of the NER tagger's passes in WebAssembly. */
export class NerViterbiKernel {
  readonly #exports: Exports;
  readonly #scales: number[];
  readonly #transitions: number[] = [];
  readonly #sumsAt: number;
  readonly #workStart: number;
  /** Per slot: the serial of the entry whose sums it holds (-1: none), and the last document that used it. */
  readonly #owners = new Int32Array(slotCount).fill(-1);
  readonly #used = new Int32Array(slotCount);
  #cursor = 0;
  #document = 0;
  #tokenCapacity = 0;
  #sentenceCapacity = 0;
  #rowCapacity = 0;
  #firstAt = 0;
  #secondAt = 0;
  #backAt = 0;
  #previousAt = 0;
  #outAt = 0;
  #startsAt = 0;
  #rowsAt = 0;
  #slotsAt = 0;
  #rowStartsAt = 0;
  #sentenceStartsAt = 0;
  #staticRowsAt = 0;
  #starts = new Int32Array(0);
  #rows = new Int32Array(0);
  #out = new Int32Array(0);
  #sums = new Int32Array(0);
  #slots = new Int32Array(0);
  #rowStarts = new Int32Array(0);
  #sentenceStarts = new Int32Array(0);
  #staticRows = new Int32Array(0);

  /**
   * Documents longer than this many tokens are tagged in JavaScript: WebAssembly memory never
   * shrinks, and one outsized article would keep its buffers (about 400 bytes a token) for good.
   * At most half the cache's slots, so that a document's entries always find free ones.
   */
  static readonly largestDocument = slotCount >> 1;

  /**
   * @param table Packed weights, `table[row * 18 + pass * 9 + tag]`.
   * @param passes One or two passes (the second's slots at 9).
   * @param allowed `allowed(previous, next)`: whether a transition is possible (-1 = start).
   */
  constructor(table: Int16Array, passes: readonly NerPass[], allowed: (previous: number, next: number) => boolean) {
    if (passes.length < 1 || passes.length > 2) throw new RangeError(`the NER kernel takes 1 or 2 passes, not ${passes.length}`);
    if (table.length % (2 * tagCount) !== 0) throw new RangeError(`a packed table has rows of ${2 * tagCount} weights`);
    for (const pass of passes) {
      if (pass.transition.length !== (tagCount + 1) * tagCount) throw new RangeError(`a pass needs ${(tagCount + 1) * tagCount} transitions, not ${pass.transition.length}`);
    }
    compiled ??= new WebAssembly.Module(Buffer.from(nerTaggerWasm, 'base64'));
    this.#exports = new WebAssembly.Instance(compiled, {}).exports as unknown as Exports;
    this.#scales = passes.map((pass) => pass.scale);
    const tableBytes = table.length * 2;
    let offset = align(tableBytes, 16);
    for (let index = 0; index < passes.length; index++) {
      this.#transitions.push(offset);
      offset += 10 * 10 * Float64Array.BYTES_PER_ELEMENT;
    }
    this.#sumsAt = offset;
    this.#workStart = this.#sumsAt + 4 * slotCells * slotCount;
    this.#grow(this.#workStart);
    const memory = this.#exports.memory.buffer;
    new Int16Array(memory, 0, table.length).set(table);
    for (let index = 0; index < passes.length; index++) {
      const pass = passes[index]!;
      // Rows of 10 (previous tags 0..8, then the start), -Infinity where forbidden and in column 9.
      const transitions = new Float64Array(memory, this.#transitions[index]!, 10 * 10).fill(-Infinity);
      for (let previous = 0; previous <= tagCount; previous++) {
        for (let next = 0; next < tagCount; next++) {
          if (allowed(previous === tagCount ? -1 : previous, next)) transitions[previous * 10 + next] = pass.transition[previous * tagCount + next]!;
        }
      }
    }
  }

  /** Bytes of WebAssembly memory this kernel holds. */
  get memoryBytes(): number {
    return this.#exports.memory.buffer.byteLength;
  }

  #grow(bytes: number): void {
    growMemoryTo(this.#exports.memory, bytes);
  }

  /**
   * Starts a document of `tokenCount` tokens in `sentenceCount` sentences with `rowCount` static
   * rows: score buffers for both passes, to fill (or have {@link staticScores} fill) before
   * {@link decode}. Null when the document is longer than {@link largestDocument}.
   */
  begin(tokenCount: number, sentenceCount = 0, rowCount = 0): DocumentScores | null {
    if (tokenCount > NerViterbiKernel.largestDocument) return null;
    if (tokenCount > this.#tokenCapacity || sentenceCount > this.#sentenceCapacity || rowCount > this.#rowCapacity) {
      const tokens = Math.max(tokenCount, 1024, tokenCount > this.#tokenCapacity ? 2 * this.#tokenCapacity : this.#tokenCapacity);
      const sentences = Math.max(sentenceCount, 256, sentenceCount > this.#sentenceCapacity ? 2 * this.#sentenceCapacity : this.#sentenceCapacity);
      const rows = Math.max(rowCount, 16 * tokens, rowCount > this.#rowCapacity ? 2 * this.#rowCapacity : this.#rowCapacity);
      this.#firstAt = this.#workStart;
      this.#secondAt = align(this.#firstAt + 8 * tagCount * tokens, 16);
      this.#backAt = align(this.#secondAt + 8 * tagCount * tokens, 16);
      this.#previousAt = this.#backAt + 16 * tokens;
      this.#outAt = this.#previousAt + 80;
      this.#startsAt = align(this.#outAt + 4 * tokens, 16);
      this.#rowsAt = align(this.#startsAt + 4 * (tokens + 1), 16);
      this.#slotsAt = align(this.#rowsAt + 4 * extraRowsPerToken * tokens, 16);
      this.#rowStartsAt = align(this.#slotsAt + 4 * tokens, 16);
      this.#sentenceStartsAt = align(this.#rowStartsAt + 4 * (tokens + 1), 16);
      this.#staticRowsAt = align(this.#sentenceStartsAt + 4 * (sentences + 1), 16);
      this.#grow(this.#staticRowsAt + 4 * rows);
      this.#tokenCapacity = tokens;
      this.#sentenceCapacity = sentences;
      this.#rowCapacity = rows;
      this.#starts = new Int32Array(0);
    }
    // Views made after any growth (growing detaches the old ones) or a new layout.
    const memory = this.#exports.memory.buffer;
    if (this.#starts.buffer !== memory) {
      this.#starts = new Int32Array(memory, this.#startsAt, this.#tokenCapacity + 1);
      this.#rows = new Int32Array(memory, this.#rowsAt, extraRowsPerToken * this.#tokenCapacity);
      this.#out = new Int32Array(memory, this.#outAt, this.#tokenCapacity);
      this.#sums = new Int32Array(memory, this.#sumsAt, slotCells * slotCount);
      this.#slots = new Int32Array(memory, this.#slotsAt, this.#tokenCapacity);
      this.#rowStarts = new Int32Array(memory, this.#rowStartsAt, this.#tokenCapacity + 1);
      this.#sentenceStarts = new Int32Array(memory, this.#sentenceStartsAt, this.#sentenceCapacity + 1);
      this.#staticRows = new Int32Array(memory, this.#staticRowsAt, this.#rowCapacity);
    }
    this.#document++;
    return {
      first: new Float64Array(memory, this.#firstAt, tagCount * tokenCount),
      second: new Float64Array(memory, this.#secondAt, tagCount * tokenCount),
    };
  }

  /**
   * The cache slot holding `entry`'s sums, summed by `sum` when it holds none: slots are reused in
   * turn, skipping those the current document uses.
   */
  #slotOf<Entry extends CachedEntry>(entry: Entry, sum: GroupSummer<Entry>): number {
    let slot = entry.sumsSlot;
    if (slot >= 0 && this.#owners[slot] === entry.serial) {
      this.#used[slot] = this.#document;
      return slot;
    }
    // A document has at most half as many entries as there are slots: one is free within that many steps.
    do {
      slot = this.#cursor;
      this.#cursor = (this.#cursor + 1) & (slotCount - 1);
    } while (this.#used[slot] === this.#document);
    this.#owners[slot] = entry.serial;
    this.#used[slot] = this.#document;
    entry.sumsSlot = slot;
    sum(entry, this.#sums, slot * slotCells);
    return slot;
  }

  /**
   * Fills the score buffers of the document {@link begin} started (`sentences` in order, as many
   * tokens, sentences and rows as announced there) with both passes' static scores: per token the
   * cached group sums of its own entry and its neighbours' (`before` and `after` outside the
   * sentence), plus its rows.
   */
  staticScores<Entry extends CachedEntry>(sentences: readonly StaticSentence<Entry>[], before: Entry, after: Entry, sum: GroupSummer<Entry>): void {
    const slots = this.#slots;
    const rowStarts = this.#rowStarts;
    const sentenceStarts = this.#sentenceStarts;
    const staticRows = this.#staticRows;
    let token = 0;
    let rowOffset = 0;
    for (let index = 0; index < sentences.length; index++) {
      const { length, starts, rows, entries } = sentences[index]!;
      sentenceStarts[index] = token;
      const rowCount = starts[length]!;
      staticRows.set(rows.length === rowCount ? rows : rows.subarray(0, rowCount), rowOffset);
      for (let at = 0; at < length; at++) {
        slots[token] = this.#slotOf(entries[at]!, sum);
        rowStarts[token++] = rowOffset + starts[at]!;
      }
      rowOffset += rowCount;
    }
    sentenceStarts[sentences.length] = token;
    rowStarts[token] = rowOffset;
    const beforeSlot = this.#slotOf(before, sum);
    const afterSlot = this.#slotOf(after, sum);
    this.#exports.staticScores(
      0,
      this.#sumsAt,
      this.#slotsAt,
      this.#sentenceStartsAt,
      sentences.length,
      this.#rowStartsAt,
      this.#staticRowsAt,
      beforeSlot,
      afterSlot,
      this.#scales[0]!,
      this.#scales[1] ?? 0,
      this.#firstAt,
      this.#secondAt,
    );
  }

  /**
   * Decodes one sentence with pass `pass`: `scores` (a view into one of {@link begin}'s buffers)
   * plus the weights of `extra`'s rows. Writes the tags into `tags` and returns true; false (and
   * nothing written) when `scores` is not in this kernel's memory or `extra` does not fit.
   */
  decode(pass: number, scores: Float64Array, extra: FlatRows, tags: Int32Array): boolean {
    const memory = this.#exports.memory.buffer;
    const length = extra.length;
    if (scores.buffer !== memory || scores.length < length * tagCount || pass >= this.#scales.length) return false;
    const count = extra.starts[length]!;
    if (length > this.#tokenCapacity || count > this.#rows.length) return false;
    // Loops, not set(subarray(…)): a sentence's few rows cost less than two views.
    const starts = this.#starts;
    const rows = this.#rows;
    for (let index = 0; index <= length; index++) starts[index] = extra.starts[index]!;
    for (let index = 0; index < count; index++) rows[index] = extra.rows[index]!;
    this.#exports.decodeSentence(
      0,
      pass * tagCount * 2,
      this.#scales[pass]!,
      this.#transitions[pass]!,
      scores.byteOffset,
      length,
      this.#startsAt,
      this.#rowsAt,
      this.#backAt,
      this.#previousAt,
      this.#outAt,
    );
    const out = this.#out;
    for (let index = 0; index < length; index++) tags[index] = out[index]!;
    return true;
  }
}
