/**
 * Reads what the user points Lede at (a file, a directory, a JSONL batch or stdin) into a stream of
 * article inputs. Each item is an input or an error record with its id, so a batch never loses an
 * article.
 */
import { readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { z } from 'zod';
import { LedeError } from '../../errors.js';
import { readLines } from '../../util/lines.js';
import type { ArticleInput } from '../../pipeline/pipeline.js';
import { decodeBytes, looksLikeHtml, looksLikeJsonl } from './decode.js';

/** How to read input files. */
export type InputFormat = 'auto' | 'text' | 'html' | 'jsonl';

/** One input of a batch: an article to analyse, or the error that stopped it being read. */
export type InputItem = { readonly id: string; readonly input: ArticleInput } | { readonly id: string; readonly error: LedeError };

/** Default cap on one article's size (bytes). */
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

const ARTICLE_EXTENSIONS = new Set(['.txt', '.text', '.html', '.htm', '.jsonl', '.json', '.md']);

/** One line of a JSONL batch. */
export const JsonlRecordSchema = z
  .object({
    id: z.union([z.string(), z.number()]).optional(),
    text: z.string().optional(),
    html: z.string().optional(),
    published: z.string().optional(),
    url: z.string().optional(),
  })
  .refine((record) => typeof record.text === 'string' || typeof record.html === 'string', { message: 'needs a "text" or "html" string' });

/** Parses one JSONL line into an input item (never throws). */
export function parseJsonlLine(line: string, lineNumber: number, batchName: string): InputItem {
  const fallbackId = `${batchName}:${lineNumber}`;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { id: fallbackId, error: new LedeError('E_BAD_RECORD', `${fallbackId}: line is not valid JSON (${reason})`, fallbackId) };
  }
  const rawId = value && typeof value === 'object' && 'id' in value ? (value as { id: unknown }).id : undefined;
  const id = typeof rawId === 'string' || typeof rawId === 'number' ? String(rawId) : fallbackId;
  const parsed = JsonlRecordSchema.safeParse(value);
  if (!parsed.success) {
    const problem = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'record'} ${issue.message}`).join('; ');
    return { id, error: new LedeError('E_BAD_RECORD', `${id}: bad record on line ${lineNumber} of ${batchName}: ${problem}`, id) };
  }
  const { text, html, published, url } = parsed.data;
  return { id, input: { id, ...(text !== undefined ? { text } : {}), ...(html !== undefined ? { html } : {}), ...(published ? { published } : {}), ...(url ? { url } : {}) } };
}

function statOrThrow(path: string): Stats {
  try {
    return statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new LedeError('E_INPUT_NOT_FOUND', `${path}: no such file or directory`, path);
    throw new LedeError('E_READ_FAILED', `${path}: cannot read (${code ?? 'unknown error'})`, path);
  }
}

function readBytes(path: string, maxBytes: number): Buffer {
  const stats = statOrThrow(path);
  if (stats.size > maxBytes) throw new LedeError('E_INPUT_TOO_LARGE', `${path}: ${stats.size} bytes is over the ${maxBytes}-byte limit per article`, path);
  try {
    return readFileSync(path);
  } catch (error) {
    throw new LedeError('E_READ_FAILED', `${path}: cannot read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`, path);
  }
}

/** Turns decoded text into one article input (or, for JSONL, its lines). */
function* itemsFromText(text: string, name: string, format: InputFormat, forcedKind?: 'jsonl'): Generator<InputItem> {
  const kind = forcedKind ?? (format === 'jsonl' || (format === 'auto' && looksLikeJsonl(text)) ? 'jsonl' : format === 'auto' ? (looksLikeHtml(text) ? 'html' : 'text') : format);
  if (kind === 'jsonl') {
    let lineNumber = 0;
    for (const line of text.split('\n')) {
      lineNumber++;
      if (line.trim()) yield parseJsonlLine(line, lineNumber, name);
    }
    return;
  }
  if (!text.trim()) {
    yield { id: name, error: new LedeError('E_INPUT_EMPTY', `${name}: the input is empty`, name) };
    return;
  }
  yield { id: name, input: kind === 'html' ? { id: name, html: text } : { id: name, text } };
}

/**
 * The items of a JSONL file, read as they are asked for (memory stays flat whatever the file's
 * size). A line over twice the per-article limit (room for JSON's escapes) becomes an
 * `E_INPUT_TOO_LARGE` error item, read past without being held.
 */
async function* streamJsonl(path: string, name: string, maxBytes: number): AsyncGenerator<InputItem> {
  const maxLineBytes = 2 * maxBytes;
  let lineNumber = 0;
  for await (const line of readLines(path, maxLineBytes)) {
    lineNumber++;
    if (typeof line !== 'string') {
      const id = `${name}:${lineNumber}`;
      yield { id, error: new LedeError('E_INPUT_TOO_LARGE', `${id}: the line is ${line.tooLongBytes} bytes, over the ${maxLineBytes}-byte limit per JSONL record`, id) };
    } else if (line.trim()) yield parseJsonlLine(line, lineNumber, name);
  }
}

function listArticles(directory: string): string[] {
  const found: string[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.')) continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && ARTICLE_EXTENSIONS.has(extname(entry.name).toLowerCase())) found.push(path);
    }
  };
  walk(directory);
  return found;
}

/**
 * Reads the inputs named by `spec` (`-` for stdin). Errors about the whole input (missing file,
 * empty directory) are thrown; errors about one article become error items.
 */
export async function* readInputs(spec: string, format: InputFormat = 'auto', maxBytes = DEFAULT_MAX_BYTES): AsyncGenerator<InputItem> {
  if (spec === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    if (bytes.length === 0) throw new LedeError('E_INPUT_EMPTY', 'stdin: the input is empty', 'stdin');
    const { text } = decodeBytes(bytes, 'stdin');
    yield* itemsFromText(text, 'stdin', format);
    return;
  }
  const stats = statOrThrow(spec);
  if (stats.isDirectory()) {
    const files = listArticles(spec);
    if (files.length === 0) throw new LedeError('E_NO_ARTICLES', `${spec}: the directory holds no article files (${[...ARTICLE_EXTENSIONS].join(', ')})`, spec);
    for (const file of files) {
      const name = relative(spec, file);
      try {
        if (extname(file).toLowerCase() === '.jsonl') {
          yield* streamJsonl(file, name, maxBytes);
          continue;
        }
        const { text } = decodeBytes(readBytes(file, maxBytes), name);
        yield* itemsFromText(text, name, format === 'jsonl' ? 'auto' : format);
      } catch (error) {
        yield { id: name, error: error instanceof LedeError ? error : new LedeError('E_READ_FAILED', `${name}: ${String(error)}`, name) };
      }
    }
    return;
  }
  if (!stats.isFile()) throw new LedeError('E_READ_FAILED', `${spec}: not a regular file or directory`, spec);
  if (stats.size === 0) throw new LedeError('E_INPUT_EMPTY', `${spec}: the file is empty`, spec);
  if (format === 'jsonl' || (format === 'auto' && extname(spec).toLowerCase() === '.jsonl')) {
    yield* streamJsonl(spec, spec, maxBytes);
    return;
  }
  const { text } = decodeBytes(readBytes(spec, maxBytes), spec);
  if (!text.trim()) throw new LedeError('E_INPUT_EMPTY', `${spec}: the file holds only whitespace`, spec);
  yield* itemsFromText(text, spec, format);
}
