/**
 * The tagger's saved form: attribute names, feature keys and the weights of both passes.
 *
 * File `tagger.bin.gz` (gzip): a 4-byte little-endian header length, a JSON header, then the
 * feature keys (Float64, one per row) and, per pass, emission weights (Float32, 9 per row) and
 * transitions (Float32, 10 × 9). Loading is a gunzip, one JSON.parse and typed-array views.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import type { LinearWeights } from './decode.js';
import { tagCount, tagNames } from './tags.js';

/** Format version written in the header. */
export const modelFormatVersion = 1;

/** Everything the runtime tagger needs besides clusters and gazetteer. */
export interface TaggerModel {
  /** Attribute names in id order. */
  readonly attributes: readonly string[];
  /** Feature key of each weight row. */
  readonly keys: Float64Array;
  /** Pass 1 weights. */
  readonly first: LinearWeights;
  /** Pass 2 (stacked, document-level) weights, or null for a one-pass model. */
  readonly second: LinearWeights | null;
  /** Free-form training facts (epochs, scores, seed) kept for the record. */
  readonly info: Readonly<Record<string, unknown>>;
}

interface Header {
  readonly version: number;
  readonly tags: readonly string[];
  readonly rows: number;
  readonly passes: number;
  readonly attributes: readonly string[];
  readonly info: Readonly<Record<string, unknown>>;
}

/** Serialises a model (gzipped). */
export function saveModel(model: TaggerModel): Buffer {
  const passes = model.second ? [model.first, model.second] : [model.first];
  const header: Header = {
    version: modelFormatVersion,
    tags: tagNames,
    rows: model.keys.length,
    passes: passes.length,
    attributes: model.attributes,
    info: model.info,
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const prefix = Buffer.alloc(4);
  prefix.writeUInt32LE(headerBytes.length);
  // Align the binary part to 8 bytes so typed-array views need no copy.
  const padding = Buffer.alloc((8 - ((4 + headerBytes.length) % 8)) % 8);
  const parts: Buffer[] = [prefix, headerBytes, padding, Buffer.from(model.keys.buffer, model.keys.byteOffset, model.keys.byteLength)];
  for (const pass of passes) {
    const emission = Float32Array.from(pass.emission);
    const transition = Float32Array.from(pass.transition);
    parts.push(Buffer.from(emission.buffer), Buffer.from(transition.buffer));
  }
  return gzipSync(Buffer.concat(parts), { level: 9 });
}

/** Parses a model written by {@link saveModel}. */
export function loadModel(gzipped: Uint8Array): TaggerModel {
  const bytes = gunzipSync(gzipped);
  const headerLength = bytes.readUInt32LE(0);
  const header = JSON.parse(bytes.subarray(4, 4 + headerLength).toString('utf8')) as Header;
  if (header.version !== modelFormatVersion) throw new Error(`NER model format ${header.version} is not ${modelFormatVersion}: retrain with npm run train:ner`);
  if (header.tags.join(' ') !== tagNames.join(' ')) throw new Error(`NER model tags (${header.tags.join(' ')}) differ from the tagger's`);
  // Copy into a fresh, aligned buffer (gunzip output may share a pool with an odd offset).
  let offset = 4 + headerLength;
  offset += (8 - (offset % 8)) % 8;
  const take = (byteLength: number): ArrayBuffer => {
    const copy = new Uint8Array(byteLength);
    copy.set(bytes.subarray(offset, offset + byteLength));
    offset += byteLength;
    return copy.buffer;
  };
  const keys = new Float64Array(take(header.rows * 8));
  const passes: LinearWeights[] = [];
  for (let pass = 0; pass < header.passes; pass++) {
    const emission = new Float32Array(take(header.rows * tagCount * 4));
    const transition = new Float32Array(take((tagCount + 1) * tagCount * 4));
    passes.push({ emission, transition });
  }
  return { attributes: header.attributes, keys, first: passes[0]!, second: passes[1] ?? null, info: header.info };
}
