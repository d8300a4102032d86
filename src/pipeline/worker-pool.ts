/**
 * The pool of analysis worker threads that `lede analyze` and `lede ingest` share (`worker.ts` in
 * each thread).
 *
 * With an even number of threads the pool is split by default: half the threads run the front of
 * the pipeline (extraction to quotes) and half the back (places to the output), and each article's
 * Doc moves from a front thread to a back thread serialised (`doc-transfer.ts`, ~40 KB, transferred
 * without a copy through the main thread). Each thread then loads and compiles only half the
 * models and code: V8 compiles every hot function once per thread, and on a batch of a few
 * thousand articles that compiling was half the CPU time. The price is the serialising, ~0.7 ms
 * per article of the ~10 the analysis takes. The halves' shares vary with the input (extracting a
 * scraped page is front work), so the pool keeps the waiting articles itself and a side with a
 * thread free takes whole articles while the other side is far behind. A pool can also go over
 * to whole articles after {@link WHOLE_AFTER} of them (by default it stays split: the halves save
 * compiling and memory, and the crossing costs less than either). An odd number of threads, fewer
 * threads than cores (see {@link splitsByDefault}) or `LEDE_SPLIT_WORKERS=0` gives a pool where
 * every thread runs the whole pipeline.
 */
import type { EventEmitter } from 'node:events';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { shareGzippedFiles } from '../util/shared-bytes.js';
import { defaultSharedFiles } from './shared-files.js';
import type { BackTask, PreloadTask, WorkerTask } from './worker.js';

/**
 * Young-generation size of each worker thread's heap, in MB, when `LEDE_WORKER_YOUNG_MB` does not
 * say (0: V8's default, 48 MB here). A document's objects (tokens, mentions, per-stage work) live
 * for the whole pipeline; a young generation that holds a few documents lets most of them die
 * there instead of being copied and promoted, and one that holds many only takes memory. 2
 * workers, 6,600 shared articles (2026-11-26): V8's default 706 MB peak RSS and 127.3
 * articles/s; 24 MB 645 and 679 MB, 123.0 and 125.8 articles/s; 16 MB was 5–10 % slower (3,300
 * articles, 110.8 and 111.2 against 116.6 and 123.6), 8 MB slower still and no smaller.
 */
export const defaultWorkerYoungGenerationMb = 24;

function youngGenerationMb(): number {
  const value = Number(process.env['LEDE_WORKER_YOUNG_MB'] ?? defaultWorkerYoungGenerationMb);
  return Number.isFinite(value) && value > 0 ? value : 0;
}

/** Analysis threads: `run` gives a task's result (a line, or rows, as the task asks). */
export interface AnalysisPool {
  /** Whether the threads are split into front and back halves of the pipeline. */
  readonly split: boolean;
  run(task: WorkerTask, options: { readonly signal: AbortSignal }): Promise<unknown>;
  destroy(): Promise<void>;
}

/**
 * Whether a pool of `workers` threads is split by default: an even number of threads that fill
 * the machine's cores (`cores`: `os.availableParallelism()`). The split saves CPU time (each
 * thread compiles half the code) at the price of a pipeline whose slower half sets the pace, so
 * it pays where the threads compete for the cores and not where cores are left over: 20,000
 * inputs, 2 workers on 2 cores, split: 142–149 articles/s, unsplit slower and 20 % more CPU time;
 * 2 workers on a 16-core Xeon (2026-11-27): split 139.6, unsplit 158.8, one worker 85.0.
 * `LEDE_SPLIT_WORKERS=0` turns the split off, `=1` on (for an even number of threads).
 */
export function splitsByDefault(workers: number, cores: number = availableParallelism(), setting: string | undefined = process.env['LEDE_SPLIT_WORKERS']): boolean {
  if (workers < 2 || workers % 2 !== 0 || setting === '0') return false;
  return setting === '1' || workers >= cores;
}

/**
 * Listens to the errors Piscina reports on the pool rather than on a task, which would otherwise
 * end the process: a reply from a thread the pool already gave up on (an article aborted at its
 * time budget just as it finished; Piscina terminates that thread, but a reply already sent still
 * arrives, and the article's error record is written already) is dropped; anything else (a thread
 * that failed between tasks, replaced at once) becomes a process warning. No task's result depends
 * on either.
 */
export function heedPoolErrors<T extends EventEmitter>(pool: T): T {
  pool.on('error', (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    if (message.startsWith('Unexpected message from Worker')) return;
    process.emitWarning(`analysis thread pool: ${message}`);
  });
  return pool;
}

