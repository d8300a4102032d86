import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { readInputs, type InputItem } from './inputs.js';

const folder = mkdtempSync(join(tmpdir(), 'lede-inputs-'));
after(() => rmSync(folder, { recursive: true, force: true }));

async function itemsOf(name: string, content: string, maxBytes?: number): Promise<InputItem[]> {
  const path = join(folder, name);
  writeFileSync(path, content);
  const items: InputItem[] = [];
  for await (const item of readInputs(path, 'auto', maxBytes)) items.push(item);
  return items;
}

test('JSONL: every line an item in order, blank lines skipped, CRLF and a bad line handled', async () => {
  const items = await itemsOf('a.jsonl', '{"id":"one","text":"First."}\r\n\n{not json}\n{"text":"Third."}');
  assert.deepEqual(items.map((item) => item.id), ['one', `${join(folder, 'a.jsonl')}:3`, `${join(folder, 'a.jsonl')}:4`]);
  assert.equal('input' in items[0]! && items[0].input.text, 'First.');
  assert.equal('error' in items[1]! && items[1].error.code, 'E_BAD_RECORD');
});

test('JSONL: a line over twice the per-article limit is an E_INPUT_TOO_LARGE record and the batch goes on', async () => {
  const big = JSON.stringify({ id: 'big', text: 'word '.repeat(100) });
  const items = await itemsOf('b.jsonl', `${big}\n{"id":"after","text":"Still read."}\n`, 200);
  assert.equal(items.length, 2);
  const [first, second] = items;
  assert.ok(first && 'error' in first);
  assert.equal(first.error.code, 'E_INPUT_TOO_LARGE');
  assert.match(first.error.message, /:1: the line is \d+ bytes, over the 400-byte limit per JSONL record/);
  assert.equal(second?.id, 'after');
});
