/**
 * A Doc's crossing from a front-half thread to a back-half thread (`worker-pool.ts`): `v8.serialize`
 * with the tokens as one typed array. Tokens are most of a front Doc (about 800 objects of three
 * numbers an article, 30 of its 68 KB serialised): as objects, each is written with its keys and
 * read back through a property lookup per key, 0.3 + 0.66 ms an article; as `[start, end,
 * sentence]` triples in an `Int32Array` they cross as one block and are rebuilt in a loop.
 */
import { deserialize, serialize } from 'node:v8';
import type { Doc, Token } from '../doc/schema.js';

/** The Doc's bytes for the other thread (a buffer of its own, so it can be transferred). */
export function serializeDoc(doc: Doc): Uint8Array {
  const bytes = serialize(doc.tokens ? { ...doc, tokens: packTokens(doc.tokens) } : doc);
  // Only a buffer of its own can move to another thread; a view into a shared one is copied.
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes);
}

/** The Doc {@link serializeDoc} wrote. */
export function deserializeDoc(bytes: Uint8Array): Doc {
  const doc = deserialize(bytes) as Omit<Doc, 'tokens'> & { tokens?: Int32Array | Token[] };
  if (doc.tokens instanceof Int32Array) doc.tokens = unpackTokens(doc.tokens);
  return doc as Doc;
}

function packTokens(tokens: readonly Token[]): Int32Array {
  const packed = new Int32Array(tokens.length * 3);
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    packed[index * 3] = token.start;
    packed[index * 3 + 1] = token.end;
    packed[index * 3 + 2] = token.sentence;
  }
  return packed;
}

function unpackTokens(packed: Int32Array): Token[] {
  const count = packed.length / 3;
  const tokens: Token[] = new Array(count);
  // The segmenter's key order, so that the JSON output is the same either way.
  for (let index = 0; index < count; index++) tokens[index] = { start: packed[index * 3]!, end: packed[index * 3 + 1]!, sentence: packed[index * 3 + 2]! };
  return tokens;
}
