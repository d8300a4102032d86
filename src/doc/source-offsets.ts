/**
 * Rewrites every span of a Doc to count UTF-16 units of the source as given (`--offsets source`),
 * so Lede's output can be scored against annotations of the original text.
 */
import type { Doc } from './schema.js';
import { toSourceOffset } from './text-builder.js';

/** Fields whose spans already count source offsets or are not spans at all. */
const SKIP = new Set(['schemaVersion', 'source', 'text', 'alignment', 'meta', 'removals']);

/** A copy of the doc with every `{start, end}` in its layers mapped to source offsets. */
export function withSourceOffsets(doc: Doc): Doc {
  const map = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(map);
    if (value && typeof value === 'object') {
      const object = value as Record<string, unknown>;
      const copy: Record<string, unknown> = {};
      for (const [key, inner] of Object.entries(object)) copy[key] = map(inner);
      if (typeof object['start'] === 'number' && typeof object['end'] === 'number') {
        copy['start'] = toSourceOffset(doc.alignment, object['start'], 'start');
        copy['end'] = toSourceOffset(doc.alignment, object['end'], 'end');
      }
      return copy;
    }
    return value;
  };
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(doc)) result[key] = SKIP.has(key) ? value : map(value);
  return result as Doc;
}
