/**
 * Finds toponym spans in an article: the entity tagger's LOC mentions, demonyms (`Libyan`),
 * organisation and person mentions that the sentence uses as places (`at Barclays Center`,
 * `moved to Dewsbury`), a wire dateline (`HOUSTON (AP) -`), and gazetteer names the tagger
 * missed. Finders propose; the resolver decides which place each is. Metonymy is kept apart:
 * `Washington said` names a government, not a point on the map.
 */
import type { Gazetteer } from './gazetteer.js';
import type { ToponymSpan } from './place-resolver.js';
import { EMPLOYER_BEFORE } from '../../lang/en/roles.js';
import { placeKey } from './normalize.js';
import { toponymReading, type ToponymReason, type ToponymUse } from './toponym-use.js';

export { isMetonymic, toponymUse, toponymReading, type ToponymUse, type ToponymReason } from './toponym-use.js';

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
   * Paramedic Service`; proposed for the learned classifier only), `merged` (two mentions that
   * make one name: `Bosnia and Herzegovina`, `U.S. Virgin Islands`), `road` (a road number:
   * `the A417`; for the classifier only) or `extended` (a name with the lower-case place noun
   * after it: `Benue state`; for the classifier only).
   */
  readonly source: 'mention' | 'coerced' | 'dateline' | 'demonym' | 'gazetteer' | 'embedded' | 'merged' | 'road' | 'extended';
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
  /** Why the rules read it so (see {@link ToponymReason}); absent for rejected and embedded candidates. */
  readonly ruleReason?: ToponymReason;
  /** The tagger's type of the mention the span came from (`LOC`, `ORG`, `PER`, `MISC`), if any. */
  readonly mentionType?: string;
  readonly mentionId?: string;
}

/** Kinds of place a MISC mention may name. */
/**
 * A candidate with every field present (absent ones undefined): candidates of one shape keep the
 * code that reads them monomorphic (candidates built with optional fields spread in had six shapes,
 * and each new one met after V8 had optimised the finder threw that code away).
 */
function candidateOf(start: number, end: number, source: FoundToponym['source'], ruleUse: ToponymCandidate['ruleUse'], ruleReason: ToponymReason | undefined, mentionType: string | undefined, mentionId: string | undefined): ToponymCandidate {
  return { start, end, source, ruleUse, ruleReason, mentionType, mentionId: mentionId || undefined };
}

const MISC_PLACE_KINDS: ReadonlySet<string> = new Set(['country', 'continent', 'region', 'water', 'landmark']);

/** Bodies of the solar system, which share their names with small towns. */
const CELESTIAL: ReadonlySet<string> = new Set(['Earth', 'Moon', 'Mars', 'Venus', 'Mercury', 'Jupiter', 'Saturn', 'Uranus', 'Neptune', 'Pluto', 'Sun']);

/** Kinds of place strong enough to be found by the gazetteer alone, whatever the tagger said. */
const STRONG_KINDS: ReadonlySet<string> = new Set(['country', 'admin1', 'continent', 'region', 'water', 'landmark']);

// Character tests, compiled once (inline literals with \p{…} are rebuilt at each call once
// esbuild has lowered them for tsx).
const UPPER_START = /^\p{Lu}/u;
const HAS_LOWER = /\p{Ll}/u;
const HYPHEN_LOWER = /-\p{Ll}/u;
const INITIALS = /^(?:\p{Lu}\.)+$/u;
const TWO_INITIALS = /^(?:\p{Lu}\.){2,}$/u;
const CAPITALISED_GAP = /^(?:\s+\p{Lu}[\p{L}\p{M}.'’]*)*\s+$/u;
const WORD_AND_COMMA_END = /\p{L}\.?,\s*$/u;
const CLAUSE_PUNCTUATION_START = /^\s*(?:[.,;:)]|$)/u;
const NAME_WORD = /[\p{L}\p{M}.'’]+/gu;

/**
 * A preposition that puts what follows on the map (`at Barclays Center`, `in the Oval Office`,
 * `moved to Thornhill`): an organisation or person mention after it is a place here.
 */
const PLACING_PREPOSITION = /\b(?:in|at|near|outside|inside|into|across|throughout|around|within)\s+(?:the\s+)?$/i;

/**
 * Capitalised words, with the joiners that occur inside place names (`al-`, `d'`, `St.`); a
 * hyphen before a lower-case word ends the word (`London-based`, `UK-bashing`).
 */
