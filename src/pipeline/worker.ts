/**
 * Worker-thread entry for batches: each worker builds the pipeline once and turns one input into
 * one finished JSONL line (a result or an error record), so the main thread only writes.
 */
import { withSourceOffsets } from '../doc/source-offsets.js';
import { errorRecord, toLedeError } from '../errors.js';
import { defaultStages } from './default-stages.js';
import { createPipeline, type ArticleInput, type Pipeline } from './pipeline.js';

/** One task sent to a worker. */
export interface WorkerTask {
  readonly id: string;
  readonly input: ArticleInput;
  readonly published?: string;
  readonly offsets: 'text' | 'source';
}

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

/** Piscina task function. */
export default async function runTask(task: WorkerTask): Promise<string> {
  pipeline ??= createPipeline(defaultStages());
  return analyzeToLine(await pipeline, task);
}
