/**
 * The embedded store: one SQLite file (`better-sqlite3`, WAL), FTS5 over article text and quotes.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { Doc } from '../doc/schema.js';
import { LedeError } from '../errors.js';
import { decodeDoc } from './doc-codec.js';
import { articleRows, chooseEntity, type ArticleRows, type EntityCandidate } from './article-rows.js';
import {
  aliasesOf,
  articleSearch,
  entitiesByName,
  entitiesFromRows,
  entityById,
  entityCandidates,
  entityEvents,
  entityMentions,
  entityQuotes,
  eventFromRow,
  eventSearch,
  mentionFromRow,
  quoteFromRow,
  quoteSearch,
  searchHits,
  searchTotal,
  SQLITE_DIALECT,
  type Statement,
} from './queries.js';
import type { EntityRecord, EntitySummary, EventFilter, EventRecord, Filter, PutResult, SearchResult, Store, StoredArticle, StoreStats } from './store.js';

/** Default SQLite file. */
export const DEFAULT_SQLITE_PATH = './lede.db';

/** SQLite migrations: index `i` takes the schema from version `i` to `i + 1`. */
export const SQLITE_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE articles (
    key INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, hash TEXT NOT NULL UNIQUE, title TEXT NOT NULL,
    url TEXT, published TEXT, publisher TEXT, text TEXT NOT NULL, doc TEXT NOT NULL, ingested_at TEXT NOT NULL
  );
  CREATE INDEX articles_published ON articles (published);
  CREATE VIRTUAL TABLE articles_fts USING fts5 (title, body, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0');
  CREATE TABLE entities (
    key INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, type TEXT NOT NULL, name TEXT NOT NULL, slug TEXT NOT NULL,
    UNIQUE (type, slug)
  );
  CREATE TABLE entity_aliases (
    entity_key INTEGER NOT NULL REFERENCES entities (key) ON DELETE CASCADE, alias TEXT NOT NULL, slug TEXT NOT NULL,
    PRIMARY KEY (entity_key, slug)
  );
  CREATE INDEX entity_aliases_slug ON entity_aliases (slug);
  CREATE TABLE article_entities (
    article_key INTEGER NOT NULL REFERENCES articles (key) ON DELETE CASCADE,
    entity_key INTEGER NOT NULL REFERENCES entities (key) ON DELETE CASCADE,
    local_id TEXT NOT NULL, mentions INTEGER NOT NULL, PRIMARY KEY (article_key, local_id)
  );
  CREATE INDEX article_entities_entity ON article_entities (entity_key, article_key);
  CREATE TABLE mentions (
    article_key INTEGER NOT NULL REFERENCES articles (key) ON DELETE CASCADE, local_id TEXT NOT NULL,
    entity_key INTEGER REFERENCES entities (key) ON DELETE SET NULL, type TEXT NOT NULL, kind TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL, PRIMARY KEY (article_key, local_id)
  );
  CREATE INDEX mentions_entity ON mentions (entity_key);
  CREATE TABLE quotes (
    key INTEGER PRIMARY KEY, article_key INTEGER NOT NULL REFERENCES articles (key) ON DELETE CASCADE, local_id TEXT NOT NULL,
    kind TEXT NOT NULL, speaker_entity_key INTEGER REFERENCES entities (key) ON DELETE SET NULL, speaker TEXT, cue TEXT,
    text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, UNIQUE (article_key, local_id)
  );
  CREATE INDEX quotes_speaker ON quotes (speaker_entity_key);
  CREATE VIRTUAL TABLE quotes_fts USING fts5 (body, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0');
  CREATE TABLE places (
    article_key INTEGER NOT NULL REFERENCES articles (key) ON DELETE CASCADE, local_id TEXT NOT NULL, name TEXT NOT NULL,
    place_key TEXT NOT NULL, kind TEXT NOT NULL, country_code TEXT, country TEXT, country_key TEXT, lat REAL, lon REAL,
    geoname_id INTEGER, start INTEGER NOT NULL, "end" INTEGER NOT NULL, PRIMARY KEY (article_key, local_id)
  );
  CREATE INDEX places_place_key ON places (place_key);
  CREATE INDEX places_country_key ON places (country_key);
  CREATE INDEX places_country_code ON places (country_code);
  CREATE TABLE timexes (
    article_key INTEGER NOT NULL REFERENCES articles (key) ON DELETE CASCADE, local_id TEXT NOT NULL, type TEXT NOT NULL,
    value TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, PRIMARY KEY (article_key, local_id)
  );
  CREATE INDEX timexes_value ON timexes (value);
  CREATE TABLE events (
    key INTEGER PRIMARY KEY, article_key INTEGER NOT NULL REFERENCES articles (key) ON DELETE CASCADE, local_id TEXT NOT NULL,
    plover_type TEXT NOT NULL, mode TEXT, acled_type TEXT NOT NULL, acled_sub_type TEXT NOT NULL,
    date_value TEXT, date_start TEXT, date_end TEXT, actor1 TEXT, actor2 TEXT, location TEXT, place_key TEXT,
    country_code TEXT, country TEXT, country_key TEXT, lat REAL, lon REAL, fatalities INTEGER NOT NULL, source TEXT,
    notes TEXT NOT NULL, negated INTEGER NOT NULL, hypothetical INTEGER NOT NULL, historical INTEGER NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, UNIQUE (article_key, local_id)
  );
  CREATE INDEX events_plover_type ON events (lower(plover_type));
  CREATE INDEX events_acled_type ON events (lower(acled_type));
  CREATE INDEX events_acled_sub_type ON events (lower(acled_sub_type));
  CREATE INDEX events_date ON events (date_start, date_end);
  CREATE INDEX events_place_key ON events (place_key);
  CREATE INDEX events_country_key ON events (country_key);
  CREATE INDEX events_country_code ON events (country_code);
  CREATE TABLE event_participants (
    event_key INTEGER NOT NULL REFERENCES events (key) ON DELETE CASCADE,
    entity_key INTEGER NOT NULL REFERENCES entities (key) ON DELETE CASCADE, role TEXT NOT NULL,
    PRIMARY KEY (event_key, entity_key, role)
  );
  CREATE INDEX event_participants_entity ON event_participants (entity_key);
  `,
  // 2: the type filter looks events up by mode too (a scan of every event without this index);
  // nothing reads timexes by value, so that index only cost every write.
  `
  CREATE INDEX events_mode ON events (lower(mode));
  DROP INDEX timexes_value;
  `,
];

type Row = Record<string, unknown>;

function databaseError(location: string, error: unknown): LedeError {
  if (error instanceof LedeError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new LedeError('E_DB', `${location}: database error: ${message}`, location);
}

/** Options for {@link openSqliteStore}. */
export interface SqliteStoreOptions {
  /** Open read-only (no migrations; fails on a file that needs one). Default false. */
  readonly readonly?: boolean;
}

/**
 * Opens (creating when absent) the SQLite store at `path` (default `./lede.db`), in WAL mode, and
 * brings its schema up to date.
 */
export function openSqliteStore(path: string = DEFAULT_SQLITE_PATH, options: SqliteStoreOptions = {}): Store {
  const location = path === ':memory:' ? path : resolve(path);
  let db: Database.Database;
  try {
    if (location !== ':memory:' && !options.readonly) mkdirSync(dirname(location), { recursive: true });
    db = new Database(location, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      // NORMAL is durable across application crashes in WAL mode; only a power cut may lose the
      // last commits, never leave half an article.
      db.pragma('synchronous = NORMAL');
    }
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, location, options.readonly ?? false);
  } catch (error) {
    throw databaseError(location, error);
  }
  return new SqliteStore(db, location);
}

function migrate(db: Database.Database, location: string, readonly: boolean): void {
  const current = (): number => {
    const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'").get();
    if (!exists) return 0;
    const row = db.prepare('SELECT max(version) AS version FROM schema_version').get() as { version: number | null };
    return row.version ?? 0;
  };
  const version = current();
  if (version > SQLITE_MIGRATIONS.length) {
    throw new LedeError('E_DB', `${location}: the store has schema version ${version}, newer than this Lede knows (${SQLITE_MIGRATIONS.length}); upgrade Lede`, location);
  }
  if (version === SQLITE_MIGRATIONS.length) return;
  if (readonly) throw new LedeError('E_DB', `${location}: the store needs migrating to schema version ${SQLITE_MIGRATIONS.length}; open it once read-write`, location);
  db.transaction(() => {
    db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
    for (let next = current(); next < SQLITE_MIGRATIONS.length; next++) {
      db.exec(SQLITE_MIGRATIONS[next] ?? '');
      db.prepare('INSERT INTO schema_version (version, applied_at) VALUES (?, ?)').run(next + 1, new Date().toISOString());
    }
  }).immediate();
}

class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  readonly location: string;
  readonly #db: Database.Database;
  readonly #statements = new Map<string, Database.Statement>();
  readonly #put: Database.Transaction<(rows: ArticleRows) => PutResult>;
  readonly #putMany: Database.Transaction<(articles: readonly ArticleRows[]) => PutResult[]>;

  constructor(db: Database.Database, location: string) {
    this.#db = db;
    this.location = location;
    this.#put = db.transaction((rows: ArticleRows) => this.#write(rows));
    this.#putMany = db.transaction((articles: readonly ArticleRows[]) => articles.map((rows) => this.#write(rows)));
  }

  #prepare(sql: string): Database.Statement {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.#db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  #all(statement: Statement): Row[] {
    return this.#prepare(statement.sql).all(...statement.params) as Row[];
  }

  #run(sql: string, ...params: unknown[]): Database.RunResult {
    return this.#prepare(sql).run(...params);
  }

  #guard<T>(work: () => T): Promise<T> {
    try {
      return Promise.resolve(work());
    } catch (error) {
      return Promise.reject(databaseError(this.location, error));
    }
  }

  putArticle(doc: Doc): Promise<PutResult> {
    // `.immediate()` takes the write lock at BEGIN, so two processes ingesting at once wait for
    // each other instead of failing halfway with SQLITE_BUSY.
    return this.#guard(() => this.#put.immediate(articleRows(doc)));
  }

  putArticles(docs: readonly Doc[]): Promise<PutResult[]> {
    return this.#guard(() => this.#putMany.immediate(docs.map(articleRows)));
  }

  putRows(articles: readonly ArticleRows[]): Promise<PutResult[]> {
    return this.#guard(() => this.#putMany.immediate(articles));
  }

  #write(rows: ArticleRows): PutResult {
    const { article } = rows;
    const byId = this.#prepare('SELECT key FROM articles WHERE id = ?').get(article.id) as { key: number } | undefined;
    const byHash = this.#prepare('SELECT key, id FROM articles WHERE hash = ?').get(article.hash) as { key: number; id: string } | undefined;
    const now = new Date().toISOString();
    let key: number;
    let id = article.id;
    let status: PutResult['status'] = 'updated';
    if (byId && byHash && byHash.key !== byId.key) {
      // The same text is already stored under another id: keep one copy, under this id.
      this.#deleteArticle(byHash.key);
    }
    const existing = byId ?? byHash;
    if (existing) {
      key = existing.key;
      if (!byId && byHash) id = byHash.id;
      this.#deleteDerived(key);
      this.#run('UPDATE articles SET hash = ?, title = ?, url = ?, published = ?, publisher = ?, text = ?, doc = ?, ingested_at = ? WHERE key = ?',
        article.hash, article.title, article.url, article.published, article.publisher, article.text, article.docJson, now, key);
    } else {
      status = 'created';
      key = Number(this.#run('INSERT INTO articles (id, hash, title, url, published, publisher, text, doc, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
        article.id, article.hash, article.title, article.url, article.published, article.publisher, article.text, article.docJson, now).lastInsertRowid);
    }
    this.#run('INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)', key, article.searchTitle, article.searchBody);

    const entityKeys = new Map<string, number>();
    const slugs = [...new Set(rows.entities.flatMap((entity) => [entity.slug, ...entity.mergeSlugs]))];
    const candidates = entityCandidates(slugs).flatMap((statement) => this.#all(statement)).map(candidateFromRow);
    for (const entity of rows.entities) {
      let entityKey = chooseEntity(entity, candidates);
      if (entityKey === null) {
        const found = this.#prepare('SELECT key FROM entities WHERE type = ? AND slug = ?').get(entity.type, entity.slug) as { key: number } | undefined;
        entityKey = found?.key ?? Number(this.#run('INSERT INTO entities (id, type, name, slug) VALUES (?, ?, ?, ?)', entity.storeId, entity.type, entity.name, entity.slug).lastInsertRowid);
      }
      entityKeys.set(entity.localId, entityKey);
      for (const alias of entity.aliases) this.#run('INSERT OR IGNORE INTO entity_aliases (entity_key, alias, slug) VALUES (?, ?, ?)', entityKey, alias.alias, alias.slug);
      this.#run('INSERT INTO article_entities (article_key, entity_key, local_id, mentions) VALUES (?, ?, ?, ?)', key, entityKey, entity.localId, entity.mentionCount);
    }
    const entityKeyOf = (local: string | null): number | null => (local === null ? null : (entityKeys.get(local) ?? null));
    for (const mention of rows.mentions) {
      this.#run('INSERT INTO mentions (article_key, local_id, entity_key, type, kind, start, "end", text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        key, mention.localId, entityKeyOf(mention.entityLocal), mention.type, mention.kind, mention.start, mention.end, mention.text);
    }
    for (const quote of rows.quotes) {
      const quoteKey = this.#run('INSERT INTO quotes (article_key, local_id, kind, speaker_entity_key, speaker, cue, text, start, "end") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
        key, quote.localId, quote.kind, entityKeyOf(quote.speakerEntityLocal), quote.speaker, quote.cue, quote.text, quote.start, quote.end).lastInsertRowid;
      this.#run('INSERT INTO quotes_fts (rowid, body) VALUES (?, ?)', quoteKey, quote.searchText);
    }
    for (const place of rows.places) {
      this.#run('INSERT INTO places (article_key, local_id, name, place_key, kind, country_code, country, country_key, lat, lon, geoname_id, start, "end") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        key, place.localId, place.name, place.placeKey, place.kind, place.countryCode, place.country, place.countryKey, place.lat, place.lon, place.geonameId, place.start, place.end);
    }
    for (const timex of rows.timexes) {
      this.#run('INSERT INTO timexes (article_key, local_id, type, value, start, "end") VALUES (?, ?, ?, ?, ?, ?)', key, timex.localId, timex.type, timex.value, timex.start, timex.end);
    }
    for (const event of rows.events) {
      const eventKey = this.#run(
        `INSERT INTO events (article_key, local_id, plover_type, mode, acled_type, acled_sub_type, date_value, date_start, date_end, actor1, actor2, location, place_key,
          country_code, country, country_key, lat, lon, fatalities, source, notes, negated, hypothetical, historical, start, "end")
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        key, event.localId, event.ploverType, event.mode, event.acledType, event.acledSubType, event.dateValue, event.dateStart, event.dateEnd, event.actor1, event.actor2,
        event.location, event.placeKey, event.countryCode, event.country, event.countryKey, event.lat, event.lon, event.fatalities, event.source, event.notes,
        event.negated ? 1 : 0, event.hypothetical ? 1 : 0, event.historical ? 1 : 0, event.start, event.end,
      ).lastInsertRowid;
      for (const participant of event.participants) {
        const entityKey = entityKeyOf(participant.entityLocal);
        if (entityKey !== null) this.#run('INSERT OR IGNORE INTO event_participants (event_key, entity_key, role) VALUES (?, ?, ?)', eventKey, entityKey, participant.role);
      }
    }
    return { id, status };
  }

  #deleteDerived(articleKey: number): void {
    const oldEntities = (this.#prepare('SELECT entity_key FROM article_entities WHERE article_key = ?').all(articleKey) as { entity_key: number }[]).map((row) => row.entity_key);
    this.#run('DELETE FROM articles_fts WHERE rowid = ?', articleKey);
    this.#run('DELETE FROM quotes_fts WHERE rowid IN (SELECT key FROM quotes WHERE article_key = ?)', articleKey);
    for (const table of ['event_participants WHERE event_key IN (SELECT key FROM events WHERE article_key = ?)', 'events WHERE article_key = ?', 'quotes WHERE article_key = ?',
      'mentions WHERE article_key = ?', 'places WHERE article_key = ?', 'timexes WHERE article_key = ?', 'article_entities WHERE article_key = ?']) {
      this.#run(`DELETE FROM ${table}`, articleKey);
    }
    // An entity only this article mentioned goes with it (the new version may name it differently).
    for (const entityKey of oldEntities) {
      this.#run('DELETE FROM entities WHERE key = ? AND NOT EXISTS (SELECT 1 FROM article_entities WHERE entity_key = ?)', entityKey, entityKey);
    }
  }

  #deleteArticle(articleKey: number): void {
    this.#deleteDerived(articleKey);
    this.#run('DELETE FROM articles WHERE key = ?', articleKey);
  }

  getArticle(id: string): Promise<StoredArticle | null> {
    return this.#guard(() => {
      const row = this.#prepare('SELECT id, hash, title, url, published, publisher, ingested_at, text, doc FROM articles WHERE id = ?').get(id) as Row | undefined;
      return row ? articleFromRow(row) : null;
    });
  }

  search(filter: Filter): Promise<SearchResult> {
    return this.#guard(() => {
      const { count, page, terms } = articleSearch(SQLITE_DIALECT, filter);
      const counted = searchTotal(this.#all(count));
      const articles = searchHits(this.#all(page), terms);
      const quoteStatement = quoteSearch(SQLITE_DIALECT, filter, filter.limit ?? 20);
      const quotes = quoteStatement ? this.#all(quoteStatement).map(quoteFromRow) : [];
      return { ...counted, articles, quotes };
    });
  }

  getEntity(id: string, limit = 200): Promise<EntityRecord | null> {
    return this.#guard(() => {
      const [entity] = this.#entities(entityById(id));
      if (!entity) return null;
      const { key, ...summary } = entity;
      return {
        entity: summary,
        mentions: this.#all(entityMentions(SQLITE_DIALECT, key, limit)).map(mentionFromRow),
        quotes: this.#all(entityQuotes(SQLITE_DIALECT, key, limit)).map(quoteFromRow),
        events: this.#all(entityEvents(SQLITE_DIALECT, key, limit)).map(eventFromRow),
      };
    });
  }

  #entities(statement: Statement): (EntitySummary & { key: number })[] {
    const rows = this.#all(statement);
    if (rows.length === 0) return [];
    return entitiesFromRows(rows, aliasesOf(SQLITE_DIALECT, rows.map((row) => Number(row['key']))).flatMap((aliases) => this.#all(aliases)));
  }

  findEntities(name: string): Promise<EntitySummary[]> {
    return this.#guard(() => this.#entities(entitiesByName(SQLITE_DIALECT, name)).map(({ key: _key, ...summary }) => summary));
  }

  listEvents(filter: EventFilter): Promise<EventRecord[]> {
    return this.#guard(() => this.#all(eventSearch(SQLITE_DIALECT, filter)).map(eventFromRow));
  }

  schemaVersion(): Promise<number> {
    return this.#guard(() => Number((this.#prepare('SELECT max(version) AS version FROM schema_version').get() as Row)['version']));
  }

  stats(): Promise<StoreStats> {
    return this.#guard(() => {
      const count = (table: string): number => Number((this.#prepare(`SELECT count(*) AS n FROM ${table}`).get() as Row)['n']);
      return {
        articles: count('articles'), entities: count('entities'), mentions: count('mentions'), quotes: count('quotes'),
        places: count('places'), timexes: count('timexes'), events: count('events'),
      };
    });
  }

  close(): Promise<void> {
    return this.#guard(() => {
      if (this.#db.open) this.#db.close();
    });
  }
}

function candidateFromRow(row: Row): EntityCandidate {
  return { key: Number(row['key']), type: String(row['type']), entitySlug: String(row['entity_slug']), aliasSlug: String(row['alias_slug']) };
}

/** Maps an article row with its `text` and `doc` columns (shared with the PostgreSQL store). */
export function articleFromRow(row: Row): StoredArticle {
  return {
    id: String(row['id']),
    hash: String(row['hash']),
    title: String(row['title']),
    url: (row['url'] as string | null) ?? null,
    published: (row['published'] as string | null) ?? null,
    publisher: (row['publisher'] as string | null) ?? null,
    ingestedAt: String(row['ingested_at']),
    doc: decodeDoc(String(row['doc']), String(row['text'])),
  };
}
