/**
 * Binary searches over a Doc's tokens, which are sorted by offset and do not overlap (and over
 * other layers in text order: mentions, runs of tags, spans).
 */
import type { Token } from './schema.js';

/** Index of the first token ending after `offset` (`tokens.length` when none does). */
export function firstTokenEndingAfter(tokens: readonly Pick<Token, 'end'>[], offset: number): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (tokens[middle]!.end <= offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Index of the first token starting at or after `offset` (`tokens.length` when none does). */
export function firstTokenStartingFrom(tokens: readonly Pick<Token, 'start'>[], offset: number): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (tokens[middle]!.start < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The first index in `[0, count)` where `test` holds, given that it holds from some index on (`count` when nowhere). */
export function firstIndexWhere(count: number, test: (index: number) => boolean): number {
  let low = 0;
  let high = count;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (test(middle)) high = middle;
    else low = middle + 1;
  }
  return low;
}
