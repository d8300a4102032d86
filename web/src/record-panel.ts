/**
 * The side panel: the structured record of one article (metadata, summary, entities with aliases
 * and roles, quotes with speakers, time expressions, places, events, diagnostics). Every item
 * names the Doc object it shows in `data-ref`, so hovering it lights up its words in the text.
 */
import type { Doc, Entity } from '../../src/doc/schema.js';
import { indexDoc, spanText, speakerName, type DocIndex } from './annotations.js';
import { element, type Child } from './dom.js';

/** What the panel lets the reader do beyond reading. */
export interface RecordActions {
  /** Search the store for articles mentioning this entity name. */
  readonly searchEntity?: (name: string) => void;
}

function section(title: string, count: number | null, ...content: Child[]): HTMLElement {
  return element('section', { class: 'record-section', 'data-section': title.toLowerCase() },
    element('h3', {}, title, count === null ? null : element('span', { class: 'count' }, ` ${count}`)),
    ...content);
}

function empty(text: string): HTMLElement {
  return element('p', { class: 'empty' }, text);
}

function roleText(doc: Doc, index: DocIndex, entity: Entity): string[] {
  return entity.roles.map((role) => {
    const affiliation = role.affiliation ? index.entities.get(role.affiliation)?.name ?? role.affiliation : undefined;
    const words = [role.rank, role.role].filter(Boolean).join(' ') || doc.text.slice(role.start, role.end);
    return affiliation ? `${words} (${affiliation})` : words;
  });
}

function metadata(doc: Doc): HTMLElement {
  const rows: [string, string | undefined][] = [
    ['Title', doc.meta.title],
    ['Published', doc.meta.published ? `${doc.meta.published}${doc.meta.publishedSource ? ` (from ${doc.meta.publishedSource})` : ''}` : 'unknown: relative dates stay unresolved'],
    ['Publisher', doc.meta.publisher],
    ['Dateline', doc.meta.dateline],
    ['Byline', doc.meta.byline],
    ['URL', doc.meta.url],
    ['Id', doc.meta.id],
    ['Format', doc.meta.format],
    ['Language', doc.meta.language],
  ];
  const counts = `${doc.paragraphs.length} paragraphs, ${doc.sentences.length} sentences, ${doc.tokens.length} tokens`;
  return section('Metadata', null, element('dl', { class: 'meta' },
    rows.filter((row) => row[1]).map(([name, value]) => [element('dt', {}, name), element('dd', {}, value)]).flat(),
    element('dt', {}, 'Text'), element('dd', {}, counts)));
}

/** Builds the side panel for a Doc. */
export function renderRecordPanel(doc: Doc, actions: RecordActions = {}): HTMLElement {
  const index = indexDoc(doc);
  const panel = element('div', { class: 'record' });
  panel.appendChild(metadata(doc));

  panel.appendChild(section('Summary', doc.summary.length, doc.summary.length === 0 ? empty('No summary yet.') :
    element('ol', { class: 'summary' }, doc.summary.map((item) => element('li', { 'data-ref': item.sentence }, spanText(doc, item))))));

  const mentionCounts = new Map<string, number>();
  for (const mention of doc.mentions) if (mention.entity) mentionCounts.set(mention.entity, (mentionCounts.get(mention.entity) ?? 0) + 1);
  panel.appendChild(section('Entities', doc.entities.length, doc.entities.length === 0 ? empty('No entities.') :
    element('ul', { class: 'entities' }, doc.entities.map((entity) => {
      const aliases = entity.aliases.filter((alias) => alias !== entity.name);
      const roles = roleText(doc, index, entity);
      return element('li', { 'data-ref': entity.id },
        element('span', { class: ['badge', `type-${entity.type}`] }, entity.type),
        ' ', element('strong', {}, entity.name),
        entity.subtype ? element('span', { class: 'muted' }, ` ${entity.subtype}`) : null,
        element('span', { class: 'muted' }, ` ×${mentionCounts.get(entity.id) ?? entity.mentions.length}`),
        actions.searchEntity ? element('button', { class: 'link', type: 'button', 'data-search-entity': entity.name, title: 'Search the store for this entity' }, '⌕') : null,
        aliases.length ? element('div', { class: 'aliases' }, `also: ${aliases.join(', ')}`) : null,
        roles.length ? element('div', { class: 'roles' }, `role: ${roles.join('; ')}`) : null);
    }))));

  panel.appendChild(section('Quotes', doc.quotes.length, doc.quotes.length === 0 ? empty('No quotes.') :
    element('ul', { class: 'quotes' }, doc.quotes.map((quote) => {
      const speaker = speakerName(doc, index, quote);
      return element('li', { 'data-ref': quote.id },
        element('span', { class: 'speaker-name' }, speaker ?? 'unknown speaker'),
        element('span', { class: 'muted' }, ` (${quote.kind})`), ': ',
        // Not <q>: a direct quote's content already holds its own quote marks.
        element('span', { class: 'quote-text' }, quote.content.map((piece) => spanText(doc, piece)).join(' … ')));
    }))));

  panel.appendChild(section('Times', doc.timexes.length, doc.timexes.length === 0 ? empty('No time expressions.') :
    element('table', { class: 'timexes' }, element('tbody', {}, doc.timexes.map((timex) => element('tr', { 'data-ref': timex.id },
      element('td', {}, spanText(doc, timex) || '—'),
      element('td', {}, element('code', {}, timex.value), timex.mod ? ` ${timex.mod}` : '', timex.resolved ? '' : element('span', { class: 'warn', title: 'no reference date' }, ' unresolved')),
      element('td', { class: 'muted' }, timex.type)))))));

  panel.appendChild(section('Places', doc.places.length, doc.places.length === 0 ? empty('No places.') :
    element('table', { class: 'places' }, element('tbody', {}, doc.places.map((place) => element('tr', { 'data-ref': place.id },
      element('td', {}, spanText(doc, place) || element('span', { class: 'muted', title: place.rule }, '(dateline)')),
      element('td', {}, place.name, place.countryCode ? element('span', { class: 'muted' }, ` ${place.countryCode}`) : null),
      element('td', { class: 'muted' }, place.kind),
      element('td', { class: 'muted' }, place.lat !== undefined && place.lon !== undefined ? `${place.lat.toFixed(2)}, ${place.lon.toFixed(2)}` : '')))))));

  panel.appendChild(section('Events', doc.events.length, doc.events.length === 0 ? empty('No events.') :
    element('ul', { class: 'events-short' }, doc.events.map((event) => element('li', { 'data-ref': event.id },
      element('strong', {}, event.ploverType), event.mode ? `/${event.mode}` : '', ` — ${event.acledSubType}`,
      event.date ? ` · ${event.date.value}` : '', event.place ? ` · ${index.placeNames.get(event.place) ?? event.place}` : '')))));

  if (doc.diagnostics.length > 0) {
    panel.appendChild(section('Diagnostics', doc.diagnostics.length, element('details', {}, element('summary', {}, 'show'),
      element('ul', { class: 'diagnostics' }, doc.diagnostics.map((diagnostic) => element('li', {}, element('code', {}, `${diagnostic.stage}/${diagnostic.rule}`), ` ${diagnostic.message}`))))));
  }
  return panel;
}
