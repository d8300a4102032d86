/**
 * Calls to the Lede HTTP API (`lede serve`), same origin. Every answer is JSON; an error answer
 * carries a code and a message, which {@link ApiError} keeps for display.
 */
import type { Doc } from '../../src/doc/schema.js';
import type { EntityRecord, EntitySummary, SearchResult } from '../../src/store/store.js';

/** An error answer of the API (or a network failure, code `E_NETWORK`). */
export class ApiError extends Error {
  constructor(readonly code: string, message: string, readonly status: number) {
    super(message);
    this.name = 'ApiError';
  }
}

/** An article to analyse: the body of `POST /analyze` and `POST /articles`. */
export interface AnalyzeRequest {
  readonly text?: string;
  readonly html?: string;
  /** Publication date `YYYY-MM-DD`. */
  readonly published?: string;
  readonly url?: string;
  readonly id?: string;
}

/** Search facets: the query string of `GET /search`. */
export interface SearchQuery {
  readonly q?: string;
  readonly entity?: string;
  readonly type?: string;
  readonly place?: string;
  readonly from?: string;
  readonly to?: string;
  readonly limit?: number;
  readonly offset?: number;
}

type UnknownRecord = Record<string, unknown>;

function isRecord(value: unknown): value is UnknownRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads `{code, message}` or `{error: {code, message}}` (or fastify's `{error, message}`) from an error body. */
function errorFrom(body: unknown, status: number): ApiError {
  const inner = isRecord(body) && isRecord(body['error']) ? body['error'] : body;
  if (isRecord(inner)) {
    const code = typeof inner['code'] === 'string' ? inner['code'] : `HTTP_${status}`;
    const message = typeof inner['message'] === 'string' ? inner['message'] : typeof inner['error'] === 'string' ? inner['error'] : `request failed with status ${status}`;
    return new ApiError(code, message, status);
  }
  return new ApiError(`HTTP_${status}`, `request failed with status ${status}`, status);
}

/** Where the reader keeps an API token for this tab (a server started with a token asks for one). */
const TOKEN_KEY = 'lede-api-token';

/** Remembers the API token for this browser tab (empty: forget it). */
export function setApiToken(token: string): void {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
}

function authorization(): Record<string, string> {
  const token = typeof sessionStorage === 'undefined' ? null : sessionStorage.getItem(TOKEN_KEY);
  return token ? { authorization: `Bearer ${token}` } : {};
}

/**
 * Runs API calls; when the server answers E_UNAUTHORIZED (it was started with a token), asks the
 * reader for the token once, keeps it for the tab and runs them again.
 */
export async function withApiToken<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof ApiError && error.code === 'E_UNAUTHORIZED')) throw error;
    const token = window.prompt('This Lede server needs an API token:')?.trim();
    if (!token) throw error;
    setApiToken(token);
    try {
      return await work();
    } catch (retryError) {
      if (retryError instanceof ApiError && retryError.code === 'E_UNAUTHORIZED') setApiToken('');
      throw retryError;
    }
  }
}

async function request(path: string, init?: RequestInit): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers: { accept: 'application/json', ...(init?.body ? { 'content-type': 'application/json' } : {}), ...authorization(), ...init?.headers } });
  } catch (error) {
    throw new ApiError('E_NETWORK', `the Lede server cannot be reached (${error instanceof Error ? error.message : String(error)})`, 0);
  }
  const raw = await response.text();
  let body: unknown = null;
  try {
    body = raw ? JSON.parse(raw) : null;
  } catch {
    if (!response.ok) throw new ApiError(`HTTP_${response.status}`, raw.slice(0, 300) || response.statusText, response.status);
    throw new ApiError('E_BAD_ANSWER', `${path} did not answer JSON`, response.status);
  }
  if (!response.ok) throw errorFrom(body, response.status);
  return body;
}

/** A Doc from an answer that is a Doc, or holds one under `doc`. */
function docFrom(body: unknown, path: string): Doc {
  const candidate = isRecord(body) && isRecord(body['doc']) ? body['doc'] : body;
  if (isRecord(candidate) && typeof candidate['text'] === 'string') return withDefaults(candidate);
  throw new ApiError('E_BAD_ANSWER', `${path} did not answer an analysed article`, 200);
}

const LAYERS = ['alignment', 'removals', 'paragraphs', 'sentences', 'tokens', 'mentions', 'entities', 'timexes', 'places', 'quotes', 'events', 'summary', 'diagnostics'] as const;

/** Fills missing layers with empty arrays: a Doc from an older or partial pipeline still renders. */
export function withDefaults(candidate: UnknownRecord): Doc {
  const doc: UnknownRecord = { schemaVersion: '', source: candidate['text'], meta: {}, ...candidate };
  for (const layer of LAYERS) if (!Array.isArray(doc[layer])) doc[layer] = [];
  if (!isRecord(doc['meta'])) doc['meta'] = {};
  return doc as unknown as Doc;
}

/** `POST /analyze`: the analysis of an article, not stored. */
export async function analyzeArticle(article: AnalyzeRequest): Promise<Doc> {
  return docFrom(await request('/analyze', { method: 'POST', body: JSON.stringify(article) }), '/analyze');
}

/** `POST /articles`: analyses and stores an article; answers its store id (and the Doc when the server sends it). */
export async function storeArticle(article: AnalyzeRequest): Promise<{ id: string; doc: Doc | null }> {
  const body = await request('/articles', { method: 'POST', body: JSON.stringify(article) });
  const id = isRecord(body) ? (typeof body['id'] === 'string' ? body['id'] : isRecord(body['doc']) && isRecord(body['doc']['meta']) ? body['doc']['meta']['id'] : undefined) : undefined;
  if (typeof id !== 'string') throw new ApiError('E_BAD_ANSWER', '/articles did not answer the id of the stored article', 200);
  let doc: Doc | null = null;
  try {
    doc = docFrom(body, '/articles');
  } catch {
    doc = null;
  }
  return { id, doc };
}

/** `GET /articles/:id`: a stored article's Doc. */
export async function fetchArticle(id: string): Promise<Doc> {
  const path = `/articles/${encodeURIComponent(id)}`;
  return docFrom(await request(path), path);
}

/** The query string of a search (empty facets left out). */
export function searchParameters(query: SearchQuery): URLSearchParams {
  const parameters = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    const text = String(value).trim();
    if (text) parameters.set(name, text);
  }
  return parameters;
}

/** `GET /search`: stored articles and quotes matching every given facet. */
export async function searchStore(query: SearchQuery): Promise<SearchResult> {
  const body = await request(`/search?${searchParameters(query).toString()}`);
  const record = isRecord(body) ? body : {};
  return {
    total: typeof record['total'] === 'number' ? record['total'] : 0,
    articles: Array.isArray(record['articles']) ? (record['articles'] as SearchResult['articles']) : [],
    quotes: Array.isArray(record['quotes']) ? (record['quotes'] as SearchResult['quotes']) : [],
  };
}

/** `GET /entities/:id`: one stored entity with its mentions, quotes and events. */
export async function fetchEntity(id: string): Promise<EntityRecord> {
  return (await request(`/entities/${encodeURIComponent(id)}`)) as EntityRecord;
}

/** `GET /entities?name=`: stored entities whose name or alias is `name`. */
export async function findEntities(name: string): Promise<EntitySummary[]> {
  const body = await request(`/entities?${new URLSearchParams({ name }).toString()}`);
  return isRecord(body) && Array.isArray(body['entities']) ? (body['entities'] as EntitySummary[]) : [];
}
