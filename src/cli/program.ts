/**
 * The `lede` command line. Thin: it reads inputs, runs the pipeline and writes results; every
 * expected failure is a one-line message with a documented exit code (see src/errors.ts).
 */
import { createWriteStream, existsSync, readFileSync, statSync, type WriteStream } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { docJsonSchema, type Doc } from '../doc/schema.js';
import { withSourceOffsets } from '../doc/source-offsets.js';
import { errorRecord, LedeError, toLedeError } from '../errors.js';
import { parsePublished } from '../pipeline/dates.js';
import type { Pipeline } from '../pipeline/pipeline.js';
import type { Store } from '../store/store.js';
import { readInputs, type InputFormat, type InputItem } from '../stages/ingest/inputs.js';
import { Presets, SingleBar } from 'cli-progress';

// Heavy modules load when a command needs them: a batch's main thread only reads and writes while
// worker threads analyse, so it should not carry the stages, the store drivers, the HTTP server and
// the queue client (about 80 MB of code and data).
const stagesModule = () => import('../pipeline/default-stages.js');
const pipelineModule = () => import('../pipeline/pipeline.js');
const storeModule = () => import('../store/open-store.js');
const filtersModule = () => import('../store/filters.js');
const queueModule = () => import('../queue/queue.js');

/** Opens the store a command names, runs `use` on it and closes it, whatever happens. */
async function withStore<T>(target: string, use: (store: Store) => Promise<T>): Promise<T> {
  const { openStore } = await storeModule();
  const store = await openStore(target);
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

async function defaultPipeline(filter?: (name: string) => boolean): Promise<Pipeline> {
  const [{ defaultStages }, { createPipeline }] = await Promise.all([stagesModule(), pipelineModule()]);
  return createPipeline(filter ? defaultStages().filter((stage) => filter(stage.name)) : defaultStages());
}

type OutputFormat = 'json' | 'jsonl' | 'pretty' | 'events-csv';

interface AnalyzeFlags {
  format?: OutputFormat;
  published?: string;
  inputFormat: InputFormat;
  offsets: 'text' | 'source';
  output?: string;
  workers?: string;
  resume?: boolean;
  timeout?: string;
}

function openOutput(path: string | undefined): { write: (text: string) => void; close: () => Promise<void>; isTty: boolean } {
  if (!path) {
    return { write: (text) => void process.stdout.write(text), close: async () => {}, isTty: Boolean(process.stdout.isTTY) };
  }
  const stream: WriteStream = createWriteStream(path);
  return {
    write: (text) => void stream.write(text),
    close: () => new Promise((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve()))),
    isTty: false,
  };
}

function present(doc: Doc, offsets: 'text' | 'source'): Doc {
  return offsets === 'source' ? withSourceOffsets(doc) : doc;
}

async function* withPublished(items: AsyncIterable<InputItem>, published: string): AsyncGenerator<InputItem> {
  for await (const item of items) yield 'input' in item ? { id: item.id, input: { ...item.input, published } } : item;
}

