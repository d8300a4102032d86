import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildCueIndex, candidateCues, cueAnchors } from './cue-index.js';
import { lightStem } from './event-classifier.js';

const anchorCases: readonly [string, string[] | null][] = [
  ['clash(?:es|ed)?', ['cla']],
  ['fighting|fought|fights?', ['fig', 'fou']],
  ['re-?took|retak(?:e|en|ing)', ['re', 'ret']],
  ['(?:seiz|captur)(?:e|ed) (?:the )?town', ['cap', 'sei']],
  ['qa[’\']ida', ['qa']],
  ['no', ['no']],
  ['\\w+ attack', null],
  ['(?:\\w+ )?attack', null],
];
for (const [source, anchors] of anchorCases) {
  test(`cue anchors: /${source}/ → ${anchors ? anchors.join(',') : 'always run'}`, () => assert.deepEqual(cueAnchors(source), anchors));
}

const cues = ['air ?strikes?', 'co-?operat\\w*', 'kill\\w*', '\\w+ bomb'].map((source) => ({ source, pattern: new RegExp(`\\b(?:${source})\\b`, 'i') }));
const index = buildCueIndex(cues, (cue) => cue.source);
const candidateCases: readonly [string, string[]][] = [
  // Each text: the cues whose pattern really matches must be among the candidates.
  ['Warplanes carried out an air strike.', ['air ?strikes?']],
  ['They agreed to co-operate.', ['co-?operat\\w*']],
  ['Gunmen KILLED two.', ['kill\\w*']],
  ['A car bomb exploded.', []],
];
for (const [text, expected] of candidateCases) {
  test(`cue candidates: ${text}`, () => {
    const candidates = candidateCues(index, text);
    for (const source of expected) assert.ok(candidates.some((cue) => cue.source === source), `${source} not among ${candidates.map((cue) => cue.source).join(', ')}`);
    // Patterns without anchors always run.
    assert.ok(candidates.some((cue) => cue.source === '\\w+ bomb'));
    // No candidate that matches is missing, and cues that cannot match are left out.
    for (const cue of cues) if (cue.pattern.test(text)) assert.ok(candidates.includes(cue), cue.source);
  });
}
test('cue candidates: a text without the anchors runs only the unanchored cues', () => {
  assert.deepEqual(candidateCues(index, 'The ministers met in Geneva.').map((cue) => cue.source), ['\\w+ bomb']);
});

const stemCases: readonly [string, string][] = [
  ['attacks', 'attack'], ['attacked', 'attack'], ['attacking', 'attack'], ['kidnapped', 'kidnap'], ['shelling', 'shell'],
  ['militias', 'militia'], ['casualties', 'casualty'], ['clashes', 'clash'], ['agreed', 'agre'], ['agree', 'agre'], ['us', 'us'], ['isis', 'isis'],
];
for (const [word, stem] of stemCases) test(`light stem: ${word} → ${stem}`, () => assert.equal(lightStem(word), stem));
