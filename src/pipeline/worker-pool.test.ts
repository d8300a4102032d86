/**
 * The split pool (front and back halves of the pipeline in different threads) gives exactly what
 * one thread running the whole pipeline gives: the same lines, the same store rows, the same error
 * records, and the time budget covers both halves.
 */
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { after, before, test } from 'node:test';
import { defaultSplitStage, defaultStages } from './default-stages.js';
import { createPipeline, createPipelineHalf, splitIndex, type Pipeline } from './pipeline.js';
import { analyzeToLine, analyzeToRows, analyzeWhole, type WorkerTask } from './worker.js';
import { analysisPool, heedPoolErrors, share, splitsByDefault, type AnalysisPool } from './worker-pool.js';

const ARTICLE = `KESTREL BAY (Lede Wire) — Storm number 4 cut power to 43 homes on Monday, the utility said.

“Crews are out,” spokesperson Lena Ortiz said. Schools will stay closed until Thursday, the mayor's office added.`;

const TASKS: WorkerTask[] = [
  { id: 'plain', input: { text: ARTICLE }, offsets: 'text' },
  { id: 'dated', input: { text: ARTICLE, published: '2025-03-03' }, offsets: 'source' },
  { id: 'html', input: { html: `<html><head><title>Storm</title></head><body><article><h1>Storm</h1><p>${ARTICLE.replace('\n\n', '</p><p>')}</p></article></body></html>` }, offsets: 'source' },
  { id: 'caller-date', input: { text: ARTICLE }, published: '2024-12-31', offsets: 'text' },
  { id: 'empty', input: { text: '   ' }, offsets: 'text' },
  { id: 'furniture', input: { text: 'Share this article' }, offsets: 'text' },
  { id: 'bad-date', input: { text: ARTICLE, published: '2025-13-45' }, offsets: 'text' },
  { id: 'no-text', input: {}, offsets: 'text' },
];

let whole: Pipeline;
const pools: AnalysisPool[] = [];

before(async () => {
  whole = await createPipeline(defaultStages());
});

after(async () => {
  await Promise.all(pools.map((pool) => pool.destroy()));
});

test('the default split falls between stages, and a name the pipeline lacks is refused', async () => {
  const stages = defaultStages();
  assert.ok(splitIndex(stages, defaultSplitStage) > 0);
  assert.throws(() => splitIndex(stages, 'no-such-stage'), { code: 'E_PIPELINE' });
  assert.throws(() => splitIndex(stages, stages[0]!.name), { code: 'E_PIPELINE' });
  const front = await createPipelineHalf(stages, defaultSplitStage, 'front');
  assert.throws(() => front.back(front.front(ARTICLE)), { code: 'E_PIPELINE' });
});

test('an even number of threads that fill the cores is split by default; LEDE_SPLIT_WORKERS overrides', () => {
  assert.equal(splitsByDefault(1, 2, undefined), false);
  assert.equal(splitsByDefault(2, 2, undefined), true);
  assert.equal(splitsByDefault(3, 2, undefined), false);
  assert.equal(splitsByDefault(4, 2, undefined), true);
  assert.equal(splitsByDefault(4, 4, undefined), true);
  // Cores left over: whole articles in every thread scale better than two halves.
  assert.equal(splitsByDefault(2, 16, undefined), false);
  assert.equal(splitsByDefault(2, 16, '1'), true);
  assert.equal(splitsByDefault(3, 2, '1'), false);
  assert.equal(splitsByDefault(2, 2, '0'), false);
});

test('a side takes whole articles only when the halves are far apart, in the share that evens them', () => {
  assert.deepEqual(share(undefined), { front: 0, back: 0 });
  assert.deepEqual(share({ front: 5, back: 6 }), { front: 0, back: 0 });
  assert.deepEqual(share({ front: 7, back: 5 }), { front: 0, back: 0 });
  // Scraped pages: extraction makes the front five times the back.
  const pages = share({ front: 30, back: 6 });
  assert.equal(pages.front, 0);
  assert.ok(Math.abs((1 - pages.back) * 30 - ((1 - pages.back) * 6 + pages.back * 36)) < 1e-9);
  const long = share({ front: 4, back: 10 });
  assert.equal(long.back, 0);
  assert.ok(Math.abs(((1 - long.front) * 4 + long.front * 14) - (1 - long.front) * 10) < 1e-9);
});

