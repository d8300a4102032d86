/**
 * The `lede` command line. Thin: it reads inputs, runs the pipeline and writes results; every
 * expected failure is a one-line message with a documented exit code (see src/errors.ts).
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { docJsonSchema, type Doc } from '../doc/schema.js';
import { withSourceOffsets } from '../doc/source-offsets.js';
import { errorRecord, LedeError, toLedeError } from '../errors.js';
import { defaultStages } from '../pipeline/default-stages.js';
import { createPipeline, parsePublished, type Pipeline } from '../pipeline/pipeline.js';
import { readInputs, type InputFormat } from '../stages/ingest/inputs.js';
import { renderPretty } from './pretty.js';

type OutputFormat = 'json' | 'jsonl' | 'pretty';

interface AnalyzeFlags {
  format?: OutputFormat;
  published?: string;
  inputFormat: InputFormat;
  offsets: 'text' | 'source';
  output?: string;
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

async function analyzeCommand(inputSpec: string, flags: AnalyzeFlags): Promise<number> {
  const published = flags.published !== undefined ? parsePublished(flags.published, '--published') : undefined;
  const pipeline: Pipeline = await createPipeline(defaultStages());
  const output = openOutput(flags.output);
  const items = readInputs(inputSpec, flags.inputFormat);
  let count = 0;
  let failures = 0;
  let first: { id: string; doc?: Doc; error?: LedeError } | undefined;
  let batch = false;
  const emitLine = (record: unknown): void => output.write(`${JSON.stringify(record)}\n`);
  const emitOne = (entry: { id: string; doc?: Doc; error?: LedeError }, asBatch: boolean): void => {
    const format = flags.format ?? (asBatch ? 'jsonl' : 'json');
    if (entry.error) {
      failures++;
      if (asBatch) emitLine({ id: entry.id, error: errorRecord(entry.error) });
      if (format === 'pretty' || !asBatch) process.stderr.write(`lede: ${entry.error.message}\n`);
      return;
    }
    const doc = present(entry.doc as Doc, flags.offsets);
    if (format === 'pretty') output.write(renderPretty(doc, { colour: output.isTty && !process.env['NO_COLOR'] }) + (asBatch ? '\n' : ''));
    else if (format === 'json' && !asBatch) output.write(`${JSON.stringify(doc, null, 2)}\n`);
    else emitLine({ id: entry.id, ...doc });
  };
  for await (const item of items) {
    count++;
    let entry: { id: string; doc?: Doc; error?: LedeError };
    if ('error' in item) entry = { id: item.id, error: item.error };
    else {
      try {
        entry = { id: item.id, doc: pipeline.analyze(item.input, published ? { published } : {}) };
      } catch (error) {
        entry = { id: item.id, error: toLedeError(error, item.id) };
      }
    }
    // The first item is held back until we know whether this is a batch (more than one input).
    if (count === 1) {
      first = entry;
      continue;
    }
    if (count === 2 && first) {
      batch = true;
      emitOne(first, true);
    }
    emitOne(entry, true);
  }
  if (count === 1 && first) {
    if (first.error) {
      await output.close();
      throw first.error;
    }
    emitOne(first, false);
  }
  await output.close();
  if (batch && failures > 0) process.stderr.write(`lede: ${count} inputs, ${failures} failed (error records written)\n`);
  return 0;
}

/** Builds the commander program (exported for tests). */
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
    .addOption(new Option('-f, --format <format>', 'output format (json for one article, jsonl for a batch)').choices(['json', 'jsonl', 'pretty']))
    .option('-p, --published <date>', 'publication date YYYY-MM-DD (overrides dates found in the input)')
    .addOption(new Option('-i, --input-format <format>', 'how to read the input').choices(['auto', 'text', 'html', 'jsonl']).default('auto'))
    .addOption(new Option('--offsets <kind>', 'count span offsets in the normalised text or in the input as given').choices(['text', 'source']).default('text'))
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .action(async (input: string, flags: AnalyzeFlags) => {
      process.exitCode = await analyzeCommand(input, flags);
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
