/**
 * The read queries, written once for both back ends. SQL uses `?` placeholders (PostgreSQL's are
 * numbered by {@link numberPlaceholders}); the only differences, full-text matching and text
 * ordering, go through a {@link Dialect}. Column aliases are snake_case because PostgreSQL folds
 * unquoted names to lower case.
 */
import type { ArticleHit, EntityMention, EntitySummary, EventFilter, EventRecord, Filter, QuoteHit } from './store.js';
import { parseQuery, slugify, snippet, toFts5Query, toTsQuery, type QueryTerm } from './text-keys.js';

/** A statement and its parameters. */
export interface Statement {
  readonly sql: string;
  readonly params: readonly unknown[];
}

/** What differs between SQLite and PostgreSQL in the read queries. */
export interface Dialect {
  readonly name: 'sqlite' | 'postgres';
  /** Condition: article `a` matches the full-text query. */
  articleMatches(terms: readonly QueryTerm[]): Statement;
  /** Condition: quote `q` matches the full-text query. */
  quoteMatches(terms: readonly QueryTerm[]): Statement;
  /**
   * FROM clause, match condition and relevance (smaller is better) of a ranked article search;
   * `titleMatch`: condition that the title alone matches (relevance candidates, see `rankCandidates`).
   */
  rankedArticles(terms: readonly QueryTerm[]): { from: string; match: Statement; rank: Statement; titleMatch?: Statement };
  /** A text column ordered by code point on both back ends. */
  ordered(column: string): string;
  /**
   * Relevance is computed for at most this many matches in the title and this many newest matches
   * (null: for every match). PostgreSQL's `ts_rank` reads each match's whole `tsvector` from TOAST
   * storage (about 14 µs each), so ranking every article that says `president` cost more than the
   * rest of the search together. Title matches are taken apart because the title weighs most in
   * the rank: by date alone, an older article with `government` in its headline fell out.
   */
  readonly rankCandidates: number | null;
}

/** SQLite: FTS5 tables `articles_fts` (title, body) and `quotes_fts` (body), rowid = key. */
export const SQLITE_DIALECT: Dialect = {
  name: 'sqlite',
  articleMatches: (terms) => ({ sql: 'a.key IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)', params: [toFts5Query(terms)] }),
  quoteMatches: (terms) => ({ sql: 'q.key IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)', params: [toFts5Query(terms)] }),
  // bm25 with the title weighted 4 times the body.
  rankedArticles: (terms) => ({
    from: 'articles_fts JOIN articles a ON a.key = articles_fts.rowid',
    match: { sql: 'articles_fts MATCH ?', params: [toFts5Query(terms)] },
    rank: { sql: 'bm25(articles_fts, 4.0, 1.0)', params: [] },
  }),
  ordered: (column) => column,
  // bm25 reads FTS5's own index, cheap for every match.
  rankCandidates: null,
};

/** PostgreSQL: `tsvector` columns `articles.search` (title weighted A) and `quotes.search`. */
export const POSTGRES_DIALECT: Dialect = {
  name: 'postgres',
  articleMatches: (terms) => ({ sql: "a.search @@ to_tsquery('simple', ?)", params: [toTsQuery(terms)] }),
  quoteMatches: (terms) => ({ sql: "q.search @@ to_tsquery('simple', ?)", params: [toTsQuery(terms)] }),
  rankedArticles: (terms) => ({
    from: 'articles a',
    match: { sql: "a.search @@ to_tsquery('simple', ?)", params: [toTsQuery(terms)] },
    rank: { sql: "(-ts_rank(a.search, to_tsquery('simple', ?)))", params: [toTsQuery(terms)] },
    titleMatch: { sql: "a.title_search @@ to_tsquery('simple', ?)", params: [toTsQuery(terms)] },
  }),
  ordered: (column) => `${column} COLLATE "C"`,
  rankCandidates: 100,
};

/** Rewrites `?` placeholders as `$1, $2, …` for PostgreSQL. */
export function numberPlaceholders(sql: string): string {
  let index = 0;
  return sql.replace(/\?/g, () => `$${++index}`);
}

