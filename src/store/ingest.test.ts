/**
 * `ingestInputs` over a real SQLite file: every input is stored or reported with its id, and a
 * second run updates instead of duplicating.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { LedeError } from '../errors.js';
import { ingest, type Pipeline } from '../pipeline/pipeline.js';
import { readInputs, type InputItem } from '../stages/ingest/inputs.js';
import { ingestInputs, type IngestCounts } from './ingest.js';
import { listStoreEvents, searchStore } from './filters.js';
import { openSqliteStore } from './sqlite-store.js';
import { buildDoc, PROTEST_ARTICLE, STRIKE_ARTICLE } from './store-fixtures.js';

const tempDir = mkdtempSync(join(tmpdir(), 'lede-ingest-'));
after(() => rmSync(tempDir, { recursive: true, force: true }));

/** Real ingest, then the fixture's layers when the text is one of the fixtures. */
const pipeline: Pipeline = {
  stages: [],
  analyze(input, options = {}) {
    const doc = ingest(input, options);
    const spec = [STRIKE_ARTICLE, PROTEST_ARTICLE].find((fixture) => fixture.text === doc.source.trim());
    return spec ? { ...buildDoc(spec), meta: { ...buildDoc(spec).meta, ...doc.meta } } : { ...doc, text: doc.source };
  },
};

test('a batch stores every good input and reports every bad one with its id; a re-run updates', async () => {
  const folder = join(tempDir, 'batch');
  mkdirSync(folder);
  writeFileSync(join(folder, 'a-strike.txt'), STRIKE_ARTICLE.text);
  writeFileSync(join(folder, 'b-protest.txt'), PROTEST_ARTICLE.text);
  writeFileSync(join(folder, 'c-empty.txt'), '  \n');
  writeFileSync(join(folder, 'd-batch.jsonl'), `${JSON.stringify({ id: 'j1', text: 'A note.', published: '2020-01-01' })}\nnot json\n${JSON.stringify({ id: 'j3', text: 'Dated wrongly.', published: '2020-13-01' })}\n`);
  const store = openSqliteStore(join(tempDir, 'batch.db'));
  try {
    const progress: IngestCounts[] = [];
    const first = await ingestInputs(store, pipeline, readInputs(folder), (counts) => progress.push(counts));
    assert.deepEqual([first.total, first.created, first.updated, first.failed], [6, 3, 0, 3]);
    assert.deepEqual(first.errors.map((record) => `${record.id} ${record.error.code}`), ['c-empty.txt E_INPUT_EMPTY', 'd-batch.jsonl:2 E_BAD_RECORD', 'j3 E_BAD_DATE']);
    assert.equal(progress.length, 6);
    assert.deepEqual(progress.at(-1), { total: 6, created: 3, updated: 0, failed: 3 });
    const second = await ingestInputs(store, pipeline, readInputs(folder));
    assert.deepEqual([second.created, second.updated, second.failed], [0, 3, 3]);
    assert.equal((await store.stats()).articles, 3);
    assert.deepEqual((await searchStore(store, { q: 'Ubari' })).articles.map((hit) => hit.id), ['a-strike.txt']);
    assert.equal((await listStoreEvents(store, { type: 'assault' })).length, 2);
  } finally {
    await store.close();
  }
});

test('bad CLI options are E_USAGE naming the option', async () => {
  const store = openSqliteStore(join(tempDir, 'usage.db'));
  try {
    await assert.rejects(searchStore(store, { q: 'x', from: '2018-1-1' }), (error: unknown) => error instanceof LedeError && error.code === 'E_USAGE' && /option from/.test(error.message));
    await assert.rejects(listStoreEvents(store, { limit: 'many' }), (error: unknown) => error instanceof LedeError && error.code === 'E_USAGE' && /option limit/.test(error.message));
  } finally {
    await store.close();
  }
});

test('a store failure stops the batch with E_DB (every later article would fail the same way)', async () => {
  const store = openSqliteStore(join(tempDir, 'closed.db'));
  await store.close();
  const items: InputItem[] = [{ id: 'x', input: { id: 'x', text: 'Some text.' } }];
  await assert.rejects(ingestInputs(store, pipeline, items), (error: unknown) => error instanceof LedeError && error.code === 'E_DB');
});

test('with worker threads (the real pipeline), every input is stored in input order or reported, in batches', async () => {
  const store = openSqliteStore(join(tempDir, 'workers.db'));
  try {
    const items: InputItem[] = [
      { id: 'w1', input: { text: STRIKE_ARTICLE.text, published: '2018-03-26' } },
      { id: 'w2', error: new LedeError('E_BAD_RECORD', 'w2: not JSON', 'w2') },
      { id: 'w3', input: { text: '   ' } },
      { id: 'w4', input: { text: PROTEST_ARTICLE.text, published: '2019-07-02' } },
      { id: 'w5', input: { html: `<html><body><article><p>${STRIKE_ARTICLE.text}</p><p>One more line.</p></article></body></html>` } },
    ];
    const order: string[] = [];
    const summary = await ingestInputs(store, null, items, (_counts, outcome) => order.push(`${outcome.id} ${outcome.status}`), { workers: 2, batchSize: 2 });
    assert.deepEqual(order, ['w1 created', 'w2 failed', 'w3 failed', 'w4 created', 'w5 created']);
    assert.deepEqual(summary.errors.map((record) => `${record.id} ${record.error.code}`), ['w2 E_BAD_RECORD', 'w3 E_INPUT_EMPTY']);
    const stored = await store.getArticle('w4');
    assert.equal(stored?.doc.meta.id, 'w4');
    assert.equal(stored?.published, '2019-07-02');
    assert.ok((stored?.doc.tokens.length ?? 0) > 10, 'the analysis is stored whole');
    // Again with the writes in the main thread: the same outcomes.
    const again = await ingestInputs(store, null, items, undefined, { workers: 1, writerThread: false });
    assert.deepEqual([again.created, again.updated, again.failed], [0, 3, 2]);
  } finally {
    await store.close();
  }
});
