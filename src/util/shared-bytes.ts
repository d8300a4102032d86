/**
 * Model files that the threads of a worker pool share instead of each holding a copy. The
 * places gazetteer (20 MB unpacked) and the NER word-cluster table (10 MB) are kept as their
 * bytes and read in place; the pool's thread unpacks them once into `SharedArrayBuffer`s and
 * hands them to every worker with its start-up data, and a worker's loader takes the shared
 * bytes instead of reading the file. Outside a pool (one thread) each loader reads its file.
 *
 * The pool's thread does not unpack before starting the workers: it sizes each buffer from the
 * gzip trailer, starts them at once and unpacks on libuv's thread pool meanwhile, and a worker
 * that asks for a file before it is ready waits for it. A worker spends its first ~0.3 s loading
 * code, and the unpacking (~0.15 s of CPU for the two files) no longer comes before that.
 */
import { gunzip, gunzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** A file's shared bytes and the state of their unpacking (one Int32: {@link PENDING}, {@link READY} or {@link FAILED}). */
export interface SharedFile {
  readonly memory: SharedArrayBuffer;
  readonly state: SharedArrayBuffer;
}

const PENDING = 0;
const READY = 1;
const FAILED = 2;

/** How long a worker waits for a file the pool's thread is unpacking before it reads the file itself. */
const WAIT_MS = 30_000;

/** Files handed to this thread by the one that started it, by absolute path. */
const given = new Map<string, SharedFile>();

/** The unpacked bytes of the gzipped file at `path`: the shared copy when this thread was given one (waiting for it to be ready). */
export function gzippedFileBytes(path: string): Buffer {
  const key = resolve(path);
  const file = given.get(key);
  if (file !== undefined) {
    const state = new Int32Array(file.state);
    const deadline = Date.now() + WAIT_MS;
    while (Atomics.load(state, 0) === PENDING && Date.now() < deadline) Atomics.wait(state, 0, PENDING, 100);
    if (Atomics.load(state, 0) === READY) return Buffer.from(file.memory);
    // The pool's thread could not unpack it (or is stuck): read it here, as a lone thread would.
    given.delete(key);
  }
  return gunzipSync(readFileSync(path));
}

/** The size a gzip file unpacks to, from its trailer (ISIZE: the size modulo 2^32), or -1 when it is not gzip. */
function unpackedSize(packed: Buffer): number {
  if (packed.length < 18 || packed[0] !== 0x1f || packed[1] !== 0x8b) return -1;
  return packed.readUInt32LE(packed.length - 4);
}

/**
 * Shared buffers for the gzipped files at `paths` (those that exist and are gzip), to hand to other
 * threads for {@link acceptSharedBytes} at once; `done` settles when every file is unpacked into
 * its buffer (on libuv's thread pool, two at a time on a 2-core machine) or marked failed, in which
 * case a thread that asks for it reads the file itself.
 */
export function shareGzippedFiles(paths: readonly string[]): { readonly files: Record<string, SharedFile>; readonly done: Promise<void> } {
  const files: Record<string, SharedFile> = {};
  const unpacking: Promise<void>[] = [];
  for (const path of paths) {
    const key = resolve(path);
    if (key in files) continue;
    let packed: Buffer;
    try {
      packed = readFileSync(path);
    } catch {
      // A missing or unreadable file is the loader's to report, in the worker, as before.
      continue;
    }
    const size = unpackedSize(packed);
    if (size < 0) continue;
    const file: SharedFile = { memory: new SharedArrayBuffer(size), state: new SharedArrayBuffer(4) };
    files[key] = file;
    unpacking.push(new Promise((settle) => {
      gunzip(packed, (error, bytes) => {
        const state = new Int32Array(file.state);
        // A file of several gzip members (or over 4 GB) has a trailer that does not give its size.
        if (error === null && bytes.length === size) {
          new Uint8Array(file.memory).set(bytes);
          Atomics.store(state, 0, READY);
        } else {
          Atomics.store(state, 0, FAILED);
        }
        Atomics.notify(state, 0);
        settle();
      });
    }));
  }
  return { files, done: Promise.all(unpacking).then(() => undefined) };
}

/** Takes the shared files another thread made with {@link shareGzippedFiles}. */
export function acceptSharedBytes(shared: unknown): void {
  if (!shared || typeof shared !== 'object') return;
  for (const [key, file] of Object.entries(shared)) {
    if (file && typeof file === 'object' && file.memory instanceof SharedArrayBuffer && file.state instanceof SharedArrayBuffer) given.set(key, file as SharedFile);
  }
}
