/**
 * Open-addressing hash table from feature keys (exact integers up to 2^53, stored as doubles) to
 * weight rows. A `Map<number, number>` with such keys boxes every lookup as a heap number; this
 * table keeps each key beside its row (one cache line per probe) and keeps tagging fast.
 */

/** Read-only key → row table. */
export class KeyTable {
  /** `[key, row]` pairs; row -1 marks an empty slot. */
  readonly #slots: Float64Array;
  readonly #mask: number;

  /** Builds the table for `keys` (row i has key `keys[i]`; keys must be distinct). */
  constructor(keys: Float64Array) {
    let capacity = 16;
    while (capacity < keys.length * 2) capacity *= 2;
    this.#slots = new Float64Array(capacity * 2);
    for (let slot = 0; slot < capacity; slot++) this.#slots[slot * 2 + 1] = -1;
    this.#mask = capacity - 1;
    for (let row = 0; row < keys.length; row++) {
      const key = keys[row]!;
      let slot = hashKey(key) & this.#mask;
      while (this.#slots[slot * 2 + 1]! >= 0) slot = (slot + 1) & this.#mask;
      this.#slots[slot * 2] = key;
      this.#slots[slot * 2 + 1] = row;
    }
  }

  /** Row of a key, or -1. */
  get(key: number): number {
    const slots = this.#slots;
    const mask = this.#mask;
    let slot = hashKey(key) & mask;
    for (;;) {
      const row = slots[slot * 2 + 1]!;
      if (row < 0) return -1;
      if (slots[slot * 2] === key) return row;
      slot = (slot + 1) & mask;
    }
  }
}

/** Mixes both 32-bit halves of an integer-valued double. */
function hashKey(key: number): number {
  const low = key >>> 0;
  const high = (key / 4294967296) | 0;
  let hash = Math.imul(low ^ Math.imul(high, 0x9e3779b1), 0x85ebca6b);
  hash ^= hash >>> 15;
  hash = Math.imul(hash, 0xc2b2ae35);
  return hash ^ (hash >>> 13);
}
