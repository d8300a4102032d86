/**
 * Overlapping standoff spans turned into flat, non-overlapping segments for display.
 *
 * A quote holds entity mentions, a place is also a LOC mention, an event trigger sits inside a
 * summary sentence: layers overlap and nest freely. Cutting the text at every span boundary and
 * giving each piece the annotations that cover it renders any mix correctly with plain `<span>`s.
 */

/** Which layer an annotation comes from (also its CSS class). */
export type Layer = 'mention' | 'quote' | 'speaker' | 'cue' | 'timex' | 'place' | 'event' | 'summary' | 'removed';

/** One highlighted range of the displayed string. */
export interface Annotation {
  readonly layer: Layer;
  /** Unique among the annotations of one view (`m3`, `q1:0` for the first content piece of `q1`). */
  readonly key: string;
  /** Id of the Doc object it shows (`m3`, `q1`, `pl2`, `ev1`); several annotations may share it. */
  readonly ref: string;
  /** Half-open `[start, end)` UTF-16 offsets into the displayed string. */
  readonly start: number;
  readonly end: number;
  /** Extra CSS classes (`type-PER`). */
  readonly classes: readonly string[];
  /** Hover text. */
  readonly title: string;
}

/** A maximal piece of the string covered by the same annotations. */
export interface Segment {
  readonly start: number;
  readonly end: number;
  /** Covering annotations, outermost (earliest start, then longest) first. */
  readonly annotations: readonly Annotation[];
}

/** Orders annotations outermost first: by start, then longest, then key (stable, deterministic). */
function outerFirst(left: Annotation, right: Annotation): number {
  return left.start - right.start || right.end - left.end || (left.key < right.key ? -1 : left.key > right.key ? 1 : 0);
}

/**
 * Cuts `[0, length)` at every annotation boundary. Spans are clamped to the string; empty and
 * inverted spans are left out (a dateline place has an empty span: nothing to highlight).
 * Adjacent segments always differ in their annotations, and together they cover the string.
 */
export function buildSegments(length: number, annotations: readonly Annotation[]): Segment[] {
  const spans = annotations
    .map((annotation) => ({ ...annotation, start: Math.max(0, Math.min(length, annotation.start)), end: Math.max(0, Math.min(length, annotation.end)) }))
    .filter((annotation) => annotation.start < annotation.end)
    .sort(outerFirst);
  const cuts = new Set<number>([0, length]);
  for (const span of spans) {
    cuts.add(span.start);
    cuts.add(span.end);
  }
  const boundaries = [...cuts].sort((left, right) => left - right);
  const segments: Segment[] = [];
  let active: Annotation[] = [];
  let next = 0;
  for (let index = 0; index + 1 < boundaries.length; index += 1) {
    const start = boundaries[index] as number;
    const end = boundaries[index + 1] as number;
    active = active.filter((span) => span.end > start);
    while (next < spans.length && (spans[next] as Annotation).start <= start) {
      active.push(spans[next] as Annotation);
      next += 1;
    }
    active.sort(outerFirst);
    segments.push({ start, end, annotations: [...active] });
  }
  return segments;
}