const LETTER_OR_DIGIT = /[\p{L}\p{M}\d]/u;
const UPPER = /\p{Lu}/u;

/**
 * The spans of {@link capitalisedWords}: what `/(?<![\p{L}\p{M}\d])\p{Lu}[\p{L}\p{M}'’.-]*\/gu`
 * matches, found by one scan over the characters (the regular expression's look-behind at every
 * position was the finder's largest cost).
 */
function capitalisedWords(text: string): { start: number; end: number }[] {
  const isWord = (code: number, at: number): boolean => (code < 128 ? (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) : LETTER_OR_DIGIT.test(text[at]!));
  const isUpper = (code: number, at: number): boolean => (code < 128 ? code >= 65 && code <= 90 : UPPER.test(text[at]!));
  const words: { start: number; end: number }[] = [];
  let previousWord = false;
  for (let at = 0; at < text.length;) {
    const code = text.charCodeAt(at);
    if (!previousWord && isUpper(code, at)) {
      const start = at;
      for (at++; at < text.length; at++) {
        const next = text.charCodeAt(at);
        if (!(next === 39 || next === 0x2019 || next === 46 || next === 45 || isWord(next, at)) || (next < 128 && next >= 48 && next <= 57)) break;
      }
      words.push({ start, end: at });
      previousWord = true;
      continue;
    }
    previousWord = isWord(code, at);
    at++;
  }
  return words;
}

/**
 * A wire dateline: `HOUSTON (AP) -`, `DURBAN, South Africa (CNN) -`, `SEOUL, South Korea —`,
 * opening the text or a line, or after a byline or photo credit (`By Jane Roe. BOSTON
 * (Reuters) -`, `Associated Press WASHINGTON (AP) —`). Group 1 is the city, group 2 the region or
 * country after the comma.
 */
const DATELINE = /(?<=^|\n|[.!?)”"]\s|\bPress\s|\bBy\s)\s*(\p{Lu}[\p{Lu}\p{M}.'’ -]*\p{Lu}\.?)(?:,\s+(\p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}.]*){0,2}))?(?:,\s+\p{Lu}\p{Ll}{2,8}\.?\s+\d{1,2})?\s*(?:\([^)\n]{1,30}\)\s*)?[-—–]/u;

/** Last words that make a name a place (also a feature of the learned classifier) (`Frenchmen Street`, `Kendale Lakes`, `Holy Redeemer Church`). */
export const PLACE_WORD = /\b(?:Street|St|Road|Rd|Avenue|Ave|Boulevard|Blvd|Lane|Drive|Dr|Way|Place|Square|Circle|Cir|Court|Ct|Parade|Terrace|Highway|Hwy|Route|Bridge|Park|Gardens?|River|Lake|Lakes|Sea|Ocean|Bay|Gulf|Strait|Channel|Island|Islands|Isle|Peninsula|Mountains?|Mount|Mt|Hills?|Valley|Desert|Forest|Canyon|Falls|Beach|Coast|Harbou?r|Port|Airport|Station|Center|Centre|Hall|Church|Cathedral|Mosque|Temple|Palace|Castle|Tower|Building|House|Hotel|Hospital|School|College|University|Stadium|Arena|Market|Mall|Plaza|Library|Museum|Prison|Jail|Camp|Base|Complex|Estate|Canal|Armory|Armoury|County|Province|State|Region|District|Territory|City|Town|Township|Village|Borough|Parish|Municipality|Governorate|Oblast|Prefecture|Valley|Heights|Springs|Point|Cape|Wood|Woods|Green|Cross|Gate|Field|Fields|Farm|Quarter|Area|Zone|Strip|Bank|Plains?|Basin|Delta|Glacier|Reef|Atoll|Oasis|Pass|Trail|Line|Corridor)\.?$|^(?:Lake|Mount|Mt\.?|Port|Fort|Saint|St\.?|San|Santa|Cape|Isle|Gulf|Bay|Strait|Sea|North|South|East|West|New|Upper|Lower|Greater)\s/;

/** A name and a list joiner right before a name; a joiner and a name right after it. */
const LISTED_BEFORE = /(\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*)?)(?:,|\s+and|\s+or|,\s+and)\s+$/u;
const LISTED_AFTER = /^(?:,|\s+and|\s+or|,\s+and)\s+(\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*)?)/u;
/** A unit after a comma (`, Ceredigion`), or an `in` later in the clause (`… oil consortium in Algeria`). */
const UNIT_AFTER_COMMA = /^,\s+(\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*)?)/u;
const UNIT_IN_CLAUSE = /^[^.;:,]{0,40}?\bin\s+(?:the\s+)?(\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*)?)/u;