async function* chain(first: readonly InputItem[], rest: AsyncIterator<InputItem>): AsyncGenerator<InputItem> {
  yield* first;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

function progressReporter(): { update: (done: number, failed: number) => void; stop: () => void } {
  const started = Date.now();
  if (process.stderr.isTTY) {
    const bar = new SingleBar({ format: 'lede {bar} {value} articles | {failed} errors | {rate}/s | {duration_formatted}', hideCursor: true, stream: process.stderr }, Presets.shades_classic);
    bar.start(0, 0, { failed: 0, rate: '0' });
    return {
      update: (done, failed) => {
        bar.setTotal(done);
        bar.update(done, { failed, rate: (done / Math.max(0.001, (Date.now() - started) / 1000)).toFixed(1) });
      },
      stop: () => bar.stop(),
    };
  }
  let last = started;
  return {
    update: (done, failed) => {
      const now = Date.now();
      if (now - last < 10_000) return;
      last = now;
      process.stderr.write(`lede: ${done} articles, ${failed} errors, ${(done / ((now - started) / 1000)).toFixed(1)} articles/s\n`);
    },
    stop: () => {},
  };
}

async function analyzeCommand(inputSpec: string, flags: AnalyzeFlags): Promise<number> {
  const published = flags.published !== undefined ? parsePublished(flags.published, '--published') : undefined;
  const workers = flags.workers !== undefined ? Number(flags.workers) : undefined;
  if (workers !== undefined && (!Number.isInteger(workers) || workers < 0 || workers > 256)) throw new LedeError('E_USAGE', `--workers: ${JSON.stringify(flags.workers)} is not a whole number from 0 to 256`);
  if (flags.resume && !flags.output) throw new LedeError('E_USAGE', '--resume needs --output FILE (the file the interrupted run was writing)');
  const iterator = readInputs(inputSpec, flags.inputFormat)[Symbol.asyncIterator]();
  // Peek at two items: one means a single article, more means a batch.
  const head: InputItem[] = [];
  for (let k = 0; k < 2; k++) {
    const next = await iterator.next();
    if (next.done) break;
    head.push(next.value);
  }
  const isDirectory = inputSpec !== '-' && existsSync(inputSpec) && statSync(inputSpec).isDirectory();
  const single = head.length === 1 && !isDirectory && !inputSpec.toLowerCase().endsWith('.jsonl') && flags.inputFormat !== 'jsonl';
  const format: OutputFormat = flags.format ?? (single ? 'json' : 'jsonl');
  if (single || format !== 'jsonl') {
    const pipeline: Pipeline = await defaultPipeline();
    const { eventsToCsv } = await import('../stages/events/events-csv.js');
    const { renderPretty } = await import('./pretty.js');
    const output = openOutput(flags.output);
    let failures = 0;
    let csvHeaderWritten = false;
    for await (const item of chain(head, iterator)) {
      let doc: Doc;
      try {
        if ('error' in item) throw item.error;
        doc = present(pipeline.analyze(item.input, published ? { published } : {}), flags.offsets);
      } catch (error) {
        const ledeError = toLedeError(error, item.id);
        if (single) {
          await output.close();
          throw ledeError;
        }
        failures++;
        if (format === 'json') output.write(`${JSON.stringify({ id: item.id, error: errorRecord(ledeError) })}\n`);
        process.stderr.write(`lede: ${ledeError.message}\n`);
        continue;
      }
      if (format === 'events-csv') {
        // One header for the whole output, then each article's rows as it is analysed.
        const csv = eventsToCsv([doc]);
        output.write(csvHeaderWritten ? csv.slice(csv.indexOf('\n') + 1) : csv);
        csvHeaderWritten = true;
      } else if (format === 'pretty') output.write(renderPretty(doc, { colour: output.isTty && !process.env['NO_COLOR'] }) + (single ? '' : '\n'));
      else if (format === 'json' && single) output.write(`${JSON.stringify(doc, null, 2)}\n`);
      else output.write(`${JSON.stringify({ id: item.id, ...doc })}\n`);
    }
    await output.close();
    if (!single && failures > 0) process.stderr.write(`lede: ${failures} inputs failed\n`);
    return 0;
  }
  const progress = progressReporter();
  const { runBatch } = await import('./batch.js');
  const summary = await runBatch(chain(head, iterator), {
    offsets: flags.offsets,
    onProgress: progress.update,
    ...(flags.output ? { output: flags.output } : {}),
    ...(workers !== undefined ? { workers } : {}),
    ...(published ? { published } : {}),
    ...(flags.resume ? { resume: true } : {}),
    ...(flags.timeout ? { timeoutMs: Number(flags.timeout) * 1000 } : {}),
  });
  progress.stop();
  const errors = Object.entries(summary.errors).map(([code, count]) => `${code} ${count}`).join(', ');
  process.stderr.write(
    `lede: ${summary.articles} articles written${summary.skipped ? `, ${summary.skipped} already done (skipped)` : ''}, ${errors ? `errors: ${errors}` : 'no errors'}, ${(summary.articles / Math.max(summary.seconds, 0.001)).toFixed(1)} articles/s, ${resourceNote()}\n`,
  );
  return 0;
}

/** Builds the commander program (exported for tests). */
/** The process's peak RSS (every thread) and CPU time so far, for a batch's summary line. */
function resourceNote(): string {
  const usage = process.resourceUsage();
  return `peak RSS ${Math.round(usage.maxRSS / 1024)} MB, CPU ${((usage.userCPUTime + usage.systemCPUTime) / 1e6).toFixed(1)} s`;
}

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('lede')
    .description('Turns news articles into structured, checkable knowledge.')
    .version('0.1.0')
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });
  program
    .command('analyze')
    .description('analyse an article file, a directory of articles, a JSONL batch, or - for stdin')
    .argument('<input>', 'file, directory, JSONL batch, or - for stdin')
    .addOption(new Option('-f, --format <format>', 'output format (json for one article, jsonl for a batch)').choices(['json', 'jsonl', 'pretty', 'events-csv']))
    .option('-p, --published <date>', 'publication date YYYY-MM-DD (overrides dates found in the input)')
    .addOption(new Option('-i, --input-format <format>', 'how to read the input').choices(['auto', 'text', 'html', 'jsonl']).default('auto'))
    .addOption(new Option('--offsets <kind>', 'count span offsets in the normalised text or in the input as given').choices(['text', 'source']).default('text'))
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .option('-w, --workers <n>', 'worker threads for a batch (0: in the main thread; default: one per core)')
    .option('--resume', 'continue an interrupted batch: skip the ids already in --output')
    .option('--timeout <seconds>', 'time budget per article in a batch (default 30)')
    .action(async (input: string, flags: AnalyzeFlags) => {
      process.exitCode = await analyzeCommand(input, flags);
    });
  program
    .command('summarize')
    .description('print the extractive summary of an article, one sentence per line')
    .argument('<input>', 'article file or - for stdin')
    .option('-p, --published <date>', 'publication date YYYY-MM-DD')
    .option('-s, --sentences <n>', 'number of sentences (default: the learned length, 2 to 4)')
    .option('--words <n>', 'word budget instead of a sentence count')
    .action(async (input: string, flags: { published?: string; sentences?: string; words?: string }) => {
      const count = (value: string | undefined, name: string): number | undefined => {
        if (value === undefined) return undefined;
        const number = Number(value);
        if (!Number.isInteger(number) || number < 1) throw new LedeError('E_USAGE', `${name}: ${JSON.stringify(value)} is not a whole number of at least 1`);
        return number;
      };
      const sentences = count(flags.sentences, '--sentences');
      const words = count(flags.words, '--words');
      const published = flags.published !== undefined ? parsePublished(flags.published, '--published') : undefined;
      const pipeline = await defaultPipeline((name) => ['normalize', 'segment'].includes(name));
      const { loadSummaryModel, summarize } = await import('../stages/summary/summarize.js');
      const model = loadSummaryModel();
      for await (const item of readInputs(input, 'auto')) {
        if ('error' in item) throw item.error;
        const doc = pipeline.analyze(item.input, published ? { published } : {});
        const chosen = summarize(doc.text, doc.sentences, { ...(sentences ? { sentences } : {}), ...(words ? { words } : {}) }, { model });
        process.stdout.write(`${chosen.map((item) => doc.text.slice(item.start, item.end).replace(/\s+/g, ' ')).join('\n')}\n`);
      }
    });
  program
    .command('ner')
    .description('tag pre-tokenised CoNLL input and write TOKEN GOLD PRED lines for conlleval')
    .requiredOption('--conll <file>', 'CoNLL file: token first, gold tag last, blank lines between sentences')
    .action(async (flags: { conll: string }) => {
      if (!existsSync(flags.conll)) throw new LedeError('E_INPUT_NOT_FOUND', `${flags.conll}: no such file`, flags.conll);
      const text = readFileSync(flags.conll, 'utf8');
      if (!text.trim()) throw new LedeError('E_INPUT_EMPTY', `${flags.conll}: the file is empty`, flags.conll);
      const [{ tagConll }, { loadTagger }] = await Promise.all([import('../stages/entities/tagger/conll.js'), import('../stages/entities/tagger/tagger.js')]);
      process.stdout.write(tagConll(text, loadTagger()));
    });
  program
    .command('ingest')
    .description('analyse articles and keep them in the store (SQLite file or PostgreSQL); re-ingesting updates')
    .argument('<input>', 'file, directory, JSONL batch, or - for stdin')
    .option('--db <target>', 'SQLite file or postgres:// URL', 'lede.db')
    .option('-p, --published <date>', 'publication date YYYY-MM-DD for every article')
    .addOption(new Option('-i, --input-format <format>', 'how to read the input').choices(['auto', 'text', 'html', 'jsonl']).default('auto'))
    .option('-w, --workers <n>', 'worker threads that analyse (0: in the main thread; default: one per core)')
    .action(async (input: string, flags: { db: string; published?: string; inputFormat: InputFormat; workers?: string }) => {
      const published = flags.published !== undefined ? parsePublished(flags.published, '--published') : undefined;
      const { defaultIngestWorkers, ingestInputs } = await import('../store/ingest.js');
      const workers = flags.workers !== undefined ? Number(flags.workers) : defaultIngestWorkers();
      if (!Number.isInteger(workers) || workers < 0 || workers > 256) throw new LedeError('E_USAGE', `--workers: ${JSON.stringify(flags.workers)} is not a whole number from 0 to 256`);
      await withStore(flags.db, async (store) => {
        const pipeline = workers > 0 ? null : await defaultPipeline();
        const progress = progressReporter();
        const items = published ? withPublished(readInputs(input, flags.inputFormat), published) : readInputs(input, flags.inputFormat);
        const summary = await ingestInputs(store, pipeline, items, (counts) => progress.update(counts.total, counts.failed), { workers });
        progress.stop();
        for (const failure of summary.errors.slice(0, 20)) process.stderr.write(`lede: ${failure.error.message}\n`);
        process.stderr.write(
          `lede: ${summary.total} articles: ${summary.created} new, ${summary.updated} updated, ${summary.failed} failed; ${(summary.total / Math.max(summary.seconds, 0.001)).toFixed(1)} articles/s into ${store.location}, ${resourceNote()}\n`,
        );
      });
    });
  program
    .command('search')
    .description('search stored articles and quotes')
    .argument('[query]', 'words (all must occur), "quoted phrases", prefix*')
    .option('--db <target>', 'SQLite file or postgres:// URL', 'lede.db')
    .option('--entity <name>', 'only articles mentioning this entity (name, alias or id)')
    .option('--type <type>', 'only articles with an event of this type (PLOVER or ACLED)')
    .option('--place <place>', 'only articles with this place (name, country or ISO code)')
    .option('--from <date>', 'first day YYYY-MM-DD')
    .option('--to <date>', 'last day YYYY-MM-DD')
    .option('--limit <n>', 'results per page', '20')
    .addOption(new Option('-f, --format <format>', 'output').choices(['text', 'json']).default('text'))
    .action(async (query: string | undefined, flags: { db: string; entity?: string; type?: string; place?: string; from?: string; to?: string; limit: string; format: string }) => {
      await withStore(flags.db, async (store) => {
        const { db: _db, format, ...filters } = flags;
        const { searchStore } = await filtersModule();
        const result = await searchStore(store, { ...filters, ...(query ? { q: query } : {}) });
        if (format === 'json') process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        else {
          process.stdout.write(`${result.total}${result.totalExact === false ? '+' : ''} articles\n`);
          for (const hit of result.articles) process.stdout.write(`${hit.id}\t${hit.published ?? ''}\t${hit.title}\n    ${hit.snippet}\n`);
          for (const quote of result.quotes) process.stdout.write(`quote ${quote.articleId}/${quote.quoteId}: ${quote.speaker ?? '?'}: ${quote.text}\n`);
        }
      });
    });
  program
    .command('events')
    .description('list stored events (ACLED-like CSV or JSON)')
    .option('--db <target>', 'SQLite file or postgres:// URL', 'lede.db')
    .option('--entity <name>', 'events this entity takes part in')
    .option('--type <type>', 'event type (PLOVER or ACLED)')
    .option('--place <place>', 'place name, country or ISO code')
    .option('--from <date>', 'first day YYYY-MM-DD')
    .option('--to <date>', 'last day YYYY-MM-DD')
    .option('--all', 'include negated and hypothetical events')
    .addOption(new Option('-f, --format <format>', 'output').choices(['csv', 'json']).default('csv'))
    .action(async (flags: { db: string; entity?: string; type?: string; place?: string; from?: string; to?: string; all?: boolean; format: string }) => {
      await withStore(flags.db, async (store) => {
        const { db: _db, format, ...filters } = flags;
        const { listStoreEvents } = await filtersModule();
        const { eventsToCsv: storeEventsToCsv } = await import('../store/events-csv.js');
        const events = await listStoreEvents(store, filters);
        process.stdout.write(format === 'json' ? `${JSON.stringify(events, null, 2)}\n` : storeEventsToCsv(events));
      });
    });
  program
    .command('serve')
    .description('serve the HTTP API and the web reader over a store')
    .option('--db <target>', 'SQLite file or postgres:// URL', 'lede.db')
    .option('--port <n>', 'port (0 picks a free one)', '8080')
    .option('--host <host>', 'interface to bind (anything but loopback needs --token)', '127.0.0.1')
    .option('--token <token>', 'API token required as Authorization: Bearer (default: $LEDE_TOKEN)')
    .action(async (flags: { db: string; port: string; host: string; token?: string }) => {
      const port = Number(flags.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new LedeError('E_USAGE', `--port: ${JSON.stringify(flags.port)} is not a port number`);
      const token = flags.token ?? process.env['LEDE_TOKEN'];
      const { startServer } = await import('../server/start.js');
      const server = await startServer({ dbPath: flags.db, port, host: flags.host, ...(token ? { token } : {}) });
      process.stderr.write(`lede: serving ${flags.db} at ${server.url} (web reader at ${server.url}/)\n`);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', () => resolve());
        process.once('SIGTERM', () => resolve());
      });
      await server.close();
    });
  program
    .command('enqueue')
    .description('put articles on a Redis queue for `lede worker` processes on any number of machines')
    .argument('<input>', 'file, directory, JSONL batch, or - for stdin')
    .requiredOption('-q, --queue <url>', 'Redis URL, e.g. redis://127.0.0.1:6379')
    .option('-p, --published <date>', 'publication date YYYY-MM-DD for every article')
    .addOption(new Option('-i, --input-format <format>', 'how to read the input').choices(['auto', 'text', 'html', 'jsonl']).default('auto'))
    .action(async (input: string, flags: { queue: string; published?: string; inputFormat: InputFormat }) => {
      const published = flags.published !== undefined ? parsePublished(flags.published, '--published') : undefined;
      const { enqueueInputs } = await queueModule();
      const result = await enqueueInputs(flags.queue, readInputs(input, flags.inputFormat), published ? { published } : {});
      process.stderr.write(`lede: ${result.queued} articles queued, ${result.dead} unreadable inputs sent to the dead-letter list\n`);
    });
  program
    .command('worker')
    .description('take articles from the Redis queue, analyse them and write them to the store, until stopped')
    .requiredOption('-q, --queue <url>', 'Redis URL')
    .option('--db <target>', 'store: a SQLite file or a postgres:// URL', 'lede.db')
    .option('-c, --concurrency <n>', 'jobs at once in this process', '1')
    .option('--lock-ms <ms>', 'job lock duration; a dead worker\'s job is retried after it', '30000')
    .action(async (flags: { queue: string; db: string; concurrency: string; lockMs: string }) => {
      const concurrency = Number(flags.concurrency);
      const lockDuration = Number(flags.lockMs);
      if (!Number.isInteger(concurrency) || concurrency < 1) throw new LedeError('E_USAGE', `--concurrency: ${JSON.stringify(flags.concurrency)} is not a whole number of at least 1`);
      if (!Number.isInteger(lockDuration) || lockDuration < 1000) throw new LedeError('E_USAGE', `--lock-ms: ${JSON.stringify(flags.lockMs)} must be at least 1000`);
      const [{ openStore }, { startWorker }] = await Promise.all([storeModule(), queueModule()]);
      const store = await openStore(flags.db);
      const pipeline = await defaultPipeline();
      const running = startWorker(flags.queue, store, pipeline, { concurrency, lockDuration, stalledInterval: Math.max(1000, Math.floor(lockDuration / 2)) });
      process.stderr.write(`lede worker: waiting for articles on ${flags.queue}, writing to ${flags.db}\n`);
      await new Promise<void>((resolve) => {
        const stop = (): void => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await running.close();
      await store.close();
    });
  program
    .command('queue-status')
    .description('print queue counts and dead letters as JSON')
    .requiredOption('-q, --queue <url>', 'Redis URL')
    .action(async (flags: { queue: string }) => {
      const { queueStatus } = await queueModule();
      process.stdout.write(`${JSON.stringify(await queueStatus(flags.queue), null, 2)}\n`);
    });
  program
    .command('schema')
    .description('print the JSON Schema of the analysis output')
    .action(() => {
      process.stdout.write(`${JSON.stringify(docJsonSchema(), null, 2)}\n`);
    });
  return program;
}

/** Runs the CLI with the given arguments; returns the exit code. */
export async function runCli(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; commander already printed its message.
      return error.exitCode === 0 ? 0 : 2;
    }
    const ledeError = toLedeError(error);
    process.stderr.write(`lede: ${ledeError.message}${ledeError.code === 'E_INTERNAL' && process.env['LEDE_DEBUG'] && error instanceof Error ? `\n${error.stack}` : ''}\n`);
    return ledeError.exitCode;
  }
}
