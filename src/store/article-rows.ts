/**
 * Flattens one Doc into the rows the store indexes. Shared by both back ends so that they index
 * exactly the same things. Layers that are empty (stages not in the pipeline) give no rows; the
 * full Doc is kept as JSON beside them, so a later layer is stored without a schema change.
 */
import { createHash } from 'node:crypto';
import { deserialize, serialize } from 'node:v8';
import type { Doc, Span } from '../doc/schema.js';
import { encodeDoc } from './doc-codec.js';
import { countryName, dateRange, foldText, slugify } from './text-keys.js';

export interface ArticleRow {
  readonly id: string;
  readonly hash: string;
  readonly title: string;
  readonly url: string | null;
  readonly published: string | null;
  readonly publisher: string | null;
  readonly text: string;
  /** The Doc as stored ({@link encodeDoc}: without what `text` rebuilds). */
  readonly docJson: string;
  /** Folded title and body for full-text search. */
  readonly searchTitle: string;
  readonly searchBody: string;
}

export interface EntityRow {
  readonly localId: string;
  readonly type: string;
  readonly name: string;
  readonly slug: string;
  /** Store id: `per-robyn-mack`. */
  readonly storeId: string;
  /** Name and aliases, each with its slug (the name first). */
  readonly aliases: readonly { readonly alias: string; readonly slug: string }[];
  /** Slugs safe to merge by across articles (see {@link mergeSlugs}). */
  readonly mergeSlugs: readonly string[];
  readonly mentionCount: number;
}

