/**
 * Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252; binary data is
 * refused with a clear error.
 */
import { LedeError } from '../../errors.js';

/** Encoding a text was decoded from. */
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** Decoded text plus the encoding that was detected. */
export interface Decoded {
  readonly text: string;
  readonly encoding: Encoding;
}

function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  if (sample.length === 0) return false;
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 9 || (byte > 13 && byte < 32 && byte !== 27)) control++;
  }
  return control / sample.length > 0.1;
}

/**
 * Decodes article bytes.
 * @param bytes the raw input
 * @param input name of the input for error messages
 */
export function decodeBytes(bytes: Uint8Array, input: string): Decoded {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  const body = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  if (looksBinary(body)) throw new LedeError('E_INPUT_BINARY', `${input}: binary data, not text or HTML`, input);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    // Not valid UTF-8: old Western pages and Word exports are Windows-1252 (“smart quotes” as 0x93/0x94).
    return { text: decodeWindows1252(body), encoding: 'windows-1252' };
  }
}

// Windows-1252's 0x80–0x9F block (Node's TextDecoder reads these bytes as Latin-1 control codes).
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** Decodes Windows-1252 bytes. */
export function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (let start = 0; start < bytes.length; start += 8192) {
    const chunk = bytes.subarray(start, start + 8192);
    text += String.fromCharCode(...Array.from(chunk, (byte) => (byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH.charCodeAt(byte - 0x80) : byte)));
  }
  return text;
}

/** Guesses whether a text is HTML (a document or a fragment with block tags). */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 2000).trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || head.startsWith('<?xml')) return true;
  const tags = head.match(/<\/?(?:html|head|body|div|p|article|section|span|a|meta|script|h[1-6]|br|title)\b[^>]*>/g);
  return (tags?.length ?? 0) >= 3;
}

/** Guesses whether a text is a JSONL batch (first non-blank line is a JSON object). */
export function looksLikeJsonl(text: string): boolean {
  const first = text.slice(0, 10000).split('\n').find((line) => line.trim());
  if (!first || !first.trim().startsWith('{')) return false;
  try {
    const value: unknown = JSON.parse(first);
    return typeof value === 'object' && value !== null && ('text' in value || 'html' in value);
  } catch {
    return false;
  }
}
