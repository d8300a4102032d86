/**
 * The store: analysed articles kept with their full Doc, plus flat, indexed tables for the
 * questions users ask across many stories (every statement by a person, every air strike in
 * Libya in 2018, every article that mentions AQIM). One interface, two back ends: SQLite
 * (embedded default, `sqlite-store.ts`) and PostgreSQL (`postgres-store.ts`).
 */
import { z } from 'zod';
import type { Doc } from '../doc/schema.js';
import type { ArticleRows } from './article-rows.js';

/** What happened to one article on `putArticle`. */
export interface PutResult {
  /** Store id of the article (`meta.id`, or `sha-…` from the content hash when the Doc has none). */
  readonly id: string;
  /** `created`, or `updated` when the same id or the same content hash was already stored. */
  readonly status: 'created' | 'updated';
}

/** One stored article with its full analysis. */
export interface StoredArticle {
  readonly id: string;
  /** SHA-256 of `doc.text` (hex). */
  readonly hash: string;
  readonly title: string;
  readonly url: string | null;
  readonly published: string | null;
  readonly publisher: string | null;
  /** ISO timestamp of the last (re-)ingestion. */
  readonly ingestedAt: string;
  readonly doc: Doc;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Filters shared by search and events (every one optional; all given ones must hold). */
export const FilterSchema = z.object({
  /** Full-text query: words (all must occur), `"quoted phrases"`, `prefix*`. */
  q: z.string().trim().max(500).optional(),
  /** Entity id (`org-aqim`) or a name or alias of one (`AQIM`). */
  entity: z.string().trim().min(1).max(200).optional(),
  /** Event type: PLOVER (`ASSAULT`), ACLED type or sub-type (`Air/drone strike`), any case. */
  type: z.string().trim().min(1).max(100).optional(),
  /** Place name (`Ubari`), country name (`Libya`) or ISO country code (`LY`). */
  place: z.string().trim().min(1).max(200).optional(),
  /** First day, `YYYY-MM-DD` (inclusive): event date when `type` is given or for events, else publication date. */
  from: z.string().regex(DATE, 'must be YYYY-MM-DD').optional(),
  /** Last day, `YYYY-MM-DD` (inclusive). */
  to: z.string().regex(DATE, 'must be YYYY-MM-DD').optional(),
  /** Search order: `relevance` (default when `q` is given) or `date` (newest first, then id). */
  sort: z.enum(['relevance', 'date']).optional(),
  /** Page size; default 20 for search, 100 for events. */
  limit: z.coerce.number().int().min(1).max(10000).optional(),
  /** Rows to skip; default 0. */
  offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
});
/** Validated filters (see {@link FilterSchema}). */
export type Filter = z.infer<typeof FilterSchema>;

/** Filters for {@link Store.listEvents}. */
export const EventFilterSchema = FilterSchema.extend({
  /** Include negated and hypothetical events (default false: ACLED-style exports leave them out). */
  all: z.preprocess((value) => (value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value), z.boolean()).optional(),
});
export type EventFilter = z.infer<typeof EventFilterSchema>;

/** One article found by a search. */
export interface ArticleHit {
  readonly id: string;
  readonly title: string;
  readonly url: string | null;
  readonly published: string | null;
  /** A short piece of the text around the first query word (or the start of the text). */
  readonly snippet: string;
}

/** One quote found by a search. */
export interface QuoteHit {
  readonly articleId: string;
  /** Quote id inside the article's Doc (`q2`). */
  readonly quoteId: string;
  readonly kind: string;
  /** The speaker as written in the article, when found. */
  readonly speaker: string | null;
  /** Store entity id of the speaker, when resolved. */
  readonly speakerEntity: string | null;
  /** Quote content (pieces of a split quote joined with ` … `). */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly published: string | null;
}

/** Answer of {@link Store.search}. */
export interface SearchResult {
  /** Number of matching articles (all pages), counted up to 10,000 (`SEARCH_COUNT_CAP`). */
  readonly total: number;
  /** False when more articles match than were counted: `total` is then the cap, a lower bound. */
  readonly totalExact: boolean;
  readonly articles: readonly ArticleHit[];
  /** Quotes matching `q` and/or spoken by `entity` (first page only). */
  readonly quotes: readonly QuoteHit[];
}

/** An entity merged across articles. */
export interface EntitySummary {
  /** Store id: type and canonical name, `per-robyn-mack`. */
  readonly id: string;
  readonly type: string;
  readonly name: string;
  readonly aliases: readonly string[];
  /** How many stored articles mention it. */
  readonly articles: number;
}

/** One mention of an entity in one article. */
export interface EntityMention {
  readonly articleId: string;
  readonly mentionId: string;
  readonly text: string;
  readonly kind: string;
  readonly start: number;
  readonly end: number;
}

/** One event row, ACLED-like, with the article it comes from. */
export interface EventRecord {
  readonly articleId: string;
  /** Event id inside the article's Doc (`ev1`). */
  readonly eventId: string;
  readonly ploverType: string;
  readonly mode: string | null;
  readonly acledType: string;
  readonly acledSubType: string;
  /** The date as the article gives it (`2018-03-24`, `2018-03`), or the publication date. */
  readonly date: string | null;
  /** First and last day the date covers. */
  readonly dateStart: string | null;
  readonly dateEnd: string | null;
  readonly actor1: string | null;
  readonly actor2: string | null;
  readonly country: string | null;
  readonly countryCode: string | null;
  readonly location: string | null;
  readonly latitude: number | null;
  readonly longitude: number | null;
  readonly fatalities: number;
  readonly source: string | null;
  /** Evidence sentences. */
  readonly notes: string;
  readonly negated: boolean;
  readonly hypothetical: boolean;
  readonly historical: boolean;
  readonly start: number;
  readonly end: number;
  /** How the entity takes part, in {@link EntityRecord.events}: `actor` or `target`. */
  readonly role?: string;
}

/** Everything the store knows about one entity. */
export interface EntityRecord {
  readonly entity: EntitySummary;
  readonly mentions: readonly EntityMention[];
  readonly quotes: readonly QuoteHit[];
  readonly events: readonly EventRecord[];
}

/** Counts of what is stored. */
export interface StoreStats {
  readonly articles: number;
  readonly entities: number;
  readonly mentions: number;
  readonly quotes: number;
  readonly places: number;
  readonly timexes: number;
  readonly events: number;
}

/** The store interface both back ends implement. Every method may throw a `LedeError` `E_DB`. */
export interface Store {
  /** `sqlite` or `postgres`. */
  readonly kind: 'sqlite' | 'postgres';
  /** Where it lives (file path, or the connection URL without password). */
  readonly location: string;
  /**
   * Stores one analysed article in one transaction (a crash never leaves half an article).
   * Re-ingesting the same id or the same content hash updates the stored article in place.
   */
  putArticle(doc: Doc): Promise<PutResult>;
  /**
   * Stores several analysed articles in one transaction, in order, as {@link putArticle} would one
   * by one: the batch is committed whole or not at all, so a crash still never leaves half an
   * article. Cheaper per article than single puts (one commit writes the pages the batch shares:
   * index leaves, full-text segments). On an error nothing of the batch is stored.
   */
  putArticles(docs: readonly Doc[]): Promise<PutResult[]>;
  /**
   * {@link putArticles} for articles already flattened by `articleRows` (`lede ingest` builds the
   * rows in its analysis threads, so the one thread that writes only writes).
   */
  putRows(articles: readonly ArticleRows[]): Promise<PutResult[]>;
  /** The stored article, or null. */
  getArticle(id: string): Promise<StoredArticle | null>;
  /** Articles (and quotes) matching every given filter, best first. */
  search(filter: Filter): Promise<SearchResult>;
  /** One entity with its mentions, the quotes it is the speaker of and the events it takes part in. */
  getEntity(id: string, limit?: number): Promise<EntityRecord | null>;
  /** Entities whose name or alias is `name` (any case, accents ignored). */
  findEntities(name: string): Promise<EntitySummary[]>;
  /** Events matching the filters, by date then article. */
  listEvents(filter: EventFilter): Promise<EventRecord[]>;
  /** Current schema version (after migrations). */
  schemaVersion(): Promise<number>;
  stats(): Promise<StoreStats>;
  /** Releases the file or the connections. */
  close(): Promise<void>;
}
