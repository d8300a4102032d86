/**
 * Many machines: articles go onto a Redis queue (bullmq); `lede worker` processes on any number of
 * machines take them, analyse them and write results to the store (PostgreSQL at scale). A job
 * that fails for a reason worth retrying is retried with exponential backoff; a job that cannot
 * succeed (bad input) or runs out of attempts lands in a dead-letter list with its reason.
 */
import { Queue, UnrecoverableError, Worker, type ConnectionOptions, type Job } from 'bullmq';
import { LedeError, toLedeError } from '../errors.js';
import type { ArticleInput, Pipeline } from '../pipeline/pipeline.js';
import type { InputItem } from '../stages/ingest/inputs.js';
import type { Store } from '../store/store.js';

/** Name of the bullmq queue. */
export const QUEUE_NAME = 'lede-articles';
/** Queue holding dead letters (never processed; read by `lede queue-status`). */
export const DEAD_LETTER_QUEUE = 'lede-dead-letter';

/** One article that will not be analysed, with the reason. */
export interface DeadLetter {
  readonly id: string;
  readonly code: string;
  readonly message: string;
  readonly attempts: number;
  readonly at: string;
}

/** Job payload. */
export interface ArticleJob {
  readonly id: string;
  readonly input: ArticleInput;
  readonly published?: string;
}

/** Parses `redis://[:password@]host:port[/db]` into bullmq connection options. */
export function redisConnection(url: string): ConnectionOptions {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new LedeError('E_USAGE', `--queue: ${JSON.stringify(url)} is not a redis:// URL`);
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') throw new LedeError('E_USAGE', `--queue: ${JSON.stringify(url)} is not a redis:// URL`);
  const db = Number(parsed.pathname.replace('/', '') || '0');
  return {
    host: parsed.hostname || '127.0.0.1',
    port: Number(parsed.port || 6379),
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
    ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
    db: Number.isInteger(db) ? db : 0,
    ...(parsed.protocol === 'rediss:' ? { tls: {} } : {}),
    maxRetriesPerRequest: null,
  };
}

/** Options for {@link enqueueInputs}. */
export interface EnqueueOptions {
  readonly published?: string;
  /** Attempts per article before it goes to the dead-letter list (default 3). */
  readonly attempts?: number;
}

/**
 * Puts every input on the queue (job id = article id, so enqueueing the same batch twice does not
 * duplicate). Inputs that could not even be read go straight to the dead-letter list.
 */
export async function enqueueInputs(url: string, items: AsyncIterable<InputItem>, options: EnqueueOptions = {}): Promise<{ queued: number; dead: number }> {
  const connection = redisConnection(url);
  const queue = new Queue<ArticleJob>(QUEUE_NAME, { connection });
  const deadLetters = new Queue<DeadLetter>(DEAD_LETTER_QUEUE, { connection });
  let queued = 0;
  let dead = 0;
  let batch: { name: string; data: ArticleJob; opts: { jobId: string; attempts: number; backoff: { type: 'exponential'; delay: number }; removeOnComplete: boolean } }[] = [];
  const flush = async (): Promise<void> => {
    if (batch.length) await queue.addBulk(batch);
    batch = [];
  };
  try {
    for await (const item of items) {
      if ('error' in item) {
        await deadLetters.add('dead', { id: item.id, code: item.error.code, message: item.error.message, attempts: 0, at: new Date().toISOString() });
        dead++;
        continue;
      }
      batch.push({
        name: 'analyze',
        data: { id: item.id, input: item.input, ...(options.published ? { published: options.published } : {}) },
        // bullmq job ids may not contain ':'; keep them readable and unique.
        opts: { jobId: jobId(item.id), attempts: options.attempts ?? 3, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: true },
      });
      queued++;
      if (batch.length >= 500) await flush();
    }
    await flush();
  } finally {
    await queue.close();
    await deadLetters.close();
  }
  return { queued, dead };
}

/** A bullmq-safe job id for an article id. */
export function jobId(articleId: string): string {
  return `a-${Buffer.from(articleId).toString('base64url')}`;
}

