/**
 * The SQLite writer thread: batches stored through it land in the file as the store's own writes
 * would, in order; a file it cannot open and a batch the store refuses come back as the store's
 * errors.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { LedeError } from '../errors.js';
import { articleRows } from './article-rows.js';
import { openSqliteStore } from './sqlite-store.js';
import { canWriteInThread, openSqliteWriter } from './sqlite-writer.js';
import { ACCENT_ARTICLE, buildDoc, PROTEST_ARTICLE, STRIKE_ARTICLE } from './store-fixtures.js';

const tempDir = mkdtempSync(join(tmpdir(), 'lede-writer-'));
after(() => rmSync(tempDir, { recursive: true, force: true }));

test('the writer thread stores batches in order, as the store itself does', async () => {
  const path = join(tempDir, 'writer.db');
  const store = openSqliteStore(path);
  const writer = await openSqliteWriter(store.location);
  try {
    const [strike, protest, accent] = [STRIKE_ARTICLE, PROTEST_ARTICLE, ACCENT_ARTICLE].map((spec) => articleRows(buildDoc(spec)));
    // Sent without waiting: the second batch updates what the first one created.
    const [first, second] = await Promise.all([writer.putRows([strike!, protest!]), writer.putRows([strike!, accent!])]);
    assert.deepEqual(first.map((result) => result.status), ['created', 'created']);
    assert.deepEqual(second.map((result) => result.status), ['updated', 'created']);
    // The main thread's connection reads what the writer committed.
    const stored = await store.getArticle(first[1]!.id);
    assert.equal(stored?.doc.text, buildDoc(PROTEST_ARTICLE).text);
    // The same rows through the store itself: the same ids.
    const direct = await store.putRows([accent!]);
    assert.deepEqual(direct, [{ id: second[1]!.id, status: 'updated' }]);
  } finally {
    await writer.close();
    await store.close();
  }
});

test('the writer thread reports the store errors: a file it cannot open, a closed writer', async () => {
  const folder = join(tempDir, 'a-folder');
  mkdirSync(folder);
  await assert.rejects(openSqliteWriter(folder), (error: unknown) => error instanceof LedeError && error.code === 'E_DB' && error.message.includes(folder));
  const store = openSqliteStore(join(tempDir, 'closed.db'));
  const writer = await openSqliteWriter(store.location);
  await writer.close();
  await writer.close();
  await assert.rejects(writer.putRows([articleRows(buildDoc(STRIKE_ARTICLE))]), (error: unknown) => error instanceof LedeError && error.code === 'E_DB');
  await store.close();
});

test('only a SQLite file moves its writes to a thread', () => {
  const memory = openSqliteStore(':memory:');
  assert.equal(canWriteInThread(memory), false);
  void memory.close();
});