/** True when a LOC mention looks like a place: a gazetteer name, a place word, or a placing context. */
function placeLike(text: string, span: { start: number; end: number }, gazetteer: Gazetteer): boolean {
  const surface = text.slice(span.start, span.end);
  const key = placeKey(surface);
  if (gazetteer.lookupKey(key).length > 0 || gazetteer.lookupKey(key.replace(/^the /, '')).length > 0 || gazetteer.lookupDemonym(key).length > 0) return true;
  if (PLACE_WORD.test(surface) || /\d/.test(surface)) return true;
  if (PLACING_PREPOSITION.test(text.slice(Math.max(0, span.start - 16), span.start)) || /\b(?:from|to|of|near|across|along)\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, span.start - 12), span.start))) return true;
  // "the last patch of eastern Ghouta", "in present-day Bywater": a direction or a time before a
  // name makes it a region of the map.
  if (/\b(?:north|south|east|west|northern|southern|eastern|western|central|northeastern|northwestern|southeastern|southwestern|present-day|downtown|suburban|rural|coastal)\s+$/i.test(text.slice(Math.max(0, span.start - 16), span.start))) return true;
  // "Copenhagen, Hamburg, Brasoc and Mannheim": a name in a list of known places.
  const listedBefore = LISTED_BEFORE.exec(text.slice(Math.max(0, span.start - 40), span.start));
  const listedAfter = LISTED_AFTER.exec(text.slice(span.end, span.end + 40));
  const knownCity = (name: string | undefined): boolean => name !== undefined && gazetteer.lookupKey(placeKey(name)).some((index) => ['country', 'admin1', 'city'].includes(gazetteer.entry(index).kind) && (gazetteer.entry(index).kind !== 'city' || gazetteer.entry(index).population >= 100_000));
  if (knownCity(listedBefore?.[1]) || knownCity(listedAfter?.[1])) return true;
  // "Estey's Bridge, N.B.", "Gwbert, Ceredigion": a unit after a comma places the name;
  // "the In Amenas oil consortium in Algeria": so does a country further along the clause.
  const after = text.slice(span.end, span.end + 60);
  const unit = UNIT_AFTER_COMMA.exec(after) ?? UNIT_IN_CLAUSE.exec(after);
  return unit?.[1] !== undefined && gazetteer.lookupKey(placeKey(unit[1])).some((index) => ['country', 'admin1', 'admin2', 'city'].includes(gazetteer.entry(index).kind));
}

/** Suffixes after a hyphen that say where (`Calgary-based`, `London-born`), after which a town's name is one. */
const PLACE_SUFFIXES: ReadonlySet<string> = new Set(['based', 'born', 'bred', 'bound', 'headquartered', 'registered', 'flagged', 'area', 'region', 'wide', 'raised', 'native']);

/**
 * Known place names inside a longer mention, as `embedded` candidates: runs of capitalised
 * words between the mention's hyphens, slashes, commas and `and`s (`Calgary-based`, `Amsterdam-
 * London`, `Middle East and Africa`, `Parkland, Florida`) and leading names (`Winnipeg Fire
 * Paramedic Service`), when the gazetteer knows them as a strong kind, a big city, or a demonym.
 */
