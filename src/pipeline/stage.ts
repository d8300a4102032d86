import type { Doc, DocField } from '../doc/schema.js';

/**
 * Shared, read-only resources loaded once per process (model weights, gazetteer, lexicons).
 * Each stage that needs one declares a loader; the pipeline loads it once and passes it in.
 */
export type Resources = Readonly<Record<string, unknown>>;

/** Options every stage sees for one run. */
export interface RunContext {
  /** Reference date `YYYY-MM-DD` for relative time expressions, when known. */
  readonly published?: string;
}

/**
 * One step of the pipeline. It reads the fields named in `requires` and returns the fields named
 * in `assigns`; it never edits what an earlier stage assigned.
 */
export interface Stage {
  readonly name: string;
  readonly requires: readonly DocField[];
  readonly assigns: readonly DocField[];
  /** Loads the resources the stage needs; called once per pipeline. */
  readonly load?: () => Promise<unknown> | unknown;
  readonly run: (doc: Readonly<Doc>, resource: unknown, context: RunContext) => Partial<Doc>;
}
