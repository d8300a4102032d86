import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SpanIndex } from './span-index.js';
import { createRandom } from '../util/random.js';

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start < b.end && b.start < a.end;

test('finds what a scan of the layer finds, for layers in any order, overlapping or not', () => {
  const random = createRandom(7);
  for (let round = 0; round < 200; round++) {
    const items = Array.from({ length: Math.floor(random() * 30) }, (_, id) => {
      const start = Math.floor(random() * 200);
      return { id, start, end: start + (random() < 0.05 ? 0 : 1) + Math.floor(random() * (random() < 0.1 ? 80 : 8)), tag: random() < 0.5 };
    });
    const index = new SpanIndex(items);
    for (let query = 0; query < 20; query++) {
      const start = Math.floor(random() * 210);
      const span = { start, end: start + Math.floor(random() * 12) };
      assert.equal(index.find(span, (item) => item.tag), items.find((item) => overlaps(item, span) && item.tag));
      assert.equal(index.some(span, (item) => !item.tag), items.some((item) => overlaps(item, span) && !item.tag));
      assert.deepEqual(index.within(span), items.filter((item) => item.start >= span.start && item.end <= span.end));
      assert.deepEqual(index.overlapping(span), items.filter((item) => overlaps(item, span)));
      assert.deepEqual(index.startingIn(span.start, span.start + 4), items.filter((item) => item.start >= span.start && item.start <= span.start + 4));
      const visited: number[] = [];
      index.forEachOverlapping(span, (at) => visited.push(at));
      assert.deepEqual(visited.sort((a, b) => a - b), items.flatMap((item, at) => (overlaps(item, span) ? [at] : [])));
    }
  }
});

test('an empty layer finds nothing; an empty span overlaps an item around it, as a.start < b.end && b.start < a.end says', () => {
  assert.equal(new SpanIndex([]).find({ start: 0, end: 5 }, () => true), undefined);
  const item = { start: 2, end: 4 };
  assert.equal(new SpanIndex([item]).find({ start: 3, end: 3 }, () => true), item);
  assert.equal(new SpanIndex([item]).find({ start: 4, end: 4 }, () => true), undefined);
});