function embeddedNames(text: string, mentions: readonly LocationMention[], gazetteer: Gazetteer, minCityPopulation: number): ToponymCandidate[] {
  const found: ToponymCandidate[] = [];
  // (`strongOnly`: a name before another kind of suffix, `Siri-enabled`, is a unit or nothing.)
  const known = (surface: string, strongOnly: boolean): boolean => {
    const key = placeKey(surface);
    if (key.replace(/ /g, '').length < 3 && !/^(?:UK|US|EU)$/.test(surface)) return false;
    return gazetteer.lookupDemonym(key).length > 0 || gazetteer.lookupKey(key).some((index) => {
      const entry = gazetteer.entry(index);
      return STRONG_KINDS.has(entry.kind) || (!strongOnly && entry.kind === 'city' && entry.population >= minCityPopulation / 10);
    });
  };
  for (const mention of mentions) {
    // A person's name holds place-named words by chance (`Mary Smith`: Mary is a Turkmen city).
    if ((mention.kind ?? 'name') !== 'name' || mention.type === 'PER') continue;
    const surface = text.slice(mention.start, mention.end);
    // Pushed into a literal, not mapped: an empty `map` result has another array shape, and V8
    // threw away the code it had optimised for the other when it met one.
    const words: { start: number; end: number; word: string }[] = [];
    for (const match of surface.matchAll(NAME_WORD)) words.push({ start: match.index, end: match.index + match[0].length, word: match[0] });
    if (words.length < 1 || (words.length === 1 && !/[-–/]/.test(surface))) continue;
    const seen = new Set<string>();
    for (let first = 0; first < words.length; first++) {
      if (!UPPER_START.test(words[first]!.word)) continue;
      for (let last = Math.min(words.length - 1, first + gazetteer.maxNameWords - 1); last >= first; last--) {
        if (first === 0 && last === words.length - 1) continue;
        // One name runs over single spaces only ("Amsterdam-London" is two).
        if (last > first && !CAPITALISED_GAP.test(surface.slice(words[first]!.end, words[last]!.start) + ' ')) continue;
        const start = mention.start + words[first]!.start;
        const end = mention.start + words[last]!.end;
        const piece = text.slice(start, end).replace(/[.'’]+$/, '');
        const suffix = /^[-–](\p{Ll}+)/u.exec(surface.slice(words[last]!.end))?.[1];
        if (!known(piece, suffix !== undefined && !PLACE_SUFFIXES.has(suffix))) continue;
        const key = `${start}:${start + piece.length}`;
        if (!seen.has(key)) found.push(candidateOf(start, start + piece.length, 'embedded', 'rejected', undefined, mention.type, mention.id));
        seen.add(key);
        first = last;
        break;
      }
    }
  }
  return found;
}

/**
 * Names that are places whatever the tagger says: streets, waters, land forms, counties and
 * other divisions, airports (not institutions: a `University` or a `Hotel` is placed by context).
 */
const LAND_NAME = /\b(?:Street|St|Road|Rd|Avenue|Ave|Boulevard|Blvd|Lane|Drive|Dr|Way|Place|Square|Circle|Parade|Terrace|Highway|Hwy|Bridge|River|Lake|Lakes|Bay|Gulf|Island|Islands|Peninsula|Mountains?|Hills?|Valley|Desert|Forest|Canyon|Falls|Beach|Coast|Harbou?r|Airport|County|Province|District|Territory|Township|Borough|Parish|Municipality|Governorate|Heights|Springs|Racecourse|Tower)\.?$|^(?:Lake|Mount|Mt\.?|Port|Fort|Cape|Isle)\s\p{Lu}/u;

/** A road number: `the A417`, `the M25`, `I-95` (British, European and US numbering). */
const ROAD_NUMBER = /(?<![\p{L}\p{M}\d-])(?:[ABM]\d{1,4}|I-\d{1,3})(?![\p{L}\p{M}\d-])/gu;

/** A lower-case place noun right after a name (`Benue state`, `Third street`, `a Methodist church`). */
const PLACE_NOUN_AFTER = /^ (?:state|province|county|district|region|street|road|avenue|lane|square|river|lake|island|church|chapel|cathedral|mosque|temple|restaurant|hotel|hospital|school|park|airport|station|bridge|market|village|town|city)\b/;

/** What may stand between two mentions of one name: `Bosnia and Herzegovina`, `U.S. Virgin Islands`, `Caesar's Palace`, `Embassy of the Republic of Armenia`. */
const MERGE_GAP = /^(?: | and | & | of | of the |['’]s )$/;

/**
 * Mentions as the places stage reads them: a name's trailing `!`, `?`, `,`, `;` or `:` (a tagger
 * slip: `in Asia!`) is cut off.
 */
function trimmedMentions(text: string, mentions: readonly LocationMention[]): readonly LocationMention[] {
  let trimmed: LocationMention[] | undefined;
  for (let index = 0; index < mentions.length; index++) {
    const mention = mentions[index]!;
    let end = mention.end;
    while (end > mention.start + 1 && /[!?,;:]/.test(text[end - 1] ?? '')) end--;
    if (end === mention.end) continue;
    trimmed ??= [...mentions];
    trimmed[index] = { ...mention, end };
  }
  return trimmed ?? mentions;
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
export function findToponymCandidates(text: string, taggedMentions: readonly LocationMention[], options: FindToponymsOptions): ToponymCandidate[] {
  const { gazetteer } = options;
  const mentions = trimmedMentions(text, taggedMentions);
  const minCityPopulation = options.minCityPopulation ?? 100_000;
  // Every candidate with its use, metonymic ones included (they matter for coordination).
  const candidates: { readonly start: number; readonly end: number; readonly source: FoundToponym['source']; readonly mentionType: string | undefined; readonly mentionId: string | undefined; use: ToponymUse; reason: ToponymReason }[] = [];
  const rejected: ToponymCandidate[] = [];
  const reject = (mention: LocationMention, source: FoundToponym['source']): void => {
    rejected.push(candidateOf(mention.start, mention.end, source, 'rejected', undefined, mention.type, mention.id));
  };
  const covered = new Uint8Array(text.length + 1);
  const cover = (start: number, end: number): void => { covered.fill(1, start, end); };
  const isCovered = (start: number, end: number): boolean => {
    for (let offset = start; offset < end; offset++) if (covered[offset]) return true;
    return false;
  };
  const propose = (start: number, end: number, source: FoundToponym['source'], reading: { readonly use: ToponymUse; readonly reason: ToponymReason }, mention?: LocationMention): void => {
    cover(start, end);
    // `On Earth, the gas is produced …`: a body of the solar system is no place on the map
    // (Earth, Texas; Mars, Pennsylvania).
    if (CELESTIAL.has(text.slice(start, end))) return;
    candidates.push({ start, end, source, mentionType: mention?.type, mentionId: mention?.id || undefined, use: reading.use, reason: reading.reason });
  };
  const DATELINE_READING = { use: 'literal', reason: 'none' } as const;
  const kindsOf = (key: string): string[] => gazetteer.lookupKey(key).map((index) => gazetteer.entry(index).kind);

  // A wire dateline is a literal place, whatever the tagger made of its capitals; it stands
  // near the top, after at most a headline, a byline or a photo credit.
  for (const dateline of text.slice(0, 400).matchAll(new RegExp(DATELINE, 'gu'))) {
    if (!dateline[1] || isCovered(dateline.index, dateline.index + dateline[0].length)) continue;
    const cityStart = text.indexOf(dateline[1], dateline.index);
    // "CAMP MURRAY, Wash. -": a known region after the comma vouches for a city no gazetteer has.
    const regionKnown = dateline[2] !== undefined && gazetteer.lookupKey(placeKey(dateline[2])).some((index) => ['country', 'admin1'].includes(gazetteer.entry(index).kind));
    if (gazetteer.lookupKey(placeKey(dateline[1])).length > 0 || regionKnown) {
      propose(cityStart, cityStart + dateline[1].length, 'dateline', DATELINE_READING);
      if (dateline[2]) {
        const regionStart = text.indexOf(dateline[2], cityStart + dateline[1].length);
        if (gazetteer.lookupKey(placeKey(dateline[2])).length > 0) propose(regionStart, regionStart + dateline[2].length, 'dateline', DATELINE_READING);
      }
    }
  }

  // Two mentions that make one name: a known one (`Bosnia and Herzegovina`) is proposed in their
  // stead; another (`Caesar's Palace`, `Bains and Grants Town`) is left to the classifier.
  const merged: ToponymCandidate[] = [];
  for (let index = 0; index + 1 < mentions.length; index++) {
    const left = mentions[index]!;
    const right = mentions[index + 1]!;
    if ((left.kind ?? 'name') !== 'name' || (right.kind ?? 'name') !== 'name' || left.type === 'PER' || right.start < left.end || right.start - left.end > 8) continue;
    if (!MERGE_GAP.test(text.slice(left.end, right.start)) || isCovered(left.start, right.end)) continue;
    const gap = text.slice(left.end, right.start);
    const kinds = kindsOf(placeKey(text.slice(left.start, right.end)));
    if (kinds.some((kind) => STRONG_KINDS.has(kind) || kind === 'city')) {
      propose(left.start, right.end, 'merged', toponymReading(text, { start: left.start, end: right.end }), right);
      continue;
    }
    // Two known places joined by `and` are two places (`Hawaii and Europe`); a possessive joins
    // only a building word (`Caesar's Palace`, not `Derry's Altnagelvin Hospital`).
    if (/and|&/.test(gap) && kindsOf(placeKey(text.slice(left.start, left.end))).length > 0 && kindsOf(placeKey(text.slice(right.start, right.end))).length > 0) continue;
    if (/['’]/.test(gap) && !/^(?:Palace|Chapel|Church|Cathedral|Hall|House|Park|Square|Street|Place|Gardens?|Castle|Tower|Abbey|Inn|Hospital|School|College)$/.test(text.slice(right.start, right.end))) continue;
    merged.push(candidateOf(left.start, right.end, 'merged', 'rejected', undefined, `${left.type}+${right.type}`, undefined));
  }

  for (const mention of mentions) {
    if ((mention.kind ?? 'name') !== 'name' || isCovered(mention.start, mention.end)) continue;
    const surface = text.slice(mention.start, mention.end);
    if (mention.type === 'LOC') {
      // A LOC name that no gazetteer knows, with no place word in it and nothing around it
      // that puts it on a map, is more often a tagger slip (`Nollywood`, `Kommersant`) than a
      // place: "Anytime, Anyplace, Anyhow", "the British developer Lordship".
      if (!placeLike(text, mention, gazetteer)) { reject(mention, 'mention'); continue; }
      propose(mention.start, mention.end, 'mention', toponymReading(text, mention), mention);
    } else if (mention.type === 'MISC') {
      // CoNLL-style taggers call `Libyan Desert` and `North African` MISC: a MISC mention that is
      // wholly a place name or a demonym is a toponym. Only names of countries, continents,
      // regions and waters: `Western` (as in "Western interests") is also a Ghanaian region.
      const key = placeKey(surface);
      // "Elysian Fields", "Holy Redeemer Church": a MISC name ending in a place word is a place too.
      if (kindsOf(key).some((kind) => MISC_PLACE_KINDS.has(kind)) || PLACE_WORD.test(surface)) propose(mention.start, mention.end, 'mention', toponymReading(text, mention), mention);
      else if (gazetteer.lookupDemonym(key).length > 0) propose(mention.start, mention.end, 'demonym', toponymReading(text, mention, true), mention);
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
      // "Oulton Park, Cheshire.", "near New Quay, Ceredigion, on": a known name closing a place
      // after a comma; "moved to Thornhill", "who was from Dewsbury": a known name after to/from.
      const closesPlace = kinds.length > 0 && WORD_AND_COMMA_END.test(before) && CLAUSE_PUNCTUATION_START.test(text.slice(mention.end, mention.end + 2));
      const reached = kinds.length > 0 && /\b(?:to|from)\s+$/i.test(before) && HAS_LOWER.test(surface);
      const placed = (PLACING_PREPOSITION.test(before) && (HAS_LOWER.test(surface) || known)) || closesPlace || reached;
      // "Northumberland Avenue", "Lake Manassas", "Walker County": a street, water, land or
      // county name the tagger took for a person or an organisation.
      const landName = LAND_NAME.test(surface);
      // "an analyst at Bernstein": an employer, not a place (see typeEmployers in the entities stage).
      if (mention.type === 'ORG' && EMPLOYER_BEFORE.test(text.slice(Math.max(0, mention.start - 40), mention.start))) reject(mention, 'coerced');
      else if (placed || landName || (known && mention.type === 'ORG')) {
        const reading = toponymReading(text, mention);
        propose(mention.start, mention.end, 'coerced', placed && reading.use === 'modifier' ? { use: 'literal', reason: reading.reason } : reading, mention);
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
  for (const { start, end: wordEnd } of capitalisedWords(text)) {
    let end = wordEnd;
    const hyphen = HYPHEN_LOWER.exec(text.slice(start, end));
    if (hyphen) end = start + hyphen.index;
    // "U.S." keeps its periods; a sentence-final period does not belong to the name.
    while (end > start + 1 && /[.'’-]/.test(text[end - 1] ?? '') && !INITIALS.test(text.slice(start, end))) end--;
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
        const shaped = (key.replace(/ /g, '').length > 2 && HAS_LOWER.test(surface.replace(UPPER_START, ''))) || TWO_INITIALS.test(surface) || /^(?:UK|US|USA|UAE|DRC|NYC)$/.test(surface);
        if (strong && shaped) {
          propose(span.start, span.end, 'gazetteer', toponymReading(text, span));
          first = last;
          break;
        }
      }
      if (last === first && key.length > 2 && gazetteer.lookupDemonym(key).length > 0) {
        propose(span.start, span.end, 'demonym', toponymReading(text, span, true));
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
      literal.reason = 'list';
    }
  }
  const classifierOnly: ToponymCandidate[] = [];
  // A road number the tagger called MISC is proposed as a road, not as a rejected mention.
  const roads = new Set<string>();
  for (const road of text.matchAll(ROAD_NUMBER)) {
    if (isCovered(road.index, road.index + road[0].length)) continue;
    classifierOnly.push(candidateOf(road.index, road.index + road[0].length, 'road', 'rejected', undefined, undefined, undefined));
    roads.add(`${road.index}:${road.index + road[0].length}`);
  }
  for (const mention of mentions) {
    if ((mention.kind ?? 'name') !== 'name' || mention.type === 'PER') continue;
    const noun = PLACE_NOUN_AFTER.exec(text.slice(mention.end, mention.end + 12));
    if (noun) classifierOnly.push(candidateOf(mention.start, mention.end + noun[0].length, 'extended', 'rejected', undefined, mention.type, mention.id));
  }
  // Pushed into one literal rather than spread from `map` and `filter` results, whose shape differs
  // when they are empty (V8 threw away the code it had optimised for the other).
  const all: ToponymCandidate[] = [];
  for (const candidate of candidates) all.push(candidateOf(candidate.start, candidate.end, candidate.source, candidate.use, candidate.reason, candidate.mentionType, candidate.mentionId));
  for (const candidate of rejected) if (!isCovered(candidate.start, candidate.end) && !roads.has(`${candidate.start}:${candidate.end}`)) all.push(candidate);
  for (const candidate of embeddedNames(text, mentions, gazetteer, minCityPopulation)) all.push(candidate);
  for (const candidate of merged) all.push(candidate);
  for (const candidate of classifierOnly) all.push(candidate);
  return all.sort((a, b) => a.start - b.start || a.end - b.end);
}

