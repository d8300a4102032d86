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
 * Allowed previous tags of each tag, in increasing order: `allowedPrevious[allowedStarts[tag] ..
 * allowedStarts[tag + 1] - 1]` (an `I-X` has two, the others all nine).
 */
const allowedStarts = new Int32Array(tagCount + 1);
const allowedPrevious: Int32Array = (() => {
  const list: number[] = [];
  for (let tag = 0; tag < tagCount; tag++) {
    allowedStarts[tag] = list.length;
    for (let previous = 0; previous < tagCount; previous++) if (allowed[previous * tagCount + tag]) list.push(previous);
  }
  allowedStarts[tagCount] = list.length;
  return Int32Array.from(list);
})();

/**
 * Reusable buffers of {@link viterbi}, grown as needed: typed arrays over 64 bytes cost a
 * microsecond each to allocate, more than decoding a short sentence. One per caller, never shared.
 */
export class ViterbiWorkspace {
  best = new Float64Array(64 * tagCount);
  /** Emission scores of one sentence, for callers that build them here. */
  scores = new Float64Array(64 * tagCount);
  readonly moves = new Float64Array(tagCount * tagCount);

  /** Makes room for a sentence of `length` tokens. */
  reserve(length: number): void {
    if (this.best.length >= length * tagCount) return;
    const size = Math.max(length, (2 * this.best.length) / tagCount) * tagCount;
    this.best = new Float64Array(size);
    this.scores = new Float64Array(size);
  }
}

/**
 * Best tag sequence under emission `scores` and `transition` weights, where `I-X` may only follow
 * `B-X` or `I-X` (never start a sentence or follow `O` or another type). Writes the tags into
 * `tags` (default: a new array) and returns it.
 */
export function viterbi(
  scores: Float64Array,
  length: number,
  transition: Float32Array | Float64Array,
  workspace: ViterbiWorkspace = new ViterbiWorkspace(),
  tags: Int32Array = new Int32Array(length),
): Int32Array {
  if (length === 0) return tags;
  workspace.reserve(length);
  const { best, moves } = workspace;
  for (let tag = 0; tag < tagCount; tag++) {
    best[tag] = allowed[startState * tagCount + tag] ? scores[tag]! + transition[startState * tagCount + tag]! : forbidden;
  }
  // The transitions as doubles, -Infinity where forbidden, converted once per sentence.
  for (let cell = 0; cell < tagCount * tagCount; cell++) moves[cell] = allowed[cell] ? transition[cell]! : -Infinity;
  // Forward: only each tag's best score, a branch-free maximum over all nine previous tags (the
  // forbidden ones are -Infinity); which previous tag won is found again for the best path only.
  for (let index = 1; index < length; index++) {
    const base = index * tagCount;
    const previousBase = base - tagCount;
    const best0 = best[previousBase]!;
    const best1 = best[previousBase + 1]!;
    const best2 = best[previousBase + 2]!;
    const best3 = best[previousBase + 3]!;
    const best4 = best[previousBase + 4]!;
    const best5 = best[previousBase + 5]!;
    const best6 = best[previousBase + 6]!;
    const best7 = best[previousBase + 7]!;
    const best8 = best[previousBase + 8]!;
    for (let tag = 0; tag < tagCount; tag++) {
      const reach = Math.max(
        best0 + moves[tag]!,
        best1 + moves[tagCount + tag]!,
        best2 + moves[2 * tagCount + tag]!,
        best3 + moves[3 * tagCount + tag]!,
        best4 + moves[4 * tagCount + tag]!,
        best5 + moves[5 * tagCount + tag]!,
        best6 + moves[6 * tagCount + tag]!,
        best7 + moves[7 * tagCount + tag]!,
        best8 + moves[8 * tagCount + tag]!,
      );
      best[base + tag] = reach + scores[base + tag]!;
    }
  }
  let last = 0;
  const lastBase = (length - 1) * tagCount;
  for (let tag = 1; tag < tagCount; tag++) if (best[lastBase + tag]! > best[lastBase + last]!) last = tag;
  tags[length - 1] = last;
  // Back: the first allowed previous tag (in tag order) that reaches the chosen tag's best score.
  for (let index = length - 1; index > 0; index--) {
    const tag = tags[index]!;
    const previousBase = (index - 1) * tagCount;
    let bestScore = -Infinity;
    let bestPrevious = 0;
    const end = allowedStarts[tag + 1]!;
    for (let at = allowedStarts[tag]!; at < end; at++) {
      const previous = allowedPrevious[at]!;
      const score = best[previousBase + previous]! + moves[previous * tagCount + tag]!;
      if (score > bestScore) {
        bestScore = score;
        bestPrevious = previous;
      }
    }
    tags[index - 1] = bestPrevious;
  }
  return tags;
}
