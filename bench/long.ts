/**
 * `npm run bench -- long [--sizes 50000,200000,800000,3200000]`: how the pipeline's time grows
 * with an article's length. Texts of each size are cut from the shared text articles joined end
 * to end (paragraph breaks between them); each stage is timed on its own (wall clock, after a
 * warm-up on short texts). The baseline row is the same pipeline on the shared articles at their
 * own length, in the same run: a pipeline linear in the length keeps every row's ms per 10,000
 * characters near it. A per-mention or per-sentence scan of a whole layer shows up here as
 * quadratic growth long before a 10 MB input (the input cap) hits the per-article time budget.
 */
import type { Doc } from '../src/doc/schema.js';
import { defaultStages } from '../src/pipeline/default-stages.js';
import { ingest, runContext, runStages } from '../src/pipeline/pipeline.js';
import { loadSharedArticles } from './articles.js';
import type { BenchResult, BenchRow } from './harness.js';

export async function run(args: string[]): Promise<BenchResult> {
  const sizesAt = args.indexOf('--sizes');
  const sizes = (sizesAt >= 0 ? args[sizesAt + 1]! : '50000,200000,800000,3200000').split(',').map(Number);
  const stages = defaultStages();
  const resources: unknown[] = [];
  for (const stage of stages) resources.push(stage.load ? await stage.load() : undefined);
  const texts = loadSharedArticles().flatMap((article) => (article.text ? [article.text] : []));
  let joined = texts.join('\n\n');
  while (joined.length < Math.max(...sizes)) joined = `${joined}\n\n${joined}`;
  const analyse = (text: string): { ms: number; stageMs: number[] } => {
    let doc: Doc = ingest(text);
    const context = runContext(doc);
    const stageMs = stages.map((stage, index) => {
      const started = performance.now();
      doc = runStages(doc, [stage], [resources[index]], context);
      return performance.now() - started;
    });
    return { ms: stageMs.reduce((a, b) => a + b, 0), stageMs };
  };
  for (const text of texts.slice(0, 300)) analyse(text);
  // Baseline: the shared text articles at their own length.
  let baseMs = 0;
  let baseChars = 0;
  for (const text of texts) {
    baseMs += analyse(text).ms;
    baseChars += text.length;
  }
  const rows: BenchRow[] = [{ system: `shared text articles (${texts.length}, ${Math.round(baseChars / texts.length)} characters on average; baseline)`, metrics: { characters: baseChars, 'ms': baseMs, 'ms per 10k characters': (baseMs / baseChars) * 1e4, 'slowest stage': '–' } }];
  for (const size of sizes) {
    const { ms, stageMs } = analyse(joined.slice(0, size));
    const slowest = stageMs.indexOf(Math.max(...stageMs));
    rows.push({ system: `Lede, one text of ${size.toLocaleString('en-US')} characters`, metrics: { characters: size, ms, 'ms per 10k characters': (ms / size) * 1e4, 'slowest stage': `${stages[slowest]!.name} ${Math.round(stageMs[slowest]!)} ms` } });
  }
  return {
    task: 'long',
    dataset: 'shared text articles joined into single texts of growing length',
    rows,
    notes: ['Wall clock of the stages alone (ingest excluded), one pass per size after a warm-up on 300 articles; the machine is shared, so compare rows of one run.'],
  };
}
