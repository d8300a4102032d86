/**
 * Worker-thread entry for batches: each worker builds the pipeline once and turns one input into
 * one finished JSONL line (a result or an error record), so the main thread only writes; for
 * `lede ingest`, into the article's store rows, so the main thread only stores.
 */
import { withSourceOffsets } from '../doc/source-offsets.js';
import { errorRecord, toLedeError, type ErrorCode } from '../errors.js';
import { articleRows, type ArticleRows } from '../store/article-rows.js';
import { defaultStages } from './default-stages.js';
import { createPipeline, type ArticleInput, type Pipeline } from './pipeline.js';

/** One task sent to a worker. */
export interface WorkerTask {
  readonly id: string;
  readonly input: ArticleInput;
  readonly published?: string;
  readonly offsets: 'text' | 'source';
  /** `line` (default): the output line; `rows`: the store rows ({@link WorkerRows}; `offsets` is then ignored). */
  readonly result?: 'line' | 'rows';
}

/** A `rows` task's result: the article's store rows, or its error record. */
export type WorkerRows = { readonly rows: ArticleRows } | { readonly error: { readonly code: ErrorCode; readonly message: string } };

let pipeline: Promise<Pipeline> | undefined;

/** Analyses one article and returns its output line (without the newline). */
export function analyzeToLine(ready: Pipeline, task: WorkerTask): string {
  try {
    const doc = ready.analyze(task.input, task.published ? { published: task.published } : {});
    return JSON.stringify({ id: task.id, ...(task.offsets === 'source' ? withSourceOffsets(doc) : doc) });
  } catch (error) {
    return JSON.stringify({ id: task.id, error: errorRecord(toLedeError(error, task.id)) });
  }
}

/**
 * Analyses one article and flattens it into store rows. Rows are a fraction of the Doc's size and
 * cross to the main thread as they are (structured clone), with no JSON in between.
 */
export function analyzeToRows(ready: Pipeline, task: WorkerTask): WorkerRows {
  try {
    return { rows: articleRows(ready.analyze(task.input, task.published ? { published: task.published } : {})) };
  } catch (error) {
    return { error: errorRecord(toLedeError(error, task.id)) };
  }
}

/** Piscina task function. */
export default async function runTask(task: WorkerTask): Promise<string | WorkerRows> {
  pipeline ??= createPipeline(defaultStages());
  const ready = await pipeline;
  return task.result === 'rows' ? analyzeToRows(ready, task) : analyzeToLine(ready, task);
}
