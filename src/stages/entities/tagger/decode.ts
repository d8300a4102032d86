/**
 * Scoring and constrained Viterbi decoding for a first-order linear tagger.
 */
import { allowedTransition, tagCount as importedTagCount } from './tags.js';

// A local copy: module bindings cost a getter call per use in hot loops under tsx.
const tagCount = importedTagCount;

/** Weights of one linear tagger: `tagCount` emission weights per feature row, and transitions. */
export interface LinearWeights {
  /** `emission[row * stride + offset + tag] * scale`; stride defaults to `tagCount`, offset to 0, scale to 1. */
  readonly emission: Float32Array | Float64Array | Int16Array;
  /** Row width when several passes' weights share one table (see the tagger's packed weights). */
  readonly stride?: number;
  readonly offset?: number;
  /** Multiplier of quantised weights. */
  readonly scale?: number;
  /** `transition[previous * tagCount + next]`; `previous = tagCount` is the sentence start. */
  readonly transition: Float32Array | Float64Array;
}

/** Feature rows of one sentence: token i owns `rows[starts[i]] .. rows[starts[i+1]-1]`. */
export interface SentenceRows {
  readonly length: number;
  readonly starts: ArrayLike<number>;
  readonly rows: ArrayLike<number>;
}

/** Transition matrix index of the sentence start. */
export const startState = tagCount;

/** Adds emission scores of the rows of each token to `scores` (`scores[i * tagCount + tag]`). */
export function addEmissionScores(sentence: SentenceRows, weights: LinearWeights, scores: Float64Array): void {
  const { starts, rows } = sentence;
  const emission = weights.emission;
  const stride = weights.stride ?? tagCount;
  const first = weights.offset ?? 0;
  const scale = weights.scale ?? 1;
  for (let index = 0; index < sentence.length; index++) {
    const base = index * tagCount;
    for (let position = starts[index]!; position < starts[index + 1]!; position++) {
      const row = rows[position]!;
      if (row < 0) continue;
      const offset = row * stride + first;
      for (let tag = 0; tag < tagCount; tag++) scores[base + tag] = scores[base + tag]! + emission[offset + tag]! * scale;
    }
  }
}

/** Penalty that removes a transition from every path. */
const forbidden = -1e30;

/** `allowed[previous * tagCount + next]`, previous = {@link startState} for the sentence start. */
const allowed: Uint8Array = Uint8Array.from({ length: (tagCount + 1) * tagCount }, (_, index) => {
  const previous = Math.floor(index / tagCount);
  return allowedTransition(previous === startState ? -1 : previous, index % tagCount) ? 1 : 0;
});

/**
 * Best tag sequence under emission `scores` and `transition` weights, where `I-X` may only follow
 * `B-X` or `I-X` (never start a sentence or follow `O` or another type).
 */
export function viterbi(scores: Float64Array, length: number, transition: Float32Array | Float64Array): Int32Array {
  const tags = new Int32Array(length);
  if (length === 0) return tags;
  const best = new Float64Array(length * tagCount);
  const back = new Int32Array(length * tagCount);
  for (let tag = 0; tag < tagCount; tag++) {
    best[tag] = allowed[startState * tagCount + tag] ? scores[tag]! + transition[startState * tagCount + tag]! : forbidden;
  }
  for (let index = 1; index < length; index++) {
    const base = index * tagCount;
    const previousBase = base - tagCount;
    for (let tag = 0; tag < tagCount; tag++) {
      let bestScore = -Infinity;
      let bestPrevious = 0;
      for (let previous = 0; previous < tagCount; previous++) {
        if (allowed[previous * tagCount + tag] === 0) continue;
        const score = best[previousBase + previous]! + transition[previous * tagCount + tag]!;
        if (score > bestScore) {
          bestScore = score;
          bestPrevious = previous;
        }
      }
      best[base + tag] = bestScore + scores[base + tag]!;
      back[base + tag] = bestPrevious;
    }
  }
  let last = 0;
  const lastBase = (length - 1) * tagCount;
  for (let tag = 1; tag < tagCount; tag++) if (best[lastBase + tag]! > best[lastBase + last]!) last = tag;
  tags[length - 1] = last;
  for (let index = length - 1; index > 0; index--) tags[index - 1] = back[index * tagCount + tags[index]!]!;
  return tags;
}
