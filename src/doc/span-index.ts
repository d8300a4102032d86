/**
 * Which items of a layer overlap a span, without a scan of the whole layer: a layer's items (in
 * any order, overlapping or not) sorted by start once, with the running maximum of their ends, so
 * that a query visits only the items that start before the span ends and stops at the first one
 * from which no earlier item reaches the span. A per-mention `layer.find(overlaps)` is quadratic
 * in the length of an article; this is about logarithmic for news text.
 */
import type { Span } from './schema.js';

export class SpanIndex<T extends Span> {
  readonly #items: readonly T[];
  /** Item indices sorted by start (then by index). */
  readonly #order: Int32Array;
  readonly #starts: Float64Array;
  /** `#maxEnd[k]`: the largest end among the items `#order[0..k]`. */
  readonly #maxEnd: Float64Array;

  constructor(items: readonly T[]) {
    this.#items = items;
    const order = Int32Array.from(items.keys()).sort((a, b) => items[a]!.start - items[b]!.start || a - b);
    this.#order = order;
    this.#starts = new Float64Array(order.length);
    this.#maxEnd = new Float64Array(order.length);
    let most = -Infinity;
    for (let k = 0; k < order.length; k++) {
      const index = order[k]!;
      const item = items[index]!;
      this.#starts[k] = item.start;
      most = Math.max(most, item.end);
      this.#maxEnd[k] = most;
    }
  }

  /** Calls `visit` with the index (in the layer) of every item overlapping `span`, in no set order. */
  forEachOverlapping(span: Span, visit: (index: number, item: T) => void): void {
    // Items starting before the span ends: the sorted prefix before the first starting at its end.
    for (let k = this.#firstStartingFrom(span.end) - 1; k >= 0 && this.#maxEnd[k]! > span.start; k--) {
      const index = this.#order[k]!;
      const item = this.#items[index]!;
      if (item.end > span.start) visit(index, item);
    }
  }

  /** The items starting at or after `from` and at or before `to`, in layer order. */
  startingIn(from: number, to: number): T[] {
    return this.#inOrder(from, to, Infinity);
  }

  /** The items lying inside `span` (start ≥ its start, end ≤ its end), in layer order, as `items.filter` would give. */
  within(span: Span): T[] {
    return this.#inOrder(span.start, span.end, span.end);
  }

  /** Items with start in [from, to] and end ≤ `endAtMost`, in layer order. */
  #inOrder(from: number, to: number, endAtMost: number): T[] {
    const found: number[] = [];
    for (let k = this.#firstStartingFrom(from); k < this.#starts.length && this.#starts[k]! <= to; k++) {
      const index = this.#order[k]!;
      if (this.#items[index]!.end <= endAtMost) found.push(index);
    }
    return this.#inLayerOrder(found);
  }

  /** The items overlapping `span`, in layer order, as `items.filter(overlaps)` would give. */
  overlapping(span: Span): T[] {
    const found: number[] = [];
    this.forEachOverlapping(span, (index) => found.push(index));
    return this.#inLayerOrder(found);
  }

  /** Position in start order of the first item starting at or after `offset` (the count when none does). */
  #firstStartingFrom(offset: number): number {
    let low = 0;
    let high = this.#starts.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.#starts[middle]! < offset) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** The items at these layer indices, in layer order. */
  #inLayerOrder(indices: number[]): T[] {
    indices.sort((a, b) => a - b);
    const items: T[] = [];
    for (const index of indices) items.push(this.#items[index]!);
    return items;
  }

  /** The first item in layer order that overlaps `span` and passes `test`, as `items.find` would give. */
  find(span: Span, test: (item: T) => boolean): T | undefined {
    let best = -1;
    this.forEachOverlapping(span, (index, item) => {
      if ((best < 0 || index < best) && test(item)) best = index;
    });
    return best < 0 ? undefined : this.#items[best];
  }

  /** Whether an item overlapping `span` passes `test`. */
  some(span: Span, test: (item: T) => boolean): boolean {
    return this.find(span, test) !== undefined;
  }
}
