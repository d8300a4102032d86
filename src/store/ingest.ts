/**
 * Ingesting a batch: every input is analysed and stored (one transaction each) or becomes an
 * error record with its id, so a batch never loses an article and a re-run updates instead of
 * duplicating.
 */
import { errorRecord, toLedeError, type ErrorCode } from '../errors.js';
import type { Pipeline } from '../pipeline/pipeline.js';
import type { InputItem } from '../stages/ingest/inputs.js';
import type { Store } from './store.js';

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

/**
 * Analyses and stores every item (`readInputs(spec)` yields them). Never throws for one bad
 * article: it is counted and reported with its id. Throws only when the store itself fails
 * (`E_DB`), since then every later article would fail the same way.
 */
export async function ingestInputs(
  store: Store,
  pipeline: Pipeline,
  items: AsyncIterable<InputItem> | Iterable<InputItem>,
  onProgress?: IngestProgress,
): Promise<IngestSummary> {
  const started = performance.now();
  let created = 0;
  let updated = 0;
  let failed = 0;
  const errors: { id: string; error: { code: ErrorCode; message: string } }[] = [];
  for await (const item of items) {
    const done = await ingestOne(store, pipeline, item);
    if (done.status === 'failed') {
      failed++;
      errors.push({ id: done.id, error: done.error });
    } else if (done.status === 'created') created++;
    else updated++;
    onProgress?.({ total: created + updated + failed, created, updated, failed }, done);
  }
  return { total: created + updated + failed, created, updated, failed, errors, seconds: (performance.now() - started) / 1000 };
}

/** Analyses and stores one item (store failures throw; analysis failures become an outcome). */
export async function ingestOne(store: Store, pipeline: Pipeline, item: InputItem): Promise<IngestOutcome> {
  if ('error' in item) return { id: item.id, status: 'failed', error: errorRecord(item.error) };
  let doc;
  try {
    doc = pipeline.analyze(item.input, { id: item.id });
  } catch (error) {
    return { id: item.id, status: 'failed', error: errorRecord(toLedeError(error, item.id)) };
  }
  const result = await store.putArticle(doc);
  return { id: item.id, status: result.status, storeId: result.id };
}
