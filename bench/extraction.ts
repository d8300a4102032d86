/**
 * `npm run bench -- extraction`: article-body extraction on the Zyte article-extraction-benchmark
 * dev pages (`../shared/data/article-extraction`), scored with that benchmark's metric,
 * re-implemented here from its definition:
 *
 * - text → tokens: every maximal run of word characters (Unicode letters, numbers, `_`);
 * - tokens → 4-word shingles, counted as a multiset (a text of 1–3 tokens is one shingle);
 * - per page: TP/FP/FN of the shingle multisets, each divided by TP+FP+FN so that long pages do
 *   not weigh more;
 * - precision = mean of per-page precision over pages with a prediction (TP+FP > 0), recall = mean
 *   of per-page recall over pages with a truth (TP+FN > 0), both 1 when FP = FN = 0;
 *   F1 = harmonic mean of those two means (not the mean of per-page F1);
 * - accuracy = share of pages whose predicted token sequence equals the truth's exactly.
 *
 * Rows: Lede (`extractHtml`) and plain Readability (`textContent` of `@mozilla/readability` over
 * `linkedom`, no post-processing), measured in the same run, each with pages per second.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { extractHtml } from '../src/stages/ingest/html.js';
import { sharedDataDir, type BenchResult, type BenchRow } from './harness.js';

/** Shingle counts of one page: true positives, false positives, false negatives. */
export interface ShingleCounts {
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly falseNegatives: number;
}

/** The benchmark's scores over a set of pages. */
export interface ExtractionScores {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly accuracy: number;
}

// Python's `\w` under re.UNICODE: characters for which str.isalnum() holds (letter and number
// categories), plus the underscore. Combining marks are not word characters there either.
const WORD_PATTERN = /[\p{L}\p{N}_]+/gu;

/** Splits text into the benchmark's tokens: maximal runs of Unicode word characters. */
export function benchmarkTokens(text: string): string[] {
  return text.match(WORD_PATTERN) ?? [];
}

