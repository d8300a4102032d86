/**
 * Ingesting a batch: every input is analysed and stored or becomes an error record with its id,
 * so a batch never loses an article and a re-run updates instead of duplicating. Analysis runs in
 * a pool of worker threads (the batch CLI's worker, `src/pipeline/worker.ts`, which also flattens
 * each Doc into its store rows) or in process; the main thread stores the rows in input order, a
 * few dozen articles per transaction.
 */
import { availableParallelism } from 'node:os';
import { analysisPool } from '../pipeline/worker-pool.js';
import { errorRecord, LedeError, toLedeError, type ErrorCode } from '../errors.js';
import type { Pipeline } from '../pipeline/pipeline.js';
import type { WorkerRows, WorkerTask } from '../pipeline/worker.js';
import type { InputItem } from '../stages/ingest/inputs.js';
import { articleRows, unpackRows, type ArticleRows, type PackedRows } from './article-rows.js';
import type { PutResult, Store } from './store.js';
import { canWriteInThread, openSqliteWriter, type RowSink, type SqliteWriter } from './sqlite-writer.js';

/** The outcome of one input. */
export type IngestOutcome =
  | { readonly id: string; readonly status: 'created' | 'updated'; readonly storeId: string }
  | { readonly id: string; readonly status: 'failed'; readonly error: { readonly code: ErrorCode; readonly message: string } };

/** Running totals of a batch. */
export interface IngestCounts {
  readonly total: number;
  readonly created: number;
  readonly updated: number;
  readonly failed: number;
}

/** What {@link ingestInputs} returns: the totals, the error records and the time taken. */
export interface IngestSummary extends IngestCounts {
  readonly errors: readonly { readonly id: string; readonly error: { readonly code: ErrorCode; readonly message: string } }[];
  readonly seconds: number;
}

/** Called after each input with the running totals and that input's outcome. */
export type IngestProgress = (counts: IngestCounts, outcome: IngestOutcome) => void;

/** Worker threads `lede ingest` uses unless told: one per core. */
export function defaultIngestWorkers(): number {
  return availableParallelism();
}

/** Options of {@link ingestInputs}. */
export interface IngestOptions {
  /** Worker threads that analyse (the batch CLI's worker module); 0 analyses in the main thread with the given pipeline. Default 0. */
  readonly workers?: number;
  /**
   * Most articles per store transaction; default 32. Each transaction holds whole articles only;
   * one commit per article cost SQLite 3.5 ms of CPU per article, one per 32 articles 2.3 ms.
   */
  readonly batchSize?: number;
  /** Longest wait, in ms, before analysed articles are stored (progress stays live on slow input); default 1000. */
  readonly flushMs?: number;
  /** Per-article analysis budget in ms (worker mode only); default 30,000. */
  readonly timeoutMs?: number;
  /** Split the analysis threads into pipeline halves (see `worker-pool.ts`); default: the pool's choice for the thread count. */
  readonly split?: boolean;
  /**
   * With analysis threads, a SQLite file's writes go to a thread of their own (`sqlite-writer.ts`)
   * so that the main thread, which hands articles to the analysis threads, is never held by a
   * commit. Default true; false writes in the main thread.
   */
  readonly writerThread?: boolean;
}

type Failure = Extract<IngestOutcome, { status: 'failed' }>;

/** An analysed input's store rows, waiting to be stored, or its failure. */
type Analysed = { readonly id: string; readonly rows: ArticleRows | PackedRows } | Failure;

function failure(id: string, error: LedeError): Failure {
  return { id, status: 'failed', error: errorRecord(error) };
}

/** Reads a worker's `rows` result. */
function analysedFromWorker(id: string, result: WorkerRows): Analysed {
  if ('error' in result) return { id, status: 'failed', error: { code: result.error.code, message: result.error.message } };
  return { id, rows: result.rows };
}

function analyseInProcess(pipeline: Pipeline, item: Extract<InputItem, { input: unknown }>): Analysed {
  try {
    return { id: item.id, rows: articleRows(pipeline.analyze(item.input, { id: item.id })) };
  } catch (error) {
    return failure(item.id, toLedeError(error, item.id));
  }
}

/**
 * Stores a batch in one transaction. When the batch fails, its articles are stored one by one, so
 * an article the store refuses is reported alone and the ones before it are kept; a store failure
 * (`E_DB` on a single article) is thrown.
 */
async function storeBatch(store: RowSink, articles: readonly (ArticleRows | PackedRows)[]): Promise<PutResult[]> {
  if (articles.length === 0) return [];
  try {
    return await store.putRows(articles);
  } catch {
    const results: PutResult[] = [];
    for (const rows of articles) results.push(...(await store.putRows([rows])));
    return results;
  }
}

/**
 * Analyses and stores every item (`readInputs(spec)` yields them), storing in input order. Never
 * throws for one bad article: it is counted and reported with its id. Throws only when the store
 * itself fails (`E_DB`), since then every later article would fail the same way. `pipeline` may
 * be null when `options.workers` is above 0 (each worker builds its own).
 */