class Conditions {
  readonly parts: string[] = [];
  readonly params: unknown[] = [];
  add(sql: string, ...params: unknown[]): void {
    this.parts.push(sql);
    this.params.push(...params);
  }
  addStatement(statement: Statement): void {
    this.add(statement.sql, ...statement.params);
  }
  get where(): string {
    return this.parts.length > 0 ? `WHERE ${this.parts.join(' AND ')}` : '';
  }
}

/** Subquery: keys of the entities an `entity` filter names (store id, or any name or alias). */
function entityKeys(entity: string): Statement {
  return { sql: '(SELECT key FROM entities WHERE id = ? UNION SELECT entity_key FROM entity_aliases WHERE slug = ?)', params: [entity.trim().toLowerCase(), slugify(entity)] };
}

/**
 * Subquery: keys of the events of a type (PLOVER type, ACLED type or sub-type, or mode), one
 * indexed lookup per column. An `OR` over the four columns made both back ends visit every
 * article's events instead (SQLite: 13 ms for `place=Libya` on 1,650 articles).
 */
function typeKeys(type: string): Statement {
  const key = type.trim().toLowerCase();
  return {
    sql: '(SELECT key FROM events WHERE lower(plover_type) = ? UNION SELECT key FROM events WHERE lower(acled_type) = ? UNION SELECT key FROM events WHERE lower(acled_sub_type) = ? UNION SELECT key FROM events WHERE lower(mode) = ?)',
    params: [key, key, key, key],
  };
}

/** Subquery: `column` values (`article_key` or `key`) of the rows of `table` (places or events) at a place, city or country. */
function placeKeys(table: 'places' | 'events', column: 'article_key' | 'key', place: string): Statement {
  const slug = slugify(place);
  const code = /^[A-Za-z]{2}$/.test(place.trim()) ? place.trim().toUpperCase() : '';
  return {
    sql: `(SELECT ${column} FROM ${table} WHERE place_key = ? UNION SELECT ${column} FROM ${table} WHERE country_key = ? UNION SELECT ${column} FROM ${table} WHERE country_code = ?)`,
    params: [slug, slug, code],
  };
}

function eventDateConditions(conditions: Conditions, alias: string, filter: Filter): void {
  if (filter.from) conditions.add(`${alias}.date_end >= ?`, filter.from);
  if (filter.to) conditions.add(`${alias}.date_start <= ?`, filter.to);
}

/** Most matches a search counts exactly (`SearchResult.totalExact` says when there were more). */
export const SEARCH_COUNT_CAP = 10_000;

/**
 * The article search: a count statement (matches up to `countCap + 1`, see {@link searchTotal})
 * and a page statement (the page's rows in order).
 */
