/**
 * Finds toponym spans in an article: the entity tagger's LOC mentions, demonyms (`Libyan`), and
 * gazetteer names the tagger missed. Finders propose; the resolver decides which place each is.
 * Metonymy is kept apart: `Washington said` names a government, not a point on the map.
 */
import type { Gazetteer } from './gazetteer.js';
import type { ToponymSpan } from './place-resolver.js';
import { placeKey } from './normalize.js';

/** An entity mention as the tagger gives it (the Doc's `Mention` fits). */
export interface LocationMention {
  readonly start: number;
  readonly end: number;
  readonly type: string;
  readonly id?: string;
}

/** Options of {@link findToponyms}. */
export interface FindToponymsOptions {
  readonly gazetteer: Gazetteer;
  /** Sentence spans: a city name opening a sentence (`Reading the report, ...`) is not taken from the gazetteer alone. */
  readonly sentences?: readonly { readonly start: number; readonly end: number }[];
  /** Smallest population for a city matched by the gazetteer alone (default 100,000). */
  readonly minCityPopulation?: number;
}

/** A found toponym: where it came from in `source` (`mention`, `demonym`, `gazetteer`). */
export interface FoundToponym extends ToponymSpan {
  readonly source: 'mention' | 'demonym' | 'gazetteer';
}

/**
 * Verbs that make a place name its government or people (`Washington said`, `Moscow denied`):
 * an ORG use, so no coordinate.
 */
const METONYMY_VERB = /^(?:\s+(?:has|have|had|also|has also|would|will|could|did|does|is|was))?\s+(?:said|says|say|announced|announces|denied|denies|accused|accuses|warned|warns|insisted|insists|claimed|claims|argued|argues|threatened|threatens|vowed|vows|rejected|rejects|condemned|condemns|demanded|demands|responded|responds|urged|urges|wants|wanted|refused|refuses|agreed|agrees|imposed|imposes|sanctioned|retaliated|blamed|blames|told|tells|pledged|pledges|hopes|believes|believed|called on|signed|expelled|recalled)\b/;

/** Kinds of place a MISC mention may name. */
const MISC_PLACE_KINDS: ReadonlySet<string> = new Set(['country', 'continent', 'region', 'water', 'landmark']);

/** A capitalised word, with the joiners that occur inside place names (`al-`, `d'`, `St.`). */
const CAPITALISED_WORD = /\p{Lu}[\p{L}\p{M}'’.-]*/uy;

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** True when a span names a government or people by its place (see {@link METONYMY_VERB}). */
export function isMetonymic(text: string, span: { start: number; end: number }): boolean {
  const after = text.slice(span.end, span.end + 40);
  if (!METONYMY_VERB.test(after)) return false;
  // "in Washington said" is a place; "Washington said" is the government.
  const before = text.slice(Math.max(0, span.start - 12), span.start);
  return !/\b(?:in|at|from|to|near|of|across|outside|inside)\s+(?:the\s+)?$/i.test(before);
}

/**
 * Proposes toponym spans, sorted by start and never overlapping. LOC mentions come first; then
 * demonyms and gazetteer names outside every mention (a PER or ORG mention such as `George
 * Washington` or `Libyan National Army` blocks them); metonymic uses are dropped.
 */
export function findToponyms(text: string, mentions: readonly LocationMention[], options: FindToponymsOptions): FoundToponym[] {
  const { gazetteer } = options;
  const minCityPopulation = options.minCityPopulation ?? 100_000;
  const found: FoundToponym[] = [];
  for (const mention of mentions) {
    const withId = mention.id ? { mentionId: mention.id } : {};
    if (mention.type === 'LOC') {
      if (!isMetonymic(text, mention)) found.push({ start: mention.start, end: mention.end, source: 'mention', ...withId });
    } else if (mention.type === 'MISC') {
      // CoNLL-style taggers call `Libyan Desert` and `North African` MISC: a MISC mention that is
      // wholly a place name or a demonym is a toponym.
      const key = placeKey(text.slice(mention.start, mention.end));
      // Only names of countries, continents, regions and waters: `Western` (as in "Western
      // interests") is also a Ghanaian region.
      if (gazetteer.lookupKey(key).some((index) => MISC_PLACE_KINDS.has(gazetteer.entry(index).kind))) {
        found.push({ start: mention.start, end: mention.end, source: 'mention', ...withId });
      } else if (gazetteer.lookupDemonym(key).length > 0) {
        found.push({ start: mention.start, end: mention.end, source: 'demonym', ...withId });
      }
    }
  }
  const blocked = (span: { start: number; end: number }): boolean => mentions.some((mention) => overlaps(mention, span));
  const sentenceStarts = new Set((options.sentences ?? []).map((sentence) => sentence.start));

  // Runs of capitalised words; each start tries the longest gazetteer name first.
  const words: { start: number; end: number }[] = [];
  for (let offset = 0; offset < text.length; offset++) {
    const previous = text[offset - 1];
    if (previous !== undefined && /[\p{L}\p{M}\d]/u.test(previous)) continue;
    CAPITALISED_WORD.lastIndex = offset;
    const match = CAPITALISED_WORD.exec(text);
    if (!match) continue;
    let end = offset + match[0].length;
    // "U.S." keeps its periods; a sentence-final period does not belong to the name.
    while (end > offset + 1 && /[.'’-]/.test(text[end - 1] ?? '') && !/^(?:\p{Lu}\.)+$/u.test(text.slice(offset, end))) end--;
    words.push({ start: offset, end });
    offset = end - 1;
  }
  for (let first = 0; first < words.length; first++) {
    const start = words[first]!.start;
    for (let last = Math.min(words.length - 1, first + gazetteer.maxNameWords - 1); last >= first; last--) {
      // Words of one name are separated by single spaces only.
      let joined = true;
      for (let word = first; word < last; word++) if (text.slice(words[word]!.end, words[word + 1]!.start) !== ' ') joined = false;
      if (!joined) continue;
      const span = { start, end: words[last]!.end };
      if (blocked(span) || found.some((toponym) => overlaps(toponym, span))) continue;
      const surface = text.slice(span.start, span.end);
      const key = placeKey(surface);
      const sentenceInitial = sentenceStarts.has(span.start) || /(?:^|[.!?]["”’]?\s+)$/.test(text.slice(Math.max(0, span.start - 3), span.start));
      const names = gazetteer.lookupKey(key).map((index) => gazetteer.entry(index));
      const strong = names.some((entry) =>
        entry.kind === 'country' || entry.kind === 'admin1' || entry.kind === 'continent' || entry.kind === 'region' || entry.kind === 'water' || entry.kind === 'landmark' ||
        (entry.kind === 'city' && !sentenceInitial && (entry.population >= minCityPopulation || entry.featureCode === 'PPLC')),
      );
      // Two-letter codes (`IN`, `OR`) and single capitals are too often words.
      if (strong && key.replace(/ /g, '').length > 2 && /\p{Ll}/u.test(surface.replace(/^\p{Lu}/u, '')) || strong && /^(?:\p{Lu}\.){2,}$/u.test(surface) || strong && /^(?:UK|US|USA|UAE|DRC|NYC)$/.test(surface)) {
        if (!isMetonymic(text, span)) found.push({ ...span, source: 'gazetteer' });
        first = last;
        break;
      }
      if (last === first && gazetteer.lookupDemonym(key).length > 0 && key.length > 2) {
        found.push({ ...span, source: 'demonym' });
        break;
      }
    }
  }
  return found.sort((a, b) => a.start - b.start || a.end - b.end);
}
