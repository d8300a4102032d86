/**
 * The world map of an article's places and events, drawn offline: Natural Earth countries at
 * 1:110m from `world-atlas` (bundled by Vite), projected with `d3-geo`. No tile server exists
 * where Lede runs, so nothing here loads anything.
 */
import { geoContains, geoGraticule10, geoNaturalEarth1, geoPath, type GeoPermissibleObjects } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Feature, FeatureCollection, Geometry, MultiPoint } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import world from 'world-atlas/countries-110m.json';
import type { Doc } from '../../src/doc/schema.js';
import { indexDoc } from './annotations.js';
import { element, svgElement, svgTitle } from './dom.js';

/** One marker: a place, or an event at its place. */
export interface MapPoint {
  readonly kind: 'place' | 'event';
  readonly ref: string;
  readonly label: string;
  readonly lat: number;
  readonly lon: number;
}

/** The markers of a Doc: every place with coordinates, and every event whose place has them. */
export function mapPoints(doc: Doc): MapPoint[] {
  const index = indexDoc(doc);
  const points: MapPoint[] = [];
  const byId = new Map(doc.places.map((place) => [place.id, place]));
  for (const place of doc.places) {
    if (place.lat === undefined || place.lon === undefined) continue;
    points.push({ kind: 'place', ref: place.id, label: `${place.name} (${place.kind})`, lat: place.lat, lon: place.lon });
  }
  for (const event of doc.events) {
    const place = event.place ? byId.get(event.place) : undefined;
    if (!place || place.lat === undefined || place.lon === undefined) continue;
    points.push({ kind: 'event', ref: event.id, label: `${event.ploverType}${event.mode ? `/${event.mode}` : ''} in ${index.placeNames.get(place.id) ?? place.name}${event.date ? `, ${event.date.value}` : ''}`, lat: place.lat, lon: place.lon });
  }
  return points;
}

/** The country shapes, decoded once per call site that needs them (cheap: ~180 features). */
function countries(): FeatureCollection<Geometry, { name?: string }> {
  const topology = world as unknown as Topology<{ countries: GeometryCollection<{ name?: string }> }>;
  return feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name?: string }>;
}

/** How much of the world to show. */
export type MapExtent = 'world' | 'places';

const WIDTH = 960;
const HEIGHT = 500;

/**
 * The frame for `places`: the markers' bounding box widened to at least 30° × 18°, so one
 * city does not fill the screen and its country stays recognisable.
 */
function frame(points: readonly MapPoint[]): GeoPermissibleObjects {
  const lons = points.map((point) => point.lon);
  const lats = points.map((point) => point.lat);
  let west = Math.min(...lons);
  let east = Math.max(...lons);
  let south = Math.min(...lats);
  let north = Math.max(...lats);
  const widen = (low: number, high: number, least: number): [number, number] => {
    const extra = Math.max(0, least - (high - low)) / 2 + (high - low) * 0.15;
    return [low - extra, high + extra];
  };
  [west, east] = widen(west, east, 30);
  [south, north] = widen(south, north, 18);
  south = Math.max(-85, south);
  north = Math.min(85, north);
  const corners: MultiPoint = { type: 'MultiPoint', coordinates: [[west, south], [east, south], [east, north], [west, north], [(west + east) / 2, south], [(west + east) / 2, north]] };
  return corners;
}

/** Draws the map with its markers into an SVG element. */
export function renderWorldMap(doc: Doc, extent: MapExtent = 'places'): SVGSVGElement {
  const points = mapPoints(doc);
  const shapes = countries();
  const projection = geoNaturalEarth1();
  if (extent === 'places' && points.length > 0) projection.fitExtent([[10, 10], [WIDTH - 10, HEIGHT - 10]], frame(points));
  else projection.fitExtent([[4, 4], [WIDTH - 4, HEIGHT - 4]], { type: 'Sphere' });
  const path = geoPath(projection);
  const svg = svgElement('svg', { class: 'world-map', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, width: '100%', role: 'img', 'aria-label': `Map of ${points.length} places and events` });
  svg.appendChild(svgElement('defs', {}, svgElement('clipPath', { id: 'map-clip' }, svgElement('rect', { x: 0, y: 0, width: WIDTH, height: HEIGHT }))));
  const layer = svgElement('g', { 'clip-path': 'url(#map-clip)' });
  layer.appendChild(svgElement('path', { class: 'sphere', d: path({ type: 'Sphere' }) ?? '' }));
  layer.appendChild(svgElement('path', { class: 'graticule', d: path(geoGraticule10()) ?? '' }));
  // A country holding a marker is shaded: the reader sees at a glance where the story is.
  const touched = new Set<Feature>();
  for (const country of shapes.features) {
    if (points.some((point) => geoContains(country, [point.lon, point.lat]))) touched.add(country);
  }
  const countryLayer = svgElement('g', { class: 'countries' });
  for (const country of shapes.features) {
    const d = path(country);
    if (!d) continue;
    countryLayer.appendChild(svgElement('path', { class: ['country', touched.has(country) ? 'touched' : ''], d }, svgTitle(country.properties?.name ?? '')));
  }
  layer.appendChild(countryLayer);
  const markers = svgElement('g', { class: 'markers' });
  // Events first (a large triangle), places on top (a dot inside it): an event at a named place
  // shows both. Markers at one spot are one marker listing them all
  // (a story names its city five times: one dot, five lines of hover text).
  const groups = new Map<string, { kind: MapPoint['kind']; x: number; y: number; refs: string[]; labels: string[] }>();
  for (const point of [...points].sort((left, right) => (left.kind === right.kind ? 0 : left.kind === 'event' ? -1 : 1))) {
    const projected = projection([point.lon, point.lat]);
    if (!projected) continue;
    const key = `${point.kind}:${Math.round(projected[0])}:${Math.round(projected[1])}`;
    const group = groups.get(key) ?? { kind: point.kind, x: projected[0], y: projected[1], refs: [], labels: [] };
    group.refs.push(point.ref);
    if (!group.labels.includes(point.label)) group.labels.push(point.label);
    groups.set(key, group);
  }
  for (const { kind, x, y, refs, labels } of groups.values()) {
    const title = svgTitle(labels.join('\n'));
    markers.appendChild(kind === 'place'
      ? svgElement('circle', { class: 'marker place-marker', 'data-refs': refs.join(' '), cx: x.toFixed(1), cy: y.toFixed(1), r: 5 }, title)
      : svgElement('path', { class: 'marker event-marker', 'data-refs': refs.join(' '), d: `M${x.toFixed(1)},${(y - 14).toFixed(1)} l12,21 h-24 z` }, title));
  }
  layer.appendChild(markers);
  svg.appendChild(layer);
  return svg;
}

/** A note under the map when nothing could be placed. */
export function mapNote(doc: Doc): HTMLElement | null {
  const points = mapPoints(doc);
  if (points.length > 0) return null;
  return element('p', { class: 'empty map-empty' }, doc.places.length > 0 ? 'No place in this article has coordinates.' : 'No places in this article.');
}
