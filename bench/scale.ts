/**
 * `npm run bench -- scale`: batch throughput of the full pipeline with 1, 2 and N worker threads
 * over the shared articles repeated to at least 20,000 inputs (`--inputs N` to change), with the
 * process's peak RSS. The baseline row is the same batch analysed in the main thread (0 workers).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBatch } from '../src/cli/batch.js';
import { readInputs } from '../src/stages/ingest/inputs.js';
import { loadSharedArticles } from './articles.js';
import type { BenchResult, BenchRow } from './harness.js';

export async function run(args: string[]): Promise<BenchResult> {
  const inputsFlag = args.indexOf('--inputs');
  const target = inputsFlag >= 0 ? Number(args[inputsFlag + 1]) : 20_000;
  const articles = loadSharedArticles();
  const folder = mkdtempSync(join(tmpdir(), 'lede-scale-'));
  const input = join(folder, 'input.jsonl');
  const lines: string[] = [];
  for (let index = 0; lines.length < target; index++) {
    const article = articles[index % articles.length]!;
    lines.push(JSON.stringify({ ...article, id: `${index}` }));
  }
  writeFileSync(input, `${lines.join('\n')}\n`);
  lines.length = 0;
  const rows: BenchRow[] = [];
  const settings = [...new Set([0, 1, 2, cpus().length])];
  let oneWorker = 0;
  for (const workers of settings) {
    let peak = process.memoryUsage().rss;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 200);
    const summary = await runBatch(readInputs(input, 'jsonl'), { workers, offsets: 'text', output: join(folder, `out-${workers}.jsonl`) });
    clearInterval(timer);
    const rate = summary.articles / summary.seconds;
    if (workers === 1) oneWorker = rate;
    rows.push({
      system: workers === 0 ? 'Lede, main thread (baseline)' : `Lede, ${workers} worker${workers > 1 ? 's' : ''}`,
      metrics: {
        inputs: summary.articles,
        'articles/s': rate,
        'vs 1 worker': workers > 0 && oneWorker ? rate / oneWorker : '',
        'peak RSS MB': Math.round(peak / 1024 / 1024),
        errors: Object.values(summary.errors).reduce((a, b) => a + b, 0),
      },
    });
  }
  rmSync(folder, { recursive: true, force: true });
  return {
    task: 'scale',
    dataset: `${target} inputs: the ${articles.length} shared articles repeated (JSONL, text and HTML)`,
    rows,
    notes: [`Machine has ${cpus().length} cores; the Redis queue figures are in the queue rows when a Redis server is running.`],
  };
}
