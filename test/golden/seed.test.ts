/**
 * The seed article (a real scraped CNN story in ../shared, never copied here) must come out right.
 * Skipped when ../shared is not beside the checkout.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyze } from '../../src/index.js';

const seedPath = join(import.meta.dirname, '..', '..', '..', 'shared', 'examples', 'seed-article.txt');
const skip = !existsSync(seedPath) && 'needs ../shared/examples/seed-article.txt';

test('seed: metadata, clean body and exactly 18 sentences', { skip }, async () => {
  const doc = await analyze(readFileSync(seedPath, 'utf8'), { published: '2018-03-28', id: 'seed' });
  assert.equal(doc.meta.publisher, 'CNN');
  assert.equal(doc.meta.dateline, 'Washington');
  assert.equal(doc.meta.published, '2018-03-28');
  assert.ok(doc.text.startsWith('The US military conducted'), `body starts ${JSON.stringify(doc.text.slice(0, 40))}`);
  assert.ok(!doc.text.includes('FILE'), 'caption residue left in the body');
  assert.equal(doc.sentences.length, 18, doc.sentences.map((s) => doc.text.slice(s.start, s.end)).join('\n'));
  assert.ok(doc.sentences.some((s) => doc.text.slice(s.start, s.end).includes('Maj. Sheryll Klinkel')), 'split after Maj.');
  assert.deepEqual(doc.removals.map((removal) => removal.reason), ['photo caption or credit', 'dateline']);
});