test('a whole article through both halves in one thread equals the whole pipeline', async () => {
  const [front, back] = await Promise.all([createPipelineHalf(defaultStages(), defaultSplitStage, 'front'), createPipelineHalf(defaultStages(), defaultSplitStage, 'back')]);
  for (const task of TASKS) {
    assert.equal(analyzeWhole(front, back, task), analyzeToLine(whole, task));
    assert.deepEqual(analyzeWhole(front, back, { ...task, result: 'rows' }), analyzeToRows(whole, task));
    // Bytes: a result's line with its newline in UTF-8; an error record stays a line of text.
    const line = analyzeToLine(whole, task);
    const bytes = analyzeWhole(front, back, { ...task, result: 'bytes' });
    if (line.startsWith(`{"id":${JSON.stringify(task.id)},"error":`)) assert.equal(bytes, line);
    else assert.deepEqual(bytes, new TextEncoder().encode(`${line}\n`));
  }
});

for (const result of ['line', 'rows'] as const) {
  test(`a split pool's ${result} results equal one thread's, errors included`, { timeout: 120_000 }, async () => {
    const pool = analysisPool(2, 'auto', true);
    pools.push(pool);
    assert.equal(pool.split, true);
    const tasks = TASKS.map((task) => ({ ...task, result }));
    const split = await Promise.all(tasks.map((task) => pool.run(task, { signal: AbortSignal.timeout(60_000) })));
    const expected = tasks.map((task) => (result === 'line' ? analyzeToLine(whole, task) : analyzeToRows(whole, task)));
    assert.deepEqual(split, expected);
    // The errors are the ones a user expects, not artefacts of the split.
    const codes = expected.map((value) => (typeof value === 'string' ? (JSON.parse(value) as { error?: { code: string } }).error?.code : 'error' in value ? value.error.code : undefined));
    assert.deepEqual(codes, [undefined, undefined, undefined, undefined, 'E_INPUT_EMPTY', 'E_INPUT_EMPTY', 'E_BAD_DATE', 'E_BAD_RECORD']);
  });
}

test('a split pool\'s bytes results are one thread\'s lines in UTF-8 with their newlines, error records as text', { timeout: 120_000 }, async () => {
  const pool = analysisPool(2, 'auto', true);
  pools.push(pool);
  const split = await Promise.all(TASKS.map((task) => pool.run({ ...task, result: 'bytes' }, { signal: AbortSignal.timeout(60_000) })));
  const decoder = new TextDecoder();
  const lines = split.map((value) => (value instanceof Uint8Array ? decoder.decode(value) : `${value as string}\n`));
  assert.deepEqual(lines, TASKS.map((task) => `${analyzeToLine(whole, task)}\n`));
  assert.deepEqual(split.map((value) => value instanceof Uint8Array), [true, true, true, true, false, false, false, false]);
});

test('once warm, a split pool gives whole articles to both sides, with the same results', { timeout: 120_000 }, async () => {
  const pool = analysisPool(2, 'auto', true, 2);
  pools.push(pool);
  const results: unknown[] = [];
  for (const task of [...TASKS, ...TASKS]) results.push(await pool.run(task, { signal: AbortSignal.timeout(60_000) }));
  assert.deepEqual(results, [...TASKS, ...TASKS].map((task) => analyzeToLine(whole, task)));
});

test('the time budget covers both halves: an aborted article rejects and the pool goes on', { timeout: 120_000 }, async () => {
  const pool = analysisPool(2, 'auto', true);
  pools.push(pool);
  // The first article waits for the threads to load their models: far over a 50 ms budget.
  await assert.rejects(pool.run(TASKS[0]!, { signal: AbortSignal.timeout(50) }), { name: 'AbortError' });
  assert.equal(await pool.run(TASKS[0]!, { signal: AbortSignal.timeout(60_000) }), analyzeToLine(whole, TASKS[0]!));
});

test('errors the thread pool reports outside any task never end the process: a late reply is dropped, others warn', async () => {
  const pool = heedPoolErrors(new EventEmitter());
  const warnings: string[] = [];
  const onWarning = (warning: Error): void => {
    warnings.push(warning.message);
  };
  process.on('warning', onWarning);
  try {
    // Unheard, an 'error' event throws; heard, these return.
    pool.emit('error', new Error('Unexpected message from Worker: { taskId: 292, result: {} }'));
    pool.emit('error', new Error('worker exited between tasks'));
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    process.off('warning', onWarning);
  }
  assert.deepEqual(warnings, ['analysis thread pool: worker exited between tasks']);
});
