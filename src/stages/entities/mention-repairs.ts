/**
 * Repairs to the tagger's name mentions that use evidence the sequence model cannot see well:
 * capitalised function words inside names, geographic feature words after a demonym, long names
 * split around `in the` but tied together by the acronym defined after them, and well-known
 * organisations. Each repair keeps its rule name on the mention.
 */
import type { EntityType, Token } from '../../doc/schema.js';
import { foldForMatching } from '../../doc/text-builder.js';
import { FULL_MONTH, SHORT_MONTH, WEEKDAY_NAME } from '../../lang/en/calendar.js';
import { WELL_KNOWN_ORGANISATIONS } from '../../lang/en/organisations.js';
import { COMPOUND_TITLES, RANKS, ROLE_MODIFIERS, ROLE_NOUNS, WORKPLACE_ROLES } from '../../lang/en/roles.js';
import { isAcronymForm, matchesAcronym, nameKey, nameSkeleton, skeletonOfKey, type NameMention } from './entity-linker.js';

// Capitalised where a preposition or article would be lower case: part of a name
// (`the In Amenas oil consortium`, `El Paso`, `Las Vegas`, `La Paz`).
const NAME_FUNCTION_WORDS = new Set(['In', 'El', 'Al', 'La', 'Le', 'Las', 'Los', 'De', 'Da', 'Du', 'Des', 'Del', 'Ad', 'As', 'Ash', 'An', 'Ar']);
// `the Libyan Desert`, `the Arabian Sea`: a feature word after a demonym or name makes a place.
const FEATURE_WORDS = new Set([
  'Desert', 'Sea', 'Ocean', 'Gulf', 'Bay', 'Strait', 'Straits', 'Mountains', 'Mountain', 'Hills', 'Highlands', 'Plateau', 'Peninsula',
  'Coast', 'Basin', 'Valley', 'River', 'Lake', 'Lakes', 'Delta', 'Plain', 'Plains', 'Islands', 'Island', 'Archipelago', 'Sahara',
  'Corridor', 'Steppe', 'Savanna', 'Forest', 'Canyon', 'Channel', 'Sound', 'Riviera', 'Rift', 'Horn',
]);
const CONNECTORS = new Set(['in', 'the', 'of', 'for', 'and', 'on', 'at']);
// `Department of Homeland Security`, `Ministry of Defence`, `University of Texas`: a body named as
// `<body> of …` is an organisation, whatever place names it holds.
const BODY_WORDS = new Set([
  'department', 'ministry', 'agency', 'bureau', 'office', 'commission', 'committee', 'council', 'university', 'institute',
  'college', 'academy', 'bank', 'court', 'party', 'union', 'federation', 'league', 'organisation', 'organization',
  'association', 'society', 'foundation', 'board', 'service', 'secretariat', 'directorate', 'archive', 'archives', 'observatory',
]);

/** Last words of a body named by its purpose after it (`Committee to Protect Journalists`, `Council on Foreign Relations`). */
const PURPOSE_BODY_WORDS = new Set([
  ...BODY_WORDS, 'group', 'centre', 'center', 'coalition', 'alliance', 'front', 'movement', 'fund', 'network', 'campaign', 'initiative',
  'programme', 'program', 'forum', 'observatory', 'project', 'trust', 'corps', 'command', 'authority', 'tribunal', 'panel', 'institution', 'unit',
]);
/** Bodies whose purpose after `on` is a topic, a place too (`Select Committee on Benghazi`); after other bodies a place says where they are (`Hofstra University on Long Island`). */
const TOPIC_BODY_WORDS = new Set(['committee', 'subcommittee', 'commission', 'council', 'panel', 'conference', 'forum', 'group', 'program', 'programme']);
/** Days and months: the time of the sentence, never a body's purpose (`the Supreme Court on Monday`). */
const TIME_WORD = new RegExp(`^(?:${WEEKDAY_NAME}|${FULL_MONTH}|${SHORT_MONTH})\\.?$`);
/** Words between a body and its purpose. */
const PURPOSE_CONNECTORS = new Set(['for', 'to', 'on', 'against']);
/** A word that ties a name to the group after it (`al Qaeda-linked`, `Iran-backed`), not part of the group's name. */
const AFFILIATION_WORD = /-(?:linked|backed|allied|affiliated|aligned|led|based|funded|supported|sponsored|inspired)$/i;

interface Context {
  readonly text: string;
  readonly tokens: readonly Token[];
}

function word(context: Context, index: number): string {
  const token = context.tokens[index];
  return token ? context.text.slice(token.start, token.end) : '';
}

function sameSentence(context: Context, a: number, b: number): boolean {
  const first = context.tokens[a];
  const second = context.tokens[b];
  return Boolean(first && second && first.sentence === second.sentence);
}

/** `In Amenas`: a capitalised function word right before a name, not opening the sentence. */
function absorbCapitalisedFunctionWords(context: Context, mentions: NameMention[], taken: Uint8Array): NameMention[] {
  const repaired: NameMention[] = [];
  for (const mention of mentions) repaired.push(withFunctionWord(context, mention, taken));
  return repaired;
}

