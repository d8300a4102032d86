/**
 * The Lede document: one article, its normalised text and its standoff layers.
 *
 * Every span is a half-open `[start, end)` range of UTF-16 offsets into `Doc.text`.
 * Layers refer to each other by id, so a Doc survives `JSON.parse(JSON.stringify(doc))`.
 * The zod schemas here are the single source of the TypeScript types and of the
 * published JSON Schema (`lede schema`).
 */
import { z } from 'zod';

/** Version of the JSON output shape. Bump the minor for additions, the major for changes. */
export const SCHEMA_VERSION = '0.1.0';

export const SpanSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type Span = z.infer<typeof SpanSchema>;

/** A piece of the alignment: `length` UTF-16 units of `text` from `textStart` copy `source` from `sourceStart`. */
export const AlignmentPieceSchema = z.object({
  textStart: z.number().int(),
  sourceStart: z.number().int(),
  length: z.number().int(),
});
export type AlignmentPiece = z.infer<typeof AlignmentPieceSchema>;

export const MetaSchema = z.object({
  id: z.string().optional(),
  url: z.string().optional(),
  title: z.string().optional(),
  publisher: z.string().optional(),
  dateline: z.string().optional(),
  byline: z.string().optional(),
  /** Publication date `YYYY-MM-DD` (or full ISO timestamp when known). */
  published: z.string().optional(),
  /** Where `published` came from: caller, html-meta, json-ld, visible-text, url, dateline. */
  publishedSource: z.string().optional(),
  language: z.string().optional(),
  /** Input format the article arrived in. */
  format: z.enum(['text', 'html']).optional(),
});
export type Meta = z.infer<typeof MetaSchema>;

/** Something normalisation took out of the source, with the reason. Offsets are into `source`. */
export const RemovalSchema = SpanSchema.extend({
  reason: z.string(),
  text: z.string(),
  /**
   * `page` for what HTML extraction left out of the page (navigation, captions, share lines): those
   * are not in `source` (the extracted article text), so their span is empty at 0. Default `source`.
   */
  scope: z.enum(['source', 'page']).optional(),
});
export type Removal = z.infer<typeof RemovalSchema>;

export const ParagraphSchema = SpanSchema.extend({ id: z.string() });
export type Paragraph = z.infer<typeof ParagraphSchema>;

export const SentenceSchema = SpanSchema.extend({
  id: z.string(),
  paragraph: z.string(),
});
export type Sentence = z.infer<typeof SentenceSchema>;

export const TokenSchema = SpanSchema.extend({
  /** Index of the sentence (in `sentences`) holding the token. */
  sentence: z.number().int(),
});
export type Token = z.infer<typeof TokenSchema>;

export const EntityTypeSchema = z.enum(['PER', 'ORG', 'LOC', 'MISC']);
export type EntityType = z.infer<typeof EntityTypeSchema>;

export const MentionSchema = SpanSchema.extend({
  id: z.string(),
  type: EntityTypeSchema,
  /** For LOC: country, city, region, ... where the gazetteer knows. */
  subtype: z.string().optional(),
  kind: z.enum(['name', 'nominal', 'pronoun']),
  /** Entity id, or null when the antecedent is not clear. */
  entity: z.string().nullable(),
  /** Model or rule that proposed the mention. */
  rule: z.string(),
});
export type Mention = z.infer<typeof MentionSchema>;

export const RoleSchema = z.object({
  role: z.string().optional(),
  rank: z.string().optional(),
  /** Entity id of the organisation or country the role belongs to. */
  affiliation: z.string().optional(),
  start: z.number().int(),
  end: z.number().int(),
});
export type Role = z.infer<typeof RoleSchema>;

export const EntitySchema = z.object({
  id: z.string(),
  type: EntityTypeSchema,
  subtype: z.string().optional(),
  name: z.string(),
  aliases: z.array(z.string()),
  mentions: z.array(z.string()),
  roles: z.array(RoleSchema),
});
export type Entity = z.infer<typeof EntitySchema>;

export const TimexSchema = SpanSchema.extend({
  id: z.string(),
  type: z.enum(['DATE', 'TIME', 'DURATION', 'SET']),
  /** TIMEX3 value: `2018-03-24`, `2018-02`, `P3Y`, `PRESENT_REF`, `XXXX-WXX-1`, ... */
  value: z.string(),
  /** TIMEX3 modifier: START, END, MID, BEFORE, AFTER, APPROX, ... */
  mod: z.string().optional(),
  /** What the value was resolved from: `published`, a timex id, or `absolute`. */
  anchor: z.string(),
  precision: z.enum(['century', 'decade', 'year', 'quarter', 'season', 'month', 'week', 'day', 'hour', 'minute', 'second', 'none']),
  /** False when a relative expression could not be resolved (no reference date). */
  resolved: z.boolean(),
  rule: z.string(),
});
export type Timex = z.infer<typeof TimexSchema>;

