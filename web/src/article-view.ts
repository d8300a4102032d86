/**
 * The article text with every layer highlighted: one `<span>` per segment (see
 * {@link buildSegments}), classed with the layers covering it, `data-keys` naming the
 * annotations (so a test or a hover can find every piece of one span) and a hover title.
 */
import type { Doc } from '../../src/doc/schema.js';
import { viewAnnotations, viewString, type View } from './annotations.js';
import { element } from './dom.js';
import { buildSegments, type Layer } from './segments.js';

/** The layers a reader can switch on and off, with their legend labels. */
export const LAYER_LABELS: readonly (readonly [Layer, string])[] = [
  ['mention', 'Entities'],
  ['quote', 'Quotes'],
  ['speaker', 'Speakers'],
  ['timex', 'Times'],
  ['place', 'Places'],
  ['event', 'Events'],
  ['summary', 'Summary'],
];

/** Renders the article as highlighted segments into a `<div class="article-text">`. */
export function renderArticleText(doc: Doc, view: View): HTMLElement {
  const text = viewString(doc, view);
  const segments = buildSegments(text.length, viewAnnotations(doc, view));
  const container = element('div', { class: 'article-text', 'data-view': text === doc.text ? 'text' : 'source' });
  for (const segment of segments) {
    const piece = text.slice(segment.start, segment.end);
    if (segment.annotations.length === 0) {
      container.appendChild(document.createTextNode(piece));
      continue;
    }
    const classes = new Set<string>(['hl']);
    const keys: string[] = [];
    const refs = new Set<string>();
    const titles: string[] = [];
    for (const annotation of segment.annotations) {
      classes.add(annotation.layer);
      for (const extra of annotation.classes) classes.add(extra);
      keys.push(annotation.key);
      refs.add(annotation.ref);
      if (!titles.includes(annotation.title)) titles.push(annotation.title);
    }
    container.appendChild(element('span', { class: [...classes], 'data-keys': keys.join(' '), 'data-refs': [...refs].join(' '), title: titles.join('\n') }, piece));
  }
  return container;
}

/** Marks (or unmarks) every highlighted piece of the Doc objects `refs` as focused. */
export function focusRefs(root: ParentNode, refs: readonly string[], on: boolean): void {
  for (const ref of refs) {
    for (const node of root.querySelectorAll(`.article-text [data-refs~="${CSS.escape(ref)}"]`)) node.classList.toggle('focus', on);
  }
}
