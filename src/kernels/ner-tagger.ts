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

/** Viterbi decoding of the NER tagger's passes in WebAssembly. */
export class NerViterbiKernel {
  readonly #exports: Exports;
  readonly #scales: number[];
  readonly #transitions: number[] = [];
  readonly #workStart: number;
  #tokenCapacity = 0;
  #firstAt = 0;
  #secondAt = 0;
  #backAt = 0;
  #previousAt = 0;
  #outAt = 0;
  #startsAt = 0;
  #rowsAt = 0;
  #starts = new Int32Array(0);
  #rows = new Int32Array(0);
  #out = new Int32Array(0);

  /**
   * Documents longer than this many tokens are decoded in JavaScript: WebAssembly memory never
   * shrinks, and one outsized article would keep its buffers (about 250 bytes a token) for good.
   */
  static readonly largestDocument = 1 << 16;

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
    this.#workStart = offset;
    this.#grow(this.#workStart);
    const memory = this.#exports.memory.buffer;
    new Int16Array(memory, 0, table.length).set(table);
    passes.forEach((pass, index) => {
      // Rows of 10 (previous tags 0..8, then the start), -Infinity where forbidden and in column 9.
      const transitions = new Float64Array(memory, this.#transitions[index]!, 10 * 10).fill(-Infinity);
      for (let previous = 0; previous <= tagCount; previous++) {
        for (let next = 0; next < tagCount; next++) {
          if (allowed(previous === tagCount ? -1 : previous, next)) transitions[previous * 10 + next] = pass.transition[previous * tagCount + next]!;
        }
      }
    });
  }

  /** Bytes of WebAssembly memory this kernel holds. */
  get memoryBytes(): number {
    return this.#exports.memory.buffer.byteLength;
  }

  #grow(bytes: number): void {
    const memory = this.#exports.memory;
    const missing = bytes - memory.buffer.byteLength;
    if (missing > 0) memory.grow(Math.ceil(missing / 65536));
  }

  /**
   * Starts a document of `tokenCount` tokens: score buffers for both passes, to fill with the
   * static scores before {@link decode}. Null when the document is longer than {@link largestDocument}.
   */
  begin(tokenCount: number): DocumentScores | null {
    if (tokenCount > NerViterbiKernel.largestDocument) return null;
    if (tokenCount > this.#tokenCapacity) {
      const capacity = Math.max(tokenCount, 1024, 2 * this.#tokenCapacity);
      this.#firstAt = this.#workStart;
      this.#secondAt = align(this.#firstAt + 8 * tagCount * capacity, 16);
      this.#backAt = align(this.#secondAt + 8 * tagCount * capacity, 16);
      this.#previousAt = this.#backAt + 16 * capacity;
      this.#outAt = this.#previousAt + 80;
      this.#startsAt = align(this.#outAt + 4 * capacity, 16);
      this.#rowsAt = align(this.#startsAt + 4 * (capacity + 1), 16);
      this.#grow(this.#rowsAt + 4 * extraRowsPerToken * capacity);
      this.#tokenCapacity = capacity;
    }
    // Views made after any growth (growing detaches the old ones).
    const memory = this.#exports.memory.buffer;
    if (this.#starts.buffer !== memory) {
      this.#starts = new Int32Array(memory, this.#startsAt, this.#tokenCapacity + 1);
      this.#rows = new Int32Array(memory, this.#rowsAt, extraRowsPerToken * this.#tokenCapacity);
      this.#out = new Int32Array(memory, this.#outAt, this.#tokenCapacity);
    }
    return {
      first: new Float64Array(memory, this.#firstAt, tagCount * tokenCount),
      second: new Float64Array(memory, this.#secondAt, tagCount * tokenCount),
    };
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
