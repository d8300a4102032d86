/**
 * A fixed set of lower-case words with integer ids, looked up straight from a stretch of text:
 * `idOf(text, start, end)` is the id of `text.slice(start, end).toLowerCase()` without building
 * that string. The words live in one UTF-16 array and an open-addressing table of ids, a few
 * hundred kilobytes that stay in cache, where a `Map` of 30,000 strings costs several cache misses
 * a lookup plus two fresh strings a token (the quotes tagger spent 40 % of its feature time there).
 */

/** FNV-1a over UTF-16 code units. */
function hashUnits(units: ArrayLike<number>, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let index = start; index < end; index++) hash = Math.imul(hash ^ units[index]!, 0x01000193);
  return hash >>> 0;
}

/** The arrays of a {@link WordTable}, for code that looks words up the same way elsewhere (WebAssembly). */
export interface WordTableParts {
  /** The words' UTF-16 code units, one after another. */
  readonly units: Uint16Array;
  /** Start of word `id` in `units` at `id - 1`; its end at `id`. */
  readonly starts: Int32Array;
  /** Open addressing: the id in each slot (0 empty); a key's first slot is its FNV-1a hash (over its code units) masked to the slot count, a power of two, then the next ones. */
  readonly slots: Int32Array;
}

/** Lower-case words (id = index + 1) looked up from text without allocation. */
export class WordTable {
  readonly size: number;
  readonly #units: Uint16Array;
  /** Start of word `id` in `#units` at `id - 1`; its end at `id`. */
  readonly #starts: Int32Array;
  /** Id per slot, 0 empty. */
  readonly #slots: Int32Array;
  readonly #mask: number;
  /** Lower-cased code units of the key being looked up. */
  #key = new Uint16Array(64);

  /** Word `i` gets id `i + 1` (a repeated word, its last index plus one). */
  constructor(words: readonly string[]) {
    this.size = words.length;
    let total = 0;
    for (const word of words) total += word.length;
    this.#units = new Uint16Array(total);
    this.#starts = new Int32Array(words.length + 1);
    let offset = 0;
    words.forEach((word, index) => {
      this.#starts[index] = offset;
      for (let position = 0; position < word.length; position++) this.#units[offset++] = word.charCodeAt(position);
    });
    this.#starts[words.length] = offset;
    let slotCount = 16;
    while (slotCount < words.length * 2) slotCount *= 2;
    this.#slots = new Int32Array(slotCount);
    this.#mask = slotCount - 1;
    words.forEach((word, index) => {
      let slot = hashUnits(this.#units, this.#starts[index]!, this.#starts[index + 1]!) & this.#mask;
      // A repeated word keeps its last id, as a Map built from the same list would.
      while (this.#slots[slot] !== 0 && words[this.#slots[slot]! - 1] !== word) slot = (slot + 1) & this.#mask;
      this.#slots[slot] = index + 1;
    });
  }

  /** The table's arrays (not copies: read only). */
  get parts(): WordTableParts {
    return { units: this.#units, starts: this.#starts, slots: this.#slots };
  }

  /** Id of the lower-case form of `text[start, end)`, or 0. */
  idOf(text: string, start: number, end: number): number {
    const length = end - start;
    if (length <= 0) return 0;
    if (length > this.#key.length) this.#key = new Uint16Array(length * 2);
    const key = this.#key;
    for (let position = 0; position < length; position++) {
      let code = text.charCodeAt(start + position);
      if (code >= 0x41 && code <= 0x5a) code += 32;
      else if (code >= 0x80) return this.#idOfString(text.slice(start, end).toLowerCase());
      key[position] = code;
    }
    return this.#find(key, length);
  }

  /** Id of a word (lower-cased here), or 0. */
  idOfWord(word: string): number {
    return this.#idOfString(word.toLowerCase());
  }

  /** Id of a key exactly as given (no lower-casing: for tables of feature names), or 0. */
  idOfExact(key: string): number {
    return this.#idOfString(key);
  }

  /** The word with id `id` (1 to {@link WordTable.size}). */
  wordOf(id: number): string {
    if (id < 1 || id > this.size) throw new RangeError(`no word with id ${id} (1 to ${this.size})`);
    let word = '';
    for (let position = this.#starts[id - 1]!; position < this.#starts[id]!; position++) word += String.fromCharCode(this.#units[position]!);
    return word;
  }

  #idOfString(lower: string): number {
    if (lower.length > this.#key.length) this.#key = new Uint16Array(lower.length * 2);
    const key = this.#key;
    for (let position = 0; position < lower.length; position++) key[position] = lower.charCodeAt(position);
    return this.#find(key, lower.length);
  }

  #find(key: Uint16Array, length: number): number {
    const units = this.#units;
    const starts = this.#starts;
    let slot = hashUnits(key, 0, length) & this.#mask;
    for (;;) {
      const id = this.#slots[slot]!;
      if (id === 0) return 0;
      const wordStart = starts[id - 1]!;
      if (starts[id]! - wordStart === length) {
        let same = true;
        for (let position = 0; position < length; position++) {
          if (units[wordStart + position] !== key[position]) {
            same = false;
            break;
          }
        }
        if (same) return id;
      }
      slot = (slot + 1) & this.#mask;
    }
  }
}
