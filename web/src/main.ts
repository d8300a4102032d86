/**
 * The Lede web reader: paste, upload or open an article, read it with its layers highlighted,
 * see the structured record, the timeline, the map and the events, and search the store.
 * Plain DOM; all state lives in {@link startReader}'s closure.
 */
import type { Doc } from '../../src/doc/schema.js';
import { ApiError, analyzeArticle, fetchArticle, storeArticle, withApiToken, type AnalyzeRequest, type SearchQuery } from './api.js';
import { requestFromForm } from './analyze-request.js';
import { focusRefs, LAYER_LABELS, renderArticleText } from './article-view.js';
import type { View } from './annotations.js';
import { element } from './dom.js';
import { renderEventsTable } from './events-table.js';
import { renderRecordPanel } from './record-panel.js';
import { FACETS, renderSearchForm, runSearch } from './search-view.js';
import { renderTimeline } from './timeline.js';
import { mapNote, renderWorldMap, type MapExtent } from './world-map.js';
import './style.css';

function required<T extends HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`the page has no #${id}`);
  return node as T;
}

/** Wires the page. Called once on load. */
export function startReader(): void {
  const state: { doc: Doc | null; view: View; extent: MapExtent; hidden: Set<string> } = { doc: null, view: 'source', extent: 'places', hidden: new Set() };
  const status = required<HTMLElement>('status');
  const input = required<HTMLTextAreaElement>('article-input');
  const format = required<HTMLSelectElement>('format-input');
  const published = required<HTMLInputElement>('published-input');
  const url = required<HTMLInputElement>('url-input');
  const searchResults = required<HTMLElement>('search-results');

  const setStatus = (text: string, kind: 'busy' | 'ok' | 'error' | '' = ''): void => {
    status.textContent = text;
    status.dataset['state'] = kind;
  };
  const showError = (error: unknown): void => {
    setStatus(error instanceof ApiError ? `${error.code}: ${error.message}` : `Error: ${error instanceof Error ? error.message : String(error)}`, 'error');
    document.body.dataset['state'] = 'error';
  };

  const selectTab = (tab: 'read' | 'search'): void => {
    for (const button of document.querySelectorAll<HTMLButtonElement>('.tab')) button.setAttribute('aria-selected', String(button.dataset['tab'] === tab));
    required('read-tab').hidden = tab !== 'read';
    required('search-tab').hidden = tab !== 'search';
  };

  const renderMap = (): void => {
    if (!state.doc) return;
    const note = mapNote(state.doc);
    required('map').replaceChildren(renderWorldMap(state.doc, state.extent), ...(note ? [note] : []));
    required('map-extent').textContent = state.extent === 'places' ? 'show the whole world' : 'zoom to the places';
  };

  const renderText = (): void => {
    if (!state.doc) return;
    const text = renderArticleText(state.doc, state.view);
    for (const layer of state.hidden) text.classList.add(`hide-${layer}`);
    required('article').replaceChildren(text);
  };

  const legend = (): HTMLElement[] => [
    ...LAYER_LABELS.map(([layer, label]) => {
      const box = element('input', { type: 'checkbox', 'data-layer': layer, checked: !state.hidden.has(layer) });
      box.addEventListener('change', () => {
        if (box.checked) state.hidden.delete(layer);
        else state.hidden.add(layer);
        required('article').querySelector('.article-text')?.classList.toggle(`hide-${layer}`, !box.checked);
      });
      return element('label', { class: ['legend-item', `legend-${layer}`] }, box, element('span', { class: ['swatch', layer] }, label));
    }),
    element('span', { class: 'legend-types' }, ['PER', 'ORG', 'LOC', 'MISC'].map((type) => element('span', { class: ['badge', `type-${type}`] }, type))),
    (() => {
      const box = element('input', { type: 'checkbox', id: 'view-source', checked: state.view === 'source' });
      box.addEventListener('change', () => {
        state.view = box.checked ? 'source' : 'text';
        renderText();
      });
      return element('label', { class: 'legend-item', title: 'Show the article as received, with what normalisation removed greyed out' }, box, 'original wording');
    })(),
  ];

  const showDoc = (doc: Doc): void => {
    state.doc = doc;
    required('legend').replaceChildren(...legend());
    required('article-title').textContent = doc.meta.title ?? '';
    renderText();
    required('record').replaceChildren(renderRecordPanel(doc, { searchEntity: (name) => startSearch({ entity: name }) }));
    required('timeline').replaceChildren(renderTimeline(doc));
    renderMap();
    required('events').replaceChildren(renderEventsTable(doc));
    required('reader').hidden = false;
    // The article is on screen now: the input shrinks back to its first lines.
    input.rows = 3;
    input.scrollTop = 0;
    required('visuals').hidden = false;
    const counts = `${doc.entities.length} entities, ${doc.quotes.length} quotes, ${doc.timexes.length} times, ${doc.places.length} places, ${doc.events.length} events`;
    setStatus(`Analysed${doc.meta.id ? ` ${doc.meta.id}` : ''}: ${counts}`, 'ok');
    document.body.dataset['state'] = 'doc';
  };

  const busy = async (message: string, work: () => Promise<void>): Promise<void> => {
    setStatus(message, 'busy');
    document.body.dataset['state'] = 'busy';
    try {
      await withApiToken(work);
    } catch (error) {
      showError(error);
    }
  };

  const formRequest = (): AnalyzeRequest => requestFromForm(input.value, format.value, published.value, url.value.trim());

  const openArticle = (id: string): void => {
    selectTab('read');
    void busy(`Opening ${id}…`, async () => {
      const doc = await fetchArticle(id);
      history.pushState(null, '', `?article=${encodeURIComponent(id)}`);
      showDoc(doc);
    });
  };

  const startSearch = (query: SearchQuery): void => {
    selectTab('search');
    required('search-form-slot').replaceChildren(renderSearchForm(query, startSearch));
    const parameters = new URLSearchParams(Object.entries(query).filter(([, value]) => value !== undefined).map(([name, value]) => [name, String(value)]));
    history.replaceState(null, '', `?search&${parameters.toString()}`);
    void runSearch(query, searchResults, { openArticle });
  };

  input.addEventListener('focus', () => {
    input.rows = 7;
  });
  required<HTMLFormElement>('analyze-form').addEventListener('submit', (event) => {
    event.preventDefault();
    void busy('Analysing…', async () => {
      if (!input.value.trim()) throw new ApiError('E_INPUT_EMPTY', 'paste an article or choose a file first', 0);
      showDoc(await analyzeArticle(formRequest()));
      history.replaceState(null, '', location.pathname);
    });
  });
  required('store-button').addEventListener('click', () => {
    void busy('Analysing and storing…', async () => {
      if (!input.value.trim()) throw new ApiError('E_INPUT_EMPTY', 'paste an article or choose a file first', 0);
      const stored = await storeArticle(formRequest());
      showDoc(stored.doc ?? (await fetchArticle(stored.id)));
      history.pushState(null, '', `?article=${encodeURIComponent(stored.id)}`);
      setStatus(`Stored as ${stored.id}`, 'ok');
    });
  });
  required('open-button').addEventListener('click', () => {
    const id = required<HTMLInputElement>('open-id').value.trim();
    if (id) openArticle(id);
  });
  required<HTMLInputElement>('article-file').addEventListener('change', (event) => {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (!file) return;
    void file.text().then((content) => {
      input.value = content;
      const name = file.name.toLowerCase();
      format.value = name.endsWith('.json') ? 'json' : /\.html?$/.test(name) ? 'html' : name.endsWith('.txt') ? 'text' : 'auto';
      setStatus(`Loaded ${file.name} (${content.length} characters)`, 'ok');
    });
  });
  required('map-extent').addEventListener('click', () => {
    state.extent = state.extent === 'places' ? 'world' : 'places';
    renderMap();
  });
  for (const button of document.querySelectorAll<HTMLButtonElement>('.tab')) {
    button.addEventListener('click', () => {
      const tab = button.dataset['tab'] === 'search' ? 'search' : 'read';
      if (tab === 'search' && !required('search-form-slot').firstChild) required('search-form-slot').replaceChildren(renderSearchForm({}, startSearch));
      selectTab(tab);
    });
  }
  // Hovering an item of the record, the timeline, the map or the events table lights up its words.
  const hover = (on: boolean) => (event: Event): void => {
    const target = (event.target as Element | null)?.closest?.('[data-ref], [data-refs]');
    if (!target || target.closest('.article-text')) return;
    const refs = (target.getAttribute('data-ref') ?? target.getAttribute('data-refs') ?? '').split(' ').filter(Boolean);
    focusRefs(document, refs, on);
  };
  document.addEventListener('mouseover', hover(true));
  document.addEventListener('mouseout', hover(false));
  // Clicking words in the article shows the innermost thing they belong to in the record.
  required('article').addEventListener('click', (event) => {
    const refs = (event.target as Element | null)?.closest?.('.hl')?.getAttribute('data-refs')?.split(' ') ?? [];
    for (const ref of [...refs].reverse()) {
      const item = required('record').querySelector(`[data-ref="${CSS.escape(ref)}"]`);
      if (!item) continue;
      item.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
      item.classList.add('flash');
      window.setTimeout(() => item.classList.remove('flash'), 1500);
      break;
    }
  });
  document.addEventListener('click', (event) => {
    const button = (event.target as Element | null)?.closest?.('[data-search-entity]');
    const name = button?.getAttribute('data-search-entity');
    if (name) startSearch({ entity: name });
  });

  const parameters = new URLSearchParams(location.search);
  const articleId = parameters.get('article');
  if (articleId) openArticle(articleId);
  else if (parameters.has('search')) {
    const query: Record<string, string> = {};
    for (const facet of FACETS) {
      const value = parameters.get(facet.name);
      if (value) query[facet.name] = value;
    }
    startSearch(query);
  }
  document.body.dataset['state'] = document.body.dataset['state'] ?? 'ready';
}

startReader();
