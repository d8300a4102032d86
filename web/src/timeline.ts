/**
 * The timeline: the article's dated events and time expressions on one calendar axis, one row
 * each (a bar for a month or a year, a dot for a day), with the publication date as a line.
 */
import type { Doc } from '../../src/doc/schema.js';
import { indexDoc, spanText } from './annotations.js';
import { timexDays, dayNumber, formatDay, type DayRange } from './dates.js';
import { element, svgElement, svgTitle } from './dom.js';

/** One row of the timeline. */
export interface TimelineItem {
  readonly kind: 'event' | 'timex';
  readonly ref: string;
  readonly label: string;
  readonly value: string;
  readonly range: DayRange;
}

/** The timeline rows of a Doc, earliest first (events before timexes on the same day). */
export function timelineItems(doc: Doc): TimelineItem[] {
  const index = indexDoc(doc);
  const items: TimelineItem[] = [];
  for (const event of doc.events) {
    const range = event.date ? timexDays(event.date.value) : null;
    if (!event.date || !range) continue;
    const place = event.place ? index.placeNames.get(event.place) : undefined;
    items.push({ kind: 'event', ref: event.id, label: `${event.ploverType}${place ? ` · ${place}` : ''}`, value: event.date.value, range });
  }
  for (const timex of doc.timexes) {
    if (!timex.resolved || (timex.type !== 'DATE' && timex.type !== 'TIME')) continue;
    const range = timexDays(timex.value);
    if (range) items.push({ kind: 'timex', ref: timex.id, label: spanText(doc, timex) || timex.value, value: timex.value, range });
  }
  return items.sort((left, right) => left.range.first - right.range.first || (left.kind === right.kind ? 0 : left.kind === 'event' ? -1 : 1) || left.range.last - right.range.last);
}

/** Axis ticks: years, months or days, about eight of them. */
function ticks(first: number, last: number): { day: number; label: string }[] {
  const span = last - first;
  const start = new Date(first * 86_400_000);
  const result: { day: number; label: string }[] = [];
  if (span > 3 * 365) {
    const step = [1, 2, 5, 10, 20, 50, 100].find((years) => span / 365 / years <= 8) ?? 100;
    for (let year = Math.ceil(start.getUTCFullYear() / step) * step; dayNumber(year, 1, 1) <= last; year += step) result.push({ day: dayNumber(year, 1, 1), label: String(year) });
  } else if (span > 90) {
    const step = [1, 2, 3, 6].find((months) => span / 30 / months <= 8) ?? 6;
    for (let month = start.getUTCFullYear() * 12 + start.getUTCMonth() + 1; ; month += step) {
      const day = dayNumber(Math.floor(month / 12), (month % 12) + 1, 1);
      if (day > last) break;
      result.push({ day, label: formatDay(day).slice(0, 7) });
    }
  } else {
    const step = Math.max(1, Math.ceil(span / 8));
    for (let day = first; day <= last; day += step) result.push({ day, label: formatDay(day).slice(5) });
  }
  return result;
}

/** Builds the timeline SVG (or a note when nothing in the article has a calendar date). */
export function renderTimeline(doc: Doc): HTMLElement | SVGSVGElement {
  const items = timelineItems(doc);
  if (items.length === 0) return element('p', { class: 'empty timeline-empty' }, 'Nothing in this article has a calendar date.');
  const published = doc.meta.published ? timexDays(doc.meta.published.slice(0, 10)) : null;
  let first = Math.min(...items.map((item) => item.range.first), published?.first ?? Infinity);
  let last = Math.max(...items.map((item) => item.range.last), published?.last ?? -Infinity);
  const pad = Math.max(1, Math.round((last - first) * 0.03));
  first -= pad;
  last += pad;
  const width = 640;
  const left = 170;
  const right = 20;
  const rowHeight = 20;
  const top = 24;
  const height = top + items.length * rowHeight + 8;
  const x = (day: number): number => left + ((day - first) / Math.max(1, last - first)) * (width - left - right);
  const svg = svgElement('svg', { class: 'timeline', viewBox: `0 0 ${width} ${height}`, width: '100%', role: 'img', 'aria-label': 'Timeline of events and time expressions' });
  for (const tick of ticks(first, last)) {
    svg.appendChild(svgElement('line', { class: 'tick', x1: x(tick.day), x2: x(tick.day), y1: top - 6, y2: height }));
    svg.appendChild(svgElement('text', { class: 'tick-label', x: x(tick.day), y: top - 10, 'text-anchor': 'middle' }, tick.label));
  }
  if (published) {
    svg.appendChild(svgElement('line', { class: 'published', x1: x(published.first + 0.5), x2: x(published.first + 0.5), y1: top - 6, y2: height },
      svgTitle(`published ${formatDay(published.first)}`)));
  }
  items.forEach((item, row) => {
    const y = top + row * rowHeight + rowHeight / 2;
    const group = svgElement('g', { class: ['timeline-item', item.kind], 'data-ref': item.ref }, svgTitle(`${item.label}: ${item.value}`));
    group.appendChild(svgElement('text', { class: 'row-label', x: left - 8, y: y + 4, 'text-anchor': 'end' }, item.label.length > 26 ? `${item.label.slice(0, 25)}…` : item.label));
    const start = x(item.range.first);
    const end = x(item.range.last + 1);
    if (item.range.precision === 'day' || end - start < 6) group.appendChild(item.kind === 'event'
      ? svgElement('rect', { class: 'mark', x: (start + end) / 2 - 5, y: y - 5, width: 10, height: 10, transform: `rotate(45 ${(start + end) / 2} ${y})` })
      : svgElement('circle', { class: 'mark', cx: (start + end) / 2, cy: y, r: 5 }));
    else group.appendChild(svgElement('rect', { class: 'mark bar', x: start, y: y - 5, width: end - start, height: 10, rx: 3 }));
    svg.appendChild(group);
  });
  return svg;
}
