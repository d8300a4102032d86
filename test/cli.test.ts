/**
 * The `lede` command end to end, as a user runs it: real files in a temporary folder, the real
 * process, its stdout, stderr and exit code.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';

const root = join(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'lede-cli-'));

function lede(args: string[], input?: string | Buffer): { code: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src', 'cli', 'main.ts'), ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

function write(name: string, content: string | Buffer): string {
  const path = join(work, name);
  writeFileSync(path, content);
  return path;
}

const story = 'PORTMERE (Lede Wire) — The river rose on Tuesday. Officials said 14 people were hurt.\n\nNobody died.';

test('a text file gives one JSON document with metadata and sentences', () => {
  const result = lede(['analyze', write('story.txt', story), '--published', '2025-06-12']);
  assert.equal(result.code, 0, result.stderr);
  const doc = JSON.parse(result.stdout);
  assert.equal(doc.meta.dateline, 'Portmere');
  assert.equal(doc.meta.publisher, 'Lede Wire');
  assert.equal(doc.meta.published, '2025-06-12');
  assert.equal(doc.sentences.length, 3);
  assert.equal(doc.text.slice(doc.sentences[0].start, doc.sentences[0].end), 'The river rose on Tuesday.');
});

test('the bundled example article analyses in the pretty view', () => {
  const result = lede(['analyze', join(root, 'examples', 'example-article.txt'), '--format', 'pretty', '--published', '2025-06-12']);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /dateline\s+Mogadishu/);
  assert.match(result.stdout, /ASSAULT\/drone/);
  assert.match(result.stdout, /photo caption or credit/);
});

test('an HTML page: the body, title and date come from the page', () => {
  const result = lede(['analyze', join(root, 'test', 'fixtures', 'article.html')]);
  assert.equal(result.code, 0, result.stderr);
  const doc = JSON.parse(result.stdout);
  assert.equal(doc.meta.format, 'html');
  assert.equal(doc.meta.title, 'Floods force evacuation in Saltby');
  assert.equal(doc.meta.published, '2025-06-10');
  assert.ok(doc.text.startsWith('Flooding forced the evacuation'), doc.text.slice(0, 60));
  assert.ok(!doc.text.includes('Home'), 'navigation leaked into the body');
  assert.ok(!doc.text.includes('All rights reserved'), 'footer leaked into the body');
});

test('stdin is read with -', () => {
  const result = lede(['analyze', '-', '--format', 'jsonl'], story);
  assert.equal(result.code, 0, result.stderr);
  assert.equal(JSON.parse(result.stdout).meta.publisher, 'Lede Wire');
});

test('a JSONL batch writes one line per input line, in order, with error records for bad lines', () => {
  const lines = [
    JSON.stringify({ id: 'a1', text: story, published: '2025-06-12' }),
    '{not json',
    JSON.stringify({ id: 'a3', title: 'no body' }),
    JSON.stringify({ id: 'a4', text: '   ' }),
    JSON.stringify({ id: 'a5', html: readFileSync(join(root, 'test', 'fixtures', 'article.html'), 'utf8') }),
    JSON.stringify({ id: 'a6', text: story, published: '2025-13-45' }),
  ];
  const result = lede(['analyze', write('batch.jsonl', `${lines.join('\n')}\n`)]);
  assert.equal(result.code, 0, result.stderr);
  const records = result.stdout.trim().split('\n').map((line) => JSON.parse(line));
  assert.deepEqual(records.map((record) => record.id), ['a1', `${join(work, 'batch.jsonl')}:2`, 'a3', 'a4', 'a5', 'a6']);
  assert.deepEqual(records.map((record) => record.error?.code ?? 'ok'), ['ok', 'E_BAD_RECORD', 'E_BAD_RECORD', 'E_INPUT_EMPTY', 'ok', 'E_BAD_DATE']);
});

test('lede ingest stores a JSONL batch in a SQLite file and sums it up: counts, rate, peak RSS and CPU', () => {
  const lines = [JSON.stringify({ id: 'i1', text: story, published: '2025-06-12' }), '{not json'];
  const db = join(work, 'ingest.db');
  const result = lede(['ingest', write('ingest.jsonl', `${lines.join('\n')}\n`), '--db', db, '--workers', '0']);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stderr, /lede: 2 articles: 1 new, 0 updated, 1 failed; [\d.]+ articles\/s into \S*ingest\.db, peak RSS \d+ MB, CPU [\d.]+ s\n/);
  const again = lede(['ingest', join(work, 'ingest.jsonl'), '--db', db, '--workers', '0']);
  assert.match(again.stderr, /lede: 2 articles: 0 new, 1 updated, 1 failed;/);
});

test('a directory: every article file, errors as records', () => {
  const folder = join(work, 'folder');
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'a.txt'), story);
  writeFileSync(join(folder, 'b.html'), readFileSync(join(root, 'test', 'fixtures', 'article.html')));
  writeFileSync(join(folder, 'c.txt'), '');
  writeFileSync(join(folder, 'notes.csv'), 'ignored');
  const result = lede(['analyze', folder]);
  assert.equal(result.code, 0, result.stderr);
  const records = result.stdout.trim().split('\n').map((line) => JSON.parse(line));
  assert.deepEqual(records.map((record) => [record.id, record.error?.code ?? 'ok']), [['a.txt', 'ok'], ['b.html', 'ok'], ['c.txt', 'E_INPUT_EMPTY']]);
});

test('encodings: UTF-16 with BOM and Windows-1252 decode to the same text', () => {
  const text = '“Smart quotes” café — done.';
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  const cp1252 = Buffer.from([0x93, ...Buffer.from('Smart quotes'), 0x94, 0x20, ...Buffer.from('caf'), 0xe9, 0x20, 0x97, ...Buffer.from(' done.')]);
  for (const [name, bytes] of [['u16.txt', utf16], ['cp.txt', cp1252]] as const) {
    const result = lede(['analyze', write(name, bytes)]);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(JSON.parse(result.stdout).text, text, name);
  }
});

const FAILURES: ReadonlyArray<readonly [string, () => string[], number, RegExp]> = [
  ['missing file', () => ['analyze', join(work, 'nope.txt')], 3, /nope\.txt: no such file or directory/],
  ['empty file', () => ['analyze', write('empty.txt', '')], 4, /empty\.txt: the file is empty/],
  ['whitespace only', () => ['analyze', write('blank.txt', ' \n\t\n')], 4, /blank\.txt: the file holds only whitespace/],
  ['binary file', () => ['analyze', write('image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3]))], 5, /image\.png: binary data/],
  ['directory without articles', () => { mkdirSync(join(work, 'nothing'), { recursive: true }); return ['analyze', join(work, 'nothing')]; }, 6, /holds no article files/],
  ['bad publication date', () => ['analyze', write('ok.txt', story), '--published', '2018-02-30'], 8, /--published: publication date "2018-02-30" is not a valid/],
  ['only captions', () => ['analyze', write('caption.txt', 'Photo: Getty Images\n')], 4, /nothing is left of the article/],
];
for (const [name, args, code, message] of FAILURES) {
  test(`error: ${name} → one line, exit ${code}, no stack trace`, () => {
    const result = lede(args());
    assert.equal(result.code, code, result.stderr);
    assert.match(result.stderr, message);
    assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
    assert.doesNotMatch(result.stderr, /\n\s+at /);
  });
}

test('--offsets source counts offsets in the input as given', () => {
  const result = lede(['analyze', write('offsets.txt', story), '--offsets', 'source']);
  const doc = JSON.parse(result.stdout);
  const first = doc.sentences[0];
  assert.equal(story.slice(first.start, first.end), 'The river rose on Tuesday.');
});

test('lede schema prints a JSON Schema with a version', () => {
  const result = lede(['schema']);
  assert.equal(result.code, 0);
  const schema = JSON.parse(result.stdout);
  assert.match(schema.version, /^\d+\.\d+\.\d+$/);
  assert.ok(schema.properties.sentences);
});

test('bin/lede runs the CLI through npm\'s links, with glibc\'s arenas capped unless the caller set them', { skip: process.platform === 'win32' }, () => {
  // The launcher in a tree of its own, its CLI a script that shows what it was given.
  const tree = mkdtempSync(join(tmpdir(), 'lede-bin-'));
  mkdirSync(join(tree, 'bin'));
  mkdirSync(join(tree, 'dist', 'cli'), { recursive: true });
  mkdirSync(join(tree, 'node_modules', '.bin'), { recursive: true });
  writeFileSync(join(tree, 'bin', 'lede'), readFileSync(join(root, 'bin', 'lede')), { mode: 0o755 });
  writeFileSync(join(tree, 'dist', 'cli', 'main.js'), 'console.log(JSON.stringify({ arenas: process.env.MALLOC_ARENA_MAX, args: process.argv.slice(2) }));\n');
  symlinkSync(join('..', '..', 'bin', 'lede'), join(tree, 'node_modules', '.bin', 'lede'));
  const run = (env: NodeJS.ProcessEnv) => {
    const result = spawnSync(join(tree, 'node_modules', '.bin', 'lede'), ['analyze', 'a file.txt'], { encoding: 'utf8', env: { ...env, PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}` } });
    assert.equal(result.status, 0, result.stderr);
    return JSON.parse(result.stdout) as { arenas?: string; args: string[] };
  };
  const { MALLOC_ARENA_MAX: _unset, ...clean } = process.env;
  assert.deepEqual(run(clean), { arenas: '2', args: ['analyze', 'a file.txt'] });
  assert.equal(run({ ...clean, MALLOC_ARENA_MAX: '4' }).arenas, '4');
});

test('the bundled command (dist/bundle, scripts/bundle.mjs) analyses a batch exactly as the compiled modules do', { skip: !existsSync(join(root, 'dist', 'bundle', 'lede.js')) || !existsSync(join(root, 'dist', 'cli', 'main.js')) ? 'no build: run npm run build' : false }, () => {
  const example = readFileSync(join(root, 'examples', 'example-article.txt'), 'utf8');
  const page = `<html><head><title>Flood</title></head><body><article><h1>Flood</h1><p>${story.replace(/\n\n/g, '</p><p>')}</p></article></body></html>`;
  const input = write('bundle-batch.jsonl', [
    JSON.stringify({ id: 'example', text: example, published: '2025-06-17' }),
    JSON.stringify({ id: 'page', html: page, published: '2025-06-12' }),
    JSON.stringify({ id: 'story', text: story }),
  ].join('\n'));
  const run = (entry: string, out: string) => {
    // Two analysis threads: the pool's thread script and the split halves load from the same build.
    const result = spawnSync(process.execPath, [join(root, 'dist', ...entry.split('/')), 'analyze', '--input-format', 'jsonl', input, '-o', out, '--workers', '2'], { cwd: root, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    return readFileSync(out, 'utf8');
  };
  const compiled = run('cli/main.js', join(work, 'compiled.jsonl'));
  const bundled = run('bundle/lede.js', join(work, 'bundled.jsonl'));
  assert.equal(compiled.trim().split('\n').length, 3);
  assert.ok(compiled.includes('"entities"'), 'the batch was analysed');
  assert.equal(bundled, compiled);
});
