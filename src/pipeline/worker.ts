/**
 * Worker-thread entry for batches: each worker builds the pipeline once and turns one input into
 * one finished JSONL line (a result or an error record), so the main thread only writes; for
 * `lede ingest`, into the article's store rows, so the main thread only stores. In a split pool
 * (`worker-pool.ts`) a thread runs one half of the pipeline instead: the front half turns an input
 * into a serialised Doc, the back half turns that Doc into the line or the rows.
 */
import { move, workerData } from 'piscina';
import type { Doc } from '../doc/schema.js';
import { withSourceOffsets } from '../doc/source-offsets.js';
import { errorRecord, toLedeError, type ErrorCode } from '../errors.js';
import { articleRows, packRows, type PackedRows } from '../store/article-rows.js';
import { defaultSplitStage, defaultStages } from './default-stages.js';
import { acceptSharedBytes } from '../util/shared-bytes.js';
import { deserializeDoc, serializeDoc } from './doc-transfer.js';
import { createPipelineHalf, type ArticleInput, type Pipeline, type PipelineHalf } from './pipeline.js';

/** One task sent to a worker. */
export interface WorkerTask {
  readonly id: string;
  readonly input: ArticleInput;
  readonly published?: string;
  readonly offsets: 'text' | 'source';
  /**
   * `line` (default): the output line; `bytes`: the same line with its newline as UTF-8 bytes,
   * moved to the main thread (an error record stays a line of text); `rows`: the store rows,
   * packed ({@link WorkerRows}; `offsets` is then ignored).
   */
  readonly result?: 'line' | 'bytes' | 'rows';
  /** `front`: run only the stages before the split and return the Doc serialised (or the error, as `result` says). */
  readonly half?: 'front';
}

/** The back half's task: a front Doc (`serializeDoc`, doc-transfer.ts) to finish as `result` says. */
export interface BackTask {
  readonly id: string;
  readonly doc: Uint8Array;
  readonly offsets: 'text' | 'source';
  readonly result?: 'line' | 'bytes' | 'rows';
}

/** A `rows` task's result: the article's store rows, or its error record. */
export type WorkerRows = { readonly rows: PackedRows } | { readonly error: { readonly code: ErrorCode; readonly message: string } };

/** Analyses one article and returns its output line (without the newline). */
export function analyzeToLine(ready: Pipeline, task: WorkerTask): string {
  return finished({ ...task, result: 'line' }, () => ready.analyze(task.input, optionsOf(task))) as string;
}

/**
 * Analyses one article and flattens it into store rows, packed (`PackedRows`): a fraction of the
 * Doc's size, with no JSON in between, and passed on by the main thread without unpacking.
 */
export function analyzeToRows(ready: Pipeline, task: WorkerTask): WorkerRows {
  return finished({ ...task, result: 'rows' }, () => ready.analyze(task.input, optionsOf(task))) as WorkerRows;
}

/** The front half: the Doc after the first stages, serialised, or the task's error result. */
export function analyzeFront(half: PipelineHalf, task: WorkerTask): Uint8Array | string | WorkerRows {
  try {
    return serializeDoc(half.front(task.input, optionsOf(task)));
  } catch (error) {
    return failed(task, error);
  }
}

/** The back half: the finished line (text or bytes) or rows of a front Doc. */
export function analyzeBack(half: PipelineHalf, task: BackTask): string | Uint8Array | WorkerRows {
  return finished(task, () => half.back(deserializeDoc(task.doc)));
}

/** A whole article through both halves in this thread: the line (text or bytes) or rows, or its error result. */
export function analyzeWhole(front: PipelineHalf, back: PipelineHalf, task: WorkerTask): string | Uint8Array | WorkerRows {
  return finished(task, () => back.back(front.front(task.input, optionsOf(task))));
}

type Finishing = Pick<BackTask, 'id' | 'offsets' | 'result'>;

function optionsOf(task: WorkerTask): { published?: string } {
  return task.published ? { published: task.published } : {};
}

const encoder = new TextEncoder();

/** The Doc `analyse` makes, as the task asks for it (line, bytes or rows), or the task's error result. */
function finished(task: Finishing, analyse: () => Doc): string | Uint8Array | WorkerRows {
  try {
    const doc = analyse();
    if (task.result === 'rows') return { rows: packRows(articleRows(doc)) };
    const line = JSON.stringify({ id: task.id, ...(task.offsets === 'source' ? withSourceOffsets(doc) : doc) });
    // Bytes cross to the main thread without a copy and are written as they are: the main thread
    // neither holds the text (60 KB an article, twice that as UTF-16) nor encodes it again.
    return task.result === 'bytes' ? encoder.encode(`${line}\n`) : line;
  } catch (error) {
    return failed(task, error);
  }
}

/** An article's error record, as the task asks for it: a line (for `bytes` too) or a rows result. */
function failed(task: Finishing, error: unknown): string | WorkerRows {
  const record = errorRecord(toLedeError(error, task.id));
  return task.result === 'rows' ? { error: record } : JSON.stringify({ id: task.id, error: record });
}

// The model files the pool's thread unpacked into shared memory (`analysisPool`), read in place.
acceptSharedBytes((workerData as { sharedBytes?: unknown } | undefined)?.sharedBytes);

// A thread loads each half when it first runs it: a thread of a split pool that only ever runs
// one half holds only that half's models.
let front: Promise<PipelineHalf> | undefined;
let back: Promise<PipelineHalf> | undefined;
const frontHalf = (): Promise<PipelineHalf> => (front ??= createPipelineHalf(defaultStages(), defaultSplitStage, 'front'));
const backHalf = (): Promise<PipelineHalf> => (back ??= createPipelineHalf(defaultStages(), defaultSplitStage, 'back'));

/** A task that only loads a half's models and code (a split pool's back threads, at its start). */
export interface PreloadTask {
  readonly preload: 'back';
}

/** Piscina task function. */
export default async function runTask(task: WorkerTask | BackTask | PreloadTask): Promise<unknown> {
  if ('preload' in task) {
    await backHalf();
    return null;
  }
  if ('doc' in task) return movable(analyzeBack(await backHalf(), task));
  if (task.half === 'front') {
    const result = analyzeFront(await frontHalf(), task);
    // The serialised Doc moves to the main thread (and on to a back thread) without a copy.
    return result instanceof Uint8Array ? move(result) : result;
  }
  const [first, second] = await Promise.all([frontHalf(), backHalf()]);
  return movable(analyzeWhole(first, second, task));
}

/** A result to return from a task: bytes are moved (transferred), not copied. */
function movable(result: string | Uint8Array | WorkerRows): unknown {
  return result instanceof Uint8Array ? move(result) : result;
}
