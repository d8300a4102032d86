/**
 * Store benchmark: `lede ingest` of every article under ../shared/data into a fresh SQLite store
 * (articles/s end to end: read, analyse, store) with the analysis in the main thread, in 1 and in
 * 2 worker threads (in this process, the inputs in memory), and the `lede` command as installed on
 * a JSONL file of them, with wall-clock and CPU-time rates (the machine is shared: CPU time per
 * article is the figure that does not depend on the neighbours); then search latency under load:
 * autocannon on loopback against the API server (`lede serve` equivalent, its own process, port
 * 0). The same on PostgreSQL when one answers at `LEDE_PG_URL` (default: the
 * `scripts/ci-services.sh` cluster). Baselines in the same run: the pipeline alone (no store),
 * and `GET /articles/:id` for a missing id (HTTP and one index lookup).
 *
 * `npm run bench -- store [--duration 10] [--connections 8] [--smoke]`
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
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
import type { ArticleRows } from '../src/store/article-rows.js';
import type { Store } from '../src/store/store.js';
import { loadSharedArticles } from './articles.js';
import { compile, runCli, writeInputs } from './cli-runs.js';
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

/** A store whose writes are timed (main-thread time in the store) and whose rows are kept for store-only passes. */
function timedStore(store: Store, kept: ArticleRows[] | null): { store: Store; seconds: () => number } {
  let seconds = 0;
  const timed = async <T>(work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await work();
    } finally {
      seconds += (performance.now() - started) / 1000;
    }
  };
  const wrapped = new Proxy(store, {
    get: (target, property) => {
      if (property === 'putRows') return (batch: readonly ArticleRows[]) => { kept?.push(...batch); return timed(() => target.putRows(batch)); };
      const value = Reflect.get(target, property) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { store: wrapped, seconds: () => seconds };
}

/** Process CPU seconds (every thread: main, analysis workers, V8's helpers). */
function cpuSeconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}

/**
 * `lede ingest` end to end into a fresh SQLite file (read, analyse, store, as the CLI does) with
 * `workers` analysis threads (0: in the main thread, which also gives the pipeline-alone
 * baseline as the analysis share of that run). Keeps the store rows when `kept` is given.
 */
async function ingestEndToEnd(dbPath: string, articles: readonly ArticleInput[], workers: number, kept: ArticleRows[] | null, split?: boolean): Promise<BenchRow[]> {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${dbPath}${suffix}`, { force: true });
  const sqlite = openSqliteStore(dbPath);
  try {
    const { store, seconds: storeSeconds } = timedStore(sqlite, kept);
    const cpuStart = cpuSeconds();
    const started = performance.now();
    // As `lede ingest` does: the main thread builds a pipeline only when it analyses itself.
    const pipeline = workers === 0 ? await createPipeline(defaultStages()) : null;
    const items = articles.map((input, index) => ({ id: input.id ?? `article-${index}`, input }));
    const summary = await ingestInputs(store, pipeline, items, undefined, { workers, ...(split === undefined ? {} : { split }) });
    const seconds = (performance.now() - started) / 1000;
    const cpu = cpuSeconds() - cpuStart;
    const stats = await sqlite.stats();
    const label = workers === 0 ? 'analysis in the main thread' : `${workers} analysis worker${workers === 1 ? '' : 's'}${split === false ? ', each the whole pipeline (baseline)' : workers % 2 === 0 ? ', pool split in halves' : ''}`;
    const rows: BenchRow[] = [{
      system: `Lede ingest → SQLite, ${label} (end to end)`,
      metrics: {
        articles: summary.total, 'articles/s': summary.total / seconds, 'CPU ms/article': (cpu * 1000) / summary.total, 'articles per CPU-s': summary.total / cpu,
        'store ms/article': (storeSeconds() * 1000) / Math.max(1, summary.total - summary.failed), stored: stats.articles, failed: summary.failed,
        'store MB': Math.round(statSync(dbPath).size / 1024 / 1024),
      },
    }];
    if (workers === 0) {
      const analysisSeconds = seconds - storeSeconds();
      rows.push({
        system: 'baseline: the same pipeline alone (analysis part of the main-thread run)',
        metrics: { articles: summary.total, 'articles/s': summary.total / analysisSeconds, 'CPU ms/article': ((cpu - storeSeconds()) * 1000) / summary.total, 'articles per CPU-s': summary.total / (cpu - storeSeconds()), 'store ms/article': 0, stored: 0, failed: summary.failed },
      });
    }
    return rows;
  } finally {
    await sqlite.close();
  }
}

/**
 * The `lede ingest` command as installed (`bin/lede`, one worker per core by default) on a JSONL
 * file of the articles into a fresh SQLite file: wall time from spawn to exit (start-up and model
 * loading included), the process's CPU time and peak RSS from its summary line, and the rate the
 * command itself prints (timed from the batch's start: the analysis threads' start-up included,
 * Node's and the store's opening not). `runs` times (a fresh file each): the row is the run of
 * median wall time, the others' rates in its name (this shared machine's speed drifts by a
 * quarter within minutes: one run is a draw, three show the spread).
 */
async function ingestCommand(dir: string, count: number, runs: number): Promise<BenchRow> {
  compile();
  const input = join(dir, 'articles.jsonl');
  await writeInputs(input, count);
  const done: { outcome: Awaited<ReturnType<typeof runCli>>; summary: RegExpExecArray; dbMb: number }[] = [];
  for (let run = 0; run < runs; run++) {
    const dbPath = join(dir, `command-${run}.db`);
    const outcome = await runCli(['ingest', input, '--input-format', 'jsonl', '--db', dbPath]);
    const summary = /(\d+) articles: (\d+) new, (\d+) updated, (\d+) failed; ([\d.]+) articles\/s/.exec(outcome.stderr);
    if (!summary) throw new Error(`lede ingest printed no summary: ${outcome.stderr.slice(-500)}`);
    done.push({ outcome, summary, dbMb: Math.round(statSync(dbPath).size / 1024 / 1024) });
    for (const suffix of ['', '-wal', '-shm']) rmSync(dbPath + suffix, { force: true });
  }
  const bySeconds = [...done].sort((a, b) => a.outcome.seconds - b.outcome.seconds);
  const { outcome, summary, dbMb } = bySeconds[Math.floor((bySeconds.length - 1) / 2)]!;
  const total = Number(summary[1]);
  const rates = done.map((run) => (Number(run.summary[1]) / run.outcome.seconds).toFixed(1)).join(', ');
  const spread = runs > 1 ? `; median of ${runs} runs, in order ${rates} articles/s` : '';
  return {
    system: `Lede \`lede ingest\` command, a JSONL file, ${cpus().length} workers (end to end, spawn to exit; the command printed ${summary[5]} articles/s${spread})`,
    metrics: {
      articles: total, 'articles/s': total / outcome.seconds, 'CPU ms/article': (outcome.cpuSeconds * 1000) / total, 'articles per CPU-s': total / outcome.cpuSeconds,
      'store ms/article': '', stored: Number(summary[2]) + Number(summary[3]), failed: Number(summary[4]), 'store MB': dbMb, 'peak RSS MB': outcome.peakRssMb,
    },
  };
}

