/**
 * Every news article under ../shared/data, as Lede inputs, for throughput, store and scale
 * benchmarks: raw HTML pages, plain-text stories (PolNeAR, GeoWebNews, CNN/DM dev, TimeML with its
 * tags stripped, MEANTIME with its tokens joined).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArticleInput } from '../src/pipeline/pipeline.js';
import { sharedDataDir } from './harness.js';

function files(dir: string, suffix: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((name) => name.endsWith(suffix)).sort().map((name) => join(dir, name));
}

/** Loads the shared articles (about 2,000). */
export function loadSharedArticles(): ArticleInput[] {
  const data = sharedDataDir();
  const articles: ArticleInput[] = [];
  for (const path of files(join(data, 'article-extraction', 'html'), '.html')) articles.push({ id: path, html: readFileSync(path, 'utf8') });
  for (const split of ['train', 'dev']) {
    for (const path of files(join(data, 'quotes-polnear', split, 'text'), '')) articles.push({ id: path, text: readFileSync(path, 'utf8') });
  }
  for (const path of files(join(data, 'geoparsing', 'GeoWebNews-brat'), '.txt')) articles.push({ id: path, text: readFileSync(path, 'utf8') });
  const frank = join(data, 'summarization-cnndm', 'cnndm-frank-dev.jsonl');
  if (existsSync(frank)) {
    for (const line of readFileSync(frank, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const record = JSON.parse(line) as { id: string; article: string };
      articles.push({ id: record.id, text: record.article });
    }
  }
  for (const corpus of ['TimeBank', 'AQUAINT']) {
    for (const path of files(join(data, 'timex-timeml', 'TBAQ-cleaned', corpus), '.tml')) {
      const xml = readFileSync(path, 'utf8');
      const body = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(xml)?.[1] ?? '';
      articles.push({ id: path, text: body.replace(/<[^>]+>/g, '') });
    }
  }
  return articles.filter((article) => (article.text ?? article.html ?? '').trim().length > 0);
}
