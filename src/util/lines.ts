/**
 * Lines of a file, read in 64 KB chunks as the consumer asks for them. `readline` over a stream
 * reads ahead of a slow consumer and queues the lines (a batch's main thread held about a
 * thousand JSONL lines, 14 MB, while its workers needed forty), and it holds a line of any length
 * whole; this reader holds one chunk and the line being read, and reads past a line longer than
 * the limit instead of keeping it.
 */
import { open } from 'node:fs/promises';

/** A line longer than the limit, read past: its length in bytes. */
export interface LineTooLong {
  readonly tooLongBytes: number;
}

const chunkBytes = 1 << 16;

/**
 * Every line of the file at `path` (split at `\n`; a `\r` before it and a byte-order mark at the
 * start are dropped; a last line without a newline counts), decoded as UTF-8 (bad bytes become
 * U+FFFD). A line of more than `maxLineBytes` bytes comes as a {@link LineTooLong} instead.
 */
export async function* readLines(path: string, maxLineBytes = Number.POSITIVE_INFINITY): AsyncGenerator<string | LineTooLong> {
  const handle = await open(path, 'r');
  try {
    const chunk = Buffer.allocUnsafe(chunkBytes);
    // The start of the line being read, when it began in an earlier chunk.
    let pieces: Buffer[] = [];
    let lineBytes = 0;
    let first = true;
    const finish = (last: Buffer, from: number, to: number): string | LineTooLong => {
      const bytes = lineBytes;
      const whole = pieces.length === 0 ? null : Buffer.concat([...pieces, last.subarray(from, to)]);
      pieces = [];
      lineBytes = 0;
      if (bytes > maxLineBytes) return { tooLongBytes: bytes };
      let line = whole ? whole.toString('utf8') : last.toString('utf8', from, to);
      if (line.endsWith('\r')) line = line.slice(0, -1);
      if (first && line.charCodeAt(0) === 0xfeff) line = line.slice(1);
      first = false;
      return line;
    };
    for (;;) {
      const { bytesRead } = await handle.read(chunk, 0, chunkBytes, null);
      if (bytesRead === 0) break;
      const read = chunk.subarray(0, bytesRead);
      let from = 0;
      for (;;) {
        const newline = read.indexOf(10, from);
        const end = newline < 0 ? bytesRead : newline;
        lineBytes += end - from;
        if (newline < 0) {
          // The line goes on in the next chunk: keep its part (a copy: the chunk is reused), unless it is over the limit.
          if (lineBytes > maxLineBytes) pieces = [];
          else if (end > from) pieces.push(Buffer.from(read.subarray(from, end)));
          break;
        }
        if (lineBytes > maxLineBytes) pieces = [];
        yield finish(read, from, end);
        from = newline + 1;
      }
    }
    if (lineBytes > 0) yield finish(Buffer.alloc(0), 0, 0);
  } finally {
    await handle.close();
  }
}
