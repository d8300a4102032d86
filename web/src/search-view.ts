/**
 * Search across the store: full-text query plus facets (entity, event type, place, date range),
 * answered by `GET /search` with matching articles and quotes.
 */
import type { EntityRecord, SearchResult } from '../../src/store/store.js';
import { ApiError, fetchEntity, findEntities, searchStore, withApiToken, type SearchQuery } from './api.js';
import { element } from './dom.js';

/** The facets the form offers, in order, with their input types and hints. */
export const FACETS: readonly { name: keyof SearchQuery; label: string; type: string; placeholder: string }[] = [
  { name: 'q', label: 'Words', type: 'search', placeholder: 'air strike "al-Qaeda" milit*' },
  { name: 'entity', label: 'Entity', type: 'text', placeholder: 'AQIM, Robyn Mack' },
  { name: 'type', label: 'Event type', type: 'text', placeholder: 'ASSAULT, Air/drone strike' },
  { name: 'place', label: 'Place', type: 'text', placeholder: 'Libya, Ubari, LY' },
  { name: 'from', label: 'From', type: 'date', placeholder: '' },
  { name: 'to', label: 'To', type: 'date', placeholder: '' },
];

/**
 * Event types offered as suggestions: the PLOVER types of `src/lang/en/event-triggers.ts`
 * (copied, not imported: importing would bundle the whole cue lexicon). The store also accepts
 * ACLED types and sub-types.
 */
const EVENT_TYPES = ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT'];

/** What the search view asks of the page. */
export interface SearchActions {
  /** Opens a stored article (optionally pointing at a span in it). */
  readonly openArticle: (id: string) => void;
}

/** The search form; `onSubmit` gets the facets as typed. */
export function renderSearchForm(initial: SearchQuery, onSubmit: (query: SearchQuery) => void): HTMLFormElement {
  const form = element('form', { class: 'search-form', id: 'search-form' },
    FACETS.map((facet) => element('label', { class: `facet facet-${facet.name}` }, facet.label,
      element('input', { name: facet.name, type: facet.type, placeholder: facet.placeholder, value: initial[facet.name] === undefined ? '' : String(initial[facet.name]), list: facet.name === 'type' ? 'event-types' : undefined }))),
    element('datalist', { id: 'event-types' }, EVENT_TYPES.map((type) => element('option', { value: type }))),
    element('button', { type: 'submit' }, 'Search'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const query: Record<string, string> = {};
    for (const facet of FACETS) {
      const value = data.get(facet.name);
      if (typeof value === 'string' && value.trim()) query[facet.name] = value.trim();
    }
    onSubmit(query);
  });
  return form;
}

function entityCard(record: EntityRecord, actions?: SearchActions): HTMLElement {
  const articleIds = [...new Set(record.mentions.map((mention) => mention.articleId))];
  return element('div', { class: 'entity-card', 'data-entity': record.entity.id },
    element('h4', {}, element('span', { class: ['badge', `type-${record.entity.type}`] }, record.entity.type), ' ', record.entity.name),
    record.entity.aliases.length ? element('p', { class: 'muted' }, `also: ${record.entity.aliases.join(', ')}`) : null,
    element('p', {}, `${record.entity.articles} article${record.entity.articles === 1 ? '' : 's'}, ${record.mentions.length} mentions shown, ${record.quotes.length} quotes, ${record.events.length} events`),
    record.quotes.length ? element('ul', { class: 'entity-quotes' }, record.quotes.slice(0, 10).map((quote) => element('li', {}, element('span', { class: 'quote-text' }, quote.text), element('span', { class: 'muted' }, ` — ${quote.articleId}`)))) : null,
    record.events.length ? element('ul', { class: 'entity-events' }, record.events.slice(0, 10).map((event) => element('li', {},
      element('strong', {}, event.ploverType), ` ${event.acledSubType}`, event.location ? ` in ${event.location}` : '', event.date ? ` (${event.date})` : '', event.role ? element('span', { class: 'muted' }, ` as ${event.role}`) : null))) : null,
    actions && articleIds.length ? element('p', { class: 'muted' }, 'In: ', articleIds.slice(0, 10).map((id, index) => {
      const link = element('a', { href: `?article=${encodeURIComponent(id)}` }, id);
      link.addEventListener('click', (event) => {
        event.preventDefault();
        actions.openArticle(id);
      });
      return [index > 0 ? ', ' : '', link];
    }).flat()) : null);
}

