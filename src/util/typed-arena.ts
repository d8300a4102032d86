/**
 * Zeroed typed arrays carved from one reused buffer: a stage that needs a few dozen per-token
 * arrays for every document takes them from an arena reset per document instead of allocating
 * them (each a separately tracked backing store for V8 to collect). Views stay valid until the
 * next {@link TypedArena.reset}; a round that outgrows the buffer gets fresh memory for the rest,
 * and the next round a buffer that size, up to {@link TypedArena.largest} bytes (one huge
 * document does not pin its memory).
 */
export class TypedArena {
  /** Largest buffer kept between rounds. */
  static readonly largest = 8 << 20;
  #buffer: ArrayBuffer;
  #used = 0;
  #round = 0;

  constructor(initialBytes = 1 << 16) {
    this.#buffer = new ArrayBuffer(initialBytes);
  }

  /** Starts a round: every view handed out before may now be overwritten. */
  reset(): void {
    if (this.#round > this.#buffer.byteLength && this.#round <= TypedArena.largest) this.#buffer = new ArrayBuffer(Math.ceil((this.#round * 1.25) / 4096) * 4096);
    this.#used = 0;
    this.#round = 0;
  }

  #take(bytes: number): [ArrayBuffer, number] {
    const size = Math.ceil(bytes / 8) * 8;
    this.#round += size;
    if (this.#used + size > this.#buffer.byteLength) return [new ArrayBuffer(size), 0];
    const offset = this.#used;
    this.#used += size;
    new Uint8Array(this.#buffer, offset, size).fill(0);
    return [this.#buffer, offset];
  }

  int32(length: number): Int32Array {
    const [buffer, offset] = this.#take(length * 4);
    return new Int32Array(buffer, offset, length);
  }

  uint16(length: number): Uint16Array {
    const [buffer, offset] = this.#take(length * 2);
    return new Uint16Array(buffer, offset, length);
  }

  uint8(length: number): Uint8Array {
    const [buffer, offset] = this.#take(length);
    return new Uint8Array(buffer, offset, length);
  }
}

/** Fresh zeroed arrays with the arena's interface (for callers that keep the arrays). */
export const freshArrays: Pick<TypedArena, 'int32' | 'uint16' | 'uint8'> = {
  int32: (length) => new Int32Array(length),
  uint16: (length) => new Uint16Array(length),
  uint8: (length) => new Uint8Array(length),
};
