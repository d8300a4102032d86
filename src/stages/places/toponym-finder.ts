/**
 * Finds toponym spans in an article: the entity tagger's LOC mentions, demonyms (`Libyan`),
 * organisation and person mentions that the sentence uses as places (`at Barclays Center`,
 * `moved to Dewsbury`), a wire dateline (`HOUSTON (AP) -`), and gazetteer names the tagger
 * missed. Finders propose; the resolver decides which place each is. Metonymy is kept apart:
 * `Washington said` names a government, not a point on the map.
 */
import type { Gazetteer } from './gazetteer.js';
import type { ToponymSpan } from './place-resolver.js';
import { placeKey } from './normalize.js';
import { toponymUse, type ToponymUse } from './toponym-use.js';

export { isMetonymic, toponymUse, type ToponymUse } from './toponym-use.js';

/** An entity mention as the tagger gives it (the Doc's `Mention` fits). */
export interface LocationMention {
  readonly start: number;
  readonly end: number;
  readonly type: string;
  readonly id?: string;
  /** `name`, `nominal` or `pronoun`; only names are toponyms (default `name`). */
  readonly kind?: string;
}

/** Options of {@link findToponyms}. */
export interface FindToponymsOptions {
  readonly gazetteer: Gazetteer;
  /** Sentence spans: a city name opening a sentence (`Reading the report, ...`) is not taken from the gazetteer alone. */
  readonly sentences?: readonly { readonly start: number; readonly end: number }[];
  /** Smallest population for a city matched by the gazetteer alone (default 100,000). */
  readonly minCityPopulation?: number;
}

/** A found toponym: what proposed it, and how the sentence uses it. */
export interface FoundToponym extends ToponymSpan {
  /**
   * `mention` (a LOC or place-named MISC mention), `coerced` (an ORG or PER mention the
   * sentence uses as a place), `dateline`, `demonym`, `gazetteer` (a name the tagger missed), or
   * `embedded` (a known place name inside a longer mention: `Calgary-based`, `the Winnipeg Fire
   * Paramedic Service`; proposed for the learned classifier only).
   */
  readonly source: 'mention' | 'coerced' | 'dateline' | 'demonym' | 'gazetteer' | 'embedded';
  /** How the name is used (see {@link ToponymUse}); metonymic uses are never returned. */
  readonly use: Exclude<ToponymUse, 'metonymic'>;
}

/**
 * Every span the finders considered, with the rules' reading: `ruleUse` is the use the rules gave
 * (`metonymic` ones included), or `rejected` for a name mention the rules did not take as a place
 * (a LOC slip, an ORG or PER mention in no placing context, a MISC mention no gazetteer knows).
 * A learned classifier decides among these (see `toponym-classifier.ts`).
 */
export interface ToponymCandidate {
  readonly start: number;
  readonly end: number;
  readonly source: FoundToponym['source'];
  readonly ruleUse: ToponymUse | 'rejected';
  /** The tagger's type of the mention the span came from (`LOC`, `ORG`, `PER`, `MISC`), if any. */
  readonly mentionType?: string;
  readonly mentionId?: string;
}

/** Kinds of place a MISC mention may name. */
const MISC_PLACE_KINDS: ReadonlySet<string> = new Set(['country', 'continent', 'region', 'water', 'landmark']);

/** Kinds of place strong enough to be found by the gazetteer alone, whatever the tagger said. */
const STRONG_KINDS: ReadonlySet<string> = new Set(['country', 'admin1', 'continent', 'region', 'water', 'landmark']);

/**
 * A preposition that puts what follows on the map (`at Barclays Center`, `in the Oval Office`,
 * `moved to Thornhill`): an organisation or person mention after it is a place here.
 */
const PLACING_PREPOSITION = /\b(?:in|at|near|outside|inside|into|across|throughout|around|within)\s+(?:the\s+)?$/i;

