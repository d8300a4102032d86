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
  /** How the name is used (see {@link toponymUse}); metonymic uses are never returned. */
  readonly use: 'literal' | 'modifier';
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

/** A preposition of place right before the span (`in Washington said` stays a place). */
const PLACE_PREPOSITION = /\b(?:in|at|from|to|into|near|across|outside|inside|throughout|around|within|via|toward|towards|across)\s+(?:the\s+)?$/i;

/** True when a span names a government or people by its place (see {@link METONYMY_VERB}). */
export function isMetonymic(text: string, span: { start: number; end: number }): boolean {
  const after = text.slice(span.end, span.end + 40);
  if (!METONYMY_VERB.test(after)) return false;
  // "in Washington said" is a place; "Washington said" is the government.
  const before = text.slice(Math.max(0, span.start - 12), span.start);
  return !/\b(?:in|at|from|to|near|of|across|outside|inside)\s+(?:the\s+)?$/i.test(before);
}

/** Nouns after a possessive place that keep it a place (`Libya's coast`, `Russia's far east`). */
const GEOGRAPHIC_NOUN = /^(?:capital|border|borders|coast|coastline|north|south|east|west|northern|southern|eastern|western|northeast|northwest|southeast|southwest|far|largest|biggest|second|city|cities|province|provinces|region|regions|state|territory|mountains|desert|interior|heartland|outskirts|soil|streets|shores|waters|airspace)\b/;

/** Words after a place that leave it a place rather than a noun modifier. */
const FUNCTION_WORD = /^(?:and|or|but|nor|in|on|at|to|for|with|from|by|of|as|than|into|over|under|after|before|since|until|near|via|per|is|are|was|were|be|been|has|have|had|will|would|could|should|can|may|might|must|does|do|did|this|that|these|those|which|who|where|when|while|because|if|so|the|a|an|its|their|his|her|our|last|next|earlier|later|today|yesterday|tonight|now|then|too|also|alone|itself|instead|again|itself|proper|says|said)$/;

/**
 * How a place name is used: `literal` (a point on the map), `metonymic` (`Washington said`,
 * `Russia's imports`: the government or people), or `modifier` (`US military`, `Syrian
 * government`: a place name qualifying a noun). GeoWebNews-style literal toponyms are the first.
 */
export function toponymUse(text: string, span: { start: number; end: number }): 'literal' | 'metonymic' | 'modifier' {
  if (isMetonymic(text, span)) return 'metonymic';
  const before = text.slice(Math.max(0, span.start - 16), span.start);
  const prepositional = PLACE_PREPOSITION.test(before);
  const after = text.slice(span.end, span.end + 40);
  // "Russia's Foreign Ministry", "Iran's imports": a possessive place is its state, unless what
  // it owns is geography ("Libya's coast").
  const possessive = /^['’]s?\s+([\p{L}-]+)/u.exec(after);
  if (possessive) return GEOGRAPHIC_NOUN.test(possessive[1]!.toLowerCase()) ? 'literal' : 'metonymic';
  // "US military", "Paris attacks": a lower-case noun right after the name.
  const next = /^ ([\p{Ll}][\p{L}-]*)/u.exec(after);
  if (next && !FUNCTION_WORD.test(next[1]!) && !/(?:ed|ly)$/.test(next[1]!) && !prepositional) return 'modifier';
  return 'literal';
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
      const use = toponymUse(text, mention);
      if (use !== 'metonymic') found.push({ start: mention.start, end: mention.end, source: 'mention', use, ...withId });
    } else if (mention.type === 'MISC') {
      // CoNLL-style taggers call `Libyan Desert` and `North African` MISC: a MISC mention that is
      // wholly a place name or a demonym is a toponym.
      const key = placeKey(text.slice(mention.start, mention.end));
      // Only names of countries, continents, regions and waters: `Western` (as in "Western
      // interests") is also a Ghanaian region.
      if (gazetteer.lookupKey(key).some((index) => MISC_PLACE_KINDS.has(gazetteer.entry(index).kind))) {
        const use = toponymUse(text, mention);
        if (use !== 'metonymic') found.push({ start: mention.start, end: mention.end, source: 'mention', use, ...withId });
      } else if (gazetteer.lookupDemonym(key).length > 0) {
        found.push({ start: mention.start, end: mention.end, source: 'demonym', use: 'modifier', ...withId });
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
        const use = toponymUse(text, span);
        if (use !== 'metonymic') found.push({ ...span, source: 'gazetteer', use });
        first = last;
        break;
      }
      if (last === first && gazetteer.lookupDemonym(key).length > 0 && key.length > 2) {
        found.push({ ...span, source: 'demonym', use: 'modifier' });
        break;
      }
    }
  }
  return found.sort((a, b) => a.start - b.start || a.end - b.end);
}
