/**
 * A Doc's layers as display annotations, in `doc.text` offsets or mapped to `doc.source` (the
 * article in its original wording, with what normalisation removed still visible).
 */
import type { Doc, Entity, Span } from '../../src/doc/schema.js';
import { toSourceOffset } from '../../src/doc/text-builder.js';
import type { Annotation, Layer } from './segments.js';

/** Which string the annotations count offsets in. */
export type View = 'source' | 'text';

/** The string shown for a view: the source only when an alignment maps text offsets into it. */
export function viewString(doc: Doc, view: View): string {
  return view === 'source' && doc.alignment.length > 0 ? doc.source : doc.text;
}

/** Lookups by id that several views share. */
export interface DocIndex {
  readonly entities: ReadonlyMap<string, Entity>;
  readonly placeNames: ReadonlyMap<string, string>;
}

/** Indexes a Doc's entities and places by id. */
export function indexDoc(doc: Doc): DocIndex {
  return {
    entities: new Map(doc.entities.map((entity) => [entity.id, entity])),
    placeNames: new Map(doc.places.map((place) => [place.id, place.name])),
  };
}

/** The text a span covers in `doc.text`. */
export function spanText(doc: Doc, span: Span): string {
  return doc.text.slice(span.start, span.end);
}

/** The speaker of a quote as a name: its entity's canonical name, else the words of its speaker span. */
export function speakerName(doc: Doc, index: DocIndex, quote: Doc['quotes'][number]): string | null {
  const entity = quote.speakerEntity ? index.entities.get(quote.speakerEntity) : undefined;
  if (entity) return entity.name;
  return quote.speaker ? spanText(doc, quote.speaker) : null;
}

/** Every highlight of a Doc, in `doc.text` offsets (removals excepted: they count `source` offsets). */
export function docAnnotations(doc: Doc): Annotation[] {
  const index = indexDoc(doc);
  const annotations: Annotation[] = [];
  const add = (layer: Layer, key: string, ref: string, span: Span, classes: readonly string[], title: string): void => {
    annotations.push({ layer, key, ref, start: span.start, end: span.end, classes, title });
  };
  for (const sentence of doc.summary) add('summary', `sum-${sentence.sentence}`, sentence.sentence, sentence, [], `Summary sentence (score ${sentence.score.toFixed(2)})`);
  for (const mention of doc.mentions) {
    const entity = mention.entity ? index.entities.get(mention.entity) : undefined;
    const name = entity ? ` → ${entity.name}` : '';
    add('mention', mention.id, mention.entity ?? mention.id, mention, [`type-${mention.type}`, `kind-${mention.kind}`], `${mention.type}${mention.subtype ? ` (${mention.subtype})` : ''} ${mention.kind}${name}`);
  }
  for (const quote of doc.quotes) {
    const speaker = speakerName(doc, index, quote);
    const title = `${quote.kind} quote — ${speaker ? `speaker: ${speaker}` : 'speaker unknown'}`;
    quote.content.forEach((piece, pieceIndex) => add('quote', `${quote.id}:${pieceIndex}`, quote.id, piece, [`quote-${quote.kind}`], title));
    if (quote.speaker) add('speaker', `${quote.id}:speaker`, quote.id, quote.speaker, [], `speaker of ${quote.id}${speaker ? `: ${speaker}` : ''}`);
    if (quote.cue) add('cue', `${quote.id}:cue`, quote.id, quote.cue, [], `quote cue of ${quote.id}`);
  }
  for (const timex of doc.timexes) {
    const value = timex.resolved ? timex.value : `${timex.value} (unresolved)`;
    add('timex', timex.id, timex.id, timex, [`timex-${timex.type}`], `${timex.type} ${value}${timex.mod ? ` ${timex.mod}` : ''}`);
  }
  for (const place of doc.places) {
    const where = place.lat !== undefined && place.lon !== undefined ? ` (${place.lat.toFixed(2)}, ${place.lon.toFixed(2)})` : '';
    add('place', place.id, place.id, place, [`place-${place.kind}`], `${place.name}, ${place.kind}${place.countryCode ? ` ${place.countryCode}` : ''}${where}`);
  }
  for (const event of doc.events) {
    const place = event.place ? index.placeNames.get(event.place) : undefined;
    const title = `${event.ploverType}${event.mode ? `/${event.mode}` : ''} — ${event.acledSubType}${place ? ` in ${place}` : ''}${event.date ? ` on ${event.date.value}` : ''}`;
    add('event', `${event.id}:trigger`, event.id, event.trigger, [], title);
  }
  return annotations;
}

/**
 * The annotations of a view. For the source view every text span is mapped through the
 * alignment, and the removals (caption, dateline, boilerplate) are shown as removed text.
 */
export function viewAnnotations(doc: Doc, view: View): Annotation[] {
  const annotations = docAnnotations(doc);
  if (view === 'text' || doc.alignment.length === 0) return annotations;
  const mapped = annotations.map((annotation) => ({
    ...annotation,
    start: toSourceOffset(doc.alignment, annotation.start, 'start'),
    end: toSourceOffset(doc.alignment, annotation.end, 'end'),
  }));
  doc.removals.forEach((removal, removalIndex) => {
    mapped.push({ layer: 'removed', key: `removed-${removalIndex}`, ref: `removed-${removalIndex}`, start: removal.start, end: removal.end, classes: [], title: `not in the analysed text: ${removal.reason}` });
  });
  return mapped;
}
