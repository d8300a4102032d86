/**
 * Speakers of attributions, resolved to entities through the entities layer: the mention at the
 * source span gives the entity (names directly, pronouns and descriptions through the linker's
 * links); a document as source (`the statement added`) speaks for whoever issued it earlier
 * (`Africa Command said in a statement`); an attribution with no source (a quote paragraph with
 * no cue, the continuation of a long quote) takes the speaker of the attribution just before it
 * or the person named in the sentence before. The medium (`CNN` in `told CNN`, `a statement` in
 * `said in a statement`) is found after the cue and never taken for the speaker.
 */
import type { Entity, Mention, Quote, Sentence, Span, Token } from '../../doc/schema.js';
import { foldForMatching } from '../../doc/text-builder.js';
import { firstTokenEndingAfter, firstTokenStartingFrom } from '../../doc/token-search.js';
import { POSSESSIVE_DETERMINERS, PRONOUN_GENDER, type Gender } from '../../lang/en/pronouns.js';
import { ROLE_NOUNS } from '../../lang/en/roles.js';
import { ISSUED_DOCUMENT_NOUNS, PASSIVE_BELIEF } from '../../lang/en/speech-verbs.js';
import type { FoundAttribution } from './attribution-finder.js';

/** Inputs of {@link resolveSpeakers}. */
export interface SpeakerContext {
  readonly text: string;
  readonly sentences: readonly Sentence[];
  readonly tokens: readonly Token[];
  readonly mentions: readonly Mention[];
  readonly entities: readonly Entity[];
}

