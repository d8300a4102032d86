/**
 * Whole-pipeline invariants on the team's own articles: every Doc matches the published schema,
 * survives a JSON round trip, keeps every span inside the text, keeps layers sorted by start and
 * refers to ids that exist.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { DocSchema, type Doc } from '../src/doc/schema.js';
import { defaultStages } from '../src/pipeline/default-stages.js';
import { checkStageOrder, createPipeline } from '../src/pipeline/pipeline.js';
import type { Stage } from '../src/pipeline/stage.js';

const root = join(import.meta.dirname, '..');
const articles: ReadonlyArray<readonly [string, string]> = [
  ['example article', readFileSync(join(root, 'examples', 'example-article.txt'), 'utf8')],
  ['HTML page', readFileSync(join(root, 'test', 'fixtures', 'article.html'), 'utf8')],
  ['one line', 'Police said two people were hurt in Leeds on Friday.'],
  ['quotes only', '“We will rebuild,” the mayor said.\n\n“It will take years,” she added.'],
];

function spansOf(value: unknown, out: { start: number; end: number }[]): void {
  if (Array.isArray(value)) for (const item of value) spansOf(item, out);
  else if (value && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    if (typeof object['start'] === 'number' && typeof object['end'] === 'number') out.push({ start: object['start'], end: object['end'] });
    for (const inner of Object.values(object)) spansOf(inner, out);
  }
}

function checkDoc(doc: Doc, name: string): void {
  const parsed = DocSchema.safeParse(doc);
  assert.ok(parsed.success, `${name}: ${parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 3))}`);
  assert.deepEqual(JSON.parse(JSON.stringify(doc)), doc, `${name}: JSON round trip changed the Doc`);
  for (const layer of ['paragraphs', 'sentences', 'tokens', 'mentions', 'timexes', 'places', 'quotes', 'events', 'summary'] as const) {
    const spans: { start: number; end: number }[] = [];
    spansOf(doc[layer], spans);
    for (const span of spans) assert.ok(span.start >= 0 && span.start <= span.end && span.end <= doc.text.length, `${name}: ${layer} span [${span.start},${span.end}) outside the text`);
    const starts = (doc[layer] as readonly { start: number }[]).map((item) => item.start);
    assert.deepEqual(starts, [...starts].sort((a, b) => a - b), `${name}: ${layer} not sorted by start`);
  }
  const entityIds = new Set(doc.entities.map((entity) => entity.id));
  const mentionIds = new Set(doc.mentions.map((mention) => mention.id));
  for (const mention of doc.mentions) if (mention.entity) assert.ok(entityIds.has(mention.entity), `${name}: mention ${mention.id} points at missing ${mention.entity}`);
  for (const entity of doc.entities) for (const id of entity.mentions) assert.ok(mentionIds.has(id), `${name}: entity ${entity.id} lists missing ${id}`);
  for (const quote of doc.quotes) if (quote.speakerEntity) assert.ok(entityIds.has(quote.speakerEntity), `${name}: quote ${quote.id} speaker missing`);
  const placeIds = new Set(doc.places.map((place) => place.id));
  for (const event of doc.events) if (event.place) assert.ok(placeIds.has(event.place), `${name}: event ${event.id} place missing`);
}

test('every Doc matches the schema and its invariants', async () => {
  const pipeline = await createPipeline(defaultStages());
  for (const [name, text] of articles) {
    checkDoc(pipeline.analyze(text, { id: name, published: '2025-06-12' }), name);
    checkDoc(pipeline.analyze(text, { id: `${name} (no date)` }), `${name} (no date)`);
  }
});

test('a stage that needs a field nobody assigns is refused when the pipeline is built', () => {
  const lonely: Stage = { name: 'lonely', requires: ['quotes'], assigns: ['summary'], run: () => ({}) };
  assert.throws(() => checkStageOrder([lonely]), /stage "lonely" requires "quotes", which no earlier stage assigns/);
  assert.doesNotThrow(() => checkStageOrder(defaultStages()));
});

test('the same input gives the same Doc twice (stages are deterministic)', async () => {
  const pipeline = await createPipeline(defaultStages());
  const [, text] = articles[0]!;
  assert.deepEqual(pipeline.analyze(text, { published: '2025-06-12' }), pipeline.analyze(text, { published: '2025-06-12' }));
});
