/**
 * Store benchmark: `lede ingest` of every article under ../shared/data into a fresh SQLite store
 * (articles/s end to end: read, analyse, store), then search latency under load: autocannon on
 * loopback against the API server (`lede serve` equivalent, its own process, port 0). The same
 * on PostgreSQL when one answers at `LEDE_PG_URL` (default: the `scripts/ci-services.sh` cluster).
 * Baselines in the same run: the pipeline alone (no store), and `GET /stats` (HTTP overhead).
 *
 * `npm run bench -- store [--duration 10] [--connections 8] [--smoke]`
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { defaultStages } from '../src/pipeline/default-stages.js';
import { createPipeline, type ArticleInput, type Pipeline } from '../src/pipeline/pipeline.js';
import { startServer } from '../src/server/start.js';
import { ingestInputs } from '../src/store/ingest.js';
import { DEFAULT_POSTGRES_URL, openPostgresStore } from '../src/store/postgres-store.js';
import { openSqliteStore } from '../src/store/sqlite-store.js';
import type { Doc } from '../src/doc/schema.js';
import type { Store } from '../src/store/store.js';
import { loadSharedArticles } from './articles.js';
import type { BenchResult, BenchRow } from './harness.js';

// The child process that serves the store while the parent runs the load generator, so the two
// do not share one event loop.
if (process.env['LEDE_BENCH_SERVE']) {
  // Only the read routes are loaded, so the server skips building the analysis pipeline.
  const noAnalysis: Pipeline = { stages: [], analyze: () => { throw new Error('the benchmark server does not analyse'); } };
  const server = await startServer({ dbPath: process.env['LEDE_BENCH_SERVE'], port: 0, webRoot: '/nonexistent', pipeline: noAnalysis });
  process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
  process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
}

/** Search requests the load generator cycles through: words, phrases, prefixes, filters. */
const SEARCH_PATHS = [
  '/search?q=government',
  '/search?q=police%20said',
  '/search?q=%22prime%20minister%22',
  '/search?q=elect*',
  '/search?q=oil%20prices',
  '/search?q=attack&from=2015-01-01',
  '/search?q=court%20ruling',
  '/search?q=president&sort=date',
  '/search?q=Libya',
  '/search?q=market%20shares&limit=50',
  '/search?entity=United%20States',
  '/search?place=Libya',
  '/search?type=ASSAULT&from=2018-01-01&to=2018-12-31',
  '/events?type=protest',
];

function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN;
}

/** Ingests end to end (analyse + store) while timing the store part; keeps the Docs for store-only passes. */
async function ingestEndToEnd(store: Store, articles: readonly ArticleInput[]): Promise<{ rows: BenchRow[]; docs: Doc[] }> {
  const pipeline = await createPipeline(defaultStages());
  const docs: Doc[] = [];
  let storeSeconds = 0;
  const timedPut = async (doc: Doc): ReturnType<Store['putArticle']> => {
    docs.push(doc);
    const started = performance.now();
    const result = await store.putArticle(doc);
    storeSeconds += (performance.now() - started) / 1000;
    return result;
  };
  const timed = new Proxy(store, {
    get: (target, property) => {
      if (property === 'putArticle') return timedPut;
      const value = Reflect.get(target, property) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  const items = articles.map((input, index) => ({ id: input.id ?? `article-${index}`, input }));
  const summary = await ingestInputs(timed, pipeline, items);
  const stats = await store.stats();
  const analysisSeconds = summary.seconds - storeSeconds;
  return {
    docs,
    rows: [
      {
        system: 'Lede ingest → SQLite (end to end)',
        metrics: { articles: summary.total, 'articles/s': summary.total / summary.seconds, 'store ms/article': (storeSeconds * 1000) / Math.max(1, docs.length), stored: stats.articles, failed: summary.failed },
      },
      {
        system: 'baseline: the same pipeline alone (analysis part of that run)',
        metrics: { articles: summary.total, 'articles/s': summary.total / analysisSeconds, 'store ms/article': 0, stored: 0, failed: summary.failed },
      },
    ],
  };
}

/** Stores already analysed Docs (the store's own rate). */
async function storeOnly(name: string, store: Store, docs: readonly Doc[]): Promise<BenchRow> {
  const started = performance.now();
  let updated = 0;
  for (const doc of docs) if ((await store.putArticle(doc)).status === 'updated') updated++;
  const seconds = (performance.now() - started) / 1000;
  return { system: name, metrics: { articles: docs.length, 'articles/s': docs.length / seconds, 'store ms/article': (seconds * 1000) / Math.max(1, docs.length), stored: (await store.stats()).articles, failed: 0, updated } };
}

/** Starts `lede serve` on the store in a child process; resolves with its URL. */
function serve(dbPath: string): Promise<{ url: string; child: ChildProcess }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], { env: { ...process.env, LEDE_BENCH_SERVE: dbPath }, stdio: ['ignore', 'pipe', 'inherit'] });
    let buffer = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const line = buffer.split('\n')[0];
      if (buffer.includes('\n') && line) resolvePromise({ url: (JSON.parse(line) as { url: string }).url, child });
    });
    child.on('exit', (code) => reject(new Error(`bench server exited (${code})`)));
  });
}