export function articleSearch(dialect: Dialect, filter: Filter, countCap = SEARCH_COUNT_CAP): { count: Statement; page: Statement; terms: QueryTerm[] } {
  const terms = parseQuery(filter.q ?? '');
  const conditions = new Conditions();
  const ranked = terms.length > 0 ? dialect.rankedArticles(terms) : null;
  if (ranked) conditions.addStatement(ranked.match);
  if (filter.entity) {
    const keys = entityKeys(filter.entity);
    conditions.add(`a.key IN (SELECT article_key FROM article_entities WHERE entity_key IN ${keys.sql})`, ...keys.params);
  }
  if (filter.type) {
    // With a type, place and dates narrow the same event: "air strikes in Libya in 2018".
    const inner = new Conditions();
    const types = typeKeys(filter.type);
    inner.add(`e.key IN ${types.sql}`, ...types.params);
    if (filter.place) {
      const places = placeKeys('events', 'key', filter.place);
      inner.add(`e.key IN ${places.sql}`, ...places.params);
    }
    eventDateConditions(inner, 'e', filter);
    conditions.add(`a.key IN (SELECT e.article_key FROM events e ${inner.where})`, ...inner.params);
  } else {
    if (filter.place) {
      const places = placeKeys('places', 'article_key', filter.place);
      conditions.add(`a.key IN ${places.sql}`, ...places.params);
    }
    if (filter.from) conditions.add('a.published >= ?', filter.from);
    if (filter.to) conditions.add('a.published <= ?', filter.to);
  }
  const from = ranked?.from ?? 'articles a';
  // Counted up to one past the cap: an exact count of a word in most of a large store visits
  // every match (`the`: every article), and a page needs only "more than 10,000".
  const count: Statement = { sql: `SELECT CAST(count(*) AS INTEGER) AS total FROM (SELECT 1 AS x FROM ${from} ${conditions.where} LIMIT ?) t`, params: [...conditions.params, countCap + 1] };
  const byDate = `${dialect.ordered('a.published')} DESC NULLS LAST, ${dialect.ordered('a.id')}`;
  const limit = filter.limit ?? 20;
  const offset = filter.offset ?? 0;
  // The inner query sorts narrow rows (key, relevance, date, id): carrying the text of every
  // match through the sort made common words slow (`the`: 14 ms on 1,650 articles). The outer
  // one adds the page's own columns, so one statement (one round trip) answers the page.
  let keys: Statement;
  if ((filter.sort ?? 'relevance') === 'relevance' && ranked) {
    const candidates = dialect.rankCandidates;
    if (candidates === null) {
      keys = {
        sql: `SELECT a.key, ${ranked.rank.sql} AS r, a.published, a.id FROM ${from} ${conditions.where} ORDER BY r, ${byDate} LIMIT ? OFFSET ?`,
        params: [...ranked.rank.params, ...conditions.params, limit, offset],
      };
    } else {
      // Candidates by cheap keys (no text read): the newest title matches and the newest
      // matches; then relevance among them only.
      const byCandidateDate = `${dialect.ordered('c.published')} DESC NULLS LAST, ${dialect.ordered('c.id')}`;
      const size = Math.max(candidates, limit + offset);
      const newest: Statement = { sql: `SELECT a.key, a.published, a.id FROM ${from} ${conditions.where} ORDER BY ${byDate} LIMIT ?`, params: [...conditions.params, size] };
      let pool = newest;
      if (ranked.titleMatch) {
        const titled = new Conditions();
        titled.add(conditions.parts.join(' AND '), ...conditions.params);
        titled.addStatement(ranked.titleMatch);
        pool = {
          sql: `(SELECT a.key, a.published, a.id FROM ${from} ${titled.where} ORDER BY ${byDate} LIMIT ?) UNION (${newest.sql})`,
          params: [...titled.params, size, ...newest.params],
        };
      }
      keys = {
        sql: `SELECT c.key, ${ranked.rank.sql} AS r, c.published, c.id FROM (${pool.sql}) c
          JOIN articles a ON a.key = c.key ORDER BY r, ${byCandidateDate} LIMIT ? OFFSET ?`,
        params: [...ranked.rank.params, ...pool.params, limit, offset],
      };
    }
  } else {
    keys = { sql: `SELECT a.key, 0 AS r, a.published, a.id FROM ${from} ${conditions.where} ORDER BY ${byDate} LIMIT ? OFFSET ?`, params: [...conditions.params, limit, offset] };
  }
  const page: Statement = {
    sql: `SELECT a.key, a.id, a.title, a.url, a.published, a.text FROM (${keys.sql}) p JOIN articles a ON a.key = p.key
      ORDER BY p.r, ${dialect.ordered('p.published')} DESC NULLS LAST, ${dialect.ordered('p.id')}`,
    params: keys.params,
  };
  return { count, page, terms };
}

/** `total` and `totalExact` of a search from its count statement's rows. */
export function searchTotal(rows: readonly Record<string, unknown>[], countCap = SEARCH_COUNT_CAP): { total: number; totalExact: boolean } {
  const counted = Number(rows[0]?.['total'] ?? 0);
  return { total: Math.min(counted, countCap), totalExact: counted <= countCap };
}