/** Capitalised words, with the joiners that occur inside place names (`al-`, `d'`, `St.`). */
const CAPITALISED_WORDS = /(?<![\p{L}\p{M}\d])\p{Lu}[\p{L}\p{M}'’.-]*/gu;

/**
 * A wire dateline opening the text: `HOUSTON (AP) -`, `DURBAN, South Africa (CNN) -`,
 * `SEOUL, South Korea —`. Group 1 is the city, group 2 the region or country after the comma.
 */
const DATELINE = /^\s*(\p{Lu}[\p{Lu}\p{M}.'’ -]*\p{Lu}\.?)(?:,\s+(\p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}.]*){0,2}))?\s*(?:\([^)\n]{1,30}\)\s*)?[-—–]/u;

/** Last words that make a name a place (`Frenchmen Street`, `Kendale Lakes`, `Holy Redeemer Church`). */
const PLACE_WORD = /\b(?:Street|St|Road|Rd|Avenue|Ave|Boulevard|Blvd|Lane|Drive|Dr|Way|Place|Square|Circle|Cir|Court|Ct|Parade|Terrace|Highway|Hwy|Route|Bridge|Park|Gardens?|River|Lake|Lakes|Sea|Ocean|Bay|Gulf|Strait|Channel|Island|Islands|Isle|Peninsula|Mountains?|Mount|Mt|Hills?|Valley|Desert|Forest|Canyon|Falls|Beach|Coast|Harbou?r|Port|Airport|Station|Center|Centre|Hall|Church|Cathedral|Mosque|Temple|Palace|Castle|Tower|Building|House|Hotel|Hospital|School|College|University|Stadium|Arena|Market|Mall|Plaza|Library|Museum|Prison|Jail|Camp|Base|Complex|Estate|County|Province|State|Region|District|Territory|City|Town|Township|Village|Borough|Parish|Municipality|Governorate|Oblast|Prefecture|Valley|Heights|Springs|Point|Cape|Wood|Woods|Green|Cross|Gate|Field|Fields|Farm|Quarter|Area|Zone|Strip|Bank|Plains?|Basin|Delta|Glacier|Reef|Atoll|Oasis|Pass|Trail|Line|Corridor)\.?$|^(?:Lake|Mount|Mt\.?|Port|Fort|Saint|St\.?|San|Santa|Cape|Isle|Gulf|Bay|Strait|Sea|North|South|East|West|New|Upper|Lower|Greater)\s/;

/** True when a LOC mention looks like a place: a gazetteer name, a place word, or a placing context. */
function placeLike(text: string, span: { start: number; end: number }, gazetteer: Gazetteer): boolean {
  const surface = text.slice(span.start, span.end);
  const key = placeKey(surface);
  if (gazetteer.lookupKey(key).length > 0 || gazetteer.lookupKey(key.replace(/^the /, '')).length > 0 || gazetteer.lookupDemonym(key).length > 0) return true;
  if (PLACE_WORD.test(surface) || /\d/.test(surface)) return true;
  if (PLACING_PREPOSITION.test(text.slice(Math.max(0, span.start - 16), span.start)) || /\b(?:from|to|of|near|across|along)\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, span.start - 12), span.start))) return true;
  // "Estey's Bridge, N.B.", "Gwbert, Ceredigion": a unit after a comma places the name;
  // "the In Amenas oil consortium in Algeria": so does a country further along the clause.
  const after = text.slice(span.end, span.end + 60);
  const unit = /^,\s+(\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*)?)/u.exec(after) ?? /^[^.;:,]{0,40}?\bin\s+(?:the\s+)?(\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*)?)/u.exec(after);
  return unit?.[1] !== undefined && gazetteer.lookupKey(placeKey(unit[1])).some((index) => ['country', 'admin1', 'admin2', 'city'].includes(gazetteer.entry(index).kind));
}

/**
 * Known place names inside a longer mention, as `embedded` candidates: runs of capitalised
 * words between the mention's hyphens, slashes, commas and `and`s (`Calgary-based`, `Amsterdam-
 * London`, `Middle East and Africa`, `Parkland, Florida`) and leading names (`Winnipeg Fire
 * Paramedic Service`), when the gazetteer knows them as a strong kind, a big city, or a demonym.
 */
