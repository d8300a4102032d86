/**
 * Whole-pipeline throughput on one core: articles/s and peak RSS over every article under
 * ../shared/data, for the foundation stages (ingest + normalise + segment) and the full pipeline.
 * `--smoke` runs a quick pass over 200 articles (for CI).
 */
import { defaultStages } from '../src/pipeline/default-stages.js';
import { createPipeline, type ArticleInput } from '../src/pipeline/pipeline.js';
import { normalizeStage } from '../src/stages/normalize/stage.js';
import { segmentStage } from '../src/stages/segment/stage.js';
import { loadSharedArticles } from './articles.js';
import type { BenchResult, BenchRow } from './harness.js';

async function measure(name: string, stages: Parameters<typeof createPipeline>[0], articles: readonly ArticleInput[], repeat: number): Promise<BenchRow> {
  const pipeline = await createPipeline(stages);
  let failures = 0;
  let characters = 0;
  // Warm-up pass so JIT compilation is not counted.
  for (const article of articles.slice(0, 50)) {
    try { pipeline.analyze(article); } catch { /* counted below */ }
  }
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  let peak = process.memoryUsage().rss;
  for (let round = 0; round < repeat; round++) {
    for (const [index, article] of articles.entries()) {
      try {
        characters += pipeline.analyze(article).text.length;
      } catch {
        failures++;
      }
      if (index % 100 === 0) peak = Math.max(peak, process.memoryUsage().rss);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const count = articles.length * repeat;
  return {
    system: name,
    metrics: {
      articles: count,
      'articles/s (wall)': count / seconds,
      'articles/s (CPU time)': count / cpuSeconds,
      'chars/s': Math.round(characters / seconds),
      'peak RSS MB': Math.round(peak / 1024 / 1024),
      errors: failures,
    },
  };
}

export async function run(args: string[]): Promise<BenchResult> {
  const smoke = args.includes('--smoke');
  const all = loadSharedArticles();
  const articles = smoke ? all.slice(0, 200) : all;
  const html = articles.filter((article) => article.html !== undefined);
  const text = articles.filter((article) => article.text !== undefined);
  const rows = [
    await measure('Lede foundation (text articles)', [normalizeStage, segmentStage], text, smoke ? 1 : 3),
    await measure('Lede foundation (HTML pages, Readability)', [normalizeStage, segmentStage], html, 1),
    await measure('Lede full pipeline (all articles)', defaultStages(), articles, 1),
  ];
  return {
    task: 'throughput',
    dataset: `${articles.length} articles under ../shared/data (${text.length} text, ${html.length} HTML), one process`,
    rows,
    notes: ['CPU time counts this process only, so it stays fair when other jobs share the machine; wall-clock is what one idle core gives when the machine is quiet.', 'Foundation = ingest + normalise + segment. HTML pages include Readability extraction, which dominates their cost.'],
  };
}
