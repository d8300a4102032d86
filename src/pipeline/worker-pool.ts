/**
 * The pool of analysis worker threads that `lede analyze` and `lede ingest` share: one module
 * (`worker.ts`) per thread, each building the pipeline once.
 */
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';

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

/** A pool of `workers` analysis threads with room for `maxQueue` waiting tasks. */
export function analysisPool(workers: number, maxQueue: number | 'auto'): Piscina {
  const filename = fileURLToPath(new URL(`./worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url));
  const young = youngGenerationMb();
  return new Piscina({ filename, maxThreads: workers, minThreads: workers, maxQueue, ...(young > 0 ? { resourceLimits: { maxYoungGenerationSizeMb: young } } : {}) });
}