/** A pool of `workers` analysis threads with room for `maxQueue` waiting tasks. */
export function analysisPool(workers: number, maxQueue: number | 'auto', split: boolean = splitsByDefault(workers), wholeAfter = WHOLE_AFTER): AnalysisPool {
  const filename = fileURLToPath(new URL(`./worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url));
  const young = youngGenerationMb();
  // The large model files every thread reads, unpacked once here and shared (one copy, not one a
  // thread; a single thread reads its own). They unpack while the threads load their code.
  const workerData = { sharedBytes: workers >= 2 ? shareGzippedFiles(defaultSharedFiles()).files : {} };
  const threads = (count: number): Piscina =>
    heedPoolErrors(new Piscina({ filename, maxThreads: count, minThreads: count, maxQueue, workerData, ...(young > 0 ? { resourceLimits: { maxYoungGenerationSizeMb: young } } : {}) }));
  if (!split || workers < 2) {
    const pool = threads(workers);
    return { split: false, run: (task, options) => pool.run(task, options), destroy: () => pool.destroy() };
  }
  const fronts = Math.ceil(workers / 2);
  const backs = workers - fronts;
  const front = threads(fronts);
  const back = threads(backs);
  // The back threads load their half while the front threads load theirs and analyse the first
  // articles, instead of after the first Doc reaches them (the side would otherwise start a
  // model-loading time late). A thread runs one task at a time: one preload task each.
  for (let thread = 0; thread < backs; thread++) void back.run({ preload: 'back' } satisfies PreloadTask).catch(() => undefined);
  // Tasks wait here, not in the threads' queues, so that each is given to a side only when a
  // thread of that side is free: a task's time in a thread is then its analysis time.
  const articles: Job[] = [];
  const finishing: { readonly job: Job; readonly doc: Uint8Array }[] = [];
  let frontBusy = 0;
  let backBusy = 0;
  // Mean ms of a front half and of a back half lately, and the credit of whole articles owed to
  // each side (see `share`).
  const halfMs = { front: 0, back: 0 };
  const timedHalves = { front: 0, back: 0 };
  const credit = { front: 0, back: 0 };
  const timed = (half: 'front' | 'back', outcome: Promise<unknown>): void => {
    const started = performance.now();
    void outcome.then(() => {
      const count = ++timedHalves[half];
      halfMs[half] += (performance.now() - started - halfMs[half]) / Math.min(count, 1 / BALANCE_WEIGHT);
    }, () => undefined);
  };
  const onFront = (job: Job, half: 'front' | undefined): void => {
    job.dispatched();
    frontBusy++;
    const outcome = front.run(half ? { ...job.task, half } : job.task, { signal: job.signal }).finally(() => { frontBusy--; pump(); });
    if (!half) return void outcome.then(job.resolve, job.reject);
    timed('front', outcome);
    outcome.then((first: unknown) => {
      // Anything but a Doc is the article's error result, already in the task's form.
      if (!(first instanceof Uint8Array)) return job.resolve(first);
      finishing.push({ job, doc: first });
      pump();
    }, job.reject);
  };
  const onBack = (job: Job, doc: Uint8Array | undefined): void => {
    if (!doc) job.dispatched();
    backBusy++;
    const task: WorkerTask | BackTask = doc ? { id: job.task.id, doc, offsets: job.task.offsets, ...(job.task.result ? { result: job.task.result } : {}) } : job.task;
    const outcome = back.run(task, { signal: job.signal, ...(doc ? { transferList: [doc.buffer as ArrayBuffer] } : {}) }).finally(() => { backBusy--; pump(); });
    if (doc) timed('back', outcome);
    outcome.then(job.resolve, job.reject);
  };
  let given = 0;
  const pump = (): void => {
    // Warm: every thread takes whole articles (the halves have served their purpose, and the
    // Doc's crossing is then pure cost).
    if (given >= wholeAfter) {
      while (backBusy < backs && finishing.length > 0) {
        const next = finishing.shift()!;
        onBack(next.job, next.doc);
      }
      while (backBusy < backs && articles.length > 0) onBack(articles.shift()!, undefined);
      while (frontBusy < fronts && articles.length > 0) onFront(articles.shift()!, undefined);
      return;
    }
    // A back thread finishes the fronts' Docs, and takes the whole articles owed to its side.
    while (backBusy < backs && (finishing.length > 0 || (credit.back >= 1 && articles.length > 0))) {
      const next = finishing.shift();
      if (next) onBack(next.job, next.doc);
      else {
        credit.back--;
        // A scraped page near the head of the queue moves the most front work (its extraction).
        const page = articles.slice(0, 8).findIndex((job) => typeof job.task.input.html === 'string');
        onBack(articles.splice(Math.max(page, 0), 1)[0]!, undefined);
      }
    }
    while (frontBusy < fronts && articles.length > 0) {
      const job = articles.shift()!;
      given++;
      const owed = share(Math.min(timedHalves.front, timedHalves.back) >= BALANCE_AFTER ? halfMs : undefined);
      // Per article the front side takes: the back side's whole ones are then that share of all.
      credit.back = Math.min(credit.back + owed.back / (1 - owed.back), backs);
      credit.front = Math.min(credit.front + owed.front, fronts);
      if (credit.front >= 1) {
        credit.front--;
        onFront(job, undefined);
      } else onFront(job, 'front');
    }
  };
  return {
    split: true,
    run: (task, options) =>
      new Promise((resolve, reject) => {
        if (options.signal.aborted) return reject(abortError());
        // A budget that runs out while the article waits here ends it here (once it is given to a
        // thread, Piscina watches the signal: the listener goes, or the signal, which lives until
        // its budget is spent, would hold the article that long).
        const expire = (): void => {
          const index = articles.indexOf(job);
          if (index >= 0) {
            articles.splice(index, 1);
            reject(abortError());
          }
        };
        const job: Job = { task, signal: options.signal, resolve, reject, dispatched: () => options.signal.removeEventListener('abort', expire) };
        options.signal.addEventListener('abort', expire, { once: true });
        articles.push(job);
        pump();
      }),
    destroy: async () => {
      for (const job of [...articles.splice(0), ...finishing.splice(0).map((entry) => entry.job)]) job.reject(new Error('the analysis pool was closed'));
      await Promise.all([front.destroy(), back.destroy()]);
    },
  };
}

/**
 * Articles a split pool gives out in halves before its threads go over to whole articles: by
 * default never. The halves save compiling while the code is cold (on the 1,650 shared articles,
 * 2 threads: 16 % less CPU time than two whole-pipeline threads) and memory all along: a thread
 * that runs one half holds only that half's models. Going over to whole articles after 4,000
 * (the default until 2026-11-26, when the Doc's crossing cost ~1 ms an article) gave 13,200
 * inputs 145.8 and 148.5 articles/s at 646 and 667 MB peak RSS; halves throughout, with the
 * crossing's tokens packed (`doc-transfer.ts`), 145.3 and 143.7 articles/s at 594 and 625 MB and
 * less CPU time (interleaved runs).
 */
export const WHOLE_AFTER = Number.POSITIVE_INFINITY;

/** Halves timed before the pool starts balancing them, and the weight of each later one in the (then moving) mean. */
const BALANCE_AFTER = 16;
const BALANCE_WEIGHT = 1 / 16;
/** The ratio of the halves' mean times up to which neither side takes whole articles (see {@link share}). */
const BALANCE_RATIO = 1.5;

/**
 * The share of articles each side should analyse whole so that both sides' threads have the same
 * work, given the mean front and back halves (F, B ms): with F > B, the back side takes
 * g = (F − B) / 2F of the articles whole ((1 − g)F = (1 − g)B + g(F + B)); with B > F, the front
 * side takes (B − F) / 2B. While the slower half takes at most {@link BALANCE_RATIO} times the
 * other, none: a thread that analyses whole articles loads and compiles the other half too, which
 * costs more than the idle time saved (news text, 2 threads: 20 % more CPU time and 100 MB more
 * memory than the halves alone); a batch of scraped pages (front 5 times the back) is balanced.
 */
export function share(mean: { readonly front: number; readonly back: number } | undefined): { front: number; back: number } {
  if (!mean || !(mean.front > 0) || !(mean.back > 0)) return { front: 0, back: 0 };
  const { front, back } = mean;
  if (Math.max(front, back) <= BALANCE_RATIO * Math.min(front, back)) return { front: 0, back: 0 };
  return front > back ? { front: 0, back: (front - back) / (2 * front) } : { front: (back - front) / (2 * back), back: 0 };
}

interface Job {
  readonly task: WorkerTask;
  readonly signal: AbortSignal;
  readonly resolve: (value: unknown) => void;
  readonly reject: (reason: unknown) => void;
  /** Called when the job leaves the pool's queue for a thread. */
  readonly dispatched: () => void;
}

function abortError(): Error {
  const error = new Error('The task has been aborted');
  error.name = 'AbortError';
  return error;
}
