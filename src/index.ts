/**
 * Lede as a library: `analyze(input, options)` for one article, `createPipeline(stages)` to build
 * a pipeline once and reuse it.
 */
import type { Doc } from './doc/schema.js';
import { defaultStages } from './pipeline/default-stages.js';
import { createPipeline, type AnalyzeOptions, type ArticleInput, type Pipeline } from './pipeline/pipeline.js';

export * from './doc/schema.js';
export { withSourceOffsets } from './doc/source-offsets.js';
export { foldForMatching, toSourceOffset } from './doc/text-builder.js';
export { ERROR_KINDS, LedeError, type ErrorCode } from './errors.js';
export { defaultStages } from './pipeline/default-stages.js';
export { checkStageOrder, createPipeline, ingest, type AnalyzeOptions, type ArticleInput, type Pipeline } from './pipeline/pipeline.js';
export type { RunContext, Stage } from './pipeline/stage.js';
export { segment } from './stages/segment/segment.js';
export { normalizeText } from './stages/normalize/normalize.js';

let shared: Promise<Pipeline> | undefined;

/**
 * Analyses one article with the default pipeline (built on first use and then reused: its
 * resources are read-only, so sharing it is safe).
 */
export async function analyze(input: string | ArticleInput, options: AnalyzeOptions = {}): Promise<Doc> {
  shared ??= createPipeline(defaultStages());
  return (await shared).analyze(input, options);
}
