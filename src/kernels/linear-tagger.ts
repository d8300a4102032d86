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
}

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
  /** Start of the per-document area: partial sums, work, tags, then row indices (last, so that growing it keeps the rest). */
  readonly #workStart: number;
  #rowCapacity = 0;
  #tokenCapacity = 0;
  #partialAt = 0;
  #workAt = 0;
  #outAt = 0;
  #rowsAt = 0;

  /**
   * Documents longer than this many tokens are best decoded by a copy of the kernel
   * (`new Int8ViterbiKernel(kernel, tagCount)`): WebAssembly memory never shrinks, so one outsized
   * article (the input cap allows 10 MB, some 2 million tokens: hundreds of MB of work area) would
   * otherwise stay in the thread's memory for the rest of the batch.
   */
  static readonly largeDocumentTokens = 1 << 16;

  /** A kernel for the given passes, or a fresh copy of another kernel's weights (its own memory). */
  constructor(passes: readonly Int8Pass[] | Int8ViterbiKernel, tagCount: number) {
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
    this.#workStart = align(offset, 16);
    this.#grow(this.#workStart);
    const memory = this.#exports.memory.buffer;
    const table = new Int8Array(memory, 0, tableBytes);
    passes.forEach((pass, index) => {
      const { emission } = pass;
      for (let row = 0; row < rowCount; row++) table.set(emission.subarray(row * 8, row * 8 + 8), row * this.#rowBytes + index * 8);
      const transitions = new Float64Array(memory, this.#transitions[index]!, 9 * 8).fill(-Infinity);
      for (let previous = 0; previous < tagCount; previous++) transitions.set(pass.transition.subarray(previous * tagCount, (previous + 1) * tagCount), previous * 8);
      transitions.set(pass.transition.subarray(tagCount * tagCount, (tagCount + 1) * tagCount), 8 * 8);
    });
  }

  /** Bytes of WebAssembly memory this kernel holds (weights and work area). */
  get memoryBytes(): number {
    return this.#exports.memory.buffer.byteLength;
  }

  #grow(bytes: number): void {
    const memory = this.#exports.memory;
    const missing = bytes - memory.buffer.byteLength;
    if (missing > 0) memory.grow(Math.ceil(missing / 65536));
  }

  /** Makes room for `rowCount` row indices and `tokenCount` tokens. */
  #reserve(rowCount: number, tokenCount: number): void {
    if (rowCount <= this.#rowCapacity && tokenCount <= this.#tokenCapacity) return;
    if (tokenCount > this.#tokenCapacity) {
      this.#tokenCapacity = tokenCount;
      this.#partialAt = this.#workStart;
      this.#workAt = align(this.#partialAt + 16 * tokenCount, 16);
      this.#outAt = align(this.#workAt + 144 + 8 * tokenCount, 16);
      this.#rowsAt = align(this.#outAt + tokenCount, 16);
    }
    this.#rowCapacity = Math.max(rowCount, this.#rowCapacity);
    this.#grow(this.#rowsAt + 4 * this.#rowCapacity);
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
    for (const { first, end } of sequences) {
      if (end <= first) continue;
      rowArea.set(rows.subarray(first * stride, end * stride), first * stride);
      this.#exports.decodeInt8(
        0,
        this.#rowBytes,
        pass * 8,
        this.#transitions[pass]!,
        this.#tagCount,
        this.#rowsAt + 4 * first * stride,
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