/** Cards of the stored entities a facet names (an alias may name several). */
async function entityCards(name: string, actions: SearchActions): Promise<HTMLElement | null> {
  const matches = (await findEntities(name)).slice(0, 3);
  if (matches.length === 0) return null;
  const records = await Promise.all(matches.map((match) => fetchEntity(match.id)));
  return element('div', { class: 'entity-cards' }, records.map((record) => entityCard(record, actions)));
}

/** Renders a search answer: the article hits, then the quote hits. */
export function renderSearchResults(result: SearchResult, actions: SearchActions): HTMLElement {
  const container = element('div', { class: 'search-results' });
  const articleLink = (id: string, text: string): HTMLAnchorElement => {
    const link = element('a', { href: `?article=${encodeURIComponent(id)}`, 'data-article': id }, text);
    link.addEventListener('click', (event) => {
      event.preventDefault();
      actions.openArticle(id);
    });
    return link;
  };
  container.appendChild(element('h3', { class: 'hits-count' }, `${result.total} article${result.total === 1 ? '' : 's'}`));
  container.appendChild(result.articles.length === 0 ? element('p', { class: 'empty' }, 'No stored article matches.') :
    element('ol', { class: 'article-hits' }, result.articles.map((hit) => element('li', {},
      articleLink(hit.id, hit.title || hit.id), hit.published ? element('span', { class: 'muted' }, ` ${hit.published}`) : null,
      element('div', { class: 'snippet' }, hit.snippet)))));
  if (result.quotes.length > 0) {
    const entityBox = element('div', { class: 'entity-box' });
    container.appendChild(element('h3', {}, `${result.quotes.length} quote${result.quotes.length === 1 ? '' : 's'}`));
    container.appendChild(element('ul', { class: 'quote-hits' }, result.quotes.map((quote) => {
      const speaker = quote.speakerEntity
        ? element('button', { type: 'button', class: 'link speaker-name', title: 'Everything the store knows about this speaker' }, quote.speaker ?? quote.speakerEntity)
        : element('span', { class: 'speaker-name' }, quote.speaker ?? 'unknown speaker');
      if (quote.speakerEntity) {
        const id = quote.speakerEntity;
        speaker.addEventListener('click', () => {
          entityBox.replaceChildren(element('p', { class: 'muted' }, 'Loading…'));
          withApiToken(() => fetchEntity(id)).then((record) => entityBox.replaceChildren(entityCard(record)), (error: unknown) => {
            entityBox.replaceChildren(element('p', { class: 'error' }, error instanceof ApiError ? `${error.code}: ${error.message}` : String(error)));
          });
        });
      }
      return element('li', {}, speaker, ': ', element('span', { class: 'quote-text' }, quote.text), ' ', articleLink(quote.articleId, `(${quote.articleId}${quote.published ? `, ${quote.published}` : ''})`));
    })));
    container.appendChild(entityBox);
  }
  return container;
}

/** Runs a search and renders its answer (or the error) into `target`. */
export async function runSearch(query: SearchQuery, target: HTMLElement, actions: SearchActions): Promise<void> {
  target.replaceChildren(element('p', { class: 'muted' }, 'Searching…'));
  try {
    const [result, cards] = await withApiToken(() => Promise.all([searchStore(query), query.entity ? entityCards(query.entity, actions) : Promise.resolve(null)]));
    target.replaceChildren(...(cards ? [cards] : []), renderSearchResults(result, actions));
  } catch (error) {
    target.replaceChildren(element('p', { class: 'error' }, error instanceof ApiError ? `${error.code}: ${error.message}` : String(error)));
  }
}