/** Multiset of 4-token shingles; 1–3 tokens make one short shingle, no tokens make none. */
export function shingles(text: string, size = 4): Map<string, number> {
  const tokens = benchmarkTokens(text);
  const counts = new Map<string, number>();
  const last = Math.max(1, tokens.length - size + 1);
  for (let index = 0; index < last; index += 1) {
    const window = tokens.slice(index, index + size);
    if (window.length === 0) continue;
    // U+0001 cannot occur inside a token, so joined shingles never collide.
    const key = window.join('\u0001');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Shingle TP/FP/FN of one prediction against its truth, normalised to sum to 1 (when not 0). */
export function matchShingles(truth: string, prediction: string): ShingleCounts {
  const truthShingles = shingles(truth);
  const predictedShingles = shingles(prediction);
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  for (const [key, truthCount] of truthShingles) {
    const predictedCount = predictedShingles.get(key) ?? 0;
    truePositives += Math.min(truthCount, predictedCount);
    falseNegatives += Math.max(0, truthCount - predictedCount);
  }
  for (const [key, predictedCount] of predictedShingles) {
    falsePositives += Math.max(0, predictedCount - (truthShingles.get(key) ?? 0));
  }
  const sum = truePositives + falsePositives + falseNegatives;
  if (sum === 0) return { truePositives, falsePositives, falseNegatives };
  return { truePositives: truePositives / sum, falsePositives: falsePositives / sum, falseNegatives: falseNegatives / sum };
}

function pagePrecision({ truePositives, falsePositives, falseNegatives }: ShingleCounts): number {
  if (falsePositives === 0 && falseNegatives === 0) return 1;
  if (truePositives === 0 && falsePositives === 0) return 0;
  return truePositives / (truePositives + falsePositives);
}

function pageRecall({ truePositives, falsePositives, falseNegatives }: ShingleCounts): number {
  if (falsePositives === 0 && falseNegatives === 0) return 1;
  if (truePositives === 0 && falseNegatives === 0) return 0;
  return truePositives / (truePositives + falseNegatives);
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** Scores predictions against truths (same order), as the benchmark aggregates them. */
export function scoreExtraction(truths: readonly string[], predictions: readonly string[]): ExtractionScores {
  const counts = truths.map((truth, index) => matchShingles(truth, predictions[index] ?? ''));
  const precision = mean(counts.filter((count) => count.truePositives + count.falsePositives > 0).map(pagePrecision));
  const recall = mean(counts.filter((count) => count.truePositives + count.falseNegatives > 0).map(pageRecall));
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const accuracy = mean(
    truths.map((truth, index) => (benchmarkTokens(truth).join(' ') === benchmarkTokens(predictions[index] ?? '').join(' ') ? 1 : 0)),
  );
  return { precision, recall, f1, accuracy };
}

/** One benchmark page: its HTML, URL and labelled article body. */
export interface ExtractionPage {
  readonly id: string;
  readonly url: string;
  readonly html: string;
  readonly truth: string;
}

/** Loads the dev pages and their ground truth from `../shared/data/article-extraction`. */
export function loadExtractionPages(): ExtractionPage[] {
  const folder = join(sharedDataDir(), 'article-extraction');
  const groundTruth = JSON.parse(readFileSync(join(folder, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody?: string; url?: string }>;
  return Object.entries(groundTruth).map(([id, item]) => ({
    id,
    url: item.url ?? '',
    html: readFileSync(join(folder, 'html', `${id}.html`), 'utf8'),
    truth: item.articleBody ?? '',
  }));
}

/** Plain Readability over linkedom: the peer row, with no post-processing. */
export function readabilityText(html: string): string {
  try {
    const { document } = parseHTML(html);
    const article = new Readability(document as unknown as Document).parse();
    return article?.textContent ?? '';
  } catch {
    return '';
  }
}

interface SystemRun {
  readonly predictions: string[];
  readonly pagesPerSecond: number;
}

/**
 * Runs the systems page by page, alternating which goes first, so that both see the same machine
 * load, garbage-collector state and warm code (the machine is shared; a system timed in one block
 * after the other is flattered or penalised by whatever else runs meanwhile).
 */
function runSystems(pages: readonly ExtractionPage[], systems: readonly ((page: ExtractionPage) => string)[]): SystemRun[] {
  for (const page of pages.slice(0, 10)) for (const extract of systems) extract(page);
  const predictions = systems.map(() => [] as string[]);
  const milliseconds = systems.map(() => 0);
  pages.forEach((page, pageIndex) => {
    for (let turn = 0; turn < systems.length; turn += 1) {
      const index = (turn + pageIndex) % systems.length;
      const extract = systems[index];
      if (!extract) continue;
      const started = performance.now();
      const text = extract(page);
      milliseconds[index] = (milliseconds[index] ?? 0) + performance.now() - started;
      predictions[index]?.push(text);
    }
  });
  return systems.map((_, index) => ({
    predictions: predictions[index] ?? [],
    pagesPerSecond: (pages.length * 1000) / Math.max(1e-9, milliseconds[index] ?? 0),
  }));
}

function row(system: string, scores: ExtractionScores, pagesPerSecond: number): BenchRow {
  return {
    system,
    metrics: { F1: scores.f1, precision: scores.precision, recall: scores.recall, accuracy: scores.accuracy, 'pages/s': pagesPerSecond },
  };
}

/** Runs the benchmark. `--per-page` prints each page's Lede and Readability F1 to stderr. */
export async function run(args: string[]): Promise<BenchResult> {
  const pages = loadExtractionPages();
  const truths = pages.map((page) => page.truth);
  const [lede, readability] = runSystems(pages, [(page) => extractHtml(page.html, { url: page.url }).text, (page) => readabilityText(page.html)]);
  if (!lede || !readability) throw new Error('extraction benchmark: a system produced no run');
  const ledeScores = scoreExtraction(truths, lede.predictions);
  const readabilityScores = scoreExtraction(truths, readability.predictions);
  if (args.includes('--per-page')) {
    pages.forEach((page, index) => {
      const mine = scoreExtraction([page.truth], [lede.predictions[index] ?? '']);
      const theirs = scoreExtraction([page.truth], [readability.predictions[index] ?? '']);
      process.stderr.write(
        `${page.id.slice(0, 10)} lede P ${mine.precision.toFixed(3)} R ${mine.recall.toFixed(3)} F ${mine.f1.toFixed(3)} | readability F ${theirs.f1.toFixed(3)} ${page.url}\n`,
      );
    });
  }
  return {
    task: 'extraction',
    dataset: `Zyte article-extraction-benchmark, ${pages.length} dev pages`,
    rows: [row('Lede', ledeScores, lede.pagesPerSecond), row('Readability (linkedom, textContent)', readabilityScores, readability.pagesPerSecond)],
    notes: [
      'Metric re-implemented from the benchmark: P/R of 4-word shingles per page (normalised), averaged over pages; F1 = harmonic mean of mean P and mean R; accuracy = exact token match.',
      'pages/s: extraction time only (HTML already in memory), one process, both systems timed page by page in alternating order after a 10-page warm-up.',
    ],
  };
}
