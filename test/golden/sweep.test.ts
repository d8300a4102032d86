/**
 * A sweep over real news text: every article of a few thousand from ../shared's CNN/DM sets must
 * come out of the whole pipeline without an internal error. Unit tests use sentences written for
 * them; the statistical stages (tagger, quotes, events) meet shapes on real articles that no
 * written sentence produced (a quote cue left without content once broke the quote finder on one
 * CNN story in sixty). Skipped when ../shared is not beside the checkout; nothing is copied here.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { defaultStages } from '../../src/pipeline/default-stages.js';
import { createPipeline } from '../../src/pipeline/pipeline.js';

const dataDir = join(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'summarization-cnndm');
const files: readonly [string, number][] = [
  ['cnndm-frank-dev.jsonl', Infinity],
  ['cnndm-realsumm-dev.jsonl', Infinity],
  [join('train', 'cnndm-train-cnn-00.jsonl'), 1200],
  [join('train', 'cnndm-train-dailymail-00.jsonl'), 1200],
];
const skip = !files.every(([file]) => existsSync(join(dataDir, file))) && 'needs ../shared/data/summarization-cnndm';

test('sweep: real news articles end in a result, never an internal error', { skip, timeout: 600_000 }, async () => {
  const pipeline = await createPipeline(defaultStages());
  const failures: string[] = [];
  let count = 0;
  for (const [file, limit] of files) {
    const lines = readFileSync(join(dataDir, file), 'utf8').split('\n').filter(Boolean).slice(0, limit);
    for (const [index, line] of lines.entries()) {
      const record = JSON.parse(line) as { article?: string; text?: string };
      const text = record.article ?? record.text ?? '';
      if (!text.trim()) continue;
      count++;
      try {
        pipeline.analyze(text, { published: '2015-01-01', id: `${file}:${index}` });
      } catch (error) {
        failures.push(`${file}:${index}: ${(error as Error).message}`);
      }
    }
  }
  assert.ok(count > 2000, `only ${count} articles read`);
  assert.deepEqual(failures.slice(0, 10), [], `${failures.length} of ${count} articles failed`);
});
