/**
 * Resolves toponym spans to gazetteer entries. Candidates come from the names, aliases and
 * demonyms of the compiled gazetteer; each is scored by a prior (what kind of place it is, how
 * many people live there) plus the article's context (the places around it, `X, Y` and `X in Y`
 * containment, the dateline). A name no gazetteer knows falls back to the smallest containing
 * unit the text gives, never to invented coordinates.
 */
import { WELL_KNOWN_ORGANISATIONS } from '../../lang/en/organisations.js';
import type { Place } from '../../doc/schema.js';
import type { Gazetteer, GazetteerEntry } from './gazetteer.js';
import { placeKey } from './normalize.js';
import { firstTokenEndingAfter } from '../../doc/token-search.js';

/** A toponym span to resolve (`[start, end)` into the text). */
export interface ToponymSpan {
  readonly start: number;
  readonly end: number;
  /** Mention id when the span came from the entities layer. */
  readonly mentionId?: string;
  /** What proposed the span (`mention`, `demonym`, `gazetteer`, `dateline`, `gold`); copied into `rule`. */
  readonly source?: string;
  /**
   * The name, for a span whose words are not in the text (the dateline, which normalisation
   * takes out of `text`: its place gets an empty span at offset 0). Default: the span's text.
   */
  readonly surface?: string;
}

/** What the resolver knows about the article besides the spans. */
export interface ResolveContext {
  readonly gazetteer: Gazetteer;
  /** Dateline place as written (`Washington`, `BEIJING`), which pulls toward its country. */
  readonly dateline?: string;
  /** The state or country the dateline names after its place (`SANTA CLARA, California`), which picks among the place's namesakes. */
  readonly datelineRegion?: string;
  /** Sentence spans in text order, apart (a Doc's), to keep `X in Y` containment inside one sentence. Default: the whole text. */
  readonly sentences?: readonly { readonly start: number; readonly end: number }[];
  /**
   * `population` ranks candidates by population alone (the benchmark's baseline); default
   * `context`.
   */
  readonly strategy?: 'context' | 'population';
}

interface Candidate {
  readonly entry: GazetteerEntry;
  /** True when the span matched a demonym (`Libyan`) rather than a name. */
  readonly viaDemonym: boolean;
  /** True when the entry is the place a feature is named after (`Swat River` → Swat), not the feature. */
  readonly viaFeature?: boolean;
  readonly prior: number;
  score: number;
}

interface Toponym {
  readonly span: ToponymSpan;
  readonly surface: string;
  readonly candidates: Candidate[];
  /** Country or admin1 entry that the text says contains this place (`Ubari, Libya`). */
  container: GazetteerEntry | undefined;
  /** The unit named with a possessive right before it (`Florida's Big Bend`): a reading outside it is another place of that name. */
  owner?: GazetteerEntry | undefined;
  /** Whether the text calls it a village or hamlet (`the village of Bahrain`, `Kaya village`), a town or city, or neither. */
  readonly settlement: 'village' | 'town' | undefined;
}

/** `the village of X`, `a town of X`: what follows is a settlement, not a country or region. */
const SETTLEMENT_BEFORE = /\b(?:village|town|hamlet|settlement|township|city|suburb)\s+of\s+(?:the\s+)?$/i;
/** `X village`, `X town`. */
const SETTLEMENT_AFTER = /^\s+(?:village|town|hamlet|settlement|township)\b(?!\s+(?:of|hall|halls|square|council|centre|center|house|meetings?|board|clerk|officials?|limits)\b)/i;

/** `this Wisconsin town`, `the Maine town`: a name after a determiner modifies the noun after it. */
const DETERMINER_BEFORE = /\b(?:the|a|an|this|that|his|her|their|its|our)\s+$/i;

function settlementOf(text: string, span: ToponymSpan): Toponym['settlement'] {
  if (span.end <= span.start) return undefined;
  const before = text.slice(Math.max(0, span.start - 30), span.start);
  const said = SETTLEMENT_BEFORE.exec(before)?.[0] ?? (DETERMINER_BEFORE.test(before) ? undefined : SETTLEMENT_AFTER.exec(text.slice(span.end, span.end + 12))?.[0]);
  if (said === undefined) return undefined;
  return /village|hamlet/i.test(said) ? 'village' : 'town';
}

/** A unit noun right after a name: `Kaduna state`, `Malatya province`, `Kent county` (lower case: `Orange County` is a name). */
const UNIT_AFTER = /^\s+(?:(state|province|region|governorate|prefecture|oblast)|(county|district))\b/;

/** The unit noun after the span and the gazetteer kind it asks for (`admin1` for a state or province, `admin2` for a county or district), if any. */
function unitNamedAfter(text: string, span: ToponymSpan): { readonly noun: string; readonly kind: GazetteerEntry['kind'] } | undefined {
  if (span.end <= span.start) return undefined;
  const unit = UNIT_AFTER.exec(text.slice(span.end, span.end + 16));
  if (!unit) return undefined;
  return unit[1] ? { noun: unit[1], kind: 'admin1' } : { noun: unit[2]!, kind: 'admin2' };
}

