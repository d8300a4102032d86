/**
 * Reads of arrays that may run past an end, for hot code. An optimised function that reads past
 * an array's end (`words[0] ?? ''` on an empty array), or meets an array of another kind than it
 * has seen (an empty `[]` or `map` result has another map than a filled array), is sent back to
 * the interpreter and compiled again later: for the pipeline's larger functions, ~100 ms of
 * TurboFan's time each time, per thread. One shared helper gathers the feedback of every caller,
 * so the code inlined from it already knows every kind of array and checks the bounds first.
 */

/** `items[index]`, or `fallback` when `index` lies outside the array. */
export function itemOr<T>(items: readonly T[], index: number, fallback: T): T {
  return index >= 0 && index < items.length ? items[index]! : fallback;
}
