/**
 * The places stage: toponyms from the entity mentions, demonyms and gazetteer names, each
 * resolved to a gazetteer entry with coordinates, in the context of the whole article.
 */
import type { Stage } from '../../pipeline/stage.js';
import { FULL_MONTH, SHORT_MONTH } from '../../lang/en/calendar.js';
import { loadGazetteer, type Gazetteer } from './gazetteer.js';
import { resolvePlaces, type ToponymSpan } from './place-resolver.js';
import { findToponymCandidates, findToponyms } from './toponym-finder.js';
import { placeKey } from './normalize.js';
import { classifyToponyms, loadToponymClassifier, type ToponymClassifier } from './toponym-classifier.js';

export { loadGazetteer, defaultGazetteerDir, type Gazetteer, type GazetteerEntry, type PlaceKind } from './gazetteer.js';
export { resolvePlaces, type ToponymSpan, type ResolveContext } from './place-resolver.js';
export { findToponyms, isMetonymic, type FoundToponym, type LocationMention, type FindToponymsOptions } from './toponym-finder.js';
export { placeKey } from './normalize.js';
export { classifyToponyms, loadToponymClassifier, type ToponymClassifier } from './toponym-classifier.js';

/**
 * The stage's resources: the gazetteer, and the learned literal-toponym classifier
 * (`loadToponymClassifier()`, from `models/places/toponym-classifier.json.gz`, loaded by
 * default); without it the rules alone decide. A bare {@link Gazetteer} is accepted too (rules).
 */
export interface PlacesResources {
  readonly gazetteer: Gazetteer;
  readonly classifier?: ToponymClassifier;
}

/**
 * The dateline place (`Washington CNN —` at the top of a CNN story), resolved as a city: its span
 * in the text when the text still holds it, else an empty span at offset 0 with rule `dateline`.
 */
function datelineSpan(text: string, dateline: string | undefined): ToponymSpan | undefined {
  if (!dateline) return undefined;
  const start = text.slice(0, 300).indexOf(dateline);
  // Normalisation usually takes the dateline out of the text: an empty span at 0 then stands for it.
  return start < 0 ? { start: 0, end: 0, source: 'dateline', surface: dateline } : { start, end: start + dateline.length, source: 'dateline' };
}

/** A month opening a dateline's qualifier (`, Nov 20`, `, May 3`): a date, no region (`Maryland`, `Decatur` are regions). */
const DATELINE_MONTH = new RegExp(`^(?:${FULL_MONTH}|${SHORT_MONTH})\\b`);

/**
 * The state or country a removed dateline names after its place: `California` of `SANTA CLARA,
 * California, Nov 20 (Reuters) -`, `Kenya` of `NAIROBI, Kenya (AP) _`; undefined when it names none.
 */
export function datelineRegion(removals: readonly { readonly reason: string; readonly text: string }[], place: string): string | undefined {
  const removed = removals.find((removal) => removal.reason === 'dateline')?.text;
  if (!removed || !removed.toLowerCase().startsWith(place.toLowerCase())) return undefined;
  const qualifier = /^,\s+(\p{Lu}[\p{L}.'’-]*(?:\s\p{Lu}[\p{L}.'’-]*){0,2})(?=\s*[,(—–_-]|\s+\()/u.exec(removed.slice(place.length));
  const region = qualifier?.[1];
  return region && !DATELINE_MONTH.test(region) ? region : undefined;
}

/** Places: requires text, sentences, mentions, meta and removals (for the dateline and its region); assigns `places`. */
/** The last word of an event's, a contest's or a plan's name (`U.S. Open`, `World Cup`, `Marshall Plan`). */
const EVENT_NAME = /\b(?:Open|Cup|Convention|War|Festival|Concert|Competition|Games|Olympics|Championships?|Summit|Conference|Tournament|Series|Awards?|Prize|Marathon|Prix|Plan|Terrorism|Week|Expo|Fair|Show)$/;

export const placesStage: Stage = {
  name: 'places',
  requires: ['text', 'sentences', 'mentions', 'meta', 'removals'],
  assigns: ['places'],
  // The learned classifier decides by default (GeoWebNews literal toponyms, 5-fold CV by article:
  // see BENCHMARKS.md); the rules decide when its model file is absent.
  load: (): PlacesResources => {
    const classifier = loadToponymClassifier();
    return classifier ? { gazetteer: loadGazetteer(), classifier } : { gazetteer: loadGazetteer() };
  },
  run(doc, resource) {
    const { gazetteer, classifier } = 'lookupKey' in (resource as object) ? { gazetteer: resource as Gazetteer, classifier: undefined } : resource as PlacesResources;
    const options = { gazetteer, sentences: doc.sentences };
    // With a classifier, it decides among every candidate (see bench/places.ts); else the rules.
    const found: ToponymSpan[] = classifier
      ? classifyToponyms(doc.text, findToponymCandidates(doc.text, doc.mentions, options), classifier, gazetteer, new Set(doc.sentences.map((sentence) => sentence.start)))
      : findToponyms(doc.text, doc.mentions, options);
    // (`compete at the U.S. Open`, `at the Democratic National Convention`: a MISC name of an
    // event that no gazetteer knows is no place in the article's country, however placed its
    // sentence; `in Eastern Ghouta` is.)
    const miscMentions = new Set(doc.mentions.filter((mention) => mention.type === 'MISC').map((mention) => mention.id));
    const placeable = found.filter((toponym) => {
      if (!toponym.mentionId || !miscMentions.has(toponym.mentionId)) return true;
      const surface = doc.text.slice(toponym.start, toponym.end);
      return !EVENT_NAME.test(surface) || gazetteer.lookupKey(placeKey(surface)).length > 0;
    });
    const dateline = datelineSpan(doc.text, doc.meta.dateline);
    const toponyms = dateline ? [dateline, ...placeable.filter((toponym) => toponym.end <= dateline.start || toponym.start >= dateline.end)] : placeable;
    const region = doc.meta.dateline ? datelineRegion(doc.removals ?? [], doc.meta.dateline) : undefined;
    const places = resolvePlaces(doc.text, toponyms, {
      gazetteer,
      sentences: doc.sentences,
      ...(doc.meta.dateline ? { dateline: doc.meta.dateline } : {}),
      ...(region ? { datelineRegion: region } : {}),
    });
    return { places };
  },
};
