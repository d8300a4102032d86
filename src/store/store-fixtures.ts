/**
 * Hand-built Docs for the store and server tests: short articles written for these tests, with
 * every layer the store indexes (entities, mentions, quotes, places, timexes, events), spans found
 * by the words they cover so the tables read at a glance.
 */
import { SCHEMA_VERSION, type Doc, type Event, type Span } from '../doc/schema.js';

/** `n`-th (0-based) occurrence of `needle` in `text` as a span; throws when absent (a broken fixture). */
export function spanOf(text: string, needle: string, occurrence = 0): Span {
  let from = 0;
  for (let index = 0; ; index++) {
    const start = text.indexOf(needle, from);
    if (start < 0) throw new Error(`fixture: ${JSON.stringify(needle)} (#${occurrence}) not in ${JSON.stringify(text.slice(0, 60))}…`);
    if (index === occurrence) return { start, end: start + needle.length };
    from = start + 1;
  }
}

interface EntitySpec {
  readonly type: 'PER' | 'ORG' | 'LOC' | 'MISC';
  readonly name: string;
  readonly aliases?: readonly string[];
  /** Words of each mention (first occurrence unless `[words, n]`). */
  readonly mentions: readonly (string | readonly [string, number])[];
}

interface QuoteSpec {
  readonly content: string;
  readonly kind?: 'direct' | 'indirect';
  readonly speaker?: string;
  /** Index into the entity list. */
  readonly speakerEntity?: number;
  readonly cue?: string;
}

interface PlaceSpec {
  readonly words: string;
  readonly name: string;
  readonly kind: string;
  readonly countryCode?: string;
  readonly lat?: number;
  readonly lon?: number;
}

interface EventSpec {
  readonly sentence: string;
  readonly trigger: string;
  readonly ploverType: string;
  readonly mode?: string;
  readonly acledType: string;
  readonly acledSubType: string;
  readonly actors?: readonly { entity?: number; name: string }[];
  readonly targets?: readonly { entity?: number; name: string }[];
  /** Index into the place list. */
  readonly place?: number;
  readonly date?: string;
  readonly killed?: number;
  readonly negated?: boolean;
}

/** What a test article holds. */
export interface ArticleSpec {
  readonly id?: string;
  readonly title?: string;
  readonly url?: string;
  readonly published?: string;
  readonly text: string;
  readonly entities?: readonly EntitySpec[];
  readonly quotes?: readonly QuoteSpec[];
  readonly places?: readonly PlaceSpec[];
  readonly timexes?: readonly { words: string; value: string }[];
  readonly events?: readonly EventSpec[];
}

