/**
 * Lookup of a key among sorted UTF-8 byte ranges (a model file kept as its bytes): the word-cluster
 * table and the gazetteer index binary-search their lines this way instead of building maps of
 * strings. Files are sorted by UTF-16 code units, which is byte order for every key without
 * characters beyond the Basic Multilingual Plane.
 */

/** Compares the first `length` bytes of `key` with `bytes[start, end)`. */
function compare(key: Uint8Array, length: number, bytes: Uint8Array, start: number, end: number): number {
  const shorter = Math.min(end - start, length);
  for (let offset = 0; offset < shorter; offset++) {
    const difference = key[offset]! - bytes[start + offset]!;
    if (difference !== 0) return difference;
  }
  return length - (end - start);
}

/** FNV-1a over `bytes[start, end)`, its low bits mixed (the slot is taken from them). */
function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let offset = start; offset < end; offset++) hash = Math.imul(hash ^ bytes[offset]!, 0x01000193);
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  return hash ^ (hash >>> 13);
}

/** Whether `bytes[start, end)` and `bytes[otherStart, otherEnd)` hold the same bytes. */
function sameBytes(bytes: Uint8Array, start: number, end: number, otherStart: number, otherEnd: number): boolean {
  if (end - start !== otherEnd - otherStart) return false;
  for (let offset = 0; offset < end - start; offset++) if (bytes[start + offset] !== bytes[otherStart + offset]) return false;
  return true;
}

/**
 * Slots of an open-addressing index over the entries (entry `i` stored as `i + 1`, 0 empty), or
 * null when two entries are the same bytes (the binary search then decides which one a key finds,
 * as it always did).
 */
function buildIndex(bytes: Uint8Array, count: number, startOf: (index: number) => number, endOf: (index: number) => number): Int32Array | null {
  let slotCount = 16;
  while (slotCount < count * 2) slotCount *= 2;
  const slots = new Int32Array(slotCount);
  const mask = slotCount - 1;
  for (let index = 0; index < count; index++) {
    const start = startOf(index);
    const end = endOf(index);
    let slot = hashBytes(bytes, start, end) & mask;
    for (let other = slots[slot]!; other !== 0; other = slots[slot]!) {
      if (sameBytes(bytes, start, end, startOf(other - 1), endOf(other - 1))) return null;
      slot = (slot + 1) & mask;
    }
    slots[slot] = index + 1;
  }
  return slots;
}

/**
 * A finder over `count` sorted entries, entry `i` being `bytes[startOf(i), endOf(i))`: it returns
 * the entry index of a key, or -1, by binary search, or with `hashed` through a hash index over the
 * entries that the first lookup builds (4 bytes a slot, twice as many slots as entries). For the
 * 341,479 words of the cluster table (4 MB, ~50 ms to build a thread) that took a lookup inside
 * the pipeline from 4.9 to 2.4 µs: the binary search reads ~19 entries scattered over 30 MB,
 * cache misses once the rest of the pipeline has run, and the entity tagger looks up every word
 * it has not seen before (~130 ms saved over the 1,650 shared articles). The places gazetteer,
 * whose recent answers are cached and whose index would take 48 ms a thread to build, measured
 * no faster with one.
 */
export function sortedUtf8Finder(bytes: Uint8Array, count: number, startOf: (index: number) => number, endOf: (index: number) => number, hashed = false): (key: string) => number {
  const encoder = new TextEncoder();
  let encoded = new Uint8Array(256);
  // Built on the first lookup (undefined until then); null: no index (not asked for, or entries repeat).
  let slots: Int32Array | null | undefined = hashed ? undefined : null;
  return (key) => {
    if (key.length * 3 > encoded.length) encoded = new Uint8Array(key.length * 3);
    const length = encoder.encodeInto(key, encoded).written;
    if (slots === undefined) slots = buildIndex(bytes, count, startOf, endOf);
    if (slots !== null) {
      const mask = slots.length - 1;
      let slot = hashBytes(encoded, 0, length) & mask;
      for (let id = slots[slot]!; id !== 0; id = slots[slot]!) {
        if (compare(encoded, length, bytes, startOf(id - 1), endOf(id - 1)) === 0) return id - 1;
        slot = (slot + 1) & mask;
      }
      return -1;
    }
    let low = 0;
    let high = count - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const comparison = compare(encoded, length, bytes, startOf(middle), endOf(middle));
      if (comparison === 0) return middle;
      if (comparison < 0) high = middle - 1;
      else low = middle + 1;
    }
    return -1;
  };
}
