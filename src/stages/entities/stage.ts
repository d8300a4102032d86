/**
 * The entities stage: the trained tagger proposes name mentions, the linker groups them into
 * entities with aliases and roles and adds nominal and pronoun mentions.
 */
import type { EntityType, Token } from '../../doc/schema.js';
import type { Stage } from '../../pipeline/stage.js';
import { linkEntities, type NameMention } from './entity-linker.js';
import { loadTagger, type Tagger } from './tagger/tagger.js';

/** Turns per-sentence BIO tags into name mentions (token indices into the Doc's tokens). */
export function mentionsFromTags(tokens: readonly Token[], tags: readonly (readonly string[])[]): NameMention[] {
  const mentions: NameMention[] = [];
  let offset = 0;
  for (const sentenceTags of tags) {
    let open: { first: number; type: EntityType } | undefined;
    const close = (last: number): void => {
      if (open) mentions.push({ firstToken: open.first, lastToken: last, type: open.type, rule: 'tagger' });
      open = undefined;
    };
    sentenceTags.forEach((tag, index) => {
      const position = offset + index;
      const type = tag.slice(2) as EntityType;
      if (tag.startsWith('B-') || (tag.startsWith('I-') && (!open || open.type !== type))) {
        close(position - 1);
        open = { first: position, type };
      } else if (tag === 'O') close(position - 1);
    });
    close(offset + sentenceTags.length - 1);
    offset += sentenceTags.length;
  }
  return mentions.filter((mention) => tokens[mention.firstToken] && tokens[mention.lastToken]);
}

/** Token strings grouped by sentence, as the tagger wants them. */
export function sentenceTokens(text: string, tokens: readonly Token[], sentenceCount: number): string[][] {
  const sentences: string[][] = Array.from({ length: sentenceCount }, () => []);
  for (const token of tokens) sentences[token.sentence]?.push(text.slice(token.start, token.end));
  return sentences;
}

// Arabic name particles written in lower case (`al Qaeda`, `al-Shabaab` is one token already):
// the tagger, trained on 1996 Reuters copy, leaves them out of the name.
const NAME_PARTICLES = new Set(['al', 'el', 'ash', 'bin', 'ibn']);

/** Extends mentions over a lower-case name particle right before them (`al Qaeda`). */
export function extendNameParticles(text: string, tokens: readonly Token[], mentions: readonly NameMention[]): NameMention[] {
  const taken = new Set<number>();
  for (const mention of mentions) for (let t = mention.firstToken; t <= mention.lastToken; t++) taken.add(t);
  return mentions.map((mention) => {
    const before = tokens[mention.firstToken - 1];
    const first = tokens[mention.firstToken];
    if (!before || !first || before.sentence !== first.sentence || taken.has(mention.firstToken - 1)) return mention;
    if (!NAME_PARTICLES.has(text.slice(before.start, before.end)) || first.start - before.end !== 1) return mention;
    return { ...mention, firstToken: mention.firstToken - 1, rule: `${mention.rule}+particle` };
  });
}

export const entitiesStage: Stage = {
  name: 'entities',
  requires: ['text', 'sentences', 'tokens'],
  assigns: ['mentions', 'entities'],
  load: () => loadTagger(),
  run(doc, resource) {
    const tagger = resource as Tagger;
    const tags = tagger.tagDocument(sentenceTokens(doc.text, doc.tokens, doc.sentences.length));
    return linkEntities(doc.text, doc.sentences, doc.tokens, extendNameParticles(doc.text, doc.tokens, mentionsFromTags(doc.tokens, tags)));
  },
};
