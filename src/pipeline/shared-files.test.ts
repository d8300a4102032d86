import assert from 'node:assert/strict';
import { once } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { test } from 'node:test';
import { gazetteerFile } from '../stages/places/gazetteer.js';
import { defaultModelDirectory, modelFiles } from '../stages/entities/tagger/tagger.js';
import { acceptSharedBytes, gzippedFileBytes, shareGzippedFiles } from '../util/shared-bytes.js';
import { defaultSharedFiles } from './shared-files.js';

test('the shared files are the ones the places and entities stages load', () => {
  assert.deepEqual(defaultSharedFiles(), [gazetteerFile(), join(defaultModelDirectory(), modelFiles.clusters)]);
});

test('shared bytes are the file bytes, read in place once given', async () => {
  const [file] = defaultSharedFiles();
  const own = gzippedFileBytes(file!);
  const notGzip = join(mkdtempSync(join(tmpdir(), 'lede-shared-')), 'plain.gz');
  writeFileSync(notGzip, 'not gzip at all, though named so');
  const shared = shareGzippedFiles([file!, '/no/such/file.gz', notGzip]);
  assert.deepEqual(Object.keys(shared.files), [file!], 'a missing or non-gzip file is left to its loader');
  await shared.done;
  acceptSharedBytes(shared.files);
  const given = gzippedFileBytes(file!);
  assert.ok(given.buffer instanceof SharedArrayBuffer);
  assert.ok(given.equals(own));
});

test('a thread given a file still being unpacked waits for it; one whose unpacking failed reads the file itself', async () => {
  const [, file] = defaultSharedFiles();
  const own = gzippedFileBytes(file!);
  const shared = shareGzippedFiles([file!]);
  const { memory, state } = shared.files[file!]!;
  // Another thread, given the buffers before the unpacking ends (as a pool's worker is).
  const code = `
    const { workerData, parentPort } = require('node:worker_threads');
    const state = new Int32Array(workerData.state);
    while (Atomics.load(state, 0) === 0) Atomics.wait(state, 0, 0, 100);
    parentPort.postMessage({ state: Atomics.load(state, 0), length: workerData.memory.byteLength });`;
  const reader = new Worker(code, { eval: true, workerData: { memory, state } });
  const [reply] = (await once(reader, 'message')) as [{ state: number; length: number }];
  await shared.done;
  assert.deepEqual(reply, { state: 1, length: own.length });
  // A failed unpacking: the loader reads the file instead of waiting or returning empty bytes.
  const broken = { memory: new SharedArrayBuffer(own.length), state: new SharedArrayBuffer(4) };
  Atomics.store(new Int32Array(broken.state), 0, 2);
  acceptSharedBytes({ [file!]: broken });
  const read = gzippedFileBytes(file!);
  assert.ok(!(read.buffer instanceof SharedArrayBuffer));
  assert.ok(read.equals(own));
});