async function load(name: string, url: string, paths: readonly string[], seconds: number, connections: number, expectedStatus = 200): Promise<BenchRow> {
  const latencies: number[] = [];
  let errors = 0;
  const instance = autocannon({ url, connections, duration: seconds, requests: paths.map((path) => ({ method: 'GET', path })) });
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    latencies.push(responseTime);
    if (statusCode !== expectedStatus) errors++;
  });
  const result = await instance;
  latencies.sort((a, b) => a - b);
  return {
    system: name,
    metrics: {
      requests: latencies.length,
      'req/s': result.requests.average,
      'p50 ms': percentile(latencies, 0.5),
      'p95 ms': percentile(latencies, 0.95),
      'p99 ms': percentile(latencies, 0.99),
      'unexpected status': errors + result.errors,
    },
  };
}

async function searchRows(label: string, target: string, seconds: number, connections: number): Promise<BenchRow[]> {
  const { url, child } = await serve(target);
  try {
    // Warm-up: compile the routes and fill the page cache.
    await load('warm-up', url, SEARCH_PATHS, 2, connections);
    return [
      await load(`Lede search on ${label} (${connections} connections)`, url, SEARCH_PATHS, seconds, connections),
      await load(`baseline: GET /articles/:id, a miss (HTTP + one index lookup) on ${label}`, url, ['/articles/no-such-article'], Math.max(2, Math.round(seconds / 3)), connections, 404),
    ];
  } finally {
    child.kill('SIGTERM');
  }
}

async function postgresTarget(): Promise<{ url: string; drop: () => Promise<void> } | null> {
  const base = process.env['LEDE_PG_URL'] ?? DEFAULT_POSTGRES_URL;
  const schema = `lede_bench_${process.pid}`;
  const client = new pg.Client({ connectionString: base, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await client.query(`CREATE SCHEMA ${schema}`);
    await client.end();
  } catch {
    await client.end().catch(() => undefined);
    return null;
  }
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: url.toString(),
    drop: async () => {
      const cleaner = new pg.Client({ connectionString: base });
      await cleaner.connect();
      await cleaner.query(`DROP SCHEMA ${schema} CASCADE`);
      await cleaner.end();
    },
  };
}

export async function run(args: string[]): Promise<BenchResult> {
  const option = (name: string, fallback: number): number => {
    const index = args.indexOf(name);
    return index >= 0 ? Number(args[index + 1]) : fallback;
  };
  const smoke = args.includes('--smoke');
  const seconds = option('--duration', smoke ? 3 : 10);
  const connections = option('--connections', 8);
  const all = loadSharedArticles();
  const articles = smoke ? all.slice(0, 200) : all;
  const notes: string[] = [];
  const rows: BenchRow[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'lede-bench-store-'));
  try {
    const dbPath = join(dir, 'lede.db');
    const sqlite = openSqliteStore(dbPath);
    let docs: Doc[];
    try {
      const endToEnd = await ingestEndToEnd(sqlite, articles);
      docs = endToEnd.docs;
      const [first, ...others] = endToEnd.rows;
      if (first) rows.push({ ...first, metrics: { ...first.metrics, 'store MB': Math.round(statSync(dbPath).size / 1024 / 1024) } });
      rows.push(...others);
      // A second pass re-stores every article: updates in place, nothing duplicated.
      rows.push(await storeOnly('Lede store only → SQLite (re-ingest: updates)', sqlite, docs));
    } finally {
      await sqlite.close();
    }
    const postgres = await postgresTarget();
    if (postgres) {
      try {
        const store = await openPostgresStore(postgres.url);
        try {
          rows.push(await storeOnly('Lede store only → PostgreSQL (new articles)', store, docs));
        } finally {
          await store.close();
        }
        rows.push(...(await searchRows('SQLite', dbPath, seconds, connections)));
        rows.push(...(await searchRows('PostgreSQL', postgres.url, seconds, connections)));
      } finally {
        await postgres.drop();
      }
    } else {
      rows.push(...(await searchRows('SQLite', dbPath, seconds, connections)));
      notes.push('PostgreSQL not reachable (LEDE_PG_URL or scripts/ci-services.sh): its rows are left out.');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  notes.push(
    'Ingest = the inputs in memory, the default pipeline, one transaction per article (WAL, synchronous=NORMAL), one process. The baseline row is the analysis share of that same run; store-only rows store the Docs of that run again (SQLite: updates in place; PostgreSQL: a fresh schema).',
    `Search load: autocannon on loopback, ${connections} connections for ${seconds} s, cycling ${SEARCH_PATHS.length} searches (words, phrases, prefixes, entity/place/type/date filters, /events); server in its own process; latency per request measured by the client.`,
  );
  return { task: 'store', dataset: `${articles.length} articles under ../shared/data`, rows, notes };
}
