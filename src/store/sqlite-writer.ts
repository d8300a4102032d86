/**
 * A SQLite store's writes in a thread of their own, for ingesting with analysis threads.
 *
 * better-sqlite3 is synchronous: a batch of 32 articles held the main thread for about 60 ms (its
 * full-text index is written at each commit), and while it did, no analysis thread that finished
 * an article could be given the next one, since tasks are handed out by the main thread. In
 * `lede ingest` the two analysis threads of a 2-core machine sat idle for much of each commit. The
 * writer thread opens its own connection to the same file (WAL mode: the main thread's connection
 * stays idle meanwhile) and stores the batches in the order they are sent, one transaction each,
 * exactly as the store itself would.
 */
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { LedeError, type ErrorCode } from '../errors.js';
import { heedPoolErrors } from '../pipeline/worker-pool.js';
import type { ArticleRows, PackedRows } from './article-rows.js';
import type { PutResult, Store } from './store.js';
import type { WriterReply, WriterTask } from './sqlite-writer-thread.js';

/** What ingesting needs of a store: storing batches of rows (packed ones too, `PackedRows`), in order. */
export interface RowSink {
  putRows(articles: readonly (ArticleRows | PackedRows)[]): Promise<PutResult[]>;
}

/** {@link RowSink} in a thread of its own; `close` closes its connection and ends the thread. */
export interface SqliteWriter extends RowSink {
  close(): Promise<void>;
}

/** Whether a store's writes can move to a {@link SqliteWriter}: a SQLite file (not `:memory:`, which one connection alone sees). */
export function canWriteInThread(store: Store): boolean {
  return store.kind === 'sqlite' && store.location !== ':memory:';
}

/**
 * Starts a writer thread on the SQLite file at `path` (already opened and migrated by the caller's
 * store). Resolves once its connection is open; a failure to open rejects with the store's error.
 */
export async function openSqliteWriter(path: string): Promise<SqliteWriter> {
  const filename = fileURLToPath(new URL(`./sqlite-writer-thread${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url));
  // One thread, one task at a time: the batches are stored in the order they are sent.
  const pool = heedPoolErrors(new Piscina({ filename, minThreads: 1, maxThreads: 1, concurrentTasksPerWorker: 1 }));
  const ask = async (task: WriterTask): Promise<PutResult[]> => {
    let reply: WriterReply;
    try {
      reply = (await pool.run(task)) as WriterReply;
    } catch (error) {
      throw new LedeError('E_DB', `${path}: the store's writer thread failed: ${error instanceof Error ? error.message : String(error)}`, path);
    }
    if ('error' in reply) throw new LedeError(reply.error.code as ErrorCode, reply.error.message, reply.error.input);
    return [...reply.results];
  };
  try {
    await ask({ open: path });
  } catch (error) {
    await pool.destroy();
    throw error;
  }
  let closed: Promise<void> | undefined;
  return {
    // Packed rows cross as bytes (copied, not moved: a batch that fails is sent again one article at a time).
    putRows: (articles: readonly (ArticleRows | PackedRows)[]) =>
      closed ? Promise.reject(new LedeError('E_DB', `${path}: the store's writer is closed`, path)) : ask({ articles }),
    close(): Promise<void> {
      closed ??= ask({ close: true }).then(
        () => pool.destroy(),
        (error: unknown) => pool.destroy().then(() => Promise.reject(error)),
      );
      return closed;
    },
  };
}