/** Options for {@link startWorker}. */
export interface WorkerOptions {
  /** Jobs processed at once by this process (default 1: the pipeline is CPU-bound). */
  readonly concurrency?: number;
  /** How long a job's lock lasts before another worker may take it over (ms, default 30 s). */
  readonly lockDuration?: number;
  /** How often stalled jobs of dead workers are looked for (ms, default 30 s). */
  readonly stalledInterval?: number;
}

/** Starts a worker: analyse, store, and dead-letter what cannot succeed. Returns a close function. */
export function startWorker(url: string, store: Store, pipeline: Pipeline, options: WorkerOptions = {}): { close: () => Promise<void>; worker: Worker<ArticleJob> } {
  const connection = redisConnection(url);
  const deadLetters = new Queue<DeadLetter>(DEAD_LETTER_QUEUE, { connection });
  const worker = new Worker<ArticleJob>(
    QUEUE_NAME,
    async (job: Job<ArticleJob>) => {
      let doc;
      try {
        doc = pipeline.analyze(job.data.input, { id: job.data.id, ...(job.data.published ? { published: job.data.published } : {}) });
      } catch (error) {
        const ledeError = toLedeError(error, job.data.id);
        // Bad input fails the same way every time: no retries.
        if (ledeError.code !== 'E_INTERNAL') throw new UnrecoverableError(`${ledeError.code}: ${ledeError.message}`);
        throw ledeError;
      }
      const result = await store.putArticle(doc);
      return { storeId: result.id, status: result.status };
    },
    {
      connection,
      concurrency: options.concurrency ?? 1,
      lockDuration: options.lockDuration ?? 30_000,
      stalledInterval: options.stalledInterval ?? 30_000,
      maxStalledCount: 3,
    },
  );
  worker.on('failed', (job, error) => {
    if (!job) return;
    const attempts = job.opts.attempts ?? 1;
    const final = error instanceof UnrecoverableError || error.name === 'UnrecoverableError' || job.attemptsMade >= attempts;
    if (!final) return;
    const match = /^(E_[A-Z_]+): ([\s\S]*)$/.exec(error.message);
    const record: DeadLetter = { id: job.data.id, code: match?.[1] ?? 'E_INTERNAL', message: match?.[2] ?? error.message, attempts: job.attemptsMade, at: new Date().toISOString() };
    void deadLetters.add('dead', record);
  });
  // Connection trouble is reported, not thrown: bullmq reconnects by itself.
  worker.on('error', (error) => process.stderr.write(`lede worker: ${error.message}\n`));
  return {
    worker,
    close: async () => {
      await worker.close();
      await deadLetters.close();
    },
  };
}

/** Queue counts and the dead letters, for `lede queue-status` and tests. */
export async function queueStatus(url: string): Promise<{ counts: Record<string, number>; deadLetters: DeadLetter[] }> {
  const connection = redisConnection(url);
  const queue = new Queue<ArticleJob>(QUEUE_NAME, { connection });
  const deadLetters = new Queue<DeadLetter>(DEAD_LETTER_QUEUE, { connection });
  try {
    const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed', 'prioritized');
    const dead = await deadLetters.getJobs(['waiting', 'prioritized', 'delayed'], 0, -1, true);
    return { counts, deadLetters: dead.map((job) => job.data) };
  } finally {
    await queue.close();
    await deadLetters.close();
  }
}

/** Empties the queue and the dead-letter list (tests, or starting over). */
export async function clearQueue(url: string): Promise<void> {
  for (const name of [QUEUE_NAME, DEAD_LETTER_QUEUE]) {
    const queue = new Queue(name, { connection: redisConnection(url) });
    try {
      await queue.obliterate({ force: true });
    } finally {
      await queue.close();
    }
  }
}

/** Raises a clear error when the Redis server cannot be reached. */
export function unreachable(url: string, error: unknown): LedeError {
  return new LedeError('E_USAGE', `--queue ${url}: cannot reach Redis (${error instanceof Error ? error.message : String(error)})`);
}
