/**
 * `npm run bench -- stages [--limit N]`: where the full pipeline's time goes. Every shared article
 * (text and HTML) runs through the default stages one at a time, each stage timed by the process's
 * CPU clock, after one warm-up pass over the same articles. One row per stage (ingest = reading
 * the input, HTML extraction included), then the whole pipeline.
 */
import { defaultStages } from '../src/pipeline/default-stages.js';
import { ingest, runStages } from '../src/pipeline/pipeline.js';
import type { Doc } from '../src/doc/schema.js';
import { loadSharedArticles } from './articles.js';
import type { BenchResult, BenchRow } from './harness.js';

function cpuMs(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

export async function run(args: string[]): Promise<BenchResult> {
  const limitAt = args.indexOf('--limit');
  const all = loadSharedArticles();
  const articles = limitAt >= 0 ? all.slice(0, Number(args[limitAt + 1])) : all;
  const stages = defaultStages();
  const resources: unknown[] = [];
  for (const stage of stages) resources.push(stage.load ? await stage.load() : undefined);
  const totals = new Map<string, number>([['ingest', 0], ...stages.map((stage) => [stage.name, 0] as [string, number])]);
  let tokens = 0;
  let analysed = 0;
  for (const record of [false, true]) {
    for (const article of articles) {
      let start = process.cpuUsage();
      let doc: Doc;
      try {
        doc = ingest(article);
      } catch {
        continue;
      }
      if (record) totals.set('ingest', totals.get('ingest')! + cpuMs(start));
      const context = doc.meta.published ? { published: doc.meta.published } : {};
      for (const [index, stage] of stages.entries()) {
        start = process.cpuUsage();
        doc = runStages(doc, [stage], [resources[index]], context);
        if (record) totals.set(stage.name, totals.get(stage.name)! + cpuMs(start));
      }
      if (record) {
        tokens += doc.tokens.length;
        analysed++;
      }
    }
  }
  const sum = [...totals.values()].reduce((a, b) => a + b, 0);
  const rows: BenchRow[] = [...totals].map(([name, ms]) => ({ system: `stage ${name}`, metrics: { 'CPU ms/article': ms / analysed, share: `${((100 * ms) / sum).toFixed(1)} %`, 'articles/s (one core)': '' } }));
  rows.push({ system: 'Lede full pipeline (sum of stages)', metrics: { 'CPU ms/article': sum / analysed, share: '100 %', 'articles/s (one core)': (1000 * analysed) / sum } });
  return {
    task: 'stages',
    dataset: `${analysed} shared articles (${Math.round(tokens / analysed)} tokens on average), one process`,
    rows,
    notes: [
      'CPU time of each stage alone (process.cpuUsage around each call), after a warm-up pass; garbage collection lands in whichever stage triggers it. Other jobs on the machine inflate CPU time less than wall time, but not to zero.',
      'The issue bar for the whole pipeline is 100 articles/s per core (10 ms per article); spaCy\'s large English model runs about 13 such articles/s per core (a published figure, not run here).',
    ],
  };
}