/** Search hits (rows of the page statement, in order), with snippets. */
export function searchHits(rows: readonly Record<string, unknown>[], terms: readonly QueryTerm[]): ArticleHit[] {
  return rows.map((row) => ({ id: String(row['id']), title: String(row['title']), url: text(row['url']), published: text(row['published']), snippet: snippet(String(row['text']), terms) }));
}

const QUOTE_COLUMNS = 'a.id AS article_id, a.published, q.local_id, q.kind, q.speaker, se.id AS speaker_entity, q.text, q.start, q."end"';

/** Quotes matching `q` (their own words) and/or spoken by `entity`, within the date range. Null when neither is given. */
export function quoteSearch(dialect: Dialect, filter: Filter, limit: number): Statement | null {
  const terms = parseQuery(filter.q ?? '');
  if (terms.length === 0 && !filter.entity) return null;
  const conditions = new Conditions();
  if (terms.length > 0) conditions.addStatement(dialect.quoteMatches(terms));
  if (filter.entity) {
    const keys = entityKeys(filter.entity);
    conditions.add(`q.speaker_entity_key IN ${keys.sql}`, ...keys.params);
  }
  if (filter.from) conditions.add('a.published >= ?', filter.from);
  if (filter.to) conditions.add('a.published <= ?', filter.to);
  // The page of keys first (narrow rows through the sort), then the quotes' own columns and the
  // speakers' ids for its rows only: joining first made PostgreSQL hash all 17,000 entities for
  // every search that matched a few hundred quotes, and both back ends sorted every quote's text.
  return {
    sql: `SELECT page.article_id, page.published, q.local_id, q.kind, q.speaker, se.id AS speaker_entity, q.text, q.start, q."end"
      FROM (SELECT q.key, a.id AS article_id, a.published, q.start FROM quotes q JOIN articles a ON a.key = q.article_key ${conditions.where}
        ORDER BY ${dialect.ordered('a.published')} DESC NULLS LAST, ${dialect.ordered('a.id')}, q.start LIMIT ?) page
      JOIN quotes q ON q.key = page.key LEFT JOIN entities se ON se.key = q.speaker_entity_key
      ORDER BY ${dialect.ordered('page.published')} DESC NULLS LAST, ${dialect.ordered('page.article_id')}, page.start`,
    params: [...conditions.params, limit],
  };
}

const EVENT_COLUMNS =
  'a.id AS article_id, e.local_id, e.plover_type, e.mode, e.acled_type, e.acled_sub_type, e.date_value, e.date_start, e.date_end, e.actor1, e.actor2, e.country, e.country_code, e.location, e.lat, e.lon, e.fatalities, e.source, e.notes, e.negated, e.hypothetical, e.historical, e.start, e."end"';

/** Events matching every filter, by date, article and position. */
export function eventSearch(dialect: Dialect, filter: EventFilter): Statement {
  const conditions = new Conditions();
  const terms = parseQuery(filter.q ?? '');
  if (terms.length > 0) conditions.addStatement(dialect.articleMatches(terms));
  if (filter.type && dialect.name === 'postgres') {
    // The events themselves are the rows sought, so PostgreSQL ORs the four column indexes into
    // one bitmap; the key subquery made it hash-join against every event (`/events?type=protest`:
    // 9.4 → 4.2 ms on 1,650 articles).
    const key = filter.type.trim().toLowerCase();
    conditions.add('(lower(e.plover_type) = ? OR lower(e.acled_type) = ? OR lower(e.acled_sub_type) = ? OR lower(e.mode) = ?)', key, key, key, key);
  } else if (filter.type) {
    const types = typeKeys(filter.type);
    conditions.add(`e.key IN ${types.sql}`, ...types.params);
  }
  if (filter.place) {
    const places = placeKeys('events', 'key', filter.place);
    conditions.add(`e.key IN ${places.sql}`, ...places.params);
  }
  eventDateConditions(conditions, 'e', filter);
  if (filter.entity) {
    const keys = entityKeys(filter.entity);
    conditions.add(`e.key IN (SELECT event_key FROM event_participants WHERE entity_key IN ${keys.sql})`, ...keys.params);
  }
  if (!filter.all) conditions.add('e.negated = 0 AND e.hypothetical = 0');
  // Narrow rows through the sort (keys and the order's own columns), then the page's columns:
  // sorting every protest with its evidence text took 2 ms of the 2.1 ms `/events?type=protest` cost.
  const order = (alias: string, articleId: string): string =>
    `${dialect.ordered(`COALESCE(${alias}.date_start, '')`)}, ${dialect.ordered(articleId)}, ${alias}.start, ${dialect.ordered(`${alias}.local_id`)}`;
  return {
    sql: `SELECT ${EVENT_COLUMNS} FROM (SELECT e.key, e.date_start, a.id AS article_id, e.start, e.local_id FROM events e JOIN articles a ON a.key = e.article_key ${conditions.where}
        ORDER BY ${order('e', 'a.id')} LIMIT ? OFFSET ?) page
      JOIN events e ON e.key = page.key JOIN articles a ON a.key = e.article_key ORDER BY ${order('page', 'page.article_id')}`,
    params: [...conditions.params, filter.limit ?? 100, filter.offset ?? 0],
  };
}

