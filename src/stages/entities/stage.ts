/**
 * The entities stage: the trained tagger proposes name mentions, the linker groups them into
 * entities with aliases and roles and adds nominal and pronoun mentions.
 */
import type { EntityType, Token } from '../../doc/schema.js';
import type { Stage } from '../../pipeline/stage.js';
import { linkEntities, type NameMention } from './entity-linker.js';
import { buildOrganisationIndex, isWellKnownOrganisation, repairMentions, type OrganisationIndex } from './mention-repairs.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Entity, Mention } from '../../doc/schema.js';
import { gazetteerKey, loadPhraseGazetteer, type PhraseGazetteer } from './tagger/gazetteer.js';
import { defaultModelDirectory, loadTagger, modelFiles, type Tagger } from './tagger/tagger.js';
import { PLATFORMS, WELL_KNOWN_ORGANISATIONS } from '../../lang/en/organisations.js';

/** Resources of the entities stage. */
interface EntityResources {
  readonly tagger: Tagger;
  readonly organisations: OrganisationIndex;
  /** The organisations and the platforms ({@link PLATFORMS}): names that make an entity an organisation. */
  readonly organisationTypes: OrganisationIndex;
  /** The tagger's place-name gazetteer, reused to say what kind of place a LOC mention is. */
  readonly places: PhraseGazetteer | undefined;
}

// Bits of the tagger gazetteer's lists, in the order a LOC is best described by.
const PLACE_KINDS: ReadonlyArray<readonly [number, string]> = [[1, 'country'], [16, 'continent'], [4, 'city'], [8, 'region']];

/** Whether one of `aliases` is a well-known organisation's name. */
function namesWellKnownOrganisation(organisations: OrganisationIndex, aliases: readonly string[]): boolean {
  for (const alias of aliases) if (isWellKnownOrganisation(organisations, alias)) return true;
  return false;
}

/**
 * An entity any of whose names is a well-known organisation is an organisation, whatever the
 * tagger's mention-by-mention votes said (`Al Qaeda` tagged PER at a sentence start).
 */
export function retypeWellKnownOrganisations(mentions: Mention[], entities: Entity[], organisations: OrganisationIndex): void {
  const retyped = new Set<string>();
  for (const entity of entities) {
    if (entity.type === 'ORG' || !namesWellKnownOrganisation(organisations, entity.aliases)) continue;
    entity.type = 'ORG';
    delete entity.subtype;
    retyped.add(entity.id);
  }
  for (const mention of mentions) {
    if (mention.entity && retyped.has(mention.entity)) {
      mention.type = 'ORG';
      delete mention.subtype;
    }
  }
}

/** Marks LOC mentions and entities as country, continent, city or region where the gazetteer knows. */
export function addPlaceSubtypes(text: string, mentions: Mention[], entities: Entity[], places: PhraseGazetteer | undefined): void {
  if (!places) return;
  const kindOf = (form: string): string | undefined => {
    const key = form.replace(/^the\s+/i, '').split(/\s+/).map(gazetteerKey).join(' ');
    const mask = places.phrases.get(key) ?? 0;
    return PLACE_KINDS.find(([bit]) => (mask & bit) !== 0)?.[1];
  };
  const byEntity = new Map<string, string>();
  for (const mention of mentions) {
    if (mention.type !== 'LOC' || mention.kind !== 'name') continue;
    const kind = kindOf(text.slice(mention.start, mention.end));
    if (!kind) continue;
    mention.subtype = kind;
    if (mention.entity && !byEntity.has(mention.entity)) byEntity.set(mention.entity, kind);
  }
  for (const entity of entities) {
    const kind = byEntity.get(entity.id);
    if (entity.type === 'LOC' && kind) entity.subtype = kind;
  }
}

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
    for (let index = 0; index < sentenceTags.length; index++) {
      const tag = sentenceTags[index]!;
      if (tag === 'O') {
        if (open) close(offset + index - 1);
        continue;
      }
      const position = offset + index;
      const type = tag.slice(2) as EntityType;
      if (tag.startsWith('B-') || (tag.startsWith('I-') && (!open || open.type !== type))) {
        close(position - 1);
        open = { first: position, type };
      }
    }
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
  const repaired: NameMention[] = [];
  for (const mention of mentions) repaired.push(withNameParticle(text, tokens, mention, taken));
  return repaired;
}

function withNameParticle(text: string, tokens: readonly Token[], mention: NameMention, taken: ReadonlySet<number>): NameMention {
  const before = tokens[mention.firstToken - 1];
  const first = tokens[mention.firstToken];
  if (!before || !first || before.sentence !== first.sentence || taken.has(mention.firstToken - 1)) return mention;
  if (!NAME_PARTICLES.has(text.slice(before.start, before.end)) || first.start - before.end !== 1) return mention;
  return { ...mention, firstToken: mention.firstToken - 1, rule: `${mention.rule}+particle` };
}

export const entitiesStage: Stage = {
  name: 'entities',
  requires: ['text', 'sentences', 'tokens'],
  assigns: ['mentions', 'entities'],
  load: (): EntityResources => {
    const path = join(defaultModelDirectory(), modelFiles.gazetteer);
    return {
      tagger: loadTagger(),
      organisations: buildOrganisationIndex(),
      organisationTypes: buildOrganisationIndex([...WELL_KNOWN_ORGANISATIONS, ...PLATFORMS]),
      places: existsSync(path) ? loadPhraseGazetteer(path) : undefined,
    };
  },
  run(doc, resource) {
    const { tagger, places, organisations, organisationTypes } = resource as EntityResources;
    const tags = tagger.tagDocument(sentenceTokens(doc.text, doc.tokens, doc.sentences.length));
    const names = repairMentions(doc.text, doc.tokens, extendNameParticles(doc.text, doc.tokens, mentionsFromTags(doc.tokens, tags)), organisations);
    const linked = linkEntities(doc.text, doc.sentences, doc.tokens, names);
    retypeWellKnownOrganisations(linked.mentions, linked.entities, organisationTypes);
    addPlaceSubtypes(doc.text, linked.mentions, linked.entities, places);
    return linked;
  },
};