export const PlaceSchema = SpanSchema.extend({
  id: z.string(),
  /** Mention id when the toponym came from the entities layer. */
  mention: z.string().optional(),
  name: z.string(),
  kind: z.string(),
  countryCode: z.string().optional(),
  lat: z.number().optional(),
  lon: z.number().optional(),
  geonameId: z.number().int().optional(),
  precision: z.string(),
  confidence: z.number(),
  rule: z.string(),
});
export type Place = z.infer<typeof PlaceSchema>;

export const QuoteSchema = SpanSchema.extend({
  id: z.string(),
  kind: z.enum(['direct', 'indirect', 'mixed']),
  /** Content pieces (a quote split by its cue has several). `start`/`end` cover them all. */
  content: z.array(SpanSchema),
  cue: SpanSchema.nullable(),
  speaker: SpanSchema.nullable(),
  /** Entity id of the speaker, or null when unresolved. */
  speakerEntity: z.string().nullable(),
  medium: SpanSchema.nullable(),
  rule: z.string(),
});
export type Quote = z.infer<typeof QuoteSchema>;

export const CasualtySchema = z.object({
  kind: z.enum(['killed', 'injured']),
  count: z.number().int().nullable(),
  qualifier: z.enum(['exact', 'minimum', 'approximate', 'zero', 'unknown']),
  who: z.string().optional(),
  start: z.number().int(),
  end: z.number().int(),
});
export type Casualty = z.infer<typeof CasualtySchema>;

export const EventActorSchema = z.object({
  entity: z.string().nullable(),
  name: z.string(),
  kind: z.string().optional(),
  countryCode: z.string().optional(),
});
export type EventActor = z.infer<typeof EventActorSchema>;

export const EventSchema = SpanSchema.extend({
  id: z.string(),
  ploverType: z.string(),
  mode: z.string().optional(),
  acledType: z.string(),
  acledSubType: z.string(),
  actors: z.array(EventActorSchema),
  targets: z.array(EventActorSchema),
  place: z.string().nullable(),
  date: z.object({ value: z.string(), timex: z.string().nullable(), fromPublication: z.boolean() }).nullable(),
  casualties: z.array(CasualtySchema),
  source: z.object({ quote: z.string().nullable(), entity: z.string().nullable(), name: z.string() }).nullable(),
  flags: z.object({ historical: z.boolean(), negated: z.boolean(), hypothetical: z.boolean(), aggregate: z.boolean() }),
  evidence: z.array(SpanSchema),
  trigger: SpanSchema,
  rule: z.string(),
});
export type Event = z.infer<typeof EventSchema>;

export const SummaryItemSchema = SpanSchema.extend({
  sentence: z.string(),
  score: z.number(),
});
export type SummaryItem = z.infer<typeof SummaryItemSchema>;

export const DiagnosticSchema = z.object({
  stage: z.string(),
  rule: z.string(),
  message: z.string(),
  start: z.number().int().optional(),
  end: z.number().int().optional(),
});
export type Diagnostic = z.infer<typeof DiagnosticSchema>;

/** The whole analysed article. */
export const DocSchema = z.object({
  schemaVersion: z.string(),
  source: z.string(),
  text: z.string(),
  alignment: z.array(AlignmentPieceSchema),
  meta: MetaSchema,
  removals: z.array(RemovalSchema),
  paragraphs: z.array(ParagraphSchema),
  sentences: z.array(SentenceSchema),
  tokens: z.array(TokenSchema),
  mentions: z.array(MentionSchema),
  entities: z.array(EntitySchema),
  timexes: z.array(TimexSchema),
  places: z.array(PlaceSchema),
  quotes: z.array(QuoteSchema),
  events: z.array(EventSchema),
  summary: z.array(SummaryItemSchema),
  diagnostics: z.array(DiagnosticSchema),
});
export type Doc = z.infer<typeof DocSchema>;

/** Names of the Doc fields a stage may assign. */
export type DocField = Exclude<keyof Doc, 'schemaVersion'>;

/** The JSON Schema of Lede's output, generated from {@link DocSchema}. */
export function docJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(DocSchema) as Record<string, unknown>;
  return { $id: `https://lede.invalid/schema/doc-${SCHEMA_VERSION}.json`, title: 'Lede Doc', version: SCHEMA_VERSION, ...schema };
}
