/**
 * Binary searches over a Doc's tokens, which are sorted by offset and do not overlap.
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