/** Builds a Doc with the given layers (sentences and tokens left empty: the store does not read them). */
export function buildDoc(spec: ArticleSpec): Doc {
  const { text } = spec;
  const mentions: Doc['mentions'] = [];
  const entities: Doc['entities'] = (spec.entities ?? []).map((entity, index) => {
    const id = `e${index + 1}`;
    const ids = entity.mentions.map((mention, mentionIndex) => {
      const [words, occurrence] = typeof mention === 'string' ? [mention, 0] : mention;
      const mentionId = `m${index + 1}_${mentionIndex + 1}`;
      mentions.push({ id: mentionId, ...spanOf(text, words, occurrence), type: entity.type, kind: 'name', entity: id, rule: 'fixture' });
      return mentionId;
    });
    return { id, type: entity.type, name: entity.name, aliases: [...(entity.aliases ?? [])], mentions: ids, roles: [] };
  });
  mentions.sort((a, b) => a.start - b.start);
  const quotes: Doc['quotes'] = (spec.quotes ?? []).map((quote, index) => {
    const content = spanOf(text, quote.content);
    return {
      id: `q${index + 1}`,
      ...content,
      kind: quote.kind ?? 'direct',
      content: [content],
      cue: quote.cue ? spanOf(text, quote.cue) : null,
      speaker: quote.speaker ? spanOf(text, quote.speaker) : null,
      speakerEntity: quote.speakerEntity !== undefined ? `e${quote.speakerEntity + 1}` : null,
      medium: null,
      rule: 'fixture',
    };
  });
  const places: Doc['places'] = (spec.places ?? []).map((place, index) => ({
    id: `p${index + 1}`,
    ...spanOf(text, place.words),
    name: place.name,
    kind: place.kind,
    ...(place.countryCode ? { countryCode: place.countryCode } : {}),
    ...(place.lat !== undefined ? { lat: place.lat } : {}),
    ...(place.lon !== undefined ? { lon: place.lon } : {}),
    precision: place.kind === 'country' ? 'country' : 'city',
    confidence: 1,
    rule: 'fixture',
  }));
  const timexes: Doc['timexes'] = (spec.timexes ?? []).map((timex, index) => ({
    id: `t${index + 1}`, ...spanOf(text, timex.words), type: 'DATE', value: timex.value, anchor: 'published', precision: 'day', resolved: true, rule: 'fixture',
  }));
  const events: Event[] = (spec.events ?? []).map((event, index) => {
    const sentence = spanOf(text, event.sentence);
    const actor = (party: { entity?: number; name: string }) => ({ entity: party.entity !== undefined ? `e${party.entity + 1}` : null, name: party.name });
    return {
      id: `ev${index + 1}`,
      ...sentence,
      ploverType: event.ploverType,
      ...(event.mode ? { mode: event.mode } : {}),
      acledType: event.acledType,
      acledSubType: event.acledSubType,
      actors: (event.actors ?? []).map(actor),
      targets: (event.targets ?? []).map(actor),
      place: event.place !== undefined ? `p${event.place + 1}` : null,
      date: event.date ? { value: event.date, timex: null, fromPublication: false } : null,
      casualties: event.killed !== undefined ? [{ kind: 'killed', count: event.killed, qualifier: 'exact', start: sentence.start, end: sentence.end }] : [],
      source: null,
      flags: { historical: false, negated: event.negated ?? false, hypothetical: false, aggregate: false },
      evidence: [sentence],
      trigger: spanOf(text, event.trigger),
      rule: 'fixture',
    };
  });
  return {
    schemaVersion: SCHEMA_VERSION,
    source: text,
    text,
    alignment: [{ textStart: 0, sourceStart: 0, length: text.length }],
    meta: {
      ...(spec.id ? { id: spec.id } : {}),
      ...(spec.url ? { url: spec.url } : {}),
      ...(spec.title ? { title: spec.title } : {}),
      ...(spec.published ? { published: spec.published, publishedSource: 'caller' } : {}),
      language: 'en',
      format: 'text',
    },
    removals: [],
    paragraphs: [{ id: 'para1', start: 0, end: text.length }],
    sentences: [],
    tokens: [],
    mentions,
    entities,
    timexes,
    places,
    quotes,
    events,
    summary: [],
    diagnostics: [],
  };
}

const STRIKE_TEXT =
  'US forces carried out an air strike near Ubari, Libya, on Saturday, killing two militants of al-Qaeda in the Islamic Maghreb (AQIM). ' +
  '"We will keep up the pressure," said Robyn Mack, a spokeswoman for US Africa Command.';

