/**
 * The stored Doc JSON: everything comes back exactly (values and key order), from real analysed
 * articles and from Docs of unusual shape, and rows written before the codec still read.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Doc } from '../doc/schema.js';
import { defaultStages } from '../pipeline/default-stages.js';
import { createPipeline } from '../pipeline/pipeline.js';
import { decodeDoc, encodeDoc, STORED_KEY } from './doc-codec.js';
import { ACCENT_ARTICLE, buildDoc, PROTEST_ARTICLE, STRIKE_ARTICLE } from './store-fixtures.js';

function headerOf(json: string): Record<string, unknown> {
  return (JSON.parse(json) as Record<string, Record<string, unknown>>)[STORED_KEY] ?? {};
}

/** Round trip: the same values and the same key order, top level and in every token. */
function assertRoundTrip(doc: Doc, label: string): string {
  const json = encodeDoc(doc);
  const decoded = decodeDoc(json, doc.text);
  assert.deepEqual(decoded, doc, label);
  assert.equal(JSON.stringify(decoded), JSON.stringify(doc), `${label}: key order`);
  return json;
}

/** Written for this test: two paragraphs, an abbreviation, a quote, curly apostrophes. */
const ARTICLE = `Gen. Maria Lopez said on Tuesday that the U.S. Army’s base near Ubari would close. “We are done here,” she told reporters.

The base, opened in 2011, housed 300 soldiers. Officials in Tripoli didn’t comment.`;

test('analysed articles come back exactly, tokens written compactly, text and source left out', async () => {
  const pipeline = await createPipeline(defaultStages());
  for (const input of [{ id: 'plain', text: ARTICLE }, { id: 'html', html: `<html><body><article><p>${ARTICLE.replace('\n\n', '</p><p>')}</p></article></body></html>` }]) {
    const doc = pipeline.analyze(input, { id: input.id, published: '2018-03-27' });
    const json = assertRoundTrip(doc, input.id);
    const header = headerOf(json);
    assert.deepEqual(header['omitted'], doc.source === doc.text ? ['text', 'source'] : ['text'], input.id);
    assert.equal((header['tokenSpans'] as number[]).length, doc.tokens.length * 2, input.id);
    assert.ok(json.length < JSON.stringify(doc).length * 0.7, `${input.id}: ${json.length} of ${JSON.stringify(doc).length} characters`);
  }
});

/** Docs of unusual shape: each must come back exactly; `compact` says whether tokens are written compactly. */
const SHAPE_CASES: readonly { name: string; doc: Doc; compact: boolean }[] = [
  { name: 'hand-made tokens that no segmenter gives (overlapping, out of order)', doc: { ...buildDoc(STRIKE_ARTICLE), tokens: [{ start: 5, end: 9, sentence: 1 }, { start: 0, end: 7, sentence: 0 }, { start: 3, end: 3, sentence: 0 }] }, compact: true },
  { name: 'no tokens at all', doc: { ...buildDoc(STRIKE_ARTICLE), tokens: [] }, compact: true },
  { name: 'a token with a field of its own is kept as it is', doc: { ...buildDoc(PROTEST_ARTICLE), tokens: [{ start: 0, end: 3, sentence: 0, note: 'x' } as Doc['tokens'][number]] }, compact: false },
  { name: 'a token with its keys in another order is kept as it is', doc: { ...buildDoc(PROTEST_ARTICLE), tokens: [{ sentence: 0, start: 0, end: 3 }] }, compact: false },
  { name: 'a source that differs from the text', doc: { ...buildDoc(ACCENT_ARTICLE), source: `<p>${ACCENT_ARTICLE.text}</p>` }, compact: true },
];

for (const { name, doc, compact } of SHAPE_CASES) {
  test(`comes back exactly: ${name}`, () => {
    const json = assertRoundTrip(doc, name);
    assert.equal('tokenSpans' in headerOf(json), compact);
  });
}

test('Doc JSON stored before the codec (no header) reads as it is', () => {
  const doc = buildDoc(STRIKE_ARTICLE);
  assert.deepEqual(decodeDoc(JSON.stringify(doc), 'ignored'), doc);
});