/** Events an entity takes part in, with its role. */
export function entityEvents(dialect: Dialect, entityKey: number, limit: number): Statement {
  return {
    sql: `SELECT ${EVENT_COLUMNS}, ep.role FROM event_participants ep JOIN events e ON e.key = ep.event_key JOIN articles a ON a.key = e.article_key WHERE ep.entity_key = ? ORDER BY ${dialect.ordered("COALESCE(e.date_start, '')")}, ${dialect.ordered('a.id')}, e.start, ${dialect.ordered('ep.role')} LIMIT ?`,
    params: [entityKey, limit],
  };
}

/** Quotes an entity is the speaker of. */
export function entityQuotes(dialect: Dialect, entityKey: number, limit: number): Statement {
  return {
    sql: `SELECT ${QUOTE_COLUMNS} FROM quotes q JOIN articles a ON a.key = q.article_key LEFT JOIN entities se ON se.key = q.speaker_entity_key WHERE q.speaker_entity_key = ? ORDER BY ${dialect.ordered('a.published')} DESC NULLS LAST, ${dialect.ordered('a.id')}, q.start LIMIT ?`,
    params: [entityKey, limit],
  };
}

/** Mentions of an entity. */
export function entityMentions(dialect: Dialect, entityKey: number, limit: number): Statement {
  return {
    sql: `SELECT a.id AS article_id, m.local_id, m.text, m.kind, m.start, m."end" FROM mentions m JOIN articles a ON a.key = m.article_key WHERE m.entity_key = ? ORDER BY ${dialect.ordered('a.id')}, m.start LIMIT ?`,
    params: [entityKey, limit],
  };
}

const ENTITY_COLUMNS = 'e.key, e.id, e.type, e.name, (SELECT CAST(count(*) AS INTEGER) FROM article_entities ae WHERE ae.entity_key = e.key) AS articles';

/** One entity by store id. */
export function entityById(id: string): Statement {
  return { sql: `SELECT ${ENTITY_COLUMNS} FROM entities e WHERE e.id = ?`, params: [id.trim().toLowerCase()] };
}

/** Entities named (or aliased) `name`, most mentioned first. */
export function entitiesByName(dialect: Dialect, name: string): Statement {
  return {
    sql: `SELECT ${ENTITY_COLUMNS} FROM entities e WHERE e.id = ? OR e.key IN (SELECT entity_key FROM entity_aliases WHERE slug = ?) ORDER BY articles DESC, ${dialect.ordered('e.id')} LIMIT 100`,
    params: [name.trim().toLowerCase(), slugify(name)],
  };
}

/**
 * Most values one `IN (?, …)` list binds. SQLite refuses a statement with more than 32,766 bound
 * values (999 in older builds) and PostgreSQL more than 65,535: an article long enough to name tens
 * of thousands of entities made its ingest fail. Longer lists go in several statements.
 */
