/**
 * WebAssembly Viterbi for first-order linear taggers with 8-bit weight rows (the quotes tagger):
 * the emission sums run four to eight lanes at a time (SIMD), which the JavaScript loop cannot.
 * One kernel holds the weights of one model (copied into its own memory once) and a work area
 * that grows with the longest document; it is not shared between threads, and a call never
 * yields, so one kernel serves one pipeline. The AssemblyScript source is
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
  decodeInt8(table: number, transition: number, tagCount: number, rows: number, stride: number, length: number, work: number, out: number): void;
}

let compiled: WebAssembly.Module | null = null;

function align(offset: number, to: number): number {
  return Math.ceil(offset / to) * to;
}

/** Viterbi decoding of int8-row passes in WebAssembly. */
export class Int8ViterbiKernel {
  readonly #exports: Exports;
  readonly #tagCount: number;
  readonly #passes: { table: number; transition: number }[] = [];
  /** Start of the per-document area (rows, then work, then tags). */
  readonly #workStart: number;
  #rowCapacity = 0;
  #tokenCapacity = 0;
  #rowsAt = 0;
  #workAt = 0;
  #outAt = 0;

  constructor(passes: readonly Int8Pass[], tagCount: number) {
    if (tagCount < 1 || tagCount > 8) throw new RangeError(`an int8 tagger kernel takes 1 to 8 tags, not ${tagCount}`);
    compiled ??= new WebAssembly.Module(Buffer.from(linearTaggerWasm, 'base64'));
    this.#exports = new WebAssembly.Instance(compiled, {}).exports as unknown as Exports;
    this.#tagCount = tagCount;
    let offset = 0;
    const layout = passes.map((pass) => {
      if (pass.transition.length !== (tagCount + 1) * tagCount) throw new RangeError(`a pass needs ${(tagCount + 1) * tagCount} transitions, not ${pass.transition.length}`);
      const table = offset;
      offset = align(offset + pass.emission.length, 8);
      const transition = offset;
      offset += pass.transition.byteLength;
      return { table, transition };
    });
    this.#workStart = align(offset, 16);
    this.#grow(this.#workStart);
    const memory = this.#exports.memory.buffer;
    passes.forEach((pass, index) => {
      const { table, transition } = layout[index]!;
      new Int8Array(memory, table, pass.emission.length).set(pass.emission);
      new Float64Array(memory, transition, pass.transition.length).set(pass.transition);
      this.#passes.push({ table, transition });
    });
  }

  #grow(bytes: number): void {
    const memory = this.#exports.memory;
    const missing = bytes - memory.buffer.byteLength;
    if (missing > 0) memory.grow(Math.ceil(missing / 65536));
  }

  /** Makes room for `rowCount` row indices and `tokenCount` tokens. */
  #reserve(rowCount: number, tokenCount: number): void {
    if (rowCount <= this.#rowCapacity && tokenCount <= this.#tokenCapacity) return;
    this.#rowCapacity = Math.max(rowCount, this.#rowCapacity);
    this.#tokenCapacity = Math.max(tokenCount, this.#tokenCapacity);
    this.#rowsAt = this.#workStart;
    this.#workAt = align(this.#rowsAt + 4 * this.#rowCapacity, 16);
    this.#outAt = align(this.#workAt + 144 + 8 * this.#tokenCapacity, 16);
    this.#grow(this.#outAt + this.#tokenCapacity);
  }

  /**
   * Tags the given sequences (half-open token ranges) of one document with pass `pass`: `rows`
   * holds `stride` row indices per token; the best tags are written into `out` (per token).
   */
  decode(pass: number, rows: Int32Array, stride: number, sequences: readonly { readonly first: number; readonly end: number }[], out: Uint8Array): void {
    const weights = this.#passes[pass];
    if (!weights) throw new RangeError(`the kernel has no pass ${pass}`);
    const tokenCount = out.length;
    this.#reserve(rows.length, tokenCount);
    const memory = this.#exports.memory.buffer;
    const rowArea = new Int32Array(memory, this.#rowsAt, rows.length);
    new Uint8Array(memory, this.#outAt, tokenCount).fill(0);
    for (const { first, end } of sequences) {
      if (end <= first) continue;
      rowArea.set(rows.subarray(first * stride, end * stride), first * stride);
      this.#exports.decodeInt8(weights.table, weights.transition, this.#tagCount, this.#rowsAt + 4 * first * stride, stride, end - first, this.#workAt, this.#outAt + first);
    }
    out.set(new Uint8Array(memory, this.#outAt, tokenCount));
  }
}