// `told CNN`, `told reporters`, `told The Associated Press`: the addressee after a verb of telling.
const TOLD = /^(?:told|tells|tell|telling)$/i;
// `said in a statement`, `said in its statement confirming`, `wrote in an op-ed`, `said on Twitter`.
const MEDIUM_AFTER_CUE = /^[ \t]+(?:in|on|during|via|through)[ \t]+((?:(?:a|an|the|its|his|her|their|this|that)[ \t]+)?(?:[\p{L}\p{N}’'-]+[ \t]+){0,2}?(?:statement|interview|release|letter|memo|email|e-mail|post|tweet|video|speech|briefing|conference|op-ed|column|editorial|message|filing|report|Twitter|Facebook|Instagram|television|radio|remarks|appearance)s?)(?![\p{L}])/iu;
const ADDRESSEE_AFTER_TOLD = /^[ \t]+((?:the[ \t]+)?(?:\p{Lu}[\p{L}\p{N}.&’'-]*[ \t]+){0,4}\p{Lu}[\p{L}\p{N}.&’'-]*|reporters|journalists|lawmakers|supporters|the crowd|an audience|a crowd|(?:a|an|the)[ \t]+(?:\p{Ll}+[ \t]+)?(?:audience|crowd|newspaper|reporter|committee|radio station|television station|news conference|press conference))/u;

// Module-level: under tsx (tests, benches) esbuild compiles a `\p{…}` literal inside a function into
// `new RegExp(…)`, rebuilt on every call.
const FIRST_WORD = /^[\p{L}’'-]+/u;
const LAST_WORD = /[\p{L}’'-]+$/u;
const WORDS = /[\p{L}-]+/gu;
const LETTER = /\p{L}/u;

/** The medium or addressee right after a cue, if any. */
export function findMedium(text: string, cue: Span): Span | null {
  // The tagger's cue may already hold the medium (`said in a statement Wednesday`): look right
  // after the cue's first word as well as after the whole cue.
  const cueText = text.slice(cue.start, cue.end);
  const firstWordEnd = cue.start + (FIRST_WORD.exec(cueText)?.[0].length ?? cueText.length);
  const lastWord = LAST_WORD.exec(cueText)?.[0] ?? '';
  for (const from of firstWordEnd < cue.end ? [firstWordEnd, cue.end] : [cue.end]) {
    const after = text.slice(from, Math.min(text.length, from + 80));
    const verb = from === cue.end ? lastWord : cueText.slice(0, firstWordEnd - cue.start);
    const match = (TOLD.test(verb) ? ADDRESSEE_AFTER_TOLD.exec(after) : null) ?? MEDIUM_AFTER_CUE.exec(after);
    if (match?.[1]) {
      // `told CNN.`: the sentence's period is not part of the name.
      const value = match[1].replace(/[.,]+$/, '');
      const offset = from + match[0].length - match[1].length;
      return { start: offset, end: offset + value.length };
    }
  }
  return null;
}

const PERSON_PRONOUNS = new Set(['he', 'she', 'him', 'her', 'i', 'we', 'they', 'you']);

function firstWordOf(text: string, span: Span): string {
  return foldForMatching(text.slice(span.start, span.end)).toLowerCase().match(WORDS)?.[0] ?? '';
}

function lastWordOf(text: string, span: Span): string {
  const words = foldForMatching(text.slice(span.start, span.end)).toLowerCase().match(WORDS);
  return words?.[words.length - 1] ?? '';
}

// Prepositions of place that open a phrase after the head of a source: `elders in Jilib`,
// `officials at the embassy`. (`of` and `for` stay: `the government of Iraq` speaks for Iraq.)
const HEAD_ENDING_PREPOSITIONS = new Set(['in', 'at', 'from', 'near', 'across', 'inside', 'outside', 'around', 'within']);
// Articles: never a speaker on their own (quantifiers are: `some argue`, `each said`).
const DETERMINERS = new Set(['a', 'an', 'the', 'any', 'every', 'no']);

/**
 * The end of a source's head noun phrase: before its first phrase of place (`Local elders | in
 * Jilib`), else the source's end. A preposition inside a mention (`Bank in Berlin AG`) does not
 * end it.
 */
export function headEnd(text: string, source: Span, mentions: readonly Mention[] = [], startIndex = 0): number {
  const slice = text.slice(source.start, source.end);
  // Only a source with a preposition of place has a phrase to cut (most have none).
  if (!/\s(?:in|at|from|near|across|inside|outside|around|within)\s/i.test(slice)) return source.end;
  const pattern = /[\p{L}’'-]+/gu;
  let words = 0;
  for (let match = pattern.exec(slice); match; match = pattern.exec(slice)) {
    const at = source.start + match.index;
    if (words > 0 && HEAD_ENDING_PREPOSITIONS.has(match[0].toLowerCase())) {
      let inside = false;
      for (let index = startIndex; index < mentions.length && mentions[index]!.start < at; index++) if (mentions[index]!.end > at) inside = true;
      if (!inside) {
        let end = at;
        while (end > source.start && /\s/.test(text.charAt(end - 1))) end--;
        return end;
      }
    }
    words++;
  }
  return source.end;
}

const RELATIVE_PRONOUN = /^\s*(?:which|who|that)\s*$/i;

/** The last mention ending at or before `offset`. */
function mentionBefore(mentions: readonly Mention[], offset: number): Mention | undefined {
  let index = firstTokenEndingAfter(mentions, offset) - 1;
  // Nested mentions: the one reaching furthest right before `offset`, the longest of those.
  let best: Mention | undefined;
  for (; index >= 0; index--) {
    const mention = mentions[index]!;
    if (mention.end > offset) continue;
    if (best && mention.end < best.end) break;
    if (!best || mention.start < best.start) best = mention;
  }
  return best;
}

/** Whether a span is a lone determiner (`a`, `the`). */
function isDeterminerOnly(text: string, span: Span): boolean {
  return span.end - span.start <= 5 && DETERMINERS.has(text.slice(span.start, span.end).trim().toLowerCase());
}

/** Participles of reaching someone for their words (`polled`, `reached`, `quoted`), as a regular-expression source. */
const CONTACT_PARTICIPLES = 'polled|surveyed|interviewed|cited|quoted|contacted|questioned|asked|consulted';

/** A participle with the agent of a survey or citation inside a source (`polled by Reuters`, `cited by state media`). */
const POLLED_BY = new RegExp(String.raw`\s(?:${CONTACT_PARTICIPLES}|led|headed|founded|run|commanded|chaired)\s+by\s`, 'i');

/** After `according to a statement`: `from|by|of` and who issued it, up to a comma or a phrase of place or time. */
const ISSUER_AFTER = /^\s+(?:issued\s+by|released\s+by|from|by|of)\s+((?:the\s+)?(?:[\p{L}\p{N}’'.&-]+\s+){0,6}?[\p{L}\p{N}’'.&-]+)(?=\s*(?:,|;|$)|\s+(?:on|in|at|late|early|last|this)\b)/u;

/** The span of who issued the document an `according to` cue names (`According to a statement from the ministry`), or null. */
function issuerAfterAccording(text: string, cue: Span): Span | null {
  const cueText = text.slice(cue.start, cue.end);
  if (!/^according\s+to\s+(?:a|an|the)\s+\w+/i.test(cueText)) return null;
  const match = ISSUER_AFTER.exec(text.slice(cue.end, cue.end + 120));
  if (!match?.[1]) return null;
  const start = cue.end + match[0].indexOf(match[1]);
  return { start, end: start + match[1].length };
}

/**
 * Where the last possessive `'s` in a source's head phrase `[start, head)` stands (-1: none), the
 * head being people held by someone (`Ms Mensah's family`). Not in an apposition: `Ivanka Trump,
 * the nominee's eldest daughter,` is Ivanka Trump.
 */
function possessiveEnd(text: string, start: number, head: number): number {
  const phrase = text.slice(start, head);
  if (phrase.includes(',')) return -1;
  let end = -1;
  const possessive = /[’']s\s/g;
  for (let match = possessive.exec(phrase); match; match = possessive.exec(phrase)) end = start + match.index;
  return end;
}

/** A person described by age alone (`the 52-year-old`, `the 41-year-old mother`). */
const AGE_DESCRIPTION = /^the\s+\d{1,3}-year-old(?:\s+[a-z]+)?$/i;

/** Words a source can never be: object and reflexive pronouns, conjunctions. */
const NO_SPEAKER_WORDS: ReadonlySet<string> = new Set(['him', 'them', 'me', 'us', 'himself', 'herself', 'themselves', 'itself', 'or', 'and', 'but', 'nor']);

function isNoSpeaker(text: string, span: Span): boolean {
  return NO_SPEAKER_WORDS.has(text.slice(span.start, span.end).trim().toLowerCase());
}

/** Determiners that bring in someone not met before (`a witness`, `one official`). */
const INDEFINITE_DETERMINERS: ReadonlySet<string> = new Set(['a', 'an', 'one', 'another']);

/** A noun phrase, a participle of contact and `by` before a source (`A resident reached by | phone`, `Analysts polled by | Reuters`). */
const CONTACTED_BEFORE = new RegExp(String.raw`(?:^|[,;:.!?]\s+|\n)((?:[A-Z][\p{L}’'-]*|a|an|the|one|two|three|several|some)(?:\s+[\p{L}’'-]+){0,5}?)\s+(?:reached|${CONTACT_PARTICIPLES})\s+(?:by|via|over)\s+$`, 'u');

/**
 * `A resident reached by phone said …`, `A doctor contacted by AFP said …`: a source the tagger
 * read as the agent of a participle of contact is how the speaker was reached; the speaker is
 * the noun phrase before the participle.
 */
function beforeAgentOfContact(text: string, source: Span): Span {
  const found = CONTACTED_BEFORE.exec(text.slice(Math.max(0, source.start - 80), source.start));
  // (Not a passive clause: `Sanders was asked by | host Bill Maher` has Maher as a source.)
  if (!found || /\s(?:was|were|is|are|be|been|being)$/i.test(found[1]!)) return source;
  const start = source.start - found[0].length + found[0].indexOf(found[1]!);
  return { start, end: start + found[1]!.length };
}

/** The mention that stands for a source span: one covering most of it, a person before others. */
function mentionForSource(mentions: readonly Mention[], source: Span, head: number, startIndex: number, text: string): Mention | null {
  const peopleHead = possessedPeople(lastWordOf(text, { start: source.start, end: head }));
  const possessorEnd = peopleHead ? possessiveEnd(text, source.start, head) : -1;
  // `Economists polled by Reuters`: who polled them is not who speaks.
  const polled = POLLED_BY.exec(text.slice(source.start, source.end));
  const agentFrom = polled ? source.start + polled.index : source.end;
  let best: Mention | null = null;
  let bestScore = -Infinity;
  for (let index = startIndex; index < mentions.length; index++) {
    const mention = mentions[index]!;
    if (mention.start >= source.end) break;
    if (mention.end <= source.start || mention.start >= agentFrom) continue;
    const covered = (Math.min(mention.end, source.end) - Math.max(mention.start, source.start)) / (source.end - source.start);
    // `US military officials`: a place or adjective inside a description is not the speaker, nor
    // is one in a phrase after the head (`Local elders in Jilib`: the elders speak, not Jilib).
    if ((mention.type === 'LOC' || mention.type === 'MISC') && (mention.end < head || mention.start >= head)) continue;
    // `Her lawyer`: a possessive before the head names whose the speaker is, not the speaker.
    // (A person or people only: `his campaign`, `her office`, `his account` speak for the possessor.)
    if (mention.kind === 'pronoun' && mention.end < head && POSSESSIVE_DETERMINERS.has(text.slice(mention.start, mention.end).toLowerCase()) && peopleHead) continue;
    // (A name's possessive too, and all before it: `Ms Mensah's family said` is the family,
    // `Libertarian presidential candidate Gary Johnson's doctor` the doctor.)
    if (mention.end <= possessorEnd) continue;
    // `His party, Pakistan Tehreek-e-Insaf,`: a possessive determiner before a body the source names is whose it is.
    if (mention.kind === 'pronoun' && mention.end < head && POSSESSIVE_DETERMINERS.has(text.slice(mention.start, mention.end).toLowerCase()) && laterName(mentions, index, source.end, ['PER', 'ORG'])) continue;
    // `Mr Qureshi's daughter Sana`: a possessor named before the person named in the source is whose they are.
    if (POSSESSIVE_AFTER.test(text.slice(mention.end, mention.end + 3)) && laterName(mentions, index, source.end, ['PER'])) continue;
    // `Africa Command spokesperson Robyn Mack`: the person, not the organisation in the role.
    // `Kim Yo Jong, the powerful sister of leader Kim Jong Un,`: the name a description is set
    // off after, not a name inside the description.
    const apposed = mention.kind === 'name' && mention.start - source.start <= 4 && /^\s*,/.test(text.slice(mention.end, mention.end + 2)) && mention.end + 2 < source.end ? 1 : 0;
    const score = (mention.type === 'PER' ? 2 : mention.type === 'ORG' ? 1 : 0) + covered + apposed + (mention.entity ? 0.5 : 0) + mention.end / 1e9;
    if (score > bestScore) {
      bestScore = score;
      best = mention;
    }
  }
  return best;
}

/** Whether an entity is an organisation or a place that speaks (a government), not a person. */
function isBody(context: SpeakerContext, id: string | null | undefined): boolean {
  if (!id) return false;
  const entity = context.entities.find((candidate) => candidate.id === id);
  return entity !== undefined && (entity.type === 'ORG' || entity.type === 'LOC');
}

/** The second word of a description (`the leader of …` → `leader`), lower-cased. */
function roleWordOf(text: string, span: Span): string {
  return (text.slice(span.start, span.end).split(/\s+/)[1] ?? '').toLowerCase().replace(/[^\p{L}-]/gu, '');
}

/** A possessive `'s` right after a name. */
const POSSESSIVE_AFTER = /^[’']s\b/;

/** The person's name that ends right before `, ` at `offset` (`Omar Ayub Khan, | the opposition leader`), if any. */
function nameEndingAt(mentions: readonly Mention[], offset: number, text: string): Mention | null {
  for (let index = firstMentionIndex(mentions, Math.max(0, offset - 4)); index < mentions.length; index++) {
    const mention = mentions[index]!;
    if (mention.start >= offset) break;
    if (mention.type === 'PER' && mention.kind === 'name' && /^\s*,\s*$/.test(text.slice(mention.end, offset))) return mention;
  }
  return null;
}

/** Whether a name of one of `types` follows mention `index` before `end`. */
function laterName(mentions: readonly Mention[], index: number, end: number, types: readonly Mention['type'][]): boolean {
  for (let later = index + 1; later < mentions.length && mentions[later]!.start < end; later++) if (mentions[later]!.kind === 'name' && types.includes(mentions[later]!.type)) return true;
  return false;
}

function firstMentionIndex(mentions: readonly Mention[], start: number): number {
  let low = firstTokenEndingAfter(mentions, start);
  // Mentions may nest: step back over any that still reach `start`.
  while (low > 0 && mentions[low - 1]!.end > start) low--;
  return Math.max(0, low - 2);
}

/** The speaker of the attribution before, for the next one's pronouns and continued quotes. */
interface PreviousSpeaker { readonly speaker: Span | null; readonly speakerEntity: string | null; readonly paragraphEnd: number; readonly end: number }

/** Turns found attributions into `Quote` records with speakers resolved to entities. */
export function resolveSpeakers(context: SpeakerContext, attributions: readonly FoundAttribution[]): Quote[] {
  const { text, mentions, tokens } = context;
  // The genders the linker's pronouns give each entity (`he` → m), so that a `she said` left
  // unlinked does not borrow a speaker the text calls `he`.
  const pronounGenders = new Map<string, Set<Gender>>();
  for (const mention of mentions) {
    if (mention.kind !== 'pronoun' || !mention.entity) continue;
    const gender = PRONOUN_GENDER.get(text.slice(mention.start, mention.end).toLowerCase());
    if (!gender) continue;
    const known = pronounGenders.get(mention.entity) ?? new Set<Gender>();
    known.add(gender);
    pronounGenders.set(mention.entity, known);
  }
  const calledOtherwise = (entity: string | null | undefined, pronoun: string): boolean => {
    const wanted = PRONOUN_GENDER.get(pronoun.toLowerCase());
    const known = entity ? pronounGenders.get(entity) : undefined;
    return !!wanted && !!known && !known.has(wanted);
  };
  const quotes: Quote[] = [];
  // Who issued which document: `Africa Command said in a statement` → statement → e4.
  const issuers = new Map<string, string>();
  let previous = null as PreviousSpeaker | null;
  for (let index = 0; index < attributions.length; index++) {
    const attribution = attributions[index]!;
    const start = attribution.content[0]!.start;
    const end = attribution.content[attribution.content.length - 1]!.end;
    const medium = attribution.cue ? findMedium(text, attribution.cue) : null;
    let speaker: Span | null = attribution.source;
    let speakerEntity: string | null = null;
    let rule = attribution.rule;
    let near: Mention | null = null;
    // A source the tagger ran into the content (`According to | police, 12 people died |`) ends before it.
    if (speaker) {
      const overlapped = attribution.content.find((piece) => piece.start < speaker!.end && speaker!.start < piece.end);
      if (overlapped) {
        let end = Math.max(speaker.start, Math.min(speaker.end, overlapped.start));
        while (end > speaker.start && /[\s,;:]/.test(text.charAt(end - 1))) end--;
        speaker = end > speaker.start ? { start: speaker.start, end } : null;
      }
    }
    if (speaker) speaker = beforeAgentOfContact(text, speaker);
    if (speaker && isDeterminerOnly(text, speaker)) speaker = null;
    // (`calling on him to be banned`, `… or does that person get tired`: an object pronoun or a
    // conjunction is no one who speaks.)
    if (speaker && isNoSpeaker(text, speaker)) speaker = null;
    // `Biden approved declarations for Georgia and the Carolinas and said …`: a source read up to
    // the `and` of a verb joined to the sentence's first is its object; the cue's sentence names the speaker.
    if (speaker && /\s(?:and|or|but)$/i.test(text.slice(speaker.start, speaker.end)) && attribution.cue && speaker.end <= attribution.cue.start) speaker = null;
    // `the League of United Latin American Citizens, which argues that …`: a relative pronoun
    // (the source as written) speaks for the name it follows.
    const antecedent = speaker && RELATIVE_PRONOUN.test(text.slice(speaker.start, speaker.end)) ? mentionBefore(mentions, speaker.start) : undefined;
    if (antecedent?.entity && /^\s*,?\s*$/.test(text.slice(antecedent.end, speaker!.start))) {
      speakerEntity = antecedent.entity;
      rule += '+relative';
    } else if (speaker) {
      const startIndex = firstMentionIndex(mentions, speaker.start);
      const head = headEnd(text, speaker, mentions, startIndex);
      // `Ahmad al-Sharaa, the leader of the Hayat Tahrir al-Sham group …, told`: a role set off
      // after a person's name is that person's, whatever body the role names.
      // (The person's name a description is set off after, read once for both uses.)
      const apposed = /,\s*$/.test(text.slice(Math.max(0, speaker.start - 3), speaker.start)) ? nameEndingAt(context.mentions, speaker.start, text) : null;
      const roleApposed = apposed?.entity && /^(?:the|a|an)\s/i.test(text.slice(speaker.start, speaker.end)) && ROLE_NOUNS.has(roleWordOf(text, speaker)) ? apposed : null;
      const mention = roleApposed ?? mentionForSource(mentions, speaker, head, startIndex, text);
      const nationality = mention?.type === 'MISC' && mention.end === head && /^the\s+\S+$/i.test(text.slice(speaker.start, head)) && !/s$/.test(text.slice(mention.start, mention.end));
      if (nationality) {
        // `"They were better than us," the Italian said`: a nationality standing for the person
        // just quoted or named, not the nationality's entity.
        // (`Alcaraz, 21, who beat Djokovic …, was bidding … The Spaniard said`: the person a sentence
        // since that quote opened with, before the one quoted.)
        const person = subjectSince(context, speaker.start, previous)?.entity ?? previous?.speakerEntity ?? personBefore(context, speaker.start)?.entity ?? null;
        if (person) {
          speakerEntity = person;
          rule += '+nationality';
        }
      } else if (mention?.entity) {
        speakerEntity = mention.entity;
        // `"Grace's family have shown incredible strength," she added`: a pronoun read as someone the
        // quote names in the third person stands for the speaker just before instead.
        // (The pronoun alone, not a possessive: "X was hospitalised, his party said" is X's party.)
        if (mention.kind === 'pronoun' && PERSON_PRONOUNS.has(text.slice(speaker.start, speaker.end).trim().toLowerCase()) && previous?.speakerEntity && previous.speakerEntity !== speakerEntity && namedInside(mentions, speakerEntity, attribution.content)) {
          speakerEntity = previous.speakerEntity;
          rule += '+previous-speaker';
        }
      } else {
        const headWord = lastWordOf(text, { start: speaker.start, end: head });
        let named: string | null = null;
        // `Omar Ayub Khan, the opposition leader in the National Assembly, called …`: a description
        // set off right after a person's name is that person.
        if (apposed && apposed.entity) {
          speakerEntity = apposed.entity;
          rule += '+apposition';
        } else if (ISSUED_DOCUMENT_NOUNS.has(headWord)) {
          // `the statement added`: the organisation that issued the statement.
          const issuer = issuers.get(headWord);
          if (issuer) {
            speakerEntity = issuer;
            rule += '+issuer';
          }
        } else if (ROLE_NOUNS.has(headWord) && !isPluralDescription(text, speaker, headWord)) {
          // `the minister added`, when the linker left the description unlinked: the person who
          // holds that role, else the speaker just before. A plural (`US military officials have
          // expressed concerns …`) is a group: it stays unresolved rather than borrow the person
          // named in another paragraph.
          // (`Her lawyer said`: someone's lawyer is a person of their own, not the speaker before.)
          // (A role held for someone named by a possessive: `her lawyer`, `his spokesman`.)
          // (`A resident reached by phone said`, `An official said`: an indefinite description brings in someone new.)
          const possessed = POSSESSIVE_DETERMINERS.has(firstWordOf(text, speaker)) || possessiveEnd(text, speaker.start, head) >= 0;
          const indefinite = INDEFINITE_DETERMINERS.has(firstWordOf(text, speaker));
          const holder: string | null = indefinite ? null : roleHolder(context, headWord, speaker.start) ?? (possessed ? null : previous?.speakerEntity) ?? null;
          if (holder) {
            speakerEntity = holder;
            rule += '+role';
          }
        } else if (AGE_DESCRIPTION.test(text.slice(speaker.start, speaker.end)) && (named = subjectSince(context, speaker.start, previous)?.entity || previous?.speakerEntity || personBefore(context, speaker.start)?.entity || null)) {
          // `"Today is a good day for all women," the 52-year-old said`: an age stands for the
          // person just quoted or named.
          speakerEntity = named;
          rule += '+age';
        } else if ((PERSON_PRONOUNS.has(headWord) || (headWord === 'it' && speaker.end - speaker.start <= 3 && isBody(context, previous?.speakerEntity))) && previous?.speakerEntity && !calledOtherwise(previous.speakerEntity, headWord)) {
          // (`The U.S. Africa Command said … It said no civilians were hurt`: `it` speaks for the
          // organisation or government quoted just before, never for a person.)
          speakerEntity = previous.speakerEntity;
          rule += '+previous-speaker';
        } else if (/^the\s/i.test(text.slice(speaker.start, speaker.end)) && (named = organisationNamed(context, headWord, speaker.start))) {
          // `a claim the army denied`, after `the Somali National Army said`: a definite
          // description names the organisation mentioned last whose name ends with its head.
          speakerEntity = named;
          rule += '+description';
        }
      }
    } else if (attribution.cue && (speaker = issuerAfterAccording(text, attribution.cue))) {
      // `According to a statement from the ministry, …`: who issued the document speaks.
      const startIndex = firstMentionIndex(mentions, speaker.start);
      speakerEntity = mentionForSource(mentions, speaker, speaker.end, startIndex, text)?.entity ?? null;
      rule += '+issuer-after-according';
    } else if (attribution.cue && PASSIVE_BELIEF.test(text.slice(attribution.cue.start, attribution.cue.end))) {
      // `The Bank of England is expected to keep rates on hold`: a passive of belief names no one
      // who holds it; its subject is what is believed of.
      if (!rule.includes('+passive-belief')) rule += '+passive-belief';
    } else if (attribution.cue && (near = subjectNear(context, attribution.cue, attribution.content))) {
      // A cue with no tagged source: the nearest person or organisation in the cue's sentence,
      // before it (`Clinton, in a speech Monday, did not want …`) or right after it (`said Smith`).
      const mention = near;
      speaker = { start: mention.start, end: mention.end };
      speakerEntity = mention.entity;
      rule += '+cue-sentence';
    } else {
      // No source: a quote paragraph with no cue, or the next paragraph of a long quote. The
      // speaker is the one of the attribution just before, or a person named in the sentence before.
      const fromPrevious: PreviousSpeaker | null = previous !== null && start - previous.paragraphEnd < 600 ? previous : null;
      if (fromPrevious?.speakerEntity) {
        speaker = fromPrevious.speaker;
        speakerEntity = fromPrevious.speakerEntity;
        rule += '+previous-speaker';
      } else {
        const candidate = personBefore(context, start);
        if (candidate) {
          speaker = { start: candidate.start, end: candidate.end };
          speakerEntity = candidate.entity;
          rule += '+preceding-sentence';
        }
      }
    }
    // (Nor one the fallbacks found: the object `him` next to the cue.)
    if (speaker && isNoSpeaker(text, speaker)) {
      speaker = null;
      speakerEntity = null;
    }
    if (medium && speakerEntity) {
      const noun = lastWordOf(text, medium);
      if (ISSUED_DOCUMENT_NOUNS.has(noun)) issuers.set(noun, speakerEntity);
    }
    quotes.push({
      id: `q${index + 1}`,
      start,
      end,
      kind: attribution.kind,
      content: attribution.content,
      cue: attribution.cue ? { start: attribution.cue.start, end: medium ? Math.max(attribution.cue.end, medium.end) : attribution.cue.end } : null,
      speaker,
      speakerEntity,
      medium,
      rule,
    });
    const lastToken = tokens.length > 0 ? tokens[Math.min(tokens.length - 1, attribution.firstToken)] : undefined;
    previous = { speaker, speakerEntity, paragraphEnd: Math.max(end, lastToken?.end ?? end), end: Math.max(end, attribution.cue?.end ?? end, speaker?.end ?? end) };
  }
  return withoutSplitNames(text, mentions, quotes);
}

/**
 * A content that starts inside a name (`According to the Office for National Statistics, gross
 * domestic product fell`, read as source `the Office`, cue `for`, content `National Statistics, …`)
 * starts after the name instead; a quote left with nothing, or with the content of a quote before
 * it, goes. Ids are numbered again.
 */
function withoutSplitNames(text: string, mentions: readonly Mention[], quotes: readonly Quote[]): Quote[] {
  const kept: Quote[] = [];
  const seen = new Set<string>();
  for (const quote of quotes) {
    let current = quote;
    const first = quote.content[0];
    let name: Mention | undefined;
    for (let index = first ? firstMentionIndex(mentions, first.start) : mentions.length; index < mentions.length && !name; index++) {
      const mention = mentions[index]!;
      if (mention.start >= first!.start) break;
      if (mention.kind === 'name' && first!.start < mention.end) name = mention;
    }
    if (first && name) {
      let start = name.end;
      while (start < first.end && /[\s,;:]/u.test(text.charAt(start))) start++;
      if (start >= first.end) {
        if (quote.content.length === 1) continue;
        current = { ...quote, content: quote.content.slice(1), start: quote.content[1]!.start };
      } else current = { ...quote, content: [{ start, end: first.end }, ...quote.content.slice(1)], start };
    }
    const key = current.content.map((piece) => `${piece.start}-${piece.end}`).join(',');
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push({ ...current, id: `q${kept.length + 1}` });
  }
  return kept;
}

/** Whether a description names a group (`officials`, `spokespeople`), not one person. */
function isPluralDescription(text: string, speaker: Span, head: string): boolean {
  if (head === 'spokespeople' || head === 'people') return true;
  if (!head.endsWith('s') || head.endsWith('ss')) return false;
  // `officials` but not `the boss`; a determiner `the` alone does not decide.
  return ROLE_NOUNS.has(head.slice(0, -1)) || !/\b(?:a|an|one)\b/i.test(text.slice(speaker.start, speaker.end));
}

/** Index of the sentence holding `offset` (the last one starting at or before it), or -1. */
function sentenceAt(sentences: readonly Sentence[], offset: number): number {
  let low = 0;
  let high = sentences.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (sentences[middle]!.start <= offset) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

/**
 * The last person or organisation mention before `cue` in its sentence, else the first after it,
 * else a place that opens the sentence as its subject (`The Capital Region, which runs 11
 * hospitals, said`: a region's authority speaks by its name).
 */
function subjectNear(context: SpeakerContext, cue: Span, content: readonly Span[] = []): Mention | null {
  const sentence = context.sentences[sentenceAt(context.sentences, cue.start)];
  if (!sentence || cue.start >= sentence.end) return null;
  let before: Mention | null = null;
  let after: Mention | null = null;
  let subjectPlace: Mention | null = null;
  const { mentions } = context;
  for (let index = firstMentionIndex(mentions, sentence.start); index < mentions.length; index++) {
    const mention = mentions[index]!;
    if (mention.start >= sentence.end) break;
    if (mention.start < sentence.start || mention.end > sentence.end) continue;
    // (`chanting "Ruto must go"`: a name inside the quoted words is not who said them.)
    if (content.some((piece) => piece.start <= mention.start && mention.end <= piece.end && (cue.end <= piece.start || cue.start >= piece.end) && /^["“«]/.test(context.text.charAt(piece.start)) && !/["”»]/.test(context.text.slice(piece.start + 1, mention.start)))) continue;
    if (mention.type === 'LOC' && mention.end <= cue.start && SUBJECT_OPENING.test(context.text.slice(sentence.start, mention.start))) subjectPlace = mention;
    if (mention.type !== 'PER' && mention.type !== 'ORG') continue;
    if (mention.end <= cue.start && (!before || mention.start >= before.end)) before = mention;
    // `said Smith`, `claim the Kenyan Navy denied`: right after the cue, past an article at most.
    if (mention.start >= cue.end && !after && (mention.start - cue.end < 3 || (mention.start - cue.end <= 6 && /^\s*the\s+$/i.test(context.text.slice(cue.end, mention.start))))) after = mention;
  }
  return before ?? after ?? subjectPlace;
}

/** Whether `entity` is named (not referred to by a pronoun) inside one of the `pieces`. */
function namedInside(mentions: readonly Mention[], entity: string, pieces: readonly Span[]): boolean {
  for (const piece of pieces) {
    for (let index = firstMentionIndex(mentions, piece.start); index < mentions.length && mentions[index]!.start < piece.end; index++) {
      const mention = mentions[index]!;
      if (mention.entity === entity && mention.kind === 'name' && mention.start >= piece.start && mention.end <= piece.end) return true;
    }
  }
  return false;
}

/** Nouns for people held by someone (`her lawyer`, `his doctors`, `his critics`), lower case. */
const PEOPLE_NOUNS: ReadonlySet<string> = new Set(['supporters', 'critics', 'followers', 'friends', 'relatives', 'family', 'children', 'son', 'daughter', 'wife', 'husband', 'brother', 'sister', 'mother', 'father', 'aides', 'advisers', 'advisors', 'doctors', 'lawyers', 'attorneys', 'editors', 'colleagues', 'rivals', 'opponents', 'allies', 'staff', 'neighbours', 'neighbors']);

function possessedPeople(word: string): boolean {
  const lower = word.toLowerCase();
  return PEOPLE_NOUNS.has(lower) || ROLE_NOUNS.has(lower) || (lower.endsWith('s') && ROLE_NOUNS.has(lower.slice(0, -1)));
}

/** What may come before a sentence's subject: nothing, or `The`. */
const SUBJECT_OPENING = /^\s*(?:the\s+)?$/i;

/** The organisation mentioned last before `offset` whose name ends with `noun` (`army`). */
function organisationNamed(context: SpeakerContext, noun: string, offset: number): string | null {
  if (noun.length < 3) return null;
  const { text, mentions } = context;
  // The last one before `offset`: walked back from there (mentions are in text order), not from
  // the start of the text for every speaker (quadratic on long texts).
  for (let index = firstTokenStartingFrom(mentions, offset) - 1; index >= 0; index--) {
    const mention = mentions[index]!;
    if (mention.type !== 'ORG' || !mention.entity || mention.end - mention.start <= noun.length) continue;
    if (text.slice(mention.end - noun.length, mention.end).toLowerCase() === noun && !LETTER.test(text.charAt(mention.end - noun.length - 1))) return mention.entity;
  }
  return null;
}

/** The entity with a role named `noun` mentioned last before `offset`. */
function roleHolder(context: SpeakerContext, noun: string, offset: number): string | null {
  const holders = new Set<string>();
  for (const entity of context.entities) if (entity.roles.some((role) => role.role?.toLowerCase() === noun)) holders.add(entity.id);
  if (holders.size === 0) return null;
  // The holder's mention starting last before `offset` (the first in text order among equal
  // starts), walked back from `offset`.
  const { mentions } = context;
  let found = -1;
  for (let index = firstTokenStartingFrom(mentions, offset) - 1; index >= 0; index--) {
    const mention = mentions[index]!;
    if (found >= 0 && mention.start < mentions[found]!.start) break;
    if (mention.entity && holders.has(mention.entity)) found = index;
  }
  return found >= 0 ? mentions[found]!.entity : null;
}

/**
 * The person the sentence before `offset`'s opens with (its subject), when that sentence lies after
 * the attribution before (`previous`): someone the text has turned to since that quote, whom a
 * description (`the Spaniard`, `the 52-year-old`) then stands for. Null when that sentence opens
 * with anything else.
 */
function subjectSince(context: SpeakerContext, offset: number, previous: PreviousSpeaker | null): Mention | null {
  const { sentences, mentions, text } = context;
  const sentence = sentences[sentenceAt(sentences, offset) - 1];
  if (!sentence || (previous && sentence.start < previous.end)) return null;
  for (let index = firstMentionIndex(mentions, sentence.start); index < mentions.length; index++) {
    const mention = mentions[index]!;
    if (mention.start < sentence.start) continue;
    if (mention.start >= sentence.end || !/^\s*$/.test(text.slice(sentence.start, mention.start))) return null;
    if (mention.entity && mention.type === 'PER') return mention;
  }
  return null;
}

/** The last person (or organisation) mention with an entity in the sentence before `offset`. */
function personBefore(context: SpeakerContext, offset: number): Mention | null {
  const { sentences, mentions } = context;
  const sentenceIndex = sentenceAt(sentences, offset);
  for (const candidateSentence of [sentenceIndex - 1, sentenceIndex]) {
    const sentence = sentences[candidateSentence];
    if (!sentence) continue;
    const limit = Math.min(sentence.end, offset);
    let best: Mention | null = null;
    for (let index = firstMentionIndex(mentions, sentence.start); index < mentions.length; index++) {
      const mention = mentions[index]!;
      if (mention.start >= limit) break;
      if (mention.start < sentence.start || mention.end > limit) continue;
      if (!mention.entity || (mention.type !== 'PER' && mention.type !== 'ORG')) continue;
      if (!best || (mention.type === 'PER' && best.type !== 'PER')) best = mention;
    }
    if (best) return best;
  }
  return null;
}
