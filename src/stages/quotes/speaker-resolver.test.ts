import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Entity, Mention, Span } from '../../doc/schema.js';
import { segment } from '../segment/segment.js';
import type { FoundAttribution } from './attribution-finder.js';
import { headEnd, resolveSpeakers } from './speaker-resolver.js';

/** The span of the first `phrase` in `text`. */
function spanOf(text: string, phrase: string): Span {
  const start = text.indexOf(phrase);
  assert.ok(start >= 0, `"${phrase}" not in "${text}"`);
  return { start, end: start + phrase.length };
}

/** Mentions built by hand: `[phrase, type, entity id]`. */
function mentionsOf(text: string, items: [string, Mention['type'], string][]): Mention[] {
  return items
    .map(([phrase, type, entity], index) => ({ ...spanOf(text, phrase), id: `m${index + 1}`, type, kind: 'name' as const, entity, rule: 'test' }))
    .sort((a, b) => a.start - b.start);
}

function entitiesOf(mentions: readonly Mention[], text: string): Entity[] {
  return mentions.map((mention) => ({ id: mention.entity!, type: mention.type, name: text.slice(mention.start, mention.end), aliases: [], mentions: [mention.id], roles: [] }));
}

/** Resolves one attribution (`content`, `cue`, `source` phrases) and shows its speaker as text. */
function speakerOf(text: string, mentionItems: [string, Mention['type'], string][], content: string, cue: string, source: string | null): string {
  const { sentences, tokens } = segment(text);
  const mentions = mentionsOf(text, mentionItems);
  const attribution: FoundAttribution = { content: [spanOf(text, content)], cue: spanOf(text, cue), source: source ? spanOf(text, source) : null, kind: 'indirect', rule: 'test', firstToken: 0 };
  const [quote] = resolveSpeakers({ text, sentences, tokens, mentions, entities: entitiesOf(mentions, text) }, [attribution]);
  assert.ok(quote);
  const entity = quote.speakerEntity ? text.slice(mentions.find((mention) => mention.entity === quote.speakerEntity)!.start, mentions.find((mention) => mention.entity === quote.speakerEntity)!.end) : 'null';
  return `${quote.speaker ? text.slice(quote.speaker.start, quote.speaker.end) : '-'} → ${entity}`;
}

const speakerCases: [string, string, [string, Mention['type'], string][], string, string, string | null, string][] = [
  [
    'a place in a phrase after the head is not the speaker',
    'Village leaders in Kismayo said the road was closed.',
    [['Kismayo', 'LOC', 'e1']],
    'the road was closed', 'said', 'Village leaders in Kismayo',
    'Village leaders in Kismayo → null',
  ],
  [
    'an organisation before a phrase of place speaks',
    'The Red Cross office in Kismayo said the road was closed.',
    [['Red Cross', 'ORG', 'e1'], ['Kismayo', 'LOC', 'e2']],
    'the road was closed', 'said', 'The Red Cross office in Kismayo',
    'The Red Cross office in Kismayo → Red Cross',
  ],
  [
    'a relative pronoun speaks for the name it follows',
    'The case was brought by the Voter League, which argues that the law is unfair.',
    [['Voter League', 'ORG', 'e1']],
    'that the law is unfair', 'argues', 'which',
    'which → Voter League',
  ],
  [
    'a place that is the whole source speaks',
    'Kenya said the road was closed.',
    [['Kenya', 'LOC', 'e1']],
    'the road was closed', 'said', 'Kenya',
    'Kenya → Kenya',
  ],
  [
    '`the navy` is the organisation named before whose name ends with it',
    'The Kenyan Navy held a drill. Fishermen said boats were lost, a claim the navy denied.',
    [['Kenyan Navy', 'ORG', 'e1']],
    'a claim', 'denied', 'the navy',
    'the navy → Kenyan Navy',
  ],
  [
    'a determiner alone is no speaker: the organisation in the cue’s sentence speaks',
    'Boats were lost, a claim the Kenyan Navy denied.',
    [['Kenyan Navy', 'ORG', 'e1']],
    'Boats were lost', 'claim', 'a',
    'Kenyan Navy → Kenyan Navy',
  ],
];
for (const [name, text, mentions, content, cue, source, expected] of speakerCases) {
  test(`speaker: ${name}`, () => assert.equal(speakerOf(text, mentions, content, cue, source), expected));
}

const headCases: [string, string, string][] = [
  ['a phrase of place ends the head', 'Local elders in Jilib', 'Local elders'],
  ['`of` keeps the head whole', 'The government of Kenya', 'The government of Kenya'],
  ['no phrase, the whole source', 'army spokesman Col. Abdi Warsame', 'army spokesman Col. Abdi Warsame'],
];
for (const [name, source, expected] of headCases) {
  test(`source head: ${name}`, () => assert.equal(source.slice(0, headEnd(source, { start: 0, end: source.length })), expected));
}