function embeddedNames(text: string, mentions: readonly LocationMention[], gazetteer: Gazetteer, minCityPopulation: number): ToponymCandidate[] {
  const found: ToponymCandidate[] = [];
  const known = (surface: string): boolean => {
    const key = placeKey(surface);
    if (key.replace(/ /g, '').length < 3 && !/^(?:UK|US|EU)$/.test(surface)) return false;
    return gazetteer.lookupDemonym(key).length > 0 || gazetteer.lookupKey(key).some((index) => {
      const entry = gazetteer.entry(index);
      return STRONG_KINDS.has(entry.kind) || (entry.kind === 'city' && entry.population >= minCityPopulation / 10);
    });
  };
  for (const mention of mentions) {
    // A person's name holds place-named words by chance (`Mary Smith`: Mary is a Turkmen city).
    if ((mention.kind ?? 'name') !== 'name' || mention.type === 'PER') continue;
    const surface = text.slice(mention.start, mention.end);
    const words = [...surface.matchAll(/[\p{L}\p{M}.'’]+/gu)].map((match) => ({ start: match.index, end: match.index + match[0].length, word: match[0] }));
    if (words.length < 1 || (words.length === 1 && !/[-–/]/.test(surface))) continue;
    const seen = new Set<string>();
    for (let first = 0; first < words.length; first++) {
      if (!/^\p{Lu}/u.test(words[first]!.word)) continue;
      for (let last = Math.min(words.length - 1, first + gazetteer.maxNameWords - 1); last >= first; last--) {
        if (first === 0 && last === words.length - 1) continue;
        // One name runs over single spaces only ("Amsterdam-London" is two).
        if (last > first && !/^(?:\s+\p{Lu}[\p{L}\p{M}.'’]*)*\s+$/u.test(surface.slice(words[first]!.end, words[last]!.start) + ' ')) continue;
        const start = mention.start + words[first]!.start;
        const end = mention.start + words[last]!.end;
        const piece = text.slice(start, end).replace(/[.'’]+$/, '');
        if (!known(piece)) continue;
        const key = `${start}:${start + piece.length}`;
        if (!seen.has(key)) found.push({ start, end: start + piece.length, source: 'embedded', ruleUse: 'rejected', mentionType: mention.type, ...(mention.id ? { mentionId: mention.id } : {}) });
        seen.add(key);
        first = last;
        break;
      }
    }
  }
  return found;
}

/**
 * Proposes toponym spans, sorted by start and never overlapping. Mentions come first; then
 * demonyms and gazetteer names outside every mention (a PER or ORG mention such as `George
 * Washington` or `Libyan National Army` blocks them); metonymic uses are dropped, and a name
 * joined by `and` to a metonymic one is read the same way (`China and Russia hope`).
 */
export function findToponyms(text: string, mentions: readonly LocationMention[], options: FindToponymsOptions): FoundToponym[] {
  const found: FoundToponym[] = [];
  for (const candidate of findToponymCandidates(text, mentions, options)) {
    if (candidate.ruleUse === 'metonymic' || candidate.ruleUse === 'rejected') continue;
    found.push({ start: candidate.start, end: candidate.end, source: candidate.source, use: candidate.ruleUse, ...(candidate.mentionId ? { mentionId: candidate.mentionId } : {}) });
  }
  return found;
}

/**
 * Every candidate span with the rules' reading (see {@link ToponymCandidate}), sorted by start:
 * what {@link findToponyms} returns, plus the metonymic uses and the name mentions it rejected.
 */
export function findToponymCandidates(text: string, mentions: readonly LocationMention[], options: FindToponymsOptions): ToponymCandidate[] {
  const { gazetteer } = options;
  const minCityPopulation = options.minCityPopulation ?? 100_000;
  // Every candidate with its use, metonymic ones included (they matter for coordination).
  const candidates: { readonly start: number; readonly end: number; readonly source: FoundToponym['source']; readonly mentionType?: string; readonly mentionId?: string; use: ToponymUse }[] = [];
  const rejected: ToponymCandidate[] = [];
  const reject = (mention: LocationMention, source: FoundToponym['source']): void => {
    rejected.push({ start: mention.start, end: mention.end, source, ruleUse: 'rejected', mentionType: mention.type, ...(mention.id ? { mentionId: mention.id } : {}) });
  };
  const covered = new Uint8Array(text.length + 1);
  const cover = (start: number, end: number): void => { covered.fill(1, start, end); };
  const isCovered = (start: number, end: number): boolean => {
    for (let offset = start; offset < end; offset++) if (covered[offset]) return true;
    return false;
  };
  const propose = (start: number, end: number, source: FoundToponym['source'], use: ToponymUse, mention?: LocationMention): void => {
    cover(start, end);
    candidates.push({ start, end, source, use, ...(mention ? { mentionType: mention.type, ...(mention.id ? { mentionId: mention.id } : {}) } : {}) });
  };
  const kindsOf = (key: string): string[] => gazetteer.lookupKey(key).map((index) => gazetteer.entry(index).kind);

  // A wire dateline is a literal place, whatever the tagger made of its capitals.
  const dateline = DATELINE.exec(text.slice(0, 120));
  if (dateline?.[1]) {
    const cityStart = text.indexOf(dateline[1]);
    if (gazetteer.lookupKey(placeKey(dateline[1])).length > 0) {
      propose(cityStart, cityStart + dateline[1].length, 'dateline', 'literal');
      if (dateline[2]) {
        const regionStart = text.indexOf(dateline[2], cityStart + dateline[1].length);
        if (gazetteer.lookupKey(placeKey(dateline[2])).length > 0) propose(regionStart, regionStart + dateline[2].length, 'dateline', 'literal');
      }
    }
  }

  for (const mention of mentions) {
    if ((mention.kind ?? 'name') !== 'name' || isCovered(mention.start, mention.end)) continue;
    const surface = text.slice(mention.start, mention.end);
    if (mention.type === 'LOC') {
      // A LOC name that no gazetteer knows, with no place word in it and nothing around it
      // that puts it on a map, is more often a tagger slip (`Nollywood`, `Kommersant`) than a
      // place: "Anytime, Anyplace, Anyhow", "the British developer Lordship".
      if (!placeLike(text, mention, gazetteer)) { reject(mention, 'mention'); continue; }
      propose(mention.start, mention.end, 'mention', toponymUse(text, mention), mention);
    } else if (mention.type === 'MISC') {
      // CoNLL-style taggers call `Libyan Desert` and `North African` MISC: a MISC mention that is
      // wholly a place name or a demonym is a toponym. Only names of countries, continents,
      // regions and waters: `Western` (as in "Western interests") is also a Ghanaian region.
      const key = placeKey(surface);
      if (kindsOf(key).some((kind) => MISC_PLACE_KINDS.has(kind))) propose(mention.start, mention.end, 'mention', toponymUse(text, mention), mention);
      else if (gazetteer.lookupDemonym(key).length > 0) propose(mention.start, mention.end, 'demonym', toponymUse(text, mention, true), mention);
      else reject(mention, 'mention');
    } else if (mention.type === 'ORG' || mention.type === 'PER') {
      // "arrested at Kendale Lakes Elementary School", "moved to Thornhill": the sentence puts
      // the name on the map, whatever kind of name it is.
      const before = text.slice(Math.max(0, mention.start - 16), mention.start);
      // "Brands Hatch GP, Kent", "Hawaii's economy": a tagger slip on a well-known place name
      // (a county only in a list of places: `Liverpool` is a club more often than a district).
      const kinds = kindsOf(placeKey(surface));
      const known = kinds.some((kind) => STRONG_KINDS.has(kind) || (kind === 'admin2' && /,\s*$/.test(before)));
      // Acronyms after `in` are organisations (`in the UNP`, `within the MFSA`) unless a gazetteer knows them.
      const placed = PLACING_PREPOSITION.test(before) && (/\p{Ll}/u.test(surface) || known);
      if (placed || (known && mention.type === 'ORG')) {
        const use = toponymUse(text, mention);
        propose(mention.start, mention.end, 'coerced', placed && use === 'modifier' ? 'literal' : use, mention);
      } else reject(mention, 'coerced');
    }
  }

  const sentenceStarts = new Set((options.sentences ?? []).map((sentence) => sentence.start));
  const blocked = new Uint8Array(text.length + 1);
  for (const mention of mentions) blocked.fill(1, mention.start, mention.end);
  const isBlocked = (start: number, end: number): boolean => {
    for (let offset = start; offset < end; offset++) if (blocked[offset] || covered[offset]) return true;
    return false;
  };

  // Runs of capitalised words; each start tries the longest gazetteer name first.
  const words: { start: number; end: number }[] = [];
  for (const match of text.matchAll(CAPITALISED_WORDS)) {
    const start = match.index;
    let end = start + match[0].length;
    // "U.S." keeps its periods; a sentence-final period does not belong to the name.
    while (end > start + 1 && /[.'’-]/.test(text[end - 1] ?? '') && !/^(?:\p{Lu}\.)+$/u.test(text.slice(start, end))) end--;
    words.push({ start, end });
  }
  for (let first = 0; first < words.length; first++) {
    const start = words[first]!.start;
    if (blocked[start] || covered[start]) continue;
    let last = first;
    // Words of one name are separated by single spaces only.
    while (last + 1 < words.length && last + 1 < first + gazetteer.maxNameWords && words[last + 1]!.start === words[last]!.end + 1 && text[words[last]!.end] === ' ') last++;
    for (; last >= first; last--) {
      const span = { start, end: words[last]!.end };
      if (isBlocked(span.start, span.end)) continue;
      const surface = text.slice(span.start, span.end);
      const key = placeKey(surface);
      if (!key) continue;
      const names = gazetteer.lookupKey(key);
      if (names.length > 0) {
        const sentenceInitial = sentenceStarts.has(span.start) || /(?:^|[.!?]["”’]?\s+)$/.test(text.slice(Math.max(0, span.start - 3), span.start));
        const strong = names.some((index) => {
          const entry = gazetteer.entry(index);
          return STRONG_KINDS.has(entry.kind) || (entry.kind === 'city' && !sentenceInitial && (entry.population >= minCityPopulation || entry.featureCode === 'PPLC'));
        });
        // Two-letter codes (`IN`, `OR`) and single capitals are too often words.
        const shaped = (key.replace(/ /g, '').length > 2 && /\p{Ll}/u.test(surface.replace(/^\p{Lu}/u, ''))) || /^(?:\p{Lu}\.){2,}$/u.test(surface) || /^(?:UK|US|USA|UAE|DRC|NYC)$/.test(surface);
        if (strong && shaped) {
          propose(span.start, span.end, 'gazetteer', toponymUse(text, span));
          first = last;
          break;
        }
      }
      if (last === first && key.length > 2 && gazetteer.lookupDemonym(key).length > 0) {
        propose(span.start, span.end, 'demonym', toponymUse(text, span, true));
        break;
      }
    }
  }

  // "China and Russia hope", "both Russia and Great Britain": names joined by `and`/`or` share
  // their reading, so one name's metonymy carries over to its neighbours in the list.
  candidates.sort((a, b) => a.start - b.start || a.end - b.end);
  for (let pass = 0; pass < 2; pass++) {
    for (let index = 0; index + 1 < candidates.length; index++) {
      const left = candidates[index]!;
      const right = candidates[index + 1]!;
      if ((left.use === 'metonymic') === (right.use === 'metonymic')) continue;
      if (!/^(?:,\s*|\s+(?:and|or)\s+(?:the\s+)?|,\s+(?:and|or)\s+(?:the\s+)?)$/.test(text.slice(left.end, right.start))) continue;
      const literal = left.use === 'metonymic' ? right : left;
      // Only a name with no reading of its own follows: "in Paris and Washington said" stays.
      if (literal.use !== 'literal' || literal.source === 'dateline') continue;
      const before = text.slice(Math.max(0, literal.start - 40), literal.start);
      if (/\b(?:in|at|from|into|near|across|to)\s+(?:the\s+)?$/i.test(before) && literal === left) continue;
      if (literal === right && /\b(?:in|at|from|into|near|across|to)\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, left.start - 40), left.start))) continue;
      literal.use = 'metonymic';
    }
  }
  const all: ToponymCandidate[] = [
    ...candidates.map(({ use, ...candidate }) => ({ ...candidate, ruleUse: use })),
    ...rejected.filter((candidate) => !isCovered(candidate.start, candidate.end)),
    ...embeddedNames(text, mentions, gazetteer, minCityPopulation),
  ];
  return all.sort((a, b) => a.start - b.start || a.end - b.end);
}

