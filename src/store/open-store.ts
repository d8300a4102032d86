/**
 * Opens the store a user names: a PostgreSQL URL (`postgres://…`) or a SQLite file path.
 */
import { openPostgresStore } from './postgres-store.js';
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
  return isPostgresUrl(target) ? openPostgresStore(target) : openSqliteStore(target);
}