export const MAX_LIST = 500;

/** `items` in runs of at most {@link MAX_LIST} (none for none). */
function listChunks<T>(items: readonly T[]): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += MAX_LIST) chunks.push(items.slice(start, start + MAX_LIST));
  return chunks;
}

/**
 * Aliases of the given entity keys, ordered by entity and slug within each statement (a key's
 * aliases all come from one statement: the statements' rows in turn keep that order per key).
 */
export function aliasesOf(dialect: Dialect, keys: readonly number[]): Statement[] {
  return listChunks(keys).map((chunk) => ({
    sql: `SELECT entity_key, alias FROM entity_aliases WHERE entity_key IN (${chunk.map(() => '?').join(', ')}) ORDER BY entity_key, ${dialect.ordered('slug')}`,
    params: chunk,
  }));
}

/** Candidates for merging: existing entities with any of these alias slugs (one statement per {@link MAX_LIST} slugs). */
export function entityCandidates(slugs: readonly string[]): Statement[] {
  return listChunks(slugs).map((chunk) => ({
    sql: `SELECT e.key, e.type, e.slug AS entity_slug, x.slug AS alias_slug FROM entity_aliases x JOIN entities e ON e.key = x.entity_key WHERE x.slug IN (${chunk.map(() => '?').join(', ')})`,
    params: chunk,
  }));
}

type Row = Record<string, unknown>;

const text = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));
const number = (value: unknown): number => Number(value);
const optionalNumber = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

/** Maps a quote row. */
export function quoteFromRow(row: Row): QuoteHit {
  return {
    articleId: String(row['article_id']),
    quoteId: String(row['local_id']),
    kind: String(row['kind']),
    speaker: text(row['speaker']),
    speakerEntity: text(row['speaker_entity']),
    text: String(row['text']),
    start: number(row['start']),
    end: number(row['end']),
    published: text(row['published']),
  };
}

/** Maps an event row. */
export function eventFromRow(row: Row): EventRecord {
  return {
    articleId: String(row['article_id']),
    eventId: String(row['local_id']),
    ploverType: String(row['plover_type']),
    mode: text(row['mode']),
    acledType: String(row['acled_type']),
    acledSubType: String(row['acled_sub_type']),
    date: text(row['date_value']),
    dateStart: text(row['date_start']),
    dateEnd: text(row['date_end']),
    actor1: text(row['actor1']),
    actor2: text(row['actor2']),
    country: text(row['country']),
    countryCode: text(row['country_code']),
    location: text(row['location']),
    latitude: optionalNumber(row['lat']),
    longitude: optionalNumber(row['lon']),
    fatalities: number(row['fatalities']),
    source: text(row['source']),
    notes: String(row['notes'] ?? ''),
    negated: Number(row['negated']) === 1,
    hypothetical: Number(row['hypothetical']) === 1,
    historical: Number(row['historical']) === 1,
    start: number(row['start']),
    end: number(row['end']),
    ...(row['role'] !== undefined ? { role: String(row['role']) } : {}),
  };
}

/** Maps a mention row. */
export function mentionFromRow(row: Row): EntityMention {
  return { articleId: String(row['article_id']), mentionId: String(row['local_id']), text: String(row['text']), kind: String(row['kind']), start: number(row['start']), end: number(row['end']) };
}

/** Maps entity rows and their alias rows. */
export function entitiesFromRows(rows: readonly Row[], aliasRows: readonly Row[]): (EntitySummary & { key: number })[] {
  const aliases = new Map<number, string[]>();
  for (const row of aliasRows) {
    const key = number(row['entity_key']);
    const list = aliases.get(key) ?? [];
    list.push(String(row['alias']));
    aliases.set(key, list);
  }
  return rows.map((row) => {
    const key = number(row['key']);
    const name = String(row['name']);
    return { key, id: String(row['id']), type: String(row['type']), name, aliases: (aliases.get(key) ?? []).filter((alias) => alias !== name), articles: number(row['articles']) };
  });
}
