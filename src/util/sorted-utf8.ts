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

/**
 * A finder over `count` sorted entries, entry `i` being `bytes[startOf(i), endOf(i))`: it returns
 * the entry index of a key, or -1.
 */
export function sortedUtf8Finder(bytes: Uint8Array, count: number, startOf: (index: number) => number, endOf: (index: number) => number): (key: string) => number {
  const encoder = new TextEncoder();
  let encoded = new Uint8Array(256);
  return (key) => {
    if (key.length * 3 > encoded.length) encoded = new Uint8Array(key.length * 3);
    const length = encoder.encodeInto(key, encoded).written;
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
