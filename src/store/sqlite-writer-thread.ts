/**
 * The thread of a {@link SqliteWriter} (`sqlite-writer.ts`), a one-thread Piscina pool: it opens
 * its own connection to the SQLite file it is given and stores each batch of article rows, one
 * transaction a batch, in the order the tasks come.
 */
import { errorRecord, toLedeError } from '../errors.js';
import { unpackRows, type ArticleRows, type PackedRows } from './article-rows.js';
import { openSqliteStore } from './sqlite-store.js';
import type { PutResult, Store } from './store.js';

/** A task: open the file, store a batch, or close. */
export type WriterTask =
  | { readonly open: string }
  | { readonly articles: readonly (ArticleRows | PackedRows)[] }
  | { readonly close: true };

/** A task's outcome: the batch's results (empty for open and close), or the error, as a record. */
export type WriterReply = { readonly results: readonly PutResult[] } | { readonly error: { readonly code: string; readonly message: string; readonly input?: string } };

let store: Store | undefined;
let location = '';

function failure(error: unknown): WriterReply {
  const failed = toLedeError(error, location);
  return { error: { ...errorRecord(failed), ...(failed.input !== undefined ? { input: failed.input } : {}) } };
}

/** Piscina task function. */
export default async function runWriterTask(task: WriterTask): Promise<WriterReply> {
  try {
    if ('open' in task) {
      location = task.open;
      store = openSqliteStore(task.open);
      return { results: [] };
    }
    if ('close' in task) {
      await store?.close();
      store = undefined;
      return { results: [] };
    }
    if (!store) return { error: { code: 'E_INTERNAL', message: 'the store writer was given rows before it was opened' } };
    return { results: await store.putRows(task.articles.map(unpackRows)) };
  } catch (error) {
    return failure(error);
  }
}
