/**
 * `npm run bench -- summary`: ROUGE-1/2/Lsum F1 (rouge-score conventions, Porter stemming) of Lede's
 * summaries and of Lead-3 on the CNN/DM dev files in `../shared/data/summarization-cnndm`:
 * `cnndm-frank-dev.jsonl` (raw articles, normalised and split by Lede's own stages) and `cnndm-realsumm-dev.jsonl`
 * (tokenised articles, split on sentence-final tokens). Lead-3 uses the same sentences as Lede.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sharedDataDir, type BenchResult, type BenchRow } from './harness.js';
import { normalizeText } from '../src/stages/normalize/normalize.js';
import { segment } from '../src/stages/segment/segment.js';
import { rougeScores } from '../src/stages/summary/rouge.js';
import { loadSummaryModel, summarize, type SummarySentence } from '../src/stages/summary/summarize.js';
import { splitTokenizedSentences } from '../src/stages/summary/tokenized-text.js';

interface DevArticle {
  readonly text: string;
  readonly sentences: SummarySentence[];
  /** Reference highlights, one per line. */
  readonly reference: string;
}

/** The highlights are stored joined by ` . `; ROUGE-Lsum needs one per line. */
function referenceLines(reference: string): string {
  return reference.split(/ \.(?: |$)/).map((line) => line.trim()).filter((line) => line.length > 0).join('\n');
}

function readJsonl(path: string): Record<string, unknown>[] {
  return readFileSync(path, 'utf8').split('\n').filter((line) => line.trim()).map((line) => JSON.parse(line) as Record<string, unknown>);
}

function loadDev(name: 'frank' | 'realsumm'): DevArticle[] {
  const directory = join(sharedDataDir(), 'summarization-cnndm');
  if (name === 'frank') {
    return readJsonl(join(directory, 'cnndm-frank-dev.jsonl')).map((record) => {
      // The pipeline's own normalisation first (it takes off the `(CNN)` dateline), as `lede summarize` does.
      const text = normalizeText(String(record['article'])).text;
      return { text, sentences: segment(text).sentences, reference: referenceLines(String(record['reference'])) };
    });
  }
  return readJsonl(join(directory, 'cnndm-realsumm-dev.jsonl')).map((record) => {
    const text = String(record['article_tokenized']);
    const sentences = splitTokenizedSentences(text).map((span, index) => ({ ...span, id: `s${index}`, paragraph: 'p0' }));
    return { text, sentences, reference: referenceLines(String(record['reference'])) };
  });
}

interface Totals { one: number; two: number; lsum: number; words: number }

function add(totals: Totals, candidate: string, reference: string): void {
  const scores = rougeScores(candidate, reference);
  totals.one += scores.rouge1.f1;
  totals.two += scores.rouge2.f1;
  totals.lsum += scores.rougeLsum.f1;
  totals.words += candidate.split(/\s+/).filter((word) => /[A-Za-z0-9]/.test(word)).length;
}

function row(system: string, totals: Totals, count: number, milliseconds?: number, cpuMilliseconds?: number): BenchRow {
  return {
    system,
    metrics: {
      'ROUGE-1': (100 * totals.one) / count,
      'ROUGE-2': (100 * totals.two) / count,
      'ROUGE-Lsum': (100 * totals.lsum) / count,
      'words/summary': Math.round((10 * totals.words) / count) / 10,
      'ms/article': milliseconds === undefined ? '' : Number(milliseconds.toFixed(3)),
      'cpu ms/article': cpuMilliseconds === undefined ? '' : Number(cpuMilliseconds.toFixed(3)),
    },
  };
}

/** Runs the benchmark; `--set frank|realsumm` limits it to one dev file. */
export async function run(args: string[]): Promise<BenchResult> {
  const setIndex = args.indexOf('--set');
  const sets = setIndex >= 0 ? [args[setIndex + 1] as 'frank' | 'realsumm'] : (['frank', 'realsumm'] as const);
  const model = loadSummaryModel();
  const rows: BenchRow[] = [];
  for (const set of sets) {
    const articles = loadDev(set);
    const lede: Totals = { one: 0, two: 0, lsum: 0, words: 0 };
    const lead: Totals = { one: 0, two: 0, lsum: 0, words: 0 };
    for (const article of articles) {
      const items = summarize(article.text, article.sentences, {}, { model });
      add(lede, items.map((item) => article.text.slice(item.start, item.end)).join('\n'), article.reference);
      add(lead, article.sentences.slice(0, 3).map((sentence) => article.text.slice(sentence.start, sentence.end)).join('\n'), article.reference);
    }
    // Timing: the fastest of five passes over the set (the machine is shared; the first passes warm the JIT).
    let elapsed = Number.POSITIVE_INFINITY;
    let cpu = Number.POSITIVE_INFINITY;
    for (let pass = 0; pass < 5; pass += 1) {
      const started = performance.now();
      const cpuStarted = process.cpuUsage();
      for (const article of articles) summarize(article.text, article.sentences, {}, { model });
      const cpuUsed = process.cpuUsage(cpuStarted);
      elapsed = Math.min(elapsed, performance.now() - started);
      cpu = Math.min(cpu, (cpuUsed.user + cpuUsed.system) / 1000);
    }
    const label = set === 'frank' ? 'frank-dev' : 'realsumm-dev';
    rows.push(row(`Lede (${label})`, lede, articles.length, elapsed / articles.length, cpu / articles.length));
    rows.push(row(`Lead-3 (${label})`, lead, articles.length));
  }
  return {
    task: 'summary',
    dataset: 'CNN/DM dev: cnndm-frank-dev (150 raw) and cnndm-realsumm-dev (98 tokenised)',
    rows,
    notes: [
      'F1 × 100, rouge-score conventions (lower-case, [a-z0-9] tokens, Porter stemming for tokens over 3 characters; Lsum over newline-split sentences, references split at " . ").',
      'Lead-3 takes the first three sentences of the same segmentation Lede uses; ms/article times summarize() alone (features, scoring, choice; model loaded once), fastest of five passes; cpu ms/article is the process CPU time of the cheapest pass (the 2-core machine is shared, so wall time swings with other jobs).',
    ],
  };
}