function withFunctionWord(context: Context, mention: NameMention, taken: Uint8Array): NameMention {
  const before = mention.firstToken - 1;
  if (before < 0 || taken[before] || !sameSentence(context, before, mention.firstToken)) return mention;
  if (!NAME_FUNCTION_WORDS.has(word(context, before))) return mention;
  const sentenceStart = before === 0 || !sameSentence(context, before - 1, before);
  const afterQuote = /^[“"‘'(]$/.test(word(context, before - 1));
  if (sentenceStart || afterQuote) return mention;
  return { ...mention, firstToken: before, rule: `${mention.rule}+function-word` };
}

/** `Libyan Desert`: a name followed by a capitalised geographic feature word is a place. */
function absorbFeatureWords(context: Context, mentions: NameMention[], taken: Uint8Array): NameMention[] {
  const repaired: NameMention[] = [];
  for (const mention of mentions) repaired.push(withFeatureWords(context, mention, taken));
  return repaired;
}

function withFeatureWords(context: Context, mention: NameMention, taken: Uint8Array): NameMention {
  let last = mention.lastToken;
  while (last + 1 < context.tokens.length && !taken[last + 1] && sameSentence(context, last, last + 1) && FEATURE_WORDS.has(word(context, last + 1))) last++;
  const lastWord = word(context, last);
  if (last === mention.lastToken && !(FEATURE_WORDS.has(lastWord) && mention.lastToken > mention.firstToken && mention.type !== 'ORG')) return mention;
  return { ...mention, lastToken: last, type: 'LOC' as EntityType, rule: `${mention.rule}+feature-word` };
}

/**
 * `al-Qa’ida in the Lands of the Islamic Maghreb (AQIM)`: two names split around lower-case
 * connectors are one name when the acronym right after them spells the whole.
 */
function joinAcronymDefinedNames(context: Context, mentions: NameMention[]): NameMention[] {
  const sorted = [...mentions].sort((a, b) => a.firstToken - b.firstToken);
  const result: NameMention[] = [];
  for (let index = 0; index < sorted.length; index++) {
    let current = sorted[index]!;
    for (let next = sorted[index + 1]; next; next = sorted[index + 1]) {
      const between: string[] = [];
      for (let t = current.lastToken + 1; t < next.firstToken; t++) between.push(word(context, t));
      if (between.length === 0 || between.length > 3 || !between.every((value) => CONNECTORS.has(value)) || !sameSentence(context, current.firstToken, next.lastToken)) break;
      if (word(context, next.lastToken + 1) !== '(' || word(context, next.lastToken + 3) !== ')') break;
      const acronym = word(context, next.lastToken + 2);
      const whole = context.text.slice(context.tokens[current.firstToken]!.start, context.tokens[next.lastToken]!.end);
      // (`International Association of Machinists and Aerospace Workers (IAM)`: an acronym may spell
      // only the words before the `and`.)
      if (!(matchesAcronym(acronym, whole) || (between.includes('and') && matchesAcronym(acronym, mentionText(context, current)))) || matchesAcronym(acronym, mentionText(context, next))) break;
      current = { firstToken: current.firstToken, lastToken: next.lastToken, type: next.type, rule: `${current.rule}+acronym-join` };
      index++;
    }
    result.push(current);
  }
  return result;
}

/** Whether token `index` starts with a capital letter. */
function capitalised(context: Context, index: number): boolean {
  return /^\p{Lu}/u.test(word(context, index));
}

/**
 * `the Committee to Protect Journalists`, `the Centre for Strategic and International Studies`,
 * `the Council on Foreign Relations`, `the al Qaeda-linked Group for the Support of Islam and
 * Muslims`: a name ending with a body word goes on over `for`, `to`, `on` or `against` (and `the`)
 * through the capitalised words of its purpose (joined by `and`, `of`, `the`, `&`), over what the
 * tagger split off or left out, to a person or the sentence's end at most. A word tying a group to
 * another before it (`al Qaeda-linked`) is left out of the name.
 */
function extendPurposeBodies(context: Context, mentions: NameMention[]): NameMention[] {
  const sorted = [...mentions].sort((a, b) => a.firstToken - b.firstToken);
  const result: NameMention[] = [];
  for (let index = 0; index < sorted.length; index++) {
    const mention = sorted[index]!;
    // The body word: the mention's last, or one inside it that its purpose follows (`Centre for Strategic | and International Studies`).
    let body = -1;
    for (let token = mention.firstToken; token <= mention.lastToken; token++) {
      if (PURPOSE_BODY_WORDS.has(word(context, token).toLowerCase()) && (token === mention.lastToken || PURPOSE_CONNECTORS.has(word(context, token + 1)))) body = token;
    }
    if ((mention.type !== 'ORG' && mention.type !== 'MISC') || body < 0) {
      result.push(mention);
      continue;
    }
    let at = body + 1;
    const connector = word(context, at);
    if (!PURPOSE_CONNECTORS.has(connector) || !sameSentence(context, mention.lastToken, at)) {
      result.push(mention);
      continue;
    }
    at++;
    if (word(context, at) === 'the' && connector !== 'to') at++;
    // The purpose: capitalised words, with lower-case joiners only between two of them.
    let last = -1;
    for (let next = at; next < context.tokens.length && sameSentence(context, mention.lastToken, next); next++) {
      if (capitalised(context, next) && !TIME_WORD.test(word(context, next))) {
        last = next;
        continue;
      }
      if (last >= 0 && ['and', 'of', 'the', '&'].includes(word(context, next)) && capitalised(context, next + 1)) continue;
      break;
    }
    // No person in it; no place after `to` (`sent the Council to Geneva`), nor after `on` but for a
    // topic (`the University on Long Island`); not one word after `to` (`Cancer Society to Focus`,
    // a headline's capitals); not a lone adjective (`the European Central Bank on Greek debt`).
    const swallowed = sorted.filter((other) => other !== mention && other.firstToken >= at && other.firstToken <= last);
    const purposeWords = last - at + 1;
    const placeOnly = swallowed.length === 1 && swallowed[0]!.type === 'LOC' && swallowed[0]!.firstToken === at && swallowed[0]!.lastToken === last;
    if (last <= mention.lastToken || swallowed.some((other) => other.type === 'PER' || other.lastToken > last)
      || (connector === 'to' && (purposeWords < 2 || swallowed.some((other) => other.type === 'LOC')))
      || (connector === 'on' && placeOnly && !TOPIC_BODY_WORDS.has(word(context, body).toLowerCase()))
      || (purposeWords === 1 && swallowed.length === 1 && swallowed[0]!.type === 'MISC')) {
      result.push(mention);
      continue;
    }
    let first = mention.firstToken;
    for (let token = mention.firstToken; token < mention.lastToken; token++) if (AFFILIATION_WORD.test(word(context, token))) first = token + 1;
    result.push({ firstToken: first, lastToken: last, type: 'ORG', rule: `${mention.rule}+purpose` });
    index += swallowed.length;
  }
  return result;
}

/** Index of well-known organisation names by first token key. */
export interface OrganisationIndex {
  /** Keys and skeletons of every listed name. */
  readonly names: ReadonlySet<string>;
  /** Listed names as token sequences (for finding missed mentions), by first token. */
  readonly byFirstToken: ReadonlyMap<string, readonly string[][]>;
}

/** Builds the organisation index once (the pipeline keeps it as a stage resource). */
export function buildOrganisationIndex(names: readonly string[] = WELL_KNOWN_ORGANISATIONS): OrganisationIndex {
  const keys = new Set<string>();
  const byFirstToken = new Map<string, string[][]>();
  for (const name of names) {
    keys.add(nameKey(name));
    const skeleton = nameSkeleton(name);
    if (skeleton) keys.add(skeleton);
    const parts = foldForMatching(name).split(/\s+/);
    const list = byFirstToken.get(parts[0]!) ?? [];
    list.push(parts);
    byFirstToken.set(parts[0]!, list);
  }
  return { names: keys, byFirstToken };
}

/** True when a name is a listed organisation (by key or spelling skeleton). */
export function isWellKnownOrganisation(index: OrganisationIndex, form: string): boolean {
  const key = nameKey(form);
  if (index.names.has(key)) return true;
  const skeleton = skeletonOfKey(key);
  return skeleton !== undefined && index.names.has(skeleton);
}

/** Adds mentions for listed organisation names the tagger missed (exact, case-sensitive tokens). */
function addListedOrganisations(context: Context, mentions: NameMention[], taken: Uint8Array, index: OrganisationIndex): NameMention[] {
  const added: NameMention[] = [];
  // One-word names opening a sentence, decided once the rest of the document is read.
  const deferred: number[] = [];
  // Folding keeps every character's offset, so the text is folded once and tokens sliced from it.
  const folded = foldForMatching(context.text);
  const foldedWord = (t: number): string => {
    const token = context.tokens[t];
    return token ? folded.slice(token.start, token.end) : '';
  };
  for (let t = 0; t < context.tokens.length; t++) {
    if (taken[t]) continue;
    const candidates = index.byFirstToken.get(foldedWord(t));
    if (!candidates) continue;
    let best = 0;
    for (const parts of candidates) {
      if (parts.length <= best) continue;
      let ok = true;
      for (let k = 0; k < parts.length && ok; k++) ok = !taken[t + k] && sameSentence(context, t, t + k) && foldedWord(t + k) === parts[k];
      if (ok) best = parts.length;
    }
    // A one-word name at the start of a sentence may be a common word (`Treasury`, `Army`): take
    // it only where it cannot be sentence-initial capitalisation.
    const sentenceStart = t === 0 || !sameSentence(context, t - 1, t);
    if (best === 0) continue;
    if (best === 1 && sentenceStart && !/^[A-Z]{2,}$/.test(word(context, t))) {
      deferred.push(t);
      continue;
    }
    added.push({ firstToken: t, lastToken: t + best - 1, type: 'ORG', rule: 'organisation-list' });
    for (let k = 0; k < best; k++) taken[t + k] = 1;
    t += best - 1;
  }
  // ... unless the document names the organisation so elsewhere, mid-sentence: `Facebook CEO Mark
  // Zuckerberg` opening a sentence after `pressure on Facebook`.
  const namedElsewhere = new Set<string>();
  for (const mention of [...mentions, ...added]) {
    if (mention.type === 'ORG' && mention.firstToken === mention.lastToken) namedElsewhere.add(foldedWord(mention.firstToken));
  }
  for (const t of deferred) {
    if (taken[t] || !namedElsewhere.has(foldedWord(t))) continue;
    added.push({ firstToken: t, lastToken: t, type: 'ORG', rule: 'organisation-list' });
    taken[t] = 1;
  }
  return [...mentions, ...added].sort((a, b) => a.firstToken - b.firstToken);
}

function takenTokens(tokenCount: number, mentions: readonly NameMention[]): Uint8Array {
  const taken = new Uint8Array(tokenCount);
  for (const mention of mentions) for (let t = mention.firstToken; t <= mention.lastToken; t++) taken[t] = 1;
  return taken;
}

/** A place or other name written `<body> of …` (see {@link BODY_WORDS}) becomes an organisation. */
function typeNamedBodies(context: Context, mentions: NameMention[]): NameMention[] {
  return mentions.map((mention) => {
    if (mention.type === 'ORG' || mention.type === 'PER') return mention;
    for (let index = mention.firstToken; index < mention.lastToken; index++) {
      if (BODY_WORDS.has(word(context, index).toLowerCase()) && word(context, index + 1) === 'of') return retyped(mention, 'ORG', 'body-of');
    }
    return mention;
  });
}

// What may follow the employer's name: the end of its phrase, not a noun it modifies (`a doctor at Kandahar hospital`).
const AFTER_EMPLOYER = /^(?:[,.;:)!?"”’'—–-]|and|or|who|which|said|says|told|wrote|in|on|for|with|since|until|)$/;

/** A place or other non-person name right after `<role> at (the)` names the employer: an organisation. */
/** Nouns for a company written right before its name (`Danish drugmaker Bavarian Nordic`); not `rival` (`former rival New Jersey Gov. Chris Christie`). */
const COMPANY_NOUNS = new Set([
  'company', 'firm', 'drugmaker', 'carmaker', 'automaker', 'chipmaker', 'planemaker', 'steelmaker', 'toymaker', 'retailer', 'airline',
  'insurer', 'lender', 'bank', 'miner', 'conglomerate', 'startup', 'start-up', 'manufacturer', 'supplier', 'broadcaster',
  'publisher', 'distributor', 'wholesaler', 'brewer', 'refiner',
]);

/** Company nouns that are no person's trade (`publisher Ron Unz`, `manufacturer Ron Johnson` are people): enough to make a person-typed name a company. */
const COMPANY_ONLY_NOUNS = new Set(['company', 'firm', 'drugmaker', 'carmaker', 'automaker', 'chipmaker', 'planemaker', 'steelmaker', 'toymaker', 'retailer', 'airline', 'insurer', 'conglomerate', 'startup', 'start-up', 'broadcaster']);

/** What may follow a company's name right after its noun when the tagger read the name as a person: the end of its phrase (`startup Wiz in a deal`), not a verb (`the company Elon Musk founded`). */
const AFTER_COMPANY = /^(?:[,.;:)!?"”’'—–-]|['’]s|in|for|of|to|with|on|at|from|by|and|or|which|that|was|is|has|had|said|says|)$/;

/**
 * `Danish drugmaker Bavarian Nordic`, `cloud security startup Wiz`: a name right after a company
 * noun is the company (the tagger read a demonym's neighbour as MISC, an unknown short name as a
 * person); the article's other mentions of the same name are the company too (`Wiz, founded in
 * 2020 by …`, `Wiz has about 1,800 employees`).
 */
function typeCompanies(context: Context, mentions: NameMention[]): NameMention[] {
  const companies = new Set<string>();
  const typed = mentions.map((mention) => {
    if (mention.type === 'ORG') return mention;
    const before = mention.firstToken - 1;
    if (!COMPANY_NOUNS.has(word(context, before)) || !sameSentence(context, before, mention.firstToken)) return mention;
    if (mention.type === 'PER' && (!COMPANY_ONLY_NOUNS.has(word(context, before)) || !AFTER_COMPANY.test(sameSentence(context, mention.lastToken, mention.lastToken + 1) ? word(context, mention.lastToken + 1) : ''))) return mention;
    companies.add(mentionText(context, mention));
    return retyped(mention, 'ORG', 'company');
  });
  if (companies.size === 0) return typed;
  return typed.map((mention) => (mention.type === 'PER' || mention.type === 'MISC') && companies.has(mentionText(context, mention)) ? retyped(mention, 'ORG', 'company-elsewhere') : mention);
}

/** `mention` typed `type`, its rule noting why. */
function retyped(mention: NameMention, type: EntityType, why: string): NameMention {
  return { ...mention, type, rule: `${mention.rule}+${why}` };
}

function mentionText(context: Context, mention: NameMention): string {
  return context.text.slice(context.tokens[mention.firstToken]!.start, context.tokens[mention.lastToken]!.end);
}

function typeEmployers(context: Context, mentions: NameMention[]): NameMention[] {
  return mentions.map((mention) => {
    if (mention.type === 'ORG' || mention.type === 'PER') return mention;
    let at = mention.firstToken - 1;
    if (word(context, at).toLowerCase() === 'the') at--;
    if (word(context, at) !== 'at' || !WORKPLACE_ROLES.has(word(context, at - 1).toLowerCase()) || !sameSentence(context, at - 1, mention.firstToken)) return mention;
    if (!AFTER_EMPLOYER.test(word(context, mention.lastToken + 1))) return mention;
    return retyped(mention, 'ORG', 'employer');
  });
}

/** Whether a word is a title, rank or role word (`Executive`, `Justice`, `Dr.`). */
function isTitleWord(word: string): boolean {
  const bare = word.replace(/\./g, '').toLowerCase();
  return ROLE_NOUNS.has(bare) || ROLE_MODIFIERS.has(bare) || RANKS.has(bare);
}

/**
 * `Chief Executive Elon Musk` tagged as `Executive Elon Musk`: titles the tagger took into a
 * person's name are left to the roles, so long as a name of two words or more remains (`Prince
 * Harry` stays whole).
 */
function trimLeadingTitles(context: Context, mentions: NameMention[]): NameMention[] {
  return mentions.map((mention) => {
    if (mention.type !== 'PER') return mention;
    let first = mention.firstToken;
    while (mention.lastToken - first >= 2 && isTitleWord(word(context, first))) first++;
    return first === mention.firstToken ? mention : { ...mention, firstToken: first, rule: `${mention.rule}+title-trimmed` };
  });
}

/** Conjunctions that open a clause before a name, capitalised only for being first (`If Cruz wins`). */
const OPENING_CONJUNCTIONS = new Set(['if', 'when', 'while', 'but', 'although', 'though', 'because', 'since', 'unless', 'until', 'once', 'whether', 'whereas']);

/** Descriptive words and prepositions that open a sentence before a name, capitalised only for being first (`Rival Honda Motor Co`, `Automaker Toyota`, `Outside Congress`). */
const OPENING_DESCRIPTORS = new Set([
  // Prepositions the tagger took into a name (`Outside Congress, thousands protested`).
  'outside', 'inside', 'near', 'across', 'beyond', 'behind', 'despite', 'during', 'amid', 'among', 'following', 'throughout', 'within',
  'rival', 'fellow', 'embattled', 'beleaguered', 'struggling', 'troubled', 'ailing', 'veteran', 'billionaire', 'tech', 'opposition', 'incumbent', 'outgoing', 'defending', 'hardline', 'hard-line', 'reclusive', 'state-owned', 'state-run']);

/**
 * `Rival Honda Motor Co is due to report`: a descriptive or company noun that opens the sentence
 * is no part of the name after it (so long as a name remains).
 */
function trimOpeningDescriptors(context: Context, mentions: NameMention[]): NameMention[] {
  return mentions.map((mention) => {
    if (mention.lastToken <= mention.firstToken) return mention;
    const first = word(context, mention.firstToken);
    // (`Marine Le Pen's far-right National Rally`: a lower-case leaning before a party's name is no
    // part of it, and what is left, ending in a party's word, is the party.)
    if (/^(?:far|hard|centre|center|extreme|ultra|pro|anti)?-?(?:right|left|wing|right-wing|left-wing|nationalist|populist|conservative|liberal|centrist|socialist|communist|green|islamist)$/.test(first) && /^\p{Lu}/u.test(word(context, mention.firstToken + 1))) {
      const trimmed = { ...mention, firstToken: mention.firstToken + 1, rule: `${mention.rule}+leaning-trimmed` };
      return PARTY_LAST_WORD.test(word(context, mention.lastToken)) ? { ...trimmed, type: 'ORG' as const } : trimmed;
    }
    const previous = context.tokens[mention.firstToken - 1];
    const opens = !previous || previous.sentence !== context.tokens[mention.firstToken]!.sentence || /^["“‘']$/.test(word(context, mention.firstToken - 1));
    // (`Bank of Valletta`: a name that goes on with a small word keeps its first.)
    if (!opens || !/^\p{Lu}\p{Ll}/u.test(first) || !/^\p{Lu}/u.test(word(context, mention.firstToken + 1))) return mention;
    const lower = first.toLowerCase();
    // (A conjunction opening the clause, `"If Cruz wins …"`, only before a person or a place: a
    // body's type read with it is no guide to the name left.)
    if (OPENING_CONJUNCTIONS.has(lower) && (mention.type === 'PER' || mention.type === 'LOC')) return { ...mention, firstToken: mention.firstToken + 1, rule: `${mention.rule}+conjunction-trimmed` };
    if (!OPENING_DESCRIPTORS.has(lower) && !COMPANY_NOUNS.has(lower)) return mention;
    return { ...mention, firstToken: mention.firstToken + 1, rule: `${mention.rule}+descriptor-trimmed` };
  });
}

/**
 * `Texas Attorney General Ken Paxton` tagged with `Texas Attorney` as an organisation: the first word
 * of a two-word title right before a person's name (or the title's second word) is the role's, not
 * the name's.
 */
function trimTrailingTitles(context: Context, mentions: NameMention[]): NameMention[] {
  const startsPerson = new Set<number>();
  for (const mention of mentions) if (mention.type === 'PER') startsPerson.add(mention.firstToken);
  return mentions.map((mention) => {
    if (mention.type === 'PER' || mention.lastToken <= mention.firstToken) return mention;
    const last = word(context, mention.lastToken).replace(/\.$/, '').toLowerCase();
    const next = word(context, mention.lastToken + 1).replace(/\.$/, '').toLowerCase();
    // (`House` stays: `U.S. House Speaker Paul Ryan`, `Former House speaker Newt Gingrich` name the House.)
    if (last === 'house' || !COMPOUND_TITLES.has(`${last} ${next}`) || !startsPerson.has(mention.lastToken + 2)) return mention;
    return { ...mention, lastToken: mention.lastToken - 1, rule: `${mention.rule}+title-trimmed` };
  });
}

/** Words that follow a person's name as its subject or in apposition. */
const AFTER_PERSON = new Set(['was', 'is', 'has', 'had', 'said', 'says', 'told', 'wrote', 'writes', 'became', 'and', 'or', 'who', 'whose', 'will', 'would', 'could', 'did', 'does']);

/**
 * `Sofia Sapega` tagged as a place (Sofia is a city) where the article later calls her `Sapega`,
 * tagged as a person: a name whose last word the document uses alone for a person is that person's
 * name (and `Grand Rapids` stays a place where no `Rapids` is a person).
 */
function typeBySurname(context: Context, mentions: NameMention[]): NameMention[] {
  const surnames = new Set<string>();
  for (const mention of mentions) if (mention.type === 'PER' && mention.firstToken === mention.lastToken) surnames.add(word(context, mention.firstToken));
  if (surnames.size === 0) return mentions;
  return mentions.map((mention) => {
    if (mention.type === 'PER' || mention.lastToken - mention.firstToken !== 1) return mention;
    const last = word(context, mention.lastToken);
    if (!surnames.has(last) || !/^\p{Lu}\p{Ll}+$/u.test(word(context, mention.firstToken)) || !/^\p{Lu}\p{Ll}/u.test(last)) return mention;
    // Not a name that modifies what follows or is the object of an article (`the Stop Trump
    // movement`, `a Wisconsin Trump rally`): a person's name is followed by a verb or punctuation.
    const next = word(context, mention.lastToken + 1);
    if (/^(?:the|a|an)$/i.test(word(context, mention.firstToken - 1)) || /^\p{Ll}/u.test(next) && !AFTER_PERSON.has(next)) return mention;
    return retyped(mention, 'PER', 'surname');
  });
}

/**
 * `the Flood Forecasting and Warning Centre`, tagged as two organisations: after `the`, a name
 * with no body word of its own, `and`, and a name ending in one (`Centre`, `Authority`) are one
 * body. Not when the first part is an acronym or stands alone elsewhere in the article (`the FBI
 * and Justice Department`, `the Treasury and Federal Reserve Board`).
 */
function joinCoordinatedBodies(context: Context, mentions: NameMention[]): NameMention[] {
  return joinPairs(mentions, (first, second) => {
    const and = first.lastToken + 1;
    const joins = first.type !== 'PER' && second.type === 'ORG' && second.firstToken === and + 1 && (word(context, and) === 'and' || word(context, and) === '&') &&
      sameSentence(context, first.firstToken - 1, second.lastToken) && word(context, first.firstToken - 1).toLowerCase() === 'the' && !insideName(context, first.firstToken - 1) &&
      PURPOSE_BODY_WORDS.has(word(context, second.lastToken).toLowerCase()) && !bodyWordIn(context, first) && !isAcronymForm(word(context, first.firstToken)) &&
      standsAloneOnce(context, first);
    return joins ? { ...second, firstToken: first.firstToken, rule: `${second.rule}+coordinated-body` } : null;
  });
}

/** The mentions with each neighbouring pair that `join` makes one (its answer, else null) replaced by that one. */
function joinPairs(mentions: NameMention[], join: (first: NameMention, second: NameMention) => NameMention | null): NameMention[] {
  const joined: NameMention[] = [];
  for (let index = 0; index < mentions.length; index++) {
    const first = mentions[index]!;
    const second = mentions[index + 1];
    const both = second ? join(first, second) : null;
    joined.push(both ?? first);
    if (both) index++;
  }
  return joined;
}

/** An opening or closing quote mark token. */
const QUOTE_TOKEN = /^["“”'‘’]$/;

/** Whether the sentence of token `at` is a headline in title case (most of its words capitalised: `Trump Was ‘Mocking’ Clinton Camp`). */
function titleCased(context: Context, at: number): boolean {
  const sentence = context.tokens[at]!.sentence;
  let first = at;
  while (first > 0 && context.tokens[first - 1]!.sentence === sentence) first--;
  let words = 0;
  let capitals = 0;
  for (let index = first; index < context.tokens.length && context.tokens[index]!.sentence === sentence; index++) {
    const text = word(context, index);
    if (!/^\p{L}/u.test(text)) continue;
    words++;
    if (/^\p{Lu}/u.test(text)) capitals++;
  }
  return words >= 5 && capitals / words > 0.6;
}

/**
 * `Monel "Micanor" Felix`, `Joaquín "El Chapo" Guzmán`: a first name, a nickname in quote marks
 * (one to three capitalised words) and a surname are one person, however the tagger split them.
 */
function joinNicknamedNames(context: Context, mentions: NameMention[]): NameMention[] {
  const joined: NameMention[] = [];
  for (let index = 0; index < mentions.length; index++) {
    const first = mentions[index]!;
    const open = first.lastToken + 1;
    let close = -1;
    if (QUOTE_TOKEN.test(word(context, open))) {
      for (let at = open + 1; at <= open + 4; at++) {
        if (QUOTE_TOKEN.test(word(context, at))) { close = at; break; }
        if (!/^\p{Lu}/u.test(word(context, at))) break;
      }
    }
    if (close < open + 2 || !sameSentence(context, first.firstToken, close + 1) || titleCased(context, first.firstToken)) { joined.push(first); continue; }
    // The surname: the next mention, right after the closing mark (a nickname tagged as a mention is skipped).
    let next = index + 1;
    while (next < mentions.length && mentions[next]!.lastToken < close) next++;
    const last = mentions[next];
    if (!last || last.firstToken !== close + 1 || (last.type !== 'PER' && first.type !== 'PER')) { joined.push(first); continue; }
    joined.push({ firstToken: first.firstToken, lastToken: last.lastToken, type: 'PER', rule: `${first.rule}+nickname` });
    index = next;
  }
  return joined;
}

/** Body words that open a name with `of` and a place (`University of Buenos Aires`, `Bank of Japan`). */
const BODY_OF_WORDS = new Set(['University', 'College', 'Bank', 'Ministry', 'Institute', 'Museum', 'Academy', 'School', 'Council', 'Court', 'Port', 'Diocese', 'Archdiocese', 'Government', 'Parliament', 'Church', 'Federation', 'Association', 'Chamber', 'Library', 'Hospital', 'Municipality']);

/**
 * `University` and `Buenos Aires` tagged apart in `the University of Buenos Aires`: a body word
 * alone, `of`, and a place or body right after are one organisation.
 */
function joinBodyOfPlace(context: Context, mentions: NameMention[]): NameMention[] {
  return joinPairs(mentions, (first, second) =>
    first.firstToken === first.lastToken && first.type !== 'PER' && BODY_OF_WORDS.has(word(context, first.firstToken)) && word(context, first.lastToken + 1) === 'of'
      && second.firstToken === first.lastToken + 2 && (second.type === 'LOC' || second.type === 'ORG') && sameSentence(context, first.firstToken, second.lastToken)
      ? { ...second, firstToken: first.firstToken, type: 'ORG', rule: `${first.rule}+body-of-place` }
      : null);
}

/** Whether the `the` at `at` belongs to a name before it (`Friends of the | Earth Action`, `Bank of the | West`). */
function insideName(context: Context, at: number): boolean {
  const before = word(context, at - 1);
  return /^\p{Lu}/u.test(before) || (before === 'of' && /^\p{Lu}/u.test(word(context, at - 2)));
}

function bodyWordIn(context: Context, mention: NameMention): boolean {
  for (let index = mention.firstToken; index <= mention.lastToken; index++) if (PURPOSE_BODY_WORDS.has(word(context, index).toLowerCase())) return true;
  return false;
}

/** Whether the mention's words occur only once in the article (a name used alone elsewhere is a body of its own). */
function standsAloneOnce(context: Context, mention: NameMention): boolean {
  const form = mentionText(context, mention);
  const first = context.text.indexOf(form);
  return first >= 0 && context.text.indexOf(form, first + form.length) < 0;
}

/** Last words of a body's name, never a surname (`Homicide and Major Enquiry Team`, read as a person with the rank `Major`). */
const BODY_LAST_WORDS = new Set(['Survey', 'PAC', 'Center', 'Centre', 'Group', 'Holdings', 'Team', 'Unit', 'Squad', 'Council', 'Committee', 'Commission', 'Department', 'Ministry', 'Agency', 'Bureau', 'Police', 'Brigade', 'Battalion', 'Regiment', 'Corps', 'Association', 'Federation', 'Institute', 'University', 'College', 'Hospital', 'Foundation', 'Authority', 'Directorate', 'Inspectorate', 'Tribunal']);
/** Last words of a street's name (`on Harehills Lane`); after a locative preposition only (`Nathan Lane` is a person). */
const STREET_LAST_WORDS = new Set(['Lane', 'Street', 'Road', 'Avenue', 'Boulevard', 'Crescent', 'Terrace']);

/** Last words of a party named by its members (`Christian Democrats`, `Social Democrats`, `Sweden Democrats`). */
const PARTY_MEMBERS = /^(?:Democrats|Republicans|Socialists|Conservatives|Liberals|Greens|Unionists|Nationalists|Communists|Labourites)$/;

/** First words of a named storm (`Hurricane Helene`, `Typhoon Haiyan`, `Storm Babet`): an event, neither person nor body. */
const STORM_WORDS = new Set(['Hurricane', 'Typhoon', 'Cyclone', 'Storm', 'Tropical']);

/** Words of a part of a place before its name (`downtown Denver`, `suburban Paris`). */
const PLACE_PART_BEFORE = /^(?:downtown|uptown|midtown|suburban|rural|central|northern|southern|eastern|western|northeastern|northwestern|southeastern|southwestern|coastal|greater)$/;
/** Nouns of a facility a place's name can modify (`the Denver jail`, `the Kabul airport`). */
const FACILITY_AFTER = /^(?:jail|prison|airport|harbou?r|port|station|hospital|stadium|zoo|bureau|office|suburbs?|area|metro|region)$/;
/** Nouns of a prison or base, whose name is a place with or without `the` (`left Ofer prison`). */
const LOCKUP_AFTER = /^(?:prison|jail|airbase|airport|camp)$/;
/** Lower-case nouns of an armed or criminal group after its name. */
const GROUP_NOUN_AFTER = /^(?:gang|gangs|cartel|militia|faction|group|network|brigades?|syndicate|clan)$/;
/** A name joined by a hyphen to a participle, or two peoples' words joined: an adjective (`London-listed`, `Kremlin-backed`, `Anglo-Swiss`, `Swiss-German`). */
const COMPOUND_ADJECTIVE = /^\p{Lu}[\p{L}.]*-(?:listed|based|born|backed|led|made|owned|registered|headquartered|funded|bred|raised|controlled|run|allied|aligned|linked|affiliated|sponsored|brokered|designed|built|educated|trained)$|^(?:Anglo|Franco|Sino|Indo|Russo|Greco|Austro|Italo|Afro|Euro|Judeo|Hispano|Luso|Serbo|Turco|Germano|Dutch|British|Swiss|German|French|American|Canadian|Australian|Japanese|Chinese|Korean|Indian|Israeli|Palestinian|Saudi|Iranian|Turkish|Russian|Ukrainian|Polish|Italian|Spanish|Belgian|Swedish|Norwegian|Danish|Finnish|Irish|Scottish|Mexican|Brazilian|Argentine|Egyptian|Nigerian)-\p{Lu}\p{Ll}+$/u;
/** Last words of a party's or a movement's name (`National Rally`, `Reform UK` aside). */
const PARTY_LAST_WORD = /^(?:Rally|Party|Front|Alliance|Movement|League|Union|Congress|Coalition|Bloc|Forum)$/;
/** Words before a party's name and its noun (`the ruling Georgian Dream party`). */
const PARTY_QUALIFIER = /^(?:ruling|opposition|governing|nationalist|conservative|liberal|centrist|populist|far-right|far-left|right-wing|left-wing|Islamist|pro-Kremlin|pro-European|pro-Western|pro-Russian|separatist|communist|socialist|green)$/;

/** Last words of a company's name that name no person or place (`Teck Resources`, `Tata Motors`, `Rio Tinto Ltd`). */
const COMPANY_LAST_WORDS = new Set([
  'Resources', 'Industries', 'Technologies', 'Corp', 'Corp.', 'Corporation', 'Inc', 'Inc.', 'Incorporated', 'Ltd', 'Ltd.', 'Limited', 'Plc', 'PLC', 'plc', 'LLC', 'AG', 'NV', 'GmbH',
  'Pharmaceuticals', 'Therapeutics', 'Laboratories', 'Enterprises', 'Airlines', 'Airways', 'Motors', 'Petroleum', 'Mining', 'Brands', 'Foods', 'Semiconductor', 'Electronics', 'Telecom', 'Biotech',
]);

/** Last words of a square's or avenue's name: a place whatever the tagger said (`Slavija Square`, `Nevsky Avenue`). */
const SQUARE_LAST_WORDS = new Set(['Square', 'Avenue', 'Boulevard', 'Plaza', 'Piazza']);

/** Last words of an island or a natural feature's name. */
const FEATURE_LAST_WORDS: ReadonlySet<string> = new Set(['Island', 'Islands', 'Shoal', 'Reef', 'Atoll', 'Strait', 'Straits', 'Peninsula', 'Valley', 'River', 'Lake', 'Mountains', 'Desert', 'Plateau', 'Canyon', 'Glacier', 'Lagoon', 'Archipelago', 'Basin', 'Sea', 'Ocean', 'Heights', 'Gulf']);

/**
 * A person-typed name that ends in a body's word is a body; one that ends in a street's word after
 * `on`/`in`/`at` is a place; an organisation or person named `… Square` or `… Avenue` is a place;
 * a named storm is an event (MISC).
 */
function typeByLastWord(context: Context, mentions: NameMention[]): NameMention[] {
  return mentions.map((mention) => {
    // (`Cyclone Chido`, tagged without its storm word: the storm, the word with it.)
    if (mention.type !== 'MISC' && STORM_WORDS.has(word(context, mention.firstToken - 1)) && sameSentence(context, mention.firstToken - 1, mention.firstToken)) return { ...mention, firstToken: mention.firstToken - 1, type: 'MISC', rule: `${mention.rule}+storm` };
    // (`London-listed shares`, `a Kremlin-backed firm`: a compound adjective names no body or person.)
    if (mention.lastToken === mention.firstToken && (mention.type === 'ORG' || mention.type === 'PER') && COMPOUND_ADJECTIVE.test(word(context, mention.firstToken))) return retyped(mention, 'MISC', 'compound-adjective');
    // (`downtown Denver`, `suburban Chicago`: a place after a word of where in it; `the Denver jail`:
    // a place naming a facility.)
    if (mention.type === 'PER' && (PLACE_PART_BEFORE.test(word(context, mention.firstToken - 1)) || (/^the$/i.test(word(context, mention.firstToken - 1)) && FACILITY_AFTER.test(word(context, mention.lastToken + 1))) || LOCKUP_AFTER.test(word(context, mention.lastToken + 1))) && sameSentence(context, mention.firstToken - 1, mention.lastToken + 1)) return retyped(mention, 'LOC', 'place-part');
    // (`the Wharf Jeremie gang`, `the Wagner group`: a name between `the` and a group's noun is the group's.)
    if ((mention.type === 'PER' || mention.type === 'LOC') && /^the$/i.test(word(context, mention.firstToken - 1)) && GROUP_NOUN_AFTER.test(word(context, mention.lastToken + 1)) && sameSentence(context, mention.lastToken, mention.lastToken + 1)) return retyped(mention, 'ORG', 'group-name');
    // (`the ruling Georgian Dream party`: a party's name before its noun.)
    if (mention.type !== 'ORG' && PARTY_QUALIFIER.test(word(context, mention.firstToken - 1)) && /^part(?:y|ies)$/.test(word(context, mention.lastToken + 1))) return retyped(mention, 'ORG', 'party-name');
    if (mention.lastToken === mention.firstToken) return mention;
    // (`The Franklin Fire broke out`: a named wildfire, read as a place or a person; `Cal Fire` the agency is typed ORG.)
    // (`The Palisades Fire`, read as a body: with its article it is the fire, not the agency.)
    if (word(context, mention.lastToken) === 'Fire' && (mention.type === 'LOC' || mention.type === 'PER' || (mention.type === 'ORG' && /^the$/i.test(word(context, mention.firstToken - 1)))) && !/^(?:Department|Service|Services|Protection|Chief|Station|Brigade|Authority)$/.test(word(context, mention.lastToken + 1))) return retyped(mention, 'MISC', 'named-fire');
    // (`Canadian copper producer Teck Resources`, `Elk Valley Resources`: a company by its last word.)
    if ((mention.type === 'LOC' || mention.type === 'PER') && COMPANY_LAST_WORDS.has(word(context, mention.lastToken))) return retyped(mention, 'ORG', 'company-word');
    if (mention.type === 'LOC') return mention;
    // (`Mount Ruang erupted`: a mountain, whatever the tagger said.)
    if (/^(?:Mount|Mt\.?)$/.test(word(context, mention.firstToken)) && mention.type !== 'ORG') return retyped(mention, 'LOC', 'mountain');
    if (STORM_WORDS.has(word(context, mention.firstToken)) && mention.type !== 'MISC' && /^\p{Lu}/u.test(word(context, mention.lastToken))) return retyped(mention, 'MISC', 'storm');
    const last = word(context, mention.lastToken);
    if (SQUARE_LAST_WORDS.has(last) && (mention.type === 'ORG' || mention.type === 'PER')) return retyped(mention, 'LOC', 'square');
    // (`the James Webb Space Telescope`, `the Perseverance rover`: an instrument, not a person.)
    if (mention.type === 'PER' && /^(?:Telescope|Rover|Probe|Spacecraft|Observatory|Satellite)$/.test(last)) return retyped(mention, 'MISC', 'instrument');
    // (`the U.S. Geological Survey`, `the Pew Research Center` read as things: bodies.)
    if (mention.type === 'MISC' && BODY_LAST_WORDS.has(last)) return retyped(mention, 'ORG', 'body-word');
    if (mention.type !== 'PER') return mention;
    if (BODY_LAST_WORDS.has(last)) return retyped(mention, 'ORG', 'body-word');
    // (`the opposition Christian Democrats`, `the Free Democrats`: a party by its members' name.)
    if (PARTY_MEMBERS.test(last)) return retyped(mention, 'ORG', 'party-members');
    // (`Scott County`, `Rhode Island`: a unit or an island; `the Booker Prize`: an award.)
    // (`Second Thomas Shoal`, `Silicon Valley`, `the Bering Strait`: a natural feature.)
    if (last === 'County' || FEATURE_LAST_WORDS.has(last)) return retyped(mention, 'LOC', 'unit-word');
    // (`won at Roland Garros in Paris`: a venue in a city.)
    if (/^at$/i.test(word(context, mention.firstToken - 1)) && /^in$/.test(word(context, mention.lastToken + 1)) && /^\p{Lu}/u.test(word(context, mention.lastToken + 2)) && sameSentence(context, mention.firstToken - 1, mention.lastToken + 2)) return retyped(mention, 'LOC', 'venue');
    if (last === 'Prize' || last === 'Award' || last === 'Awards') return retyped(mention, 'MISC', 'award');
    // (`a Marshall Plan`, `the Dayton Accords`, `the Monroe Doctrine`: a plan, a law or a treaty named for someone.)
    if (/^(?:Plan|Act|Treaty|Accords?|Doctrine|Protocol)$/.test(last)) return retyped(mention, 'MISC', 'named-instrument');
    if (STREET_LAST_WORDS.has(last) && /^(?:on|in|at|along|off|near)$/i.test(word(context, mention.firstToken - 1))) return retyped(mention, 'LOC', 'street');
    return mention;
  });
}

/** Lower-case nouns of a natural feature after its name (`the Savio river`, `the Lamone and Savio rivers`). */
const FEATURE_AFTER = /^(?:rivers?|lakes?|mountains?|valleys?|islands?|seas?|bays?|straits?|canals?|dams?|glaciers?|volcano(?:es)?)$/;

/**
 * `The Lamone and Savio rivers burst their banks`, read as two people: a name right before a
 * feature's noun is a place, and with a plural noun so are the names listed before it.
 */
function typeFeatureNames(context: Context, mentions: NameMention[]): NameMention[] {
  const typed = [...mentions];
  for (let index = 0; index < typed.length; index++) {
    const mention = typed[index]!;
    const noun = word(context, mention.lastToken + 1);
    // (People and bodies only: `the Greek islands` keeps its demonym, `the Tennessee Valley Authority dam` its body.)
    if ((mention.type !== 'PER' && mention.type !== 'ORG') || bodyWordIn(context, mention) || !FEATURE_AFTER.test(noun) || !sameSentence(context, mention.lastToken, mention.lastToken + 1)) continue;
    typed[index] = retyped(mention, 'LOC', 'feature');
    if (!noun.endsWith('s')) continue;
    for (let before = index - 1; before >= 0; before--) {
      const listed = typed[before]!;
      const gap = context.text.slice(context.tokens[listed.lastToken]!.end, context.tokens[typed[before + 1]!.firstToken]!.start);
      if (!/^(?:,\s*|\s+and\s+|,\s+and\s+)$/.test(gap)) break;
      if (listed.type === 'PER' || listed.type === 'ORG') typed[before] = retyped(listed, 'LOC', 'feature');
    }
  }
  return typed;
}

/** Lower-case nouns of an administrative unit or settlement after or before a list of names (`the Kursk and Belgorod regions`, `the districts of Burka and Nahrin`). */
const UNIT_NOUN = /^(?:regions?|provinces?|districts?|states|villages?|towns?|cities|city|counties|county|municipalit(?:y|ies)|oblasts?|governorates?|prefectures?|neighbou?rhoods?|suburbs?|communes?)$/;
/** What may follow a unit's noun that closes a list of places (not `town hall`, `state media`, `district court`). */
const AFTER_UNIT_NOUN = /^(?:[,.;:)!?"”’'—–-]|['’]s|of|in|on|at|and|or|where|which|that|near|to|from|with|by|since|after|before|was|is|were|are|has|have|had|said|says|)$/;

/** Endings of demonyms and language names (`German`, `Eastern`, `Chinese`, `English`, `Iraqi`). */
const DEMONYM_ENDING = /(?:an|ese|ish|ch|ic|i|ern)$/;

/** Whether the text between two neighbouring mentions joins them as items of one list (`, `, ` and `, `, and `, ` or `). */
function listGap(context: Context, earlier: NameMention, later: NameMention): boolean {
  const gap = context.text.slice(context.tokens[earlier.lastToken]!.end, context.tokens[later.firstToken]!.start);
  return /^(?:,\s*|\s+(?:and|or)\s+|,\s+(?:and|or)\s+)$/.test(gap);
}

/** The indices of the mentions listed with `typed[index]` (`X, Y and Z`), in order. */
function listAround(context: Context, typed: readonly NameMention[], index: number): number[] {
  let first = index;
  while (first > 0 && listGap(context, typed[first - 1]!, typed[first]!)) first--;
  let last = index;
  while (last + 1 < typed.length && listGap(context, typed[last]!, typed[last + 1]!)) last++;
  return Array.from({ length: last - first + 1 }, (_, offset) => first + offset);
}

/**
 * Names listed as places: before a unit's noun (`the Kursk and Belgorod regions`, `Plateau
 * state`, the tagger having read a body or a person), after a plural unit's noun and `of` (`the
 * districts of Burka, Nahrin and Baghlan-e-Jadid`), and, after a locative preposition, a name
 * listed with a place in a list closed by `and` (`in Nondin and Soro`: Soro read as a person). In
 * the last, only a one-word person-typed name changes: a body stays (`in Israel and Hamas`), and so
 * does a person who opens a clause (`in Gaza and Netanyahu said`).
 */
function typeListedPlaces(context: Context, mentions: NameMention[]): NameMention[] {
  const typed = [...mentions];
  const toPlace = (at: number, why: string, bodies: boolean): void => {
    const mention = typed[at]!;
    // (`the German city`, `the Middle Eastern region`: a demonym stays one.)
    const demonym = mention.type === 'MISC' && DEMONYM_ENDING.test(word(context, mention.lastToken));
    if (mention.type === 'PER' || (mention.type === 'MISC' && !demonym) || (bodies && mention.type === 'ORG' && !bodyWordIn(context, mention))) typed[at] = retyped(mention, 'LOC', why);
  };
  for (let index = 0; index < typed.length; index++) {
    const mention = typed[index]!;
    const after = word(context, mention.lastToken + 1);
    // (`the Kremlin state media`, `a Trump town hall`: a unit's noun before another noun names no unit.)
    if (UNIT_NOUN.test(after) && sameSentence(context, mention.lastToken, mention.lastToken + 1) && AFTER_UNIT_NOUN.test(word(context, mention.lastToken + 2))) {
      const plural = after.endsWith('s');
      const list = plural ? listAround(context, typed, index).filter((at) => at <= index) : [index];
      if (plural && list.length < 2) continue;
      for (const at of list) toPlace(at, 'unit-noun', after !== 'state' && after !== 'states');
      continue;
    }
    const before = word(context, mention.firstToken - 1);
    if (before === 'of' && UNIT_NOUN.test(word(context, mention.firstToken - 2)) && word(context, mention.firstToken - 2).endsWith('s') && (index === 0 || !listGap(context, typed[index - 1]!, mention))) {
      for (const at of listAround(context, typed, index)) toPlace(at, 'unit-noun-of', true);
      continue;
    }
    // (`the southern city of Khan Younis`, `the town of Kuriga`: the one unit a singular noun names,
    // read as a person; a body stays, `the city of London Corporation` aside.)
    if (before === 'of' && mention.type === 'PER' && /^(?:city|town|village|port|province|district|region|county|municipality|oblast|governorate|prefecture|neighbou?rhood|suburb|island|capital)$/.test(word(context, mention.firstToken - 2)) && /^(?:the|a)$/i.test(word(context, mention.firstToken - 3)) || (before === 'of' && mention.type === 'PER' && /^(?:city|town|village|port|province|district|region|county|municipality|capital)$/.test(word(context, mention.firstToken - 2)) && /^(?:the|a)$/i.test(word(context, mention.firstToken - 4)))) {
      typed[index] = retyped(mention, 'LOC', 'unit-noun-of');
      continue;
    }
    // (`Residents of Nea Penteli and Patima Halandriou`, `the outskirts of Kharkiv`: where people
    // live is a place, and so are the names listed with it.)
    if (before === 'of' && /^(?:residents|inhabitants|villagers|townspeople|outskirts|suburbs)$/i.test(word(context, mention.firstToken - 2)) && (index === 0 || !listGap(context, typed[index - 1]!, mention))) {
      for (const at of listAround(context, typed, index)) toPlace(at, 'residents-of', true);
      continue;
    }
    // (`near Busra al-Sham`: a one-word-or-particle name right after `near` is a place, not a person.)
    if (/^near$/i.test(before) && mention.type === 'PER' && (mention.lastToken === mention.firstToken || /^(?:al|el|as|ad|ash)-/i.test(word(context, mention.lastToken))) && (index === 0 || !listGap(context, typed[index - 1]!, mention))) {
      typed[index] = retyped(mention, 'LOC', 'near-place');
      continue;
    }
    if (/^(?:in|near|between)$/i.test(before) && (index === 0 || !listGap(context, typed[index - 1]!, mention))) {
      const list = listAround(context, typed, index);
      if (list.length < 2 || !list.some((at) => typed[at]!.type === 'LOC')) continue;
      const last = typed[list[list.length - 1]!]!;
      // A list closed by `and` or `or` (`In Florida, Hispanics made up …` is no list), not
      // running into a clause (`… in Gaza and Netanyahu said`).
      const closing = context.text.slice(context.tokens[typed[list[list.length - 2]!]!.lastToken]!.end, context.tokens[last.firstToken]!.start);
      // (Nor modifying a noun: `in Black and Brown communities`.)
      const next = word(context, last.lastToken + 1);
      if (!/\b(?:and|or)\s+$/.test(closing) || AFTER_PERSON.has(next) || !(AFTER_UNIT_NOUN.test(next) || /^(?:last|this|next|earlier|later|during|until|when|while|as|but|amid)$/.test(next))) continue;
      // One-word names only: a full name is a person's (`in Singapore and Ben Blanchard in Beijing`).
      for (const at of list) if (typed[at]!.type === 'PER' && typed[at]!.firstToken === typed[at]!.lastToken) toPlace(at, 'listed-place', false);
    }
  }
  return typed;
}

/**
 * `the Redmond, Washington-based company`: a name set off by a comma before `<Place>-based` is
 * the city of that state or country (the tagger read `Redmond` as a person).
 */
function typeBasedCities(context: Context, mentions: NameMention[]): NameMention[] {
  return mentions.map((mention) => {
    // (Not `a Russian-born, London-based investor`: a compound adjective is no city.)
    if (mention.type === 'LOC' || /-\p{Ll}+$/u.test(word(context, mention.lastToken)) || word(context, mention.lastToken + 1) !== ',' || !sameSentence(context, mention.lastToken, mention.lastToken + 2)) return mention;
    if (!/^\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*)?-based$/u.test(word(context, mention.lastToken + 2)) && word(context, mention.lastToken + 3) !== '-based') return mention;
    return retyped(mention, 'LOC', 'based-city');
  });
}

/** Nouns of a made thing after a model's name and number (`a Falcon 9 rocket`, `the Boeing 737 jets`). */
const PRODUCT_NOUN = /^(?:rockets?|jets?|aircraft|planes?|airliners?|helicopters?|tanks?|missiles?|phones?|smartphones?|consoles?|cars?|models?|engines?|satellites?|launchers?|vehicles?|chips?|processors?|drones?|spacecraft|capsules?|trucks?|rifles?|systems?|vaccines?)$/;

/**
 * `a SpaceX Falcon 9 rocket`, `its own Ariane 6 rocket`: a name with a model number before a
 * made thing's noun is the product (MISC, the number with it), neither a body nor a place.
 */
function typeProducts(context: Context, mentions: NameMention[]): NameMention[] {
  return mentions.map((mention) => {
    const number = word(context, mention.lastToken + 1);
    if (mention.type === 'MISC' || !/^[A-Z]?\d{1,4}[A-Za-z]?$/.test(number) || !PRODUCT_NOUN.test(word(context, mention.lastToken + 2)) || !sameSentence(context, mention.firstToken, mention.lastToken + 2)) return mention;
    return { ...mention, lastToken: mention.lastToken + 1, type: 'MISC', rule: `${mention.rule}+product` };
  });
}

/** Kinds of court before `Court` (`Kenya's High Court`, read as a place). */
const COURT_KINDS = new Set(['High', 'Supreme', 'Constitutional', 'Federal', 'District', 'Appeals', 'Appeal', 'Criminal', 'Crown', 'Magistrates', 'International', 'National', 'Superior', 'Circuit', 'Family', 'Military', 'Administrative', 'Special']);

/** Last words of a police force's name (`Avon and Somerset Police`, `Essex Constabulary`). */
const POLICE_WORD = /^(?:Police|Constabulary)$/;

/** A place-typed name that is a court (`High Court`) or a police force (`Avon and Somerset Police`) is a body. */
function typeInstitutionPlaces(context: Context, mentions: NameMention[]): NameMention[] {
  return mentions.map((mention) => {
    if (mention.type !== 'LOC' || mention.lastToken === mention.firstToken) return mention;
    const last = word(context, mention.lastToken);
    if ((last === 'Court' && COURT_KINDS.has(word(context, mention.lastToken - 1))) || POLICE_WORD.test(last)) return retyped(mention, 'ORG', 'institution');
    return mention;
  });
}

/**
 * `Avon and Somerset Police`, tagged as a place and a body: two places joined by `and` before a
 * police force's word are the force's name.
 */
function joinPoliceAreas(context: Context, mentions: NameMention[]): NameMention[] {
  return joinPairs(mentions, (first, second) =>
    first.type === 'LOC' && second.type === 'ORG' && word(context, first.lastToken + 1) === 'and' && second.firstToken === first.lastToken + 2
      && POLICE_WORD.test(word(context, second.lastToken)) && second.lastToken > second.firstToken && sameSentence(context, first.firstToken, second.lastToken)
      ? { ...second, firstToken: first.firstToken, rule: `${second.rule}+police-area` }
      : null);
}

/** Nouns of a body in an apposition right after a name (`La Familia Michoacana, a cartel that operates …`). */
const BODY_APPOSITION = /^,\s+(?:a|an|the)\s+(?:(?!(?:of|the|a|an|in|for|with|to|and|from|on|at|by|minority|ethnic|religious|age|income|demographic|voting|focus|support|study|working|advocacy)\s)[\p{Ll}-]+\s+){0,3}(?:cartel|gang|militia|rebel group|armed group|group|company|firm|party|organi[sz]ation|charity|agency|union|coalition|movement|startup|conglomerate|bank|network|faction|insurgency)(?=[,.;:)]|\s+(?:that|which|whose|in|based|with|from|linked|led|backed|known|operating|and)\b)/u;

/** A body's noun and a comma right before a name (`His party, Pakistan Tehreek-e-Insaf,`). */
const BODY_BEFORE = /\b(?:[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Tt]he)\s+(?:[\p{Ll}-]+\s+){0,2}(?:party|cartel|gang|militia|group|company|firm|movement|organi[sz]ation|union|coalition|charity|agency|bank)\s*,\s*$/u;

/**
 * `La Familia Michoacana, a cartel that operates in the region`, read as a place: a name set off by
 * an apposition that calls it a body is a body.
 */
function typeByApposition(context: Context, mentions: NameMention[]): NameMention[] {
  return mentions.map((mention) => {
    // (`In Yemen, a military coalition …`: a fronted phrase's place, not a name with an apposition.)
    const before = word(context, mention.firstToken - 1).toLowerCase() === 'the' ? word(context, mention.firstToken - 2) : word(context, mention.firstToken - 1);
    if (mention.type === 'ORG' || /^(?:in|at|on|from|to|near|inside|across|for|by|of|with)$/i.test(before)) return mention;
    // (`His party, Pakistan Tehreek-e-Insaf, said`: the body's noun before the name, set off by commas.)
    const start = context.tokens[mention.firstToken]!.start;
    const end = context.tokens[mention.lastToken]!.end;
    const after = context.text.slice(end, end + 60);
    const apposed = (BODY_BEFORE.test(context.text.slice(Math.max(0, start - 40), start)) && /^\s*,/.test(after)) || BODY_APPOSITION.test(after);
    return apposed ? retyped(mention, 'ORG', 'body-apposition') : mention;
  });
}

/** Applies every repair in order. */
export function repairMentions(text: string, tokens: readonly Token[], mentions: readonly NameMention[], organisations: OrganisationIndex): NameMention[] {
  const context: Context = { text, tokens };
  let repaired = extendPurposeBodies(context, joinAcronymDefinedNames(context, [...mentions]));
  repaired = absorbCapitalisedFunctionWords(context, repaired, takenTokens(tokens.length, repaired));
  repaired = absorbFeatureWords(context, repaired, takenTokens(tokens.length, repaired));
  repaired = addListedOrganisations(context, repaired, takenTokens(tokens.length, repaired), organisations);
  repaired = joinNicknamedNames(context, repaired);
  repaired = joinCoordinatedBodies(context, repaired);
  repaired = joinBodyOfPlace(context, repaired);
  repaired = typeInstitutionPlaces(context, repaired);
  repaired = joinPoliceAreas(context, repaired);
  repaired = typeProducts(context, repaired);
  repaired = typeByApposition(context, repaired);
  repaired = typeNamedBodies(context, repaired);
  repaired = typeEmployers(context, repaired);
  repaired = typeCompanies(context, repaired);
  repaired = typeBasedCities(context, repaired);
  repaired = typeFeatureNames(context, repaired);
  repaired = typeListedPlaces(context, repaired);
  repaired = typeByLastWord(context, repaired);
  repaired = trimLeadingTitles(context, repaired);
  repaired = trimOpeningDescriptors(context, repaired);
  repaired = trimTrailingTitles(context, repaired);
  return typeBySurname(context, repaired);
}
