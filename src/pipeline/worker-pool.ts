/**
 * The pool of analysis worker threads that `lede analyze` and `lede ingest` share (`worker.ts` in
 * each thread).
 *
 * With an even number of threads the pool is split by default: half the threads run the front of
 * the pipeline (ingest to time) and half the back (places to summary), and each article's Doc moves
 * from a front thread to a back thread serialised (`v8.serialize`, ~48 KB, transferred without a
 * copy through the main thread). Each thread then loads, holds and compiles only half the models
 * and code: V8 compiles every hot function once per thread, and on a batch of a few thousand
 * articles that compiling was half the CPU time; the models a thread touches fit its caches
 * better. The price is the serialising, ~0.7 ms per article of the ~10 the analysis takes. An odd
 * number of threads (or `LEDE_SPLIT_WORKERS=0`) gives a pool where every thread runs the whole
 * pipeline.
 */
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { BackTask, WorkerTask } from './worker.js';

/**
 * Young-generation size of each worker thread's heap, in MB, when `LEDE_WORKER_YOUNG_MB` does not
 * say (0: V8's default). A document's objects (tokens, mentions, per-stage work) live for the whole
 * pipeline; a young generation that holds a few documents lets most of them die there instead of
 * being copied and promoted. See the README for the measured trade-off of speed against memory.
 */
export const defaultWorkerYoungGenerationMb = 0;

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

/** Whether a pool of `workers` threads is split by default (an even number; `LEDE_SPLIT_WORKERS=0` turns it off). */
export function splitsByDefault(workers: number): boolean {
  return workers >= 2 && workers % 2 === 0 && process.env['LEDE_SPLIT_WORKERS'] !== '0';
}

/** A pool of `workers` analysis threads with room for `maxQueue` waiting tasks. */
export function analysisPool(workers: number, maxQueue: number | 'auto', split = splitsByDefault(workers)): AnalysisPool {
  const filename = fileURLToPath(new URL(`./worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url));
  const young = youngGenerationMb();
  const threads = (count: number): Piscina =>
    new Piscina({ filename, maxThreads: count, minThreads: count, maxQueue, ...(young > 0 ? { resourceLimits: { maxYoungGenerationSizeMb: young } } : {}) });
  if (!split || workers < 2) {
    const pool = threads(workers);
    return { split: false, run: (task, options) => pool.run(task, options), destroy: () => pool.destroy() };
  }
  const fronts = Math.ceil(workers / 2);
  const front = threads(fronts);
  const back = threads(workers - fronts);
  return {
    split: true,
    run: async (task, options) => {
      const first: unknown = await front.run({ ...task, half: 'front' }, options);
      // Anything but a Doc is the article's error result, already in the task's form.
      if (!(first instanceof Uint8Array)) return first;
      const next: BackTask = { id: task.id, doc: first, offsets: task.offsets, ...(task.result ? { result: task.result } : {}) };
      return back.run(next, { signal: options.signal, transferList: [first.buffer as ArrayBuffer] });
    },
    destroy: async () => {
      await Promise.all([front.destroy(), back.destroy()]);
    },
  };
}
