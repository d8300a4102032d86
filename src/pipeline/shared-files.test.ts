import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { gazetteerFile } from '../stages/places/gazetteer.js';
import { defaultModelDirectory, modelFiles } from '../stages/entities/tagger/tagger.js';
import { acceptSharedBytes, gzippedFileBytes, shareGzippedFiles } from '../util/shared-bytes.js';
import { defaultSharedFiles } from './shared-files.js';

test('the shared files are the ones the places and entities stages load', () => {
  assert.deepEqual(defaultSharedFiles(), [gazetteerFile(), join(defaultModelDirectory(), modelFiles.clusters)]);
});

test('shared bytes are the file bytes, read in place once given', () => {
  const [file] = defaultSharedFiles();
  const own = gzippedFileBytes(file!);
  const shared = shareGzippedFiles([file!, '/no/such/file.gz']);
  assert.deepEqual(Object.keys(shared), [file!], 'a missing file is left to its loader');
  acceptSharedBytes(shared);
  const given = gzippedFileBytes(file!);
  assert.ok(given.buffer instanceof SharedArrayBuffer);
  assert.ok(given.equals(own));
});
