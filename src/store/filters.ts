/**
 * Validating filters at the edge (HTTP query strings, CLI options) and the query helpers the CLI
 * calls: `searchStore` for `lede search`, `listStoreEvents` for `lede events`.
 */
import type { z } from 'zod';
import { LedeError, type ErrorCode } from '../errors.js';
import { EventFilterSchema, FilterSchema, type EventFilter, type Filter, type SearchResult, type Store, type EventRecord } from './store.js';

function describeIssues(error: z.ZodError, where: string): string {
  return error.issues.map((issue) => `${where} ${issue.path.join('.') || 'value'}: ${issue.message}`).join('; ');
}

/** Validates raw filters (strings from a query string or CLI options); throws `code` (default E_BAD_REQUEST) naming the field. */
export function parseFilter(raw: unknown, code: ErrorCode = 'E_BAD_REQUEST', where = 'query parameter'): Filter {
  const parsed = FilterSchema.strict().safeParse(raw ?? {});
  if (!parsed.success) throw new LedeError(code, describeIssues(parsed.error, where));
  return parsed.data;
}

/** Validates raw event filters (as {@link parseFilter}, plus `all`). */
export function parseEventFilter(raw: unknown, code: ErrorCode = 'E_BAD_REQUEST', where = 'query parameter'): EventFilter {
  const parsed = EventFilterSchema.strict().safeParse(raw ?? {});
  if (!parsed.success) throw new LedeError(code, describeIssues(parsed.error, where));
  return parsed.data;
}

/** Drops undefined values (commander leaves unset options undefined; zod's strict mode is fine with that, but keep the record tidy). */
function defined(raw: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== undefined));
}

/**
 * `lede search "query" [--entity NAME] [--type T] [--place P] [--from D] [--to D] [--limit N]`:
 * validates the options (E_USAGE naming the bad one) and searches the store.
 */
export async function searchStore(store: Store, options: { q?: string; entity?: string; type?: string; place?: string; from?: string; to?: string; limit?: number | string; offset?: number | string; sort?: string }): Promise<SearchResult> {
  return store.search(parseFilter(defined(options), 'E_USAGE', 'option'));
}

/** `lede events [filters] --format csv|json`: validates the options (E_USAGE) and lists events (up to 10,000 unless `limit` says otherwise). */
export async function listStoreEvents(store: Store, options: { q?: string; entity?: string; type?: string; place?: string; from?: string; to?: string; limit?: number | string; offset?: number | string; all?: boolean | string }): Promise<EventRecord[]> {
  return store.listEvents(parseEventFilter({ limit: 10000, ...defined(options) }, 'E_USAGE', 'option'));
}