/** Stores already analysed articles' rows, 32 per transaction as ingest does (the store's own rate). */
async function storeOnly(name: string, store: Store, docs: readonly ArticleRows[]): Promise<BenchRow> {
  const started = performance.now();
  const cpuStart = cpuSeconds();
  let updated = 0;
  for (let index = 0; index < docs.length; index += 32) {
    for (const result of await store.putRows(docs.slice(index, index + 32))) if (result.status === 'updated') updated++;
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = cpuSeconds() - cpuStart;
  return {
    system: name,
    metrics: { articles: docs.length, 'articles/s': docs.length / seconds, 'CPU ms/article': (cpu * 1000) / Math.max(1, docs.length), 'store ms/article': (seconds * 1000) / Math.max(1, docs.length), stored: (await store.stats()).articles, failed: 0, updated },
  };
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
    const workerCounts = smoke ? [0, 2] : [0, 1, 2];
    const docs: ArticleRows[] = [];
    // The last run leaves the store that the searches below read (every article once).
    for (const workers of workerCounts) rows.push(...(await ingestEndToEnd(dbPath, articles, workers, workers === 0 ? docs : null)));
    // The split pool's baseline: 2 threads each running the whole pipeline.
    if (!smoke) rows.push(...(await ingestEndToEnd(dbPath, articles, 2, null, false)));
    rows.push(await ingestCommand(dir, articles.length, smoke ? 1 : 3));
    const sqlite = openSqliteStore(dbPath);
    try {
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
    `Ingest = the inputs in memory, the default pipeline, as \`lede ingest --workers N\` does: analysis in N worker threads (src/pipeline/worker.ts) or in the main thread (0), stored in input order, 32 whole articles per transaction (WAL, synchronous=NORMAL), by a writer thread of its own when the analysis is in worker threads and the store a SQLite file (src/store/sqlite-writer.ts; from 2026-11-26), else by the main thread. CPU ms/article = the process's CPU time (all threads, start-up included) per article; articles per CPU-s is what one free core would sustain, the fair figure on this shared machine (${cpus().length} cores, load average ${loadavg()[0]?.toFixed(1)} at the end of the run). The baseline row is the analysis share of the main-thread run; store-only rows store that run's rows again (without flattening the Docs, which the analysis threads do) (SQLite: updates in place; PostgreSQL: a fresh schema).`,
    `Search load: autocannon on loopback, ${connections} connections for ${seconds} s, cycling ${SEARCH_PATHS.length} searches (words, phrases, prefixes, entity/place/type/date filters, /events); server in its own process; latency per request measured by the client.`,
  );
  return { task: 'store', dataset: `${articles.length} articles under ../shared/data`, rows, notes };
}
