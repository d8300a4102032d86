/**
 * Model files that the threads of a worker pool share instead of each holding a copy. The
 * places gazetteer (20 MB unpacked) and the NER word-cluster table (10 MB) are kept as their
 * bytes and read in place; the pool's thread unpacks them once into `SharedArrayBuffer`s and
 * hands them to every worker with its start-up data, and a worker's loader takes the shared
 * bytes instead of reading the file. Outside a pool (one thread) each loader reads its file.
 */
import { gunzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** Bytes handed to this thread by the one that started it, by absolute path. */
const given = new Map<string, Buffer>();

/** The unpacked bytes of the gzipped file at `path`: the shared copy when this thread was given one. */
export function gzippedFileBytes(path: string): Buffer {
  return given.get(resolve(path)) ?? gunzipSync(readFileSync(path));
}

/** Unpacks the gzipped files at `paths` (those that exist) into shared memory, for {@link acceptSharedBytes} in other threads. */
export function shareGzippedFiles(paths: readonly string[]): Record<string, SharedArrayBuffer> {
  const shared: Record<string, SharedArrayBuffer> = {};
  for (const path of paths) {
    const key = resolve(path);
    if (key in shared) continue;
    let bytes: Buffer;
    try {
      bytes = gunzipSync(readFileSync(path));
    } catch {
      // A missing or unreadable file is the loader's to report, in the worker, as before.
      continue;
    }
    const memory = new SharedArrayBuffer(bytes.length);
    new Uint8Array(memory).set(bytes);
    shared[key] = memory;
  }
  return shared;
}

/** Takes the shared bytes another thread made with {@link shareGzippedFiles}. */
export function acceptSharedBytes(shared: unknown): void {
  if (!shared || typeof shared !== 'object') return;
  for (const [key, memory] of Object.entries(shared)) {
    if (memory instanceof SharedArrayBuffer) given.set(key, Buffer.from(memory));
  }
}