/** After a name: the rest of a list closed by other cities (`, Lviv and several other cities`, ` and other towns`). */
const LISTED_AS_CITY = /^(?:,\s+(?:\p{Lu}[\p{L}'’-]*\s?){1,3}){0,6},?\s+and\s+(?:(?:several|many|other|a\s+few|some|dozens\s+of|\d+|two|three|four|five|six|seven|eight|nine|ten)\s+)*(?:other\s+)?(?:major\s+)?(?:cities|towns)\b/u;
/** Before a name: `the cities of`, with names listed between (`the cities of Batumi and`). */
const CITIES_OF_BEFORE = /\b(?:cities|towns)\s+of\s+(?:(?:\p{Lu}[\p{L}'’-]*\s?){1,3}(?:,\s+|\s+and\s+))*$/u;

/** Names of well-known organisations, as written (`Red Cross`, `Amnesty International`). */
const WELL_KNOWN_BODIES: ReadonlySet<string> = new Set(WELL_KNOWN_ORGANISATIONS);

/** Kinds of entry no village or town can be (a city often shares its name with its province or district). */
const NOT_SETTLEMENT: ReadonlySet<GazetteerEntry['kind']> = new Set(['country', 'continent', 'region', 'water']);
/** A town's reading needs the article's support below this population (a village's always): namesake villages abound, large cities do not. */
const NAMESAKE_POPULATION = 100_000;

/** Entries kept per name before scoring: the largest by prior (a common name has hundreds). */
const MAX_CANDIDATES = 60;

/**
 * Prior belief in an entry before any context: a country over a namesake town (`China` the
 * country, not China, Maine), capitals and regions over villages, then population.
 */
function priorOf(entry: GazetteerEntry): number {
  const population = Math.log10(entry.population + 1);
  switch (entry.kind) {
    case 'country': return 11;
    case 'continent': return 10;
    case 'admin1': return 5.5 + 0.35 * population;
    case 'region': return entry.featureCode === 'TEAM' ? 8.5 : 8;
    case 'water': return 7.5;
    case 'landmark': return 7;
    case 'admin2': return 1.5 + 0.5 * population;
    case 'city': {
      const rank = entry.featureCode === 'PPLC' ? 2.2 : entry.featureCode === 'PPLA' ? 0.8 : entry.featureCode === 'PPLA2' ? 0.3 : 0;
      return population + rank;
    }
  }
}

/** Name forms to try for a span, most literal first: `the US` → `us`; `Libya's` → `libya`. */
function keyVariants(surface: string): string[] {
  const key = placeKey(surface);
  const variants = [key];
  const add = (variant: string): void => { if (variant && !variants.includes(variant)) variants.push(variant); };
  add(key.replace(/^the /, ''));
  add(key.replace(/'s?$/, '').replace(/^the /, ''));
  return variants;
}

/** A name and the kind of feature it names (`Swat River`, `Kabul Valley`): the name alone is where the feature lies. */
const NAMED_FEATURE = /^(?:the\s+)?(\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)?)\s+(?:River|Valley|Basin|Delta|Gorge|Dam|Reservoir|Plain|Plains|Hills|Mountains|Range|Oasis|Airport|Airbase|Air Base)$/u;

/** Gathers candidates for one surface form: names, and demonyms (`Canadian` is a town in Texas too). */
function candidatesFor(gazetteer: Gazetteer, surface: string): Candidate[] {
  const seen = new Set<number>();
  const found: Candidate[] = [];
  const variants = keyVariants(surface);
  const take = (indices: readonly number[], viaDemonym: boolean, viaFeature = false): void => {
    for (const index of indices) {
      if (seen.has(index)) continue;
      seen.add(index);
      const entry = gazetteer.entry(index);
      // The entry's own name over an alias (`Mexico` the country, not Mexico City, whose
      // GeoNames aliases include `Mexico`); a demonym names the people of a country or region.
      const ownName = !viaDemonym && variants.includes(entry.key);
      const prior = priorOf(entry) + (ownName ? 1 : 0) - (viaDemonym ? 0.5 : 0);
      found.push({ entry, viaDemonym, ...(viaFeature ? { viaFeature } : {}), prior, score: prior });
    }
  };
  for (const key of variants) take(gazetteer.lookupKey(key), false);
  for (const key of variants) {
    take(gazetteer.lookupDemonym(key), true);
    // `Libyans`, `Libyan`: the demonym table holds both forms only sometimes.
    if (key.endsWith('s')) take(gazetteer.lookupDemonym(key.slice(0, -1)), true);
  }
  // "Springfield, Illinois" given as one span: the head names the place.
  if (found.length === 0 && surface.includes(',')) take(gazetteer.lookup(surface.slice(0, surface.indexOf(','))), false);
  // "the Swat River", "the Kabul Valley" unknown as such: the place that names the feature (the
  // district, the city) is where it lies, nearer than the country.
  if (found.length === 0) {
    const feature = NAMED_FEATURE.exec(surface);
    // Only entries of that very name: an alias (`Hudson` for Jersey City) names something else.
    if (feature?.[1]) for (const key of keyVariants(feature[1])) take(gazetteer.lookupKey(key).filter((index) => gazetteer.entry(index).key === key), false, true);
  }
  // "New York" is the city more often than the state: a city of a million or more that shares
  // its name with its own first-level region is what news means by the bare name.
  for (const candidate of found) {
    const { entry } = candidate;
    if (entry.kind !== 'city' || entry.population < 1_000_000) continue;
    const region = found.find((other) => other.entry.kind === 'admin1' && other.entry.countryCode === entry.countryCode && other.entry.admin1 === entry.admin1);
    if (region && region.prior >= candidate.prior) {
      const lifted = region.prior + 0.5;
      Object.assign(candidate, { prior: lifted, score: lifted });
    }
  }
  found.sort((a, b) => b.prior - a.prior);
  return found.slice(0, MAX_CANDIDATES);
}

function contains(container: GazetteerEntry, entry: GazetteerEntry): boolean {
  if (container.index === entry.index || !container.countryCode || container.countryCode !== entry.countryCode) return false;
  if (container.kind === 'country') return entry.kind !== 'country';
  if (container.kind === 'admin1') return entry.admin1 === container.admin1 && (entry.kind === 'city' || entry.kind === 'admin2');
  return false;
}

/** The best country or admin1 reading of a name, if it has one. */
function unitReading(gazetteer: Gazetteer, name: string): GazetteerEntry | undefined {
  let best: GazetteerEntry | undefined;
  for (const key of keyVariants(name)) {
    for (const index of gazetteer.lookupKey(key)) {
      const entry = gazetteer.entry(index);
      if (entry.kind !== 'country' && entry.kind !== 'admin1') continue;
      if (!best || priorOf(entry) > priorOf(best)) best = entry;
    }
    if (best) return best;
  }
  return best;
}

/** Capitalised words right after `, `, `, in ` or ` in ` following a span: `Ubari, Libya` → `Libya`, `Kuriga, in Kaduna state` → `Kaduna`. */
const FOLLOWING_UNIT = /^(?:,\s*(?:in\s+(?:the\s+)?)?|\s+in\s+(?:the\s+)?)((?:\p{Lu}[\p{L}.'’-]*)(?:\s+\p{Lu}[\p{L}.'’-]*){0,3})/u;

/** Up to three capitalised words and their `'s` right before a span: `Florida's ` (Big Bend). */
const POSSESSIVE_UNIT_BEFORE = /(?:^|[^\p{L}])((?:\p{Lu}[\p{L}.-]*)(?:\s+\p{Lu}[\p{L}.-]*){0,2})['’]s\s+(?:the\s+)?$/u;

/** `in` and up to three capitalised words (`in the Sahel`, `in Tripoli`): a unit the clause names. */
const IN_NAME = /\bin\s+(?:the\s+)?((?:\p{Lu}[\p{L}.'’-]*)(?:\s+\p{Lu}[\p{L}.'’-]*){0,2})/gu;

/**
 * The unit a sentence says holds a place: `Ubari, Libya`, `Sirte ... in Libya`, `the In Amenas
 * oil consortium in Algeria`. Looks right of the span within its sentence.
 */
function containerFromText(gazetteer: Gazetteer, text: string, span: ToponymSpan, sentenceEnd: number, settlement = false): GazetteerEntry | undefined {
  const following = text.slice(span.end, Math.min(sentenceEnd, span.end + 120));
  const direct = FOLLOWING_UNIT.exec(following);
  if (direct?.[1]) {
    const words = direct[1].split(/\s+/);
    for (let count = words.length; count > 0; count--) {
      const unit = unitReading(gazetteer, words.slice(0, count).join(' '));
      if (unit) return unit;
    }
  }
  // "in Algeria" further along the same clause.
  const clause = following.split(/[;:]|,\s+(?:and|but|while|where|which|who)\b/)[0] ?? '';
  for (const match of clause.matchAll(IN_NAME)) {
    const unit = match[1] ? unitReading(gazetteer, match[1]) : undefined;
    // A village is placed by its region too (`Kaya village in Zamfara state`).
    if (unit && (unit.kind === 'country' || settlement && unit.kind === 'admin1')) return unit;
  }
  return undefined;
}

/** `Florida's Big Bend region`, `Russia's Kursk region`: the unit whose possessive comes right before a span. */
function ownerFromText(gazetteer: Gazetteer, text: string, span: ToponymSpan): GazetteerEntry | undefined {
  const owner = POSSESSIVE_UNIT_BEFORE.exec(text.slice(Math.max(0, span.start - 40), span.start));
  return owner?.[1] ? unitReading(gazetteer, owner[1]) : undefined;
}

function sentenceEndOf(sentences: ResolveContext['sentences'], offset: number, textLength: number): number {
  if (!sentences) return textLength;
  // Sorted and apart (a Doc's sentences): the one holding `offset` is the first ending after it.
  const index = firstTokenEndingAfter(sentences, offset);
  const sentence = index < sentences.length ? sentences[index]! : undefined;
  return sentence && sentence.start <= offset ? sentence.end : textLength;
}

/** Share of belief per candidate (softmax over priors, or over scores), for spreading context. */
function shares(candidates: readonly Candidate[], byPrior: boolean): number[] {
  const weights: number[] = new Array(candidates.length);
  if (candidates.length === 0) return weights;
  let top = -Infinity;
  for (const candidate of candidates) top = Math.max(top, byPrior ? candidate.prior : candidate.score);
  let total = 0;
  for (let rank = 0; rank < candidates.length; rank++) {
    const candidate = candidates[rank]!;
    weights[rank] = Math.exp((byPrior ? candidate.prior : candidate.score) - top);
    total += weights[rank]!;
  }
  for (let rank = 0; rank < weights.length; rank++) weights[rank] = weights[rank]! / total;
  return weights;
}

/**
 * What the article's toponyms say together: belief spread over countries and admin1 regions, each
 * toponym's own share (left out when scoring it), and the readings each is held by (`Atlanta,
 * Georgia`). Module functions over this, not closures made per article: V8 drops a closure's
 * optimised code at a full collection once none of its closures lives.
 */
interface ArticleBelief {
  readonly items: readonly Toponym[];
  readonly countryMass: Map<string, number>;
  readonly adminMass: Map<string, number>;
  readonly own: readonly Map<string, number>[];
  readonly heldBy: readonly Set<number>[];
  readonly datelineEntry: GazetteerEntry | undefined;
}

/** Spreads every toponym's belief (by prior, or by score) over countries and admin1 regions. */
function spreadBelief(belief: ArticleBelief, byPrior: boolean): void {
  const { items, countryMass, adminMass, own, datelineEntry } = belief;
  countryMass.clear();
  adminMass.clear();
  for (let position = 0; position < items.length; position++) {
    const item = items[position]!;
    const weights = shares(item.candidates, byPrior);
    const mine = own[position]!;
    mine.clear();
    for (let rank = 0; rank < item.candidates.length; rank++) {
      const candidate = item.candidates[rank]!;
      const weight = weights[rank] ?? 0;
      const { countryCode, admin1 } = candidate.entry;
      if (!countryCode) continue;
      mine.set(countryCode, (mine.get(countryCode) ?? 0) + weight);
      if (admin1 && candidate.entry.kind !== 'country') mine.set(`${countryCode}.${admin1}`, (mine.get(`${countryCode}.${admin1}`) ?? 0) + weight);
    }
    for (const [key, weight] of mine) {
      const map = key.includes('.') ? adminMass : countryMass;
      map.set(key, (map.get(key) ?? 0) + weight);
    }
  }
  if (datelineEntry?.countryCode) countryMass.set(datelineEntry.countryCode, (countryMass.get(datelineEntry.countryCode) ?? 0) + 2);
}

/** Scores every candidate from its prior, the spread belief, stated containment and the dateline. */
function rescoreCandidates(belief: ArticleBelief): void {
  const { items, countryMass, adminMass, own, heldBy, datelineEntry } = belief;
  let leadingMass = 0;
  for (const mass of countryMass.values()) leadingMass = Math.max(leadingMass, mass);
  for (let position = 0; position < items.length; position++) {
    const item = items[position]!;
    const mine = own[position]!;
    for (const candidate of item.candidates) {
      const { countryCode, admin1, kind } = candidate.entry;
      let score = candidate.prior;
      // Oceans, continents and multi-country regions lie in no one country: they get the
      // support of a middling country, so an article about the US keeps `Atlantic` an ocean.
      if (!countryCode) score += 1.6 * Math.log1p(0.5 * leadingMass);
      else score += 1.6 * Math.log1p(Math.max(0, (countryMass.get(countryCode) ?? 0) - (mine.get(countryCode) ?? 0)));
      if (admin1 && kind !== 'country') {
        const key = `${countryCode}.${admin1}`;
        score += 1.0 * Math.log1p(Math.max(0, (adminMass.get(key) ?? 0) - (mine.get(key) ?? 0)));
      }
      if (item.container && contains(item.container, candidate.entry)) score += 8;
      if (heldBy[position]!.has(candidate.entry.index)) score += 4;
      if (datelineEntry && candidate.entry.index === datelineEntry.index) score += 1;
      candidate.score = score;
    }
  }
}

const PRECISION_OF_KIND: Readonly<Record<string, string>> = {
  country: 'country', admin1: 'admin1', admin2: 'admin2', city: 'city', region: 'region', water: 'region', continent: 'continent', landmark: 'point',
};

/**
 * Resolves each toponym span to a place. Spans that nothing resolves (no candidate and no
 * containing unit in the text) are left out. Output sorted by `start`; ids `pl1`, `pl2`, ...
 */
export function resolvePlaces(text: string, toponyms: readonly ToponymSpan[], context: ResolveContext): Place[] {
  const { gazetteer } = context;
  // A name repeated in the article is looked up once (candidates are copied: scores differ).
  const looked = new Map<string, Candidate[]>();
  const lookUp = (name: string): Candidate[] => {
    let found = looked.get(name);
    if (!found) looked.set(name, (found = candidatesFor(gazetteer, name)));
    return found;
  };
  // `SANTA CLARA, California`: the dateline's namesakes in the region it names, when there are any.
  const regions = context.datelineRegion ? candidatesFor(gazetteer, context.datelineRegion).filter((candidate) => candidate.entry.kind === 'admin1' || candidate.entry.kind === 'country').map((candidate) => candidate.entry) : [];
  const inDatelineRegion = (candidates: Candidate[]): Candidate[] => {
    if (regions.length === 0) return candidates;
    const inside = candidates.filter((candidate) => regions.some((region) => contains(region, candidate.entry)));
    return inside.length > 0 ? inside : candidates;
  };
  const items: Toponym[] = toponyms.map((span) => {
    const surface = span.surface ?? text.slice(span.start, span.end);
    const found = lookUp(surface);
    // A dateline names a city (`Washington CNN —` is the capital, not the state).
    const cities = span.source === 'dateline' ? inDatelineRegion(found.filter((candidate) => candidate.entry.kind === 'city')) : [];
    // A village or town is a populated place, whatever else bears its name (`the village of Bahrain`).
    // (`the Ukrainian town of …`: a demonym before `town` is no town.)
    const settlement = found.some((candidate) => candidate.viaDemonym) ? undefined : settlementOf(text, span);
    // "Kaduna state", "Malatya province": the unit, not its capital city (nor the dateline's city
    // of that name); found under the name alone or with the unit noun (`Kaduna State`).
    const unit = settlement ? undefined : unitNamedAfter(text, span);
    const units = unit ? [...found, ...lookUp(`${surface} ${unit.noun}`)].filter((candidate) => candidate.entry.kind === unit.kind) : [];
    // "in Kyiv, Lviv and several other cities", "the cities of Batumi and Kutaisi": a name listed
    // as a city is one, not its province.
    const listed = !settlement && !units.length && !cities.length && (LISTED_AS_CITY.test(text.slice(span.end, span.end + 90)) || CITIES_OF_BEFORE.test(text.slice(Math.max(0, span.start - 60), span.start)))
      ? found.filter((candidate) => candidate.entry.kind === 'city') : [];
    const candidates = settlement ? found.filter((candidate) => !NOT_SETTLEMENT.has(candidate.entry.kind)) : units.length ? units : cities.length ? cities : listed.length ? listed : found;
    return { span, surface, candidates: candidates.map((candidate) => ({ ...candidate })), container: undefined, settlement };
  });

  if (context.strategy === 'population') {
    return finish(items.map((item) => {
      const best = [...item.candidates].sort((a, b) => b.entry.population - a.entry.population)[0];
      return { item, best, confidence: best ? 0.5 : 0, rule: 'population' };
    }));
  }

  // Containment stated in the text is the strongest evidence there is.
  for (const item of items) {
    item.owner = ownerFromText(gazetteer, text, item.span);
    item.container = item.owner ?? containerFromText(gazetteer, text, item.span, sentenceEndOf(context.sentences, item.span.start, text.length), item.settlement !== undefined);
  }

  // The dateline city pulls toward its country (datelines name cities, so the city reading wins).
  let datelineEntry: GazetteerEntry | undefined;
  if (context.dateline) {
    const candidates = inDatelineRegion(candidatesFor(gazetteer, context.dateline).filter((candidate) => candidate.entry.kind === 'city' || candidate.entry.kind === 'country'));
    datelineEntry = candidates[0]?.entry;
  }

  // Context: every toponym spreads its belief over countries and admin1 regions. A toponym's own
  // share is left out when scoring it, but its other mentions count: `China` said three times in
  // an article about China supports China the country, not China, Maine.
  const countryMass = new Map<string, number>();
  const adminMass = new Map<string, number>();
  const own: Map<string, number>[] = items.map(() => new Map());
  // "Atlanta, Georgia": the reading of Georgia that holds Atlanta.
  const heldBy = items.map(() => new Set<number>());
  for (let position = 0; position + 1 < items.length; position++) {
    const item = items[position]!;
    const next = items[position + 1]!;
    if (!/^,\s*$/.test(text.slice(item.span.end, next.span.start))) continue;
    for (const inner of item.candidates.slice(0, 10)) {
      for (const outer of next.candidates) if (contains(outer.entry, inner.entry)) heldBy[position + 1]!.add(outer.entry.index);
    }
  }
  const belief: ArticleBelief = { items, countryMass, adminMass, own, heldBy, datelineEntry };
  spreadBelief(belief, true);
  rescoreCandidates(belief);
  spreadBelief(belief, false);
  rescoreCandidates(belief);

  // The article's leading country, for names that nothing knows and no sentence places.
  // Only a country the text names itself counts: a country guessed from one ambiguous town (a
  // fictional `Arden` read as Arden, Denmark) must not pull every unknown name to it.
  const namedCountries = new Set<string>();
  // Named by their names, not only by a demonym: a demonym names a nationality, which may not be
  // where the story is (`the Italian said`, in a match report from Manchester).
  const namedByName = new Set<string>();
  for (const item of items) {
    const top = [...item.candidates].sort((a, b) => b.score - a.score)[0];
    if (top && top.entry.kind === 'country' && top.entry.countryCode) {
      namedCountries.add(top.entry.countryCode);
      if (!top.viaDemonym) namedByName.add(top.entry.countryCode);
    }
  }
  // (A dateline's country is named too, and its mass counts: `ATHENS, Greece` leads a story that
  // names Turkey once in passing.)
  if (datelineEntry?.countryCode) namedCountries.add(datelineEntry.countryCode);
  let leadingCountry: string | undefined;
  let leadingMass = 0;
  for (const [countryCode, mass] of countryMass) if (mass > leadingMass && namedCountries.has(countryCode)) { leadingCountry = countryCode; leadingMass = mass; }
  // The dateline says where the story is, unless the text names a country itself.
  if (datelineEntry?.countryCode && (leadingCountry === undefined || !namedByName.has(leadingCountry))) leadingCountry = datelineEntry.countryCode;

  const choices: Choice[] = [];
  for (let position = 0; position < items.length; position++) {
    const item = items[position]!;
    // Countries the rest of the article speaks of (its other toponyms and dateline), asked only
    // of the toponyms whose readings need that support (see allowedReading).
    let supported: Set<string> | undefined;
    if (needsSupport(item)) {
      supported = new Set();
      for (const [countryCode, mass] of countryMass) if (mass - (own[position]!.get(countryCode) ?? 0) >= 0.5) supported.add(countryCode);
    }
    choices.push(choiceFor(item, gazetteer, leadingCountry, supported, datelineEntry));
  }
  placeInFollowing(text, choices);
  oneReadingPerName(text, choices);
  return finish(choices);
}

/**
 * `central Nigeria's Plateau state` and, later, `Plateau police spokesman`: a name the article
 * once places by what the text says of it (the unit noun after it, a container it lies in) is
 * that place at its other mentions too, where only the gazetteer's ranking spoke (which put the
 * bare `Plateau` in Benin).
 */
function oneReadingPerName(text: string, choices: Choice[]): void {
  const anchored = new Map<string, Choice>();
  for (const choice of choices) {
    if (!choice.best || choice.best.viaDemonym) continue;
    // (Held by a unit the text names with it: `Nigeria's Plateau state`, not `Paris` in a story
    // that names the U.S. elsewhere in its sentence.)
    const placedByText = choice.rule === 'gazetteer-contained' && (choice.item.owner !== undefined || unitNamedAfter(text, choice.item.span) !== undefined);
    const key = choice.item.surface.toLowerCase();
    if (placedByText && !anchored.has(key)) anchored.set(key, choice);
  }
  // `the Democratic Republic of Congo` and, later, `Congo`: a country named in full stands for
  // the short name it ends with (not Congo-Brazzaville, the gazetteer's `Congo`).
  for (const choice of choices) {
    if (!choice.best || choice.best.viaDemonym || choice.best.entry.kind !== 'country') continue;
    const tail = /\bof\s+(?:the\s+)?(\p{Lu}[\p{L}’'-]*(?:\s+\p{Lu}[\p{L}’'-]*)?)$/u.exec(choice.item.surface)?.[1]?.toLowerCase();
    // (The country's own name must end so: not `the Holy See of Armenia`, read as the Vatican.)
    if (tail && !anchored.has(tail) && choice.best.entry.name.toLowerCase().endsWith(tail)) anchored.set(tail, choice);
  }
  // `eastern DRC` and `Congo`: a country named by any of its names stands for the last word or two
  // of its full name (`Democratic Republic of the Congo`), where only one named country ends so
  // (not `Korea` in a story of North and South Korea).
  // (Not a country's own name: `Sudan` stays Sudan in a story of South Sudan.)
  const surfaces = new Set(choices.map((choice) => choice.item.surface.toLowerCase()));
  for (const choice of choices) {
    const surface = choice.item.surface.toLowerCase();
    if (choice.item.candidates.some((candidate) => candidate.entry.kind === 'country' && candidate.entry.name.toLowerCase() === surface)) surfaces.delete(surface);
  }
  const tails = new Map<string, Choice | null>();
  for (const choice of choices) {
    if (!choice.best || choice.best.viaDemonym || choice.best.entry.kind !== 'country') continue;
    const words = choice.best.entry.name.toLowerCase().split(/\s+/);
    for (const tail of [words.slice(-1).join(' '), words.slice(-2).join(' ')]) {
      if (words.length < 2 || tail === choice.item.surface.toLowerCase() || !surfaces.has(tail) || anchored.has(tail)) continue;
      const known = tails.get(tail);
      tails.set(tail, known === undefined || known?.best?.entry.index === choice.best.entry.index ? choice : null);
    }
  }
  for (const [tail, choice] of tails) if (choice) anchored.set(tail, choice);
  if (anchored.size === 0) return;
  for (let position = 0; position < choices.length; position++) {
    const choice = choices[position]!;
    const anchor = anchored.get(choice.item.surface.toLowerCase());
    if (!anchor || anchor === choice || choice.item.span.source === 'dateline' || choice.best?.viaDemonym || choice.best?.entry.index === anchor.best!.entry.index) continue;
    if (choice.rule === 'gazetteer-contained' || choice.rule === 'containing-unit' || (choice.rule === 'gazetteer' && unitNamedAfter(text, choice.item.span) !== undefined)) continue;
    // Only a namesake of the same kind yields (Plateau the state of Benin to Plateau the state of
    // Nigeria): `China` the country stays, whatever a `China` in Maine once contained.
    if (choice.best && choice.best.entry.kind !== anchor.best!.entry.kind) continue;
    choices[position] = { item: choice.item, best: { ...anchor.best!, score: choice.best?.score ?? 0 }, confidence: Math.min(anchor.confidence, 0.8), rule: 'gazetteer-same-name' };
  }
}

/** The last word of a street, square or building's name, or its first (`Great Hall of the People`, `Palace of Westminster`). */
const LOCAL_FEATURE = /\b(?:Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Boulevard|Blvd\.?|Lane|Drive|Square|Plaza|Stadium|Arena|Park|School|Academy|College|University|Hospital|Mall|Market|Bridge|Station|Church|Cathedral|Mosque|Temple|Synagogue|Hotel|Centre|Center|Hall|Court|Prison|Jail|Oval|Ground|Racecourse|Velodrome|Speedway|Coliseum|Colosseum|House|Palace|Lodge|Residence)$|^(?:The\s+)?(?:Great\s+)?(?:Hall|Palace|Square|House|Museum|Gardens?)\s+of\b/;

/** `, ` or ` in (the) ` between a name and the next toponym: `the Gigafactory in Austin`, `Tesla's plant, Austin`. */
const HOLDING_GAP = /^(?:,\s*(?:in\s+(?:the\s+)?)?|\s+in\s+(?:the\s+)?)$/;

/**
 * A name nothing knows, left to the article's country, lies where the text puts it when the next
 * toponym holds it ("production will begin at the Gigafactory in Austin": Austin, not China, the
 * country the article names most). Only a reading of the next toponym's own (not a fallback).
 */
function placeInFollowing(text: string, choices: Choice[]): void {
  choices.sort((a, b) => a.item.span.start - b.item.span.start || a.item.span.end - b.item.span.end);
  // From the last: `the Government Girls Secondary School in Kuriga, in Kaduna state` places Kuriga first.
  for (let position = choices.length - 2; position >= 0; position--) {
    const choice = choices[position]!;
    if (choice.rule !== 'article-country' && choice.rule !== 'unresolved') continue;
    // (A name whose readings were all turned down, `Obama in the White House`, is no place at all.)
    if (choice.rule === 'unresolved' && choice.item.candidates.length > 0) continue;
    const next = choices[position + 1]!;
    if (!next.best || next.rule === 'article-country') continue;
    if (next.item.span.start < choice.item.span.end || !HOLDING_GAP.test(text.slice(choice.item.span.end, next.item.span.start))) continue;
    choices[position] = { item: choice.item, best: { entry: next.best.entry, viaDemonym: false, prior: 0, score: 0 }, confidence: 0.4, rule: 'containing-place' };
  }
}

/** Whether a toponym's readings are held to {@link allowedReading}: a settlement, or a feature known only by its namesake. */
function needsSupport(item: Toponym): boolean {
  return item.settlement !== undefined || item.span.source === 'coerced' || (item.candidates.length > 0 && item.candidates.every((candidate) => candidate.viaFeature));
}

/**
 * A village or town lies in the unit the text places it in, or else in a country the rest of the
 * article speaks of (`the Ukrainian town of Bakhmut`): the gazetteer holds few villages, and a
 * namesake elsewhere (`Kaya village` in a story from Nigeria: Kaya, Burkina Faso) is no reading of
 * it; a large town is, wherever it lies. A feature's namesake (`La Guardia Airport` → La Guardia,
 * Spain), or an organisation's or person's name read as a place (`the Red Cross`), stands only in
 * a country the article speaks of, or as a country.
 */
function allowedReading(item: Toponym, entry: GazetteerEntry, supported: ReadonlySet<string>): boolean {
  const backed = !!entry.countryCode && supported.has(entry.countryCode);
  // A name read as a place against its tagger's type: a unit or a large city stands anywhere (`Texas`,
  // `Milan`, `the Euphrates`); a small town only where the article is (`Obama`, Japan; `Rubio`, Venezuela).
  // (A well-known body only as a unit or a large city: `handed over to the Red Cross` is no Red
  // Cross, North Carolina, whatever country the article names.)
  if (item.span.source === 'coerced' && item.settlement === undefined) return (entry.kind !== 'city' && entry.kind !== 'admin2') || entry.population >= NAMESAKE_POPULATION || (backed && !WELL_KNOWN_BODIES.has(item.surface));
  if (item.settlement === undefined) return entry.kind === 'country' || backed;
  if (item.container) return contains(item.container, entry);
  return (item.settlement === 'town' && entry.population >= NAMESAKE_POPULATION) || backed;
}

/** A toponym's best reading and how sure it is, or the containing unit or the article's country when nothing fits. */
function choiceFor(item: Toponym, gazetteer: Gazetteer, leadingCountry: string | undefined, supported?: ReadonlySet<string>, dateline?: GazetteerEntry): Choice {
  let ranked = [...item.candidates].sort((a, b) => b.score - a.score || b.entry.population - a.entry.population);
  if (supported) ranked = ranked.filter((candidate) => allowedReading(item, candidate.entry, supported));
  // "handed over to the Red Cross": an organisation's name that is also a town in a country the
  // article never speaks of (Red Cross, North Carolina) is the organisation, not a place.
  if (ranked.length === 0 && item.span.source === 'coerced' && item.candidates.length > 0) return { item, best: undefined, confidence: 0, rule: 'unresolved' };
  const best = ranked[0];
  // `Florida's Big Bend region` when the gazetteer knows only a Big Bend in Wisconsin: the region lies in Florida.
  if (best && item.owner && best.entry.index !== item.owner.index && !contains(item.owner, best.entry)) return { item, best: { entry: item.owner, viaDemonym: false, prior: 0, score: 0 }, confidence: 0.4, rule: 'containing-unit' };
  if (best) {
    const margin = best.score - (ranked[1]?.score ?? best.score - 4);
    const confidence = Math.round(100 / (1 + Math.exp(-margin))) / 100;
    const rule = best.viaDemonym ? 'gazetteer-demonym' : best.viaFeature ? 'feature-namesake' : item.container && contains(item.container, best.entry) ? 'gazetteer-contained' : 'gazetteer';
    // The feature itself lies somewhere in or near its namesake: as sure as a containing unit.
    return { item, best, confidence: best.viaFeature ? Math.min(confidence, 0.4) : confidence, rule };
  }
  // "the In Amenas oil consortium in Algeria": no entry for In Amenas, Algeria holds it.
  if (item.container) return { item, best: { entry: item.container, viaDemonym: false, prior: 0, score: 0 }, confidence: 0.4, rule: 'containing-unit' };
  // "Castalia Street" in a story datelined MEMPHIS: a street, square or building no gazetteer
  // knows is where the story is, not at its country's middle.
  if (dateline && dateline.kind === 'city' && (leadingCountry === undefined || dateline.countryCode === leadingCountry) && LOCAL_FEATURE.test(item.surface)) {
    return { item, best: { entry: dateline, viaDemonym: false, prior: 0, score: 0 }, confidence: 0.3, rule: 'dateline-city' };
  }
  // (Not an organisation or person read as a place that no gazetteer knows: `the App Store` is no
  // place in the article's country; a container or the dateline's city above may still hold it.)
  if (leadingCountry !== undefined && item.span.source !== 'coerced') {
    const index = gazetteer.country(leadingCountry);
    if (index !== undefined) return { item, best: { entry: gazetteer.entry(index), viaDemonym: false, prior: 0, score: 0 }, confidence: 0.2, rule: 'article-country' };
  }
  return { item, best: undefined, confidence: 0, rule: 'unresolved' };
}

interface Choice {
  readonly item: Toponym;
  readonly best: Candidate | undefined;
  readonly confidence: number;
  readonly rule: string;
}

function finish(choices: readonly Choice[]): Place[] {
  const places: Place[] = [];
  const sorted = [...choices].sort((a, b) => a.item.span.start - b.item.span.start || a.item.span.end - b.item.span.end);
  for (const { item, best, confidence, rule } of sorted) {
    if (!best) continue;
    const { entry } = best;
    const fallback = rule === 'containing-unit' || rule === 'containing-place' || rule === 'dateline-city' || rule === 'article-country';
    places.push({
      id: `pl${places.length + 1}`,
      start: item.span.start,
      end: item.span.end,
      ...(item.span.mentionId ? { mention: item.span.mentionId } : {}),
      name: entry.name,
      kind: best.viaDemonym ? `${entry.kind}-demonym` : entry.kind,
      ...(entry.countryCode ? { countryCode: entry.countryCode } : {}),
      lat: entry.lat,
      lon: entry.lon,
      ...(entry.geonameId !== undefined ? { geonameId: entry.geonameId } : {}),
      precision: fallback ? PRECISION_OF_KIND[entry.kind] ?? entry.kind : PRECISION_OF_KIND[entry.kind] ?? entry.kind,
      confidence,
      rule: item.span.source ? `${item.span.source}+${rule}` : rule,
    });
  }
  return places;
}
