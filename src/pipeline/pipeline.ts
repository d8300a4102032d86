/**
 * Assembling and running stages. The pipeline checks, when it is built, that every stage's
 * `requires` is assigned by an earlier stage, loads each stage's resources once, and then turns
 * article inputs into Docs.
 */
import { SCHEMA_VERSION, type Doc, type DocField, type Meta, type Removal } from '../doc/schema.js';
import { LedeError } from '../errors.js';
import { parsePublished } from './dates.js';
import { extractHtml } from '../stages/ingest/html.js';
import { looksLikeHtml } from '../stages/ingest/decode.js';
import type { RunContext, Stage } from './stage.js';

/** One article to analyse. */
export interface ArticleInput {
  /** Caller's id for the article (echoed in `meta.id` and in error records). */
  readonly id?: string;
  /** Plain text of the article. Give `text` or `html`. */
  readonly text?: string;
  /** HTML of the article page. */
  readonly html?: string;
  /** Publication date `YYYY-MM-DD`. */
  readonly published?: string;
  readonly url?: string;
}

/** Options for one analysis. */
export interface AnalyzeOptions {
  /** Publication date `YYYY-MM-DD`; overrides a date found in the input. */
  readonly published?: string;
  /** How to read a string input; default `auto` (HTML when it looks like HTML). */
  readonly inputFormat?: 'auto' | 'text' | 'html';
  /** Input id for `meta.id` and error messages. */
  readonly id?: string;
  readonly url?: string;
}

/** An assembled pipeline: frozen, with its resources loaded. */
export interface Pipeline {
  readonly stages: readonly Stage[];
  /** Analyses one article. Throws {@link LedeError} for bad input. */
  analyze(input: string | ArticleInput, options?: AnalyzeOptions): Doc;
}

/** Fields present before any stage runs. */
const INITIAL_FIELDS: readonly DocField[] = ['source', 'meta'];

/** Checks that each stage's requirements are met by earlier stages (throws E_PIPELINE otherwise). */
export function checkStageOrder(stages: readonly Stage[]): void {
  const assigned = new Set<DocField>(INITIAL_FIELDS);
  for (const stage of stages) {
    for (const field of stage.requires) {
      if (!assigned.has(field)) {
        throw new LedeError('E_PIPELINE', `stage "${stage.name}" requires "${field}", which no earlier stage assigns (stages: ${stages.map((s) => s.name).join(', ')})`);
      }
    }
    for (const field of stage.assigns) assigned.add(field);
  }
}

export { parsePublished } from './dates.js';

// `/2015/04/08/` in an article URL.
const URL_DATE = /\/((?:19|20)\d{2})[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\d|3[01])(?:\/|$|[-_])/;

function emptyDoc(source: string, meta: Meta): Doc {
  return {
    schemaVersion: SCHEMA_VERSION, source, text: '', alignment: [], meta, removals: [], paragraphs: [], sentences: [], tokens: [],
    mentions: [], entities: [], timexes: [], places: [], quotes: [], events: [], summary: [], diagnostics: [],
  };
}

/** Builds the initial Doc (source and meta) from an input, extracting the article from HTML. */
export function ingest(input: string | ArticleInput, options: AnalyzeOptions = {}): Doc {
  const record: ArticleInput = typeof input === 'string' ? (options.inputFormat === 'html' || (options.inputFormat !== 'text' && looksLikeHtml(input)) ? { html: input } : { text: input }) : input;
  const id = options.id ?? record.id;
  const name = id ?? 'input';
  const url = options.url ?? record.url;
  const meta: Meta = { ...(id !== undefined ? { id } : {}), ...(url ? { url } : {}), language: 'en' };
  let source: string;
  let pageRemovals: Removal[] = [];
  if (typeof record.html === 'string' && record.text === undefined) {
    const article = extractHtml(record.html, url ? { url } : {});
    source = article.text;
    pageRemovals = article.removed.map((removed) => ({ start: 0, end: 0, reason: removed.reason, text: removed.text, scope: 'page' as const }));
    meta.format = 'html';
    if (article.title) meta.title = article.title;
    if (article.byline) meta.byline = article.byline;
    if (article.siteName) meta.publisher = article.siteName;
    if (article.published) {
      meta.published = article.published.slice(0, 10);
      if (article.publishedSource) meta.publishedSource = article.publishedSource;
    }
  } else if (typeof record.text === 'string') {
    source = record.text;
    meta.format = 'text';
  } else {
    throw new LedeError('E_BAD_RECORD', `${name}: the article has neither "text" nor "html"`, id);
  }
  const published = options.published ?? record.published;
  if (published !== undefined) {
    meta.published = parsePublished(published, name);
    meta.publishedSource = 'caller';
  } else if (!meta.published && url) {
    const match = URL_DATE.exec(url);
    if (match) {
      meta.published = `${match[1]}-${match[2]}-${match[3]}`;
      meta.publishedSource = 'url';
    }
  }
  const doc = emptyDoc(source, meta);
  doc.removals = pageRemovals;
  if (!source.trim()) {
    throw new LedeError('E_INPUT_EMPTY', `${name}: ${meta.format === 'html' ? 'no article text found in the HTML' : 'the input is empty'}`, id);
  }
  return doc;
}