/** An air strike in Libya in 2018, a quote by a named spokeswoman, AQIM by its full name. */
export const STRIKE_ARTICLE: ArticleSpec = {
  id: 'strike-2018',
  title: 'US air strike near Ubari',
  url: 'https://news.invalid/2018/03/26/strike',
  published: '2018-03-26',
  text: STRIKE_TEXT,
  entities: [
    { type: 'ORG', name: 'US Africa Command', mentions: ['US Africa Command'] },
    { type: 'ORG', name: 'al-Qaeda in the Islamic Maghreb', aliases: ['AQIM'], mentions: ['al-Qaeda in the Islamic Maghreb', 'AQIM'] },
    { type: 'PER', name: 'Robyn Mack', aliases: ['Mack'], mentions: ['Robyn Mack'] },
  ],
  quotes: [{ content: '"We will keep up the pressure,"', speaker: 'Robyn Mack', speakerEntity: 2, cue: 'said' }],
  places: [
    { words: 'Ubari', name: 'Ubari', kind: 'city', countryCode: 'LY', lat: 26.59, lon: 12.78 },
    { words: 'Libya', name: 'Libya', kind: 'country', countryCode: 'LY', lat: 27, lon: 17 },
  ],
  timexes: [{ words: 'Saturday', value: '2018-03-24' }],
  events: [{
    sentence: 'US forces carried out an air strike near Ubari, Libya, on Saturday, killing two militants of al-Qaeda in the Islamic Maghreb (AQIM).',
    trigger: 'air strike', ploverType: 'ASSAULT', mode: 'aerial', acledType: 'Explosions/Remote violence', acledSubType: 'Air/drone strike',
    actors: [{ entity: 0, name: 'US Africa Command' }], targets: [{ entity: 1, name: 'AQIM' }], place: 0, date: '2018-03-24', killed: 2,
  }],
};

const PROTEST_TEXT =
  'Protesters marched in Tripoli, Libya, on Monday against the government. ' +
  'AQIM was blamed for a bombing in Mali last year, Mack told reporters. ' +
  'The group did not attack Mali again, officials said. ' +
  '"Nothing has changed," said the minister Ahmed Salem.';

/** A protest in 2019, AQIM by its short name only, a bare surname, a negated event. */
export const PROTEST_ARTICLE: ArticleSpec = {
  id: 'protest-2019',
  published: '2019-07-02',
  text: PROTEST_TEXT,
  entities: [
    { type: 'ORG', name: 'AQIM', mentions: ['AQIM'] },
    { type: 'PER', name: 'Mack', mentions: ['Mack'] },
    { type: 'PER', name: 'Ahmed Salem', mentions: ['Ahmed Salem'] },
  ],
  quotes: [
    { content: 'AQIM was blamed for a bombing in Mali last year', kind: 'indirect', speaker: 'Mack', speakerEntity: 1, cue: 'told' },
    { content: '"Nothing has changed,"', speaker: 'Ahmed Salem', speakerEntity: 2, cue: 'said' },
  ],
  places: [
    { words: 'Tripoli', name: 'Tripoli', kind: 'city', countryCode: 'LY', lat: 32.89, lon: 13.19 },
    { words: 'Mali', name: 'Mali', kind: 'country', countryCode: 'ML', lat: 17, lon: -4 },
  ],
  timexes: [{ words: 'Monday', value: '2019-07-01' }, { words: 'last year', value: '2018' }],
  events: [
    { sentence: 'Protesters marched in Tripoli, Libya, on Monday against the government.', trigger: 'marched', ploverType: 'PROTEST', acledType: 'Protests', acledSubType: 'Peaceful protest', place: 0, date: '2019-07-01' },
    { sentence: 'AQIM was blamed for a bombing in Mali last year, Mack told reporters.', trigger: 'bombing', ploverType: 'ASSAULT', mode: 'explosives', acledType: 'Explosions/Remote violence', acledSubType: 'Remote explosive/landmine/IED', actors: [{ entity: 0, name: 'AQIM' }], place: 1, date: '2018' },
    { sentence: 'The group did not attack Mali again, officials said.', trigger: 'attack', ploverType: 'ASSAULT', acledType: 'Violence against civilians', acledSubType: 'Attack', actors: [{ entity: 0, name: 'AQIM' }], place: 1, negated: true },
  ],
};

/** No id, no date, accented words (the store must fold them), no layers but the text. */
export const ACCENT_ARTICLE: ArticleSpec = {
  text: 'Officials in Zürich said the café near the Limmat reopened after the storm.',
};
