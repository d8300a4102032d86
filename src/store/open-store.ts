/**
 * Opens the store a user names: a PostgreSQL URL (`postgres://…`) or a SQLite file path.
 */
import { DEFAULT_SQLITE_PATH, openSqliteStore } from './sqlite-store.js';
import type { Store } from './store.js';

/** True when `target` names a PostgreSQL server rather than a SQLite file. */
export function isPostgresUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//i.test(target);
}

/**
 * Opens `target`: a `postgres://` or `postgresql://` URL opens the PostgreSQL store, anything
 * else is a SQLite file (default `./lede.db`, created when absent). Throws `E_DB` when it cannot.
 */
export async function openStore(target: string = DEFAULT_SQLITE_PATH): Promise<Store> {
  if (!isPostgresUrl(target)) return openSqliteStore(target);
  // Loaded when asked for: `pg` and its protocol code take ~70 ms to load, for nothing in a
  // SQLite run.
  const { openPostgresStore } = await import('./postgres-store.js');
  return openPostgresStore(target);
}