/** Runs stages over a Doc, each adding its fields. */
export function runStages(doc: Doc, stages: readonly Stage[], resources: readonly unknown[], context: RunContext): Doc {
  let current = doc;
  for (let index = 0; index < stages.length; index++) {
    const stage = stages[index]!;
    const assigned = stage.run(current, resources[index], context);
    const next: Doc = { ...current };
    for (const field of stage.assigns) {
      const value = assigned[field];
      if (value === undefined) continue;
      if (field === 'diagnostics') next.diagnostics = [...current.diagnostics, ...(value as Doc['diagnostics'])];
      else if (field === 'meta') next.meta = { ...current.meta, ...(value as Meta) };
      else (next as Record<string, unknown>)[field] = value;
    }
    current = next;
  }
  return current;
}

/** Assembles a pipeline from stages (checked in order) and loads their resources once. */
export async function createPipeline(stages: readonly Stage[]): Promise<Pipeline> {
  checkStageOrder(stages);
  const resources: unknown[] = [];
  for (const stage of stages) resources.push(stage.load ? await stage.load() : undefined);
  const frozenStages = Object.freeze([...stages]);
  return Object.freeze({
    stages: frozenStages,
    analyze(input: string | ArticleInput, options: AnalyzeOptions = {}): Doc {
      const doc = ingest(input, options);
      const result = runStages(doc, frozenStages, resources, runContext(doc));
      checkText(result, inputName(input, options), options.id);
      return result;
    },
  });
}

/** The run context of a Doc: its publication date, when known. */
export function runContext(doc: Doc): RunContext {
  return doc.meta.published ? { published: doc.meta.published } : {};
}

/** Throws E_INPUT_EMPTY for a Doc whose clean text is blank (only captions and page furniture were left). */
function checkText(doc: Doc, name: string, id: string | undefined): void {
  if (doc.text.trim()) return;
  throw new LedeError('E_INPUT_EMPTY', `${name}: nothing is left of the article once captions and page furniture are removed`, id);
}

/** The name errors give an input: its id, or `input`. */
function inputName(input: string | ArticleInput, options: AnalyzeOptions): string {
  return options.id ?? (typeof input === 'string' ? 'input' : input.id ?? 'input');
}

/**
 * The two halves of a pipeline split before one stage, for two threads that each run one half
 * (see `src/pipeline/worker-pool.ts`): each half loads only its own stages' resources, so each
 * thread holds and compiles half the models and code. `front` ingests and runs the stages before
 * `splitAt`; `back` runs the rest on the front's Doc. Together they give what
 * {@link Pipeline.analyze} gives.
 */
export interface PipelineHalf {
  readonly stages: readonly Stage[];
  /** `front`: the input's Doc through the first stages (throws like {@link Pipeline.analyze}). */
  front(input: string | ArticleInput, options?: AnalyzeOptions): Doc;
  /** `back`: the remaining stages over a front Doc. */
  back(doc: Doc): Doc;
}

/** Index of the stage a pipeline is split before (throws E_PIPELINE for a name it lacks or at its ends). */
export function splitIndex(stages: readonly Stage[], splitAt: string): number {
  const index = stages.findIndex((stage) => stage.name === splitAt);
  if (index <= 0) throw new LedeError('E_PIPELINE', `cannot split the pipeline before "${splitAt}" (stages: ${stages.map((s) => s.name).join(', ')})`);
  return index;
}

/** Builds one half of `stages` split before the stage named `splitAt`, loading only that half's resources. */
export async function createPipelineHalf(stages: readonly Stage[], splitAt: string, half: 'front' | 'back'): Promise<PipelineHalf> {
  checkStageOrder(stages);
  const index = splitIndex(stages, splitAt);
  const own = Object.freeze(half === 'front' ? stages.slice(0, index) : stages.slice(index));
  const resources: unknown[] = [];
  for (const stage of own) resources.push(stage.load ? await stage.load() : undefined);
  const setsText = own.some((stage) => stage.assigns.includes('text'));
  const refuse = (): never => { throw new LedeError('E_PIPELINE', `this pipeline half runs the ${half} stages only (${own.map((s) => s.name).join(', ')})`); };
  return Object.freeze({
    stages: own,
    front: half === 'front'
      ? (input: string | ArticleInput, options: AnalyzeOptions = {}): Doc => {
        const doc = ingest(input, options);
        const result = runStages(doc, own, resources, runContext(doc));
        // A blank text fails as soon as the stage that sets it has run (the whole pipeline fails at its end).
        if (setsText) checkText(result, inputName(input, options), options.id);
        return result;
      }
      : refuse,
    back: half === 'back'
      ? (doc: Doc): Doc => {
        const result = runStages(doc, own, resources, runContext(doc));
        checkText(result, doc.meta.id ?? 'input', undefined);
        return result;
      }
      : refuse,
  });
}