export interface MentionRow {
  readonly localId: string;
  readonly entityLocal: string | null;
  readonly type: string;
  readonly kind: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface QuoteRow {
  readonly localId: string;
  readonly kind: string;
  readonly speakerEntityLocal: string | null;
  readonly speaker: string | null;
  readonly cue: string | null;
  readonly text: string;
  readonly searchText: string;
  readonly start: number;
  readonly end: number;
}

export interface PlaceRow {
  readonly localId: string;
  readonly name: string;
  readonly placeKey: string;
  readonly kind: string;
  readonly countryCode: string | null;
  readonly country: string | null;
  readonly countryKey: string | null;
  readonly lat: number | null;
  readonly lon: number | null;
  readonly geonameId: number | null;
  readonly start: number;
  readonly end: number;
}

export interface TimexRow {
  readonly localId: string;
  readonly type: string;
  readonly value: string;
  readonly start: number;
  readonly end: number;
}

export interface EventRow {
  readonly localId: string;
  readonly ploverType: string;
  readonly mode: string | null;
  readonly acledType: string;
  readonly acledSubType: string;
  readonly dateValue: string | null;
  readonly dateStart: string | null;
  readonly dateEnd: string | null;
  readonly actor1: string | null;
  readonly actor2: string | null;
  readonly participants: readonly { readonly entityLocal: string; readonly role: 'actor' | 'target' }[];
  readonly location: string | null;
  readonly placeKey: string | null;
  readonly countryCode: string | null;
  readonly country: string | null;
  readonly countryKey: string | null;
  readonly lat: number | null;
  readonly lon: number | null;
  readonly fatalities: number;
  readonly source: string | null;
  readonly notes: string;
  readonly negated: boolean;
  readonly hypothetical: boolean;
  readonly historical: boolean;
  readonly start: number;
  readonly end: number;
}

/** Everything one article adds to the store. */
export interface ArticleRows {
  readonly article: ArticleRow;
  readonly entities: readonly EntityRow[];
  readonly mentions: readonly MentionRow[];
  readonly quotes: readonly QuoteRow[];
  readonly places: readonly PlaceRow[];
  readonly timexes: readonly TimexRow[];
  readonly events: readonly EventRow[];
}

/**
 * An article's rows as one buffer (`v8.serialize`), as they cross threads: an analysis thread
 * packs them, the main thread hands the bytes on to the store's writer thread untouched, and the
 * writer unpacks them. Handed on as objects, the rows were cloned twice and the main thread
 * rebuilt every one of their ~200 objects in between, ~0.3 ms of its time an article and most
 * of its garbage collection.
 */
export type PackedRows = Uint8Array;

/** Packs rows for another thread (see {@link PackedRows}). */
export function packRows(rows: ArticleRows): PackedRows {
  const bytes = serialize(rows);
  // A plain Uint8Array over the serialiser's own memory: what another thread receives of a Buffer anyway.
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Rows as given: packed ones unpacked (see {@link PackedRows}). */
export function unpackRows(rows: ArticleRows | PackedRows): ArticleRows {
  return rows instanceof Uint8Array ? (deserialize(rows) as ArticleRows) : rows;
}

/** SHA-256 (hex) of the normalised article text: the key that finds a re-ingested article. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Store id of an entity: its type and canonical name (`ORG`, `AQIM` → `org-aqim`). */
export function entityStoreId(type: string, name: string): string {
  const slug = slugify(name);
  return `${type.toLowerCase()}-${slug || `x${contentHash(name).slice(0, 12)}`}`;
}

/**
 * The slugs by which an entity may be merged with one from another article. A one-word person
 * name is left out: "Mack" in one story and Robyn Mack in another need not be the same person,
 * while "AQIM" and "al-Qaeda in the Islamic Maghreb" (an alias of each other) are.
 */
export function mergeSlugs(type: string, names: readonly string[]): string[] {
  const slugs = new Set<string>();
  for (const name of names) {
    const slug = slugify(name);
    if (!slug) continue;
    if (type === 'PER' && !slug.includes('-')) continue;
    slugs.add(slug);
  }
  return [...slugs];
}

function slice(text: string, span: Span | null | undefined): string | null {
  return span ? text.slice(span.start, span.end) : null;
}

function titleOf(doc: Doc): string {
  if (doc.meta.title?.trim()) return doc.meta.title.trim();
  // No headline given: the first sentence (or line), cut at a word boundary.
  const first = doc.sentences[0];
  const line = (first ? doc.text.slice(first.start, first.end) : (doc.text.trim().split('\n')[0] ?? '')).replace(/\s+/g, ' ').trim();
  if (line.length <= 160) return line;
  const cut = line.slice(0, 160);
  const space = cut.lastIndexOf(' ');
  return `${(space > 80 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * Flattens a Doc into store rows. A required field a stage left out (a stage bug, seen with a
 * timex without `value`) is stored empty rather than failing the whole article.
 */
export function articleRows(doc: Doc): ArticleRows {
  const hash = contentHash(doc.text);
  const title = titleOf(doc);
  const published = doc.meta.published ? doc.meta.published.slice(0, 10) : null;
  const article: ArticleRow = {
    id: doc.meta.id ?? `sha-${hash.slice(0, 16)}`,
    hash,
    title,
    url: doc.meta.url ?? null,
    published,
    publisher: doc.meta.publisher ?? null,
    text: doc.text,
    docJson: encodeDoc(doc),
    searchTitle: foldText(title),
    searchBody: foldText(doc.text),
  };
  const entities: EntityRow[] = doc.entities.map((entity) => {
    const seen = new Set<string>();
    const aliases: { alias: string; slug: string }[] = [];
    for (const alias of [entity.name, ...(entity.aliases ?? [])]) {
      const slug = slugify(alias);
      if (!slug || seen.has(slug)) continue;
      seen.add(slug);
      aliases.push({ alias, slug });
    }
    return {
      localId: entity.id,
      type: entity.type,
      name: entity.name,
      slug: slugify(entity.name),
      storeId: entityStoreId(entity.type, entity.name),
      aliases,
      mergeSlugs: mergeSlugs(entity.type, [entity.name, ...(entity.aliases ?? [])]),
      mentionCount: entity.mentions?.length ?? 0,
    };
  });
  const mentions: MentionRow[] = doc.mentions.map((mention) => ({
    localId: mention.id,
    entityLocal: mention.entity ?? null,
    type: mention.type ?? '',
    kind: mention.kind ?? '',
    start: mention.start,
    end: mention.end,
    text: doc.text.slice(mention.start, mention.end),
  }));
  const quotes: QuoteRow[] = doc.quotes.map((quote) => {
    const pieces = quote.content?.length ? quote.content : [quote];
    const text = pieces.map((piece) => doc.text.slice(piece.start, piece.end)).join(' … ');
    return {
      localId: quote.id,
      kind: quote.kind ?? '',
      speakerEntityLocal: quote.speakerEntity ?? null,
      speaker: slice(doc.text, quote.speaker),
      cue: slice(doc.text, quote.cue),
      text,
      searchText: foldText(text),
      start: quote.start,
      end: quote.end,
    };
  });
  const places: PlaceRow[] = doc.places.map((place) => {
    const country = countryName(place.countryCode);
    return {
      localId: place.id,
      name: place.name ?? '',
      placeKey: slugify(place.name ?? ''),
      kind: place.kind ?? '',
      countryCode: place.countryCode?.toUpperCase() ?? null,
      country,
      countryKey: country ? slugify(country) : null,
      lat: place.lat ?? null,
      lon: place.lon ?? null,
      geonameId: place.geonameId ?? null,
      start: place.start,
      end: place.end,
    };
  });
  const placesById = new Map(places.map((place) => [place.localId, place]));
  const timexes: TimexRow[] = doc.timexes.map((timex) => ({ localId: timex.id, type: timex.type ?? '', value: timex.value ?? '', start: timex.start, end: timex.end }));
  const events: EventRow[] = doc.events.map((event) => {
    const place = event.place ? placesById.get(event.place) : undefined;
    // The event's own date when it resolves to a calendar range, else the day of publication
    // (ACLED's convention for reports that give no date of their own).
    const own = dateRange(event.date?.value);
    const range = own ?? dateRange(published);
    const participants: { entityLocal: string; role: 'actor' | 'target' }[] = [];
    for (const actor of event.actors ?? []) if (actor.entity) participants.push({ entityLocal: actor.entity, role: 'actor' });
    for (const target of event.targets ?? []) if (target.entity) participants.push({ entityLocal: target.entity, role: 'target' });
    const fatalities = (event.casualties ?? []).filter((casualty) => casualty.kind === 'killed').reduce((sum, casualty) => sum + (casualty.count ?? 0), 0);
    return {
      localId: event.id,
      ploverType: event.ploverType ?? '',
      mode: event.mode ?? null,
      acledType: event.acledType ?? '',
      acledSubType: event.acledSubType ?? '',
      dateValue: own ? (event.date?.value ?? null) : published,
      dateStart: range?.start ?? null,
      dateEnd: range?.end ?? null,
      actor1: event.actors?.[0]?.name ?? null,
      actor2: event.targets?.[0]?.name ?? event.actors?.[1]?.name ?? null,
      participants,
      location: place?.name ?? null,
      placeKey: place?.placeKey ?? null,
      countryCode: place?.countryCode ?? null,
      country: place?.country ?? null,
      countryKey: place?.countryKey ?? null,
      lat: place?.lat ?? null,
      lon: place?.lon ?? null,
      fatalities,
      source: event.source?.name ?? doc.meta.publisher ?? null,
      notes: (event.evidence?.length ? event.evidence : [event]).map((span) => doc.text.slice(span.start, span.end).replace(/\s+/g, ' ').trim()).join(' '),
      negated: event.flags?.negated ?? false,
      hypothetical: event.flags?.hypothetical ?? false,
      historical: event.flags?.historical ?? false,
      start: event.start,
      end: event.end,
    };
  });
  return { article, entities, mentions, quotes, places, timexes, events };
}

/** An existing entity that may match: its key, type, canonical slug and one of its alias slugs. */
export interface EntityCandidate {
  readonly key: number;
  readonly type: string;
  readonly entitySlug: string;
  readonly aliasSlug: string;
}

/**
 * Picks the stored entity an article's entity merges into, or null for a new one: the same type
 * and canonical name first; else the one entity of that type that has this name as an alias;
 * else the one entity that shares an alias. Two or more candidates are ambiguous: no merge.
 */
export function chooseEntity(entity: EntityRow, candidates: readonly EntityCandidate[]): number | null {
  const sameType = candidates.filter((candidate) => candidate.type === entity.type);
  const exact = sameType.find((candidate) => candidate.entitySlug === entity.slug);
  if (exact) return exact.key;
  if (!entity.mergeSlugs.includes(entity.slug)) return null;
  const byName = new Set(sameType.filter((candidate) => candidate.aliasSlug === entity.slug).map((candidate) => candidate.key));
  if (byName.size === 1) return [...byName][0] ?? null;
  if (byName.size > 1) return null;
  const byAlias = new Set(sameType.filter((candidate) => entity.mergeSlugs.includes(candidate.aliasSlug)).map((candidate) => candidate.key));
  return byAlias.size === 1 ? ([...byAlias][0] ?? null) : null;
}
