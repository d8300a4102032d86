import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { readLines, type LineTooLong } from './lines.js';

const folder = mkdtempSync(join(tmpdir(), 'lede-lines-'));
after(() => rmSync(folder, { recursive: true, force: true }));

async function linesOf(content: string | Buffer, maxLineBytes?: number): Promise<(string | LineTooLong)[]> {
  const path = join(folder, `f${Math.random().toString(36).slice(2)}`);
  writeFileSync(path, content);
  const out: (string | LineTooLong)[] = [];
  for await (const line of readLines(path, maxLineBytes)) out.push(line);
  return out;
}

test('lines split at newlines, CRLF and a byte-order mark dropped, a last line without newline kept', async () => {
  assert.deepEqual(await linesOf('\ufeffa\r\nb\n\nc'), ['a', 'b', '', 'c']);
  assert.deepEqual(await linesOf('a\n'), ['a']);
  assert.deepEqual(await linesOf(''), []);
});

test('lines longer than a chunk, and multi-byte characters cut by a chunk edge, come out whole', async () => {
  const long = 'é'.repeat(100_000) + '“x”';
  assert.deepEqual(await linesOf(`${long}\nshort\n${long}`), [long, 'short', long]);
});

test('a line over the limit is read past and reported by its length', async () => {
  const lines = await linesOf(`ok\n${'z'.repeat(200_000)}\nafter\n${'y'.repeat(150)}`, 100);
  assert.deepEqual(lines, ['ok', { tooLongBytes: 200_000 }, 'after', { tooLongBytes: 150 }]);
});

test('bad UTF-8 becomes replacement characters', async () => {
  assert.deepEqual(await linesOf(Buffer.from([0x61, 0xff, 0x0a, 0x62])), ['a\ufffd', 'b']);
});
