/**
 * Robustness: thousands of generated bad inputs through the real pipeline. Every one must end as a
 * result or a LedeError (never another exception, never a hang), within its time budget.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LedeError } from '../src/errors.js';
import { defaultStages } from '../src/pipeline/default-stages.js';
import { createPipeline } from '../src/pipeline/pipeline.js';
import { decodeBytes } from '../src/stages/ingest/decode.js';
import { parseJsonlLine } from '../src/stages/ingest/inputs.js';

/** Small deterministic PRNG (mulberry32) so failures reproduce. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = ['“', '”', '"', "'", '’', '—', '(CNN)', 'Read More', '\n\n', '\u00a0', '\u200b', '<div>', '</p>', 'Maj.', 'U.S.', 'said', 'Saturday', '2018', '$1.35', '%', 'al-Qa’ida', '(', ')', 'e\u0301', '😀', '\ud800', 'Libya', 'killed', '...', '-', 'WASHINGTON —'];

function generate(next: () => number, index: number): { label: string; make: () => string | Uint8Array } {
  const kind = index % 8;
  const length = 1 + Math.floor(next() * 400);
  switch (kind) {
    case 0: return { label: 'random bytes', make: () => Uint8Array.from({ length }, () => Math.floor(next() * 256)) };
    case 1: return { label: 'truncated UTF-8', make: () => Buffer.from('Le café “noir” — déjà vu 😀'.repeat(1 + (length % 5))).subarray(0, length % 60 + 1) };
    case 2: return { label: 'news-like soup', make: () => Array.from({ length: length / 4 + 1 }, () => PIECES[Math.floor(next() * PIECES.length)]).join(next() < 0.5 ? ' ' : '') };
    case 3: return { label: 'quote marks', make: () => '“'.repeat(length) + 'x' + '”'.repeat(length % 7) };
    case 4: return { label: 'nested HTML', make: () => '<html><body>' + '<div>'.repeat(length) + 'Text.' + '</span>'.repeat(length % 13) };
    case 5: return { label: 'empty or blank', make: () => [' ', '', '\n\n', '\t', '\u200b'][length % 5]! };
    case 6: return { label: 'punctuation only', make: () => Array.from({ length }, () => '.,;:!?—()[]{}'[Math.floor(next() * 13)]).join('') };
    default: return { label: 'JSONL line that is not JSON', make: () => `{"id": ${length}, "text": "unterminated` };
  }
}

test('10,000 generated bad inputs each end as a result or an error record', { timeout: 600_000 }, async () => {
  const pipeline = await createPipeline(defaultStages());
  const next = random(20261125);
  let results = 0;
  let errors = 0;
  let slowest = 0;
  for (let index = 0; index < 10_000; index++) {
    const { label, make } = generate(next, index);
    const started = performance.now();
    try {
      const raw = make();
      if (label.startsWith('JSONL')) {
        const item = parseJsonlLine(raw as string, index, 'fuzz.jsonl');
        assert.ok('error' in item, 'a broken JSONL line must become an error record');
        errors++;
        continue;
      }
      const text = typeof raw === 'string' ? raw : decodeBytes(raw, `fuzz-${index}`).text;
      pipeline.analyze(text, { id: `fuzz-${index}` });
      results++;
    } catch (error) {
      assert.ok(error instanceof LedeError, `input ${index} (${label}) threw ${String(error)}`);
      assert.notEqual(error.code, 'E_INTERNAL', `input ${index} (${label}): ${error.message}`);
      errors++;
    }
    slowest = Math.max(slowest, performance.now() - started);
  }
  assert.equal(results + errors, 10_000);
  assert.ok(slowest < 5_000, `slowest input took ${slowest.toFixed(0)} ms`);
});

test('huge inputs: 10 MB of one word and 100,000 quote marks finish within budget', { timeout: 120_000 }, async () => {
  const pipeline = await createPipeline(defaultStages());
  for (const [label, text] of [['10 MB of one word', 'a'.repeat(10 * 1024 * 1024 - 16)], ['100,000 quote marks', '“'.repeat(100_000)], ['100,000 short lines', 'Yes.\n'.repeat(100_000)]] as const) {
    const started = performance.now();
    try {
      pipeline.analyze(text, { id: label });
    } catch (error) {
      assert.ok(error instanceof LedeError, `${label} threw ${String(error)}`);
    }
    const elapsed = performance.now() - started;
    assert.ok(elapsed < 30_000, `${label} took ${elapsed.toFixed(0)} ms`);
  }
});
