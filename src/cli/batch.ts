/**
 * Streaming batches: inputs are read lazily, analysed by a pool of worker threads (or in process),
 * and written in input order, one line each, in constant memory. `--resume` skips the ids an
 * earlier, interrupted run already wrote; a partial last line from a crash is cut off first.
 */
import { closeSync, existsSync, openSync, readSync, statSync, truncateSync, writeSync } from 'node:fs';
import { cpus } from 'node:os';
import { LedeError } from '../errors.js';
import type { WorkerTask } from '../pipeline/worker.js';
import type { InputItem } from '../stages/ingest/inputs.js';
import { readLines } from '../util/lines.js';

/** Options of a batch run. */
export interface BatchOptions {
  /** Output file (required for `resume`); stdout when absent. */
  readonly output?: string;
  /** Worker threads; 0 analyses in the main thread. Default: one per core. */
  readonly workers?: number;
  readonly published?: string;
  readonly offsets: 'text' | 'source';
  /** Skip ids already in `output`. */
  readonly resume?: boolean;
  /** Per-article time budget in ms (worker mode only; default 30 s). */
  readonly timeoutMs?: number;
  /** Called with counts now and then (progress display). */
  readonly onProgress?: (done: number, failed: number) => void;
}

/** What a batch did. */
export interface BatchSummary {
  articles: number;
  skipped: number;
  errors: Record<string, number>;
  seconds: number;
}

/** Ids already written to an output file; cuts a partial last line left by a crash. */
export async function completedIds(path: string): Promise<Set<string>> {
  const ids = new Set<string>();
  if (!existsSync(path)) return ids;
  // Cut everything after the last newline: a line without one was being written when the run died.
  const size = statSync(path).size;
  if (size > 0) {
    const descriptor = openSync(path, 'r');
    const chunk = Buffer.alloc(Math.min(size, 1 << 20));
    let end = size;
    let cut = -1;
    while (end > 0 && cut < 0) {
      const start = Math.max(0, end - chunk.length);
      readSync(descriptor, chunk, 0, end - start, start);
      const index = chunk.subarray(0, end - start).lastIndexOf(10);
      if (index >= 0) cut = start + index + 1;
      end = start;
    }
    closeSync(descriptor);
    truncateSync(path, cut < 0 ? 0 : cut);
  }
  for await (const line of readLines(path)) {
    if (typeof line !== 'string') continue;
    const match = /^\{"id":("(?:[^"\\]|\\.)*")/.exec(line);
    if (match?.[1]) ids.add(JSON.parse(match[1]) as string);
  }
  return ids;
}

/** Runs a batch; every input ends as exactly one output line. */
export async function runBatch(items: AsyncIterable<InputItem>, options: BatchOptions): Promise<BatchSummary> {
  const started = performance.now();
  const summary: BatchSummary = { articles: 0, skipped: 0, errors: {}, seconds: 0 };
  const done = options.resume && options.output ? await completedIds(options.output) : new Set<string>();
  const descriptor = options.output ? openSync(options.output, options.resume ? 'a' : 'w') : 1;
  const write = (line: string | Uint8Array): void => {
    // One write per line: a crash leaves at most one partial line, which --resume cuts. A worker's
    // result comes as the line's bytes with its newline; error records come as text.
    if (line instanceof Uint8Array) writeSync(descriptor, line);
    else {
      writeSync(descriptor, `${line}\n`);
      const error = /^\{"id":"(?:[^"\\]|\\.)*","error":\{"code":"([A-Z_]+)"/.exec(line);
      if (error?.[1]) summary.errors[error[1]] = (summary.errors[error[1]] ?? 0) + 1;
    }
    summary.articles++;
    options.onProgress?.(summary.articles, Object.values(summary.errors).reduce((a, b) => a + b, 0));
  };
  const workers = options.workers ?? cpus().length;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const task = (item: Extract<InputItem, { input: unknown }>): WorkerTask => ({
    id: item.id,
    input: item.input,
    offsets: options.offsets,
    ...(options.published ? { published: options.published } : {}),
  });
  const errorLine = (id: string, error: LedeError): string => JSON.stringify({ id, error: { code: error.code, message: error.message } });
  try {
    if (workers <= 0) {
      // The stages load only here: with worker threads, the main thread just reads and writes.
      const [{ defaultStages }, { createPipeline }, { analyzeToLine }] = await Promise.all([import('../pipeline/default-stages.js'), import('../pipeline/pipeline.js'), import('../pipeline/worker.js')]);
      const pipeline = await createPipeline(defaultStages());
      for await (const item of items) {
        if (done.has(item.id)) { summary.skipped++; continue; }
        write('error' in item ? errorLine(item.id, item.error) : analyzeToLine(pipeline, task(item)));
      }
    } else {
      const { analysisPool } = await import('../pipeline/worker-pool.js');
      const pool = analysisPool(workers, 'auto');
      const window: Promise<string | Uint8Array>[] = [];
      const limit = workers * 4;
      try {
        for await (const item of items) {
          if (done.has(item.id)) { summary.skipped++; continue; }
          if ('error' in item) window.push(Promise.resolve(errorLine(item.id, item.error)));
          else {
            const id = item.id;
            window.push(
              (pool.run({ ...task(item), result: 'bytes' }, { signal: AbortSignal.timeout(timeoutMs) }) as Promise<string | Uint8Array>).catch((error: unknown) =>
                errorLine(id, error instanceof Error && error.name === 'AbortError'
                  ? new LedeError('E_TIMEOUT', `${id}: analysis took longer than the ${timeoutMs} ms budget per article`, id)
                  : new LedeError('E_INTERNAL', `${id}: worker failed: ${error instanceof Error ? error.message : String(error)}`, id)),
              ),
            );
          }
          // Bounded window, written in input order: memory stays flat whatever the input size.
          while (window.length >= limit) write(await window.shift()!);
        }
        while (window.length) write(await window.shift()!);
      } finally {
        await pool.destroy();
      }
    }
  } finally {
    if (descriptor !== 1) closeSync(descriptor);
  }
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}