export async function ingestInputs(
  store: Store,
  pipeline: Pipeline | null,
  items: AsyncIterable<InputItem> | Iterable<InputItem>,
  onProgress?: IngestProgress,
  options: IngestOptions = {},
): Promise<IngestSummary> {
  const workers = Math.max(0, Math.floor(options.workers ?? 0));
  // The writer thread starts while the analysis threads do; the first batch waits for it.
  const opening: Promise<SqliteWriter> | undefined = workers > 0 && (options.writerThread ?? true) && canWriteInThread(store) ? openSqliteWriter(store.location) : undefined;
  opening?.catch(() => undefined);
  // The writer thread unpacks packed rows itself; a store in this thread is given them unpacked.
  const sink: RowSink = opening ? { putRows: async (articles) => (await opening).putRows(articles) } : { putRows: (articles) => store.putRows(articles.map(unpackRows)) };
  let summary: IngestSummary;
  try {
    summary = await ingestInto(sink, pipeline, items, onProgress, options);
  } finally {
    await (await opening?.catch(() => undefined))?.close();
  }
  // A writer that could not open fails the batch even when it had nothing to store.
  await opening;
  return summary;
}

async function ingestInto(
  store: RowSink,
  pipeline: Pipeline | null,
  items: AsyncIterable<InputItem> | Iterable<InputItem>,
  onProgress: IngestProgress | undefined,
  options: IngestOptions,
): Promise<IngestSummary> {
  const started = performance.now();
  const workers = Math.max(0, Math.floor(options.workers ?? 0));
  const batchSize = Math.max(1, options.batchSize ?? 32);
  const flushMs = options.flushMs ?? 1000;
  const timeoutMs = options.timeoutMs ?? 30_000;
  if (workers === 0 && !pipeline) throw new LedeError('E_INTERNAL', 'ingestInputs needs a pipeline when it runs without workers');
  let created = 0;
  let updated = 0;
  let failed = 0;
  const errors: { id: string; error: { code: ErrorCode; message: string } }[] = [];
  const report = (outcome: IngestOutcome): void => {
    if (outcome.status === 'failed') {
      failed++;
      errors.push({ id: outcome.id, error: outcome.error });
    } else if (outcome.status === 'created') created++;
    else updated++;
    onProgress?.({ total: created + updated + failed, created, updated, failed }, outcome);
  };

  // Analysed inputs in input order, not yet stored (failures wait too, so outcomes stay in order).
  let pending: Analysed[] = [];
  let pendingArticles = 0;
  let pendingSince = 0;
  const flush = async (): Promise<void> => {
    const batch = pending;
    pending = [];
    pendingArticles = 0;
    const articles = batch.flatMap((entry) => ('rows' in entry ? [entry.rows] : []));
    const results = await storeBatch(store, articles);
    let next = 0;
    for (const entry of batch) {
      if (!('rows' in entry)) {
        report(entry);
        continue;
      }
      const result = results[next++];
      if (result) report({ id: entry.id, status: result.status, storeId: result.id });
    }
  };
  const add = async (entry: Analysed): Promise<void> => {
    if (pending.length === 0) pendingSince = performance.now();
    pending.push(entry);
    if ('rows' in entry) pendingArticles++;
    if (pendingArticles >= batchSize || performance.now() - pendingSince >= flushMs) await flush();
  };

  if (workers === 0 && pipeline) {
    for await (const item of items) await add('error' in item ? failure(item.id, item.error) : analyseInProcess(pipeline, item));
  } else {
    // A bounded window of analyses in flight, taken in input order: memory stays flat. It holds a
    // whole store batch beyond what the workers run: while the main thread commits a batch (tens
    // of milliseconds), the workers go on with the next articles instead of waiting for tasks (a
    // window of 4 per worker left them idle 18 % of the time).
    const limit = workers * 4 + batchSize;
    const pool = analysisPool(workers, limit, options.split);
    const window: Promise<Analysed>[] = [];
    const analyse = (item: Extract<InputItem, { input: unknown }>): Promise<Analysed> => {
      const task: WorkerTask = { id: item.id, input: { ...item.input, id: item.id }, offsets: 'text', result: 'rows' };
      return (pool.run(task, { signal: AbortSignal.timeout(timeoutMs) }) as Promise<WorkerRows>).then(
        (result) => analysedFromWorker(item.id, result),
        (error: unknown) =>
          failure(item.id, error instanceof Error && error.name === 'AbortError'
            ? new LedeError('E_TIMEOUT', `${item.id}: analysis took longer than the ${timeoutMs} ms budget per article`, item.id)
            : new LedeError('E_INTERNAL', `${item.id}: worker failed: ${error instanceof Error ? error.message : String(error)}`, item.id)),
      );
    };
    try {
      for await (const item of items) {
        window.push('error' in item ? Promise.resolve(failure(item.id, item.error)) : analyse(item));
        while (window.length >= limit) await add(await (window.shift() as Promise<Analysed>));
      }
      while (window.length > 0) await add(await (window.shift() as Promise<Analysed>));
    } finally {
      // On a store failure, analyses still in flight are abandoned with the pool (each one's
      // promise settles as a failure, so none goes unhandled).
      await pool.destroy();
    }
  }
  if (pending.length > 0) await flush();
  return { total: created + updated + failed, created, updated, failed, errors, seconds: (performance.now() - started) / 1000 };
}

/** Analyses and stores one item (store failures throw; analysis failures become an outcome). */
export async function ingestOne(store: Store, pipeline: Pipeline, item: InputItem): Promise<IngestOutcome> {
  if ('error' in item) return failure(item.id, item.error);
  const analysed = analyseInProcess(pipeline, item);
  if (!('rows' in analysed)) return analysed;
  const [result] = await store.putRows([unpackRows(analysed.rows)]);
  if (!result) throw new LedeError('E_INTERNAL', `${item.id}: the store returned no result`, item.id);
  return { id: item.id, status: result.status, storeId: result.id };
}
