/**
 * In-document entity linking: name mentions from the tagger are grouped into entities (exact
 * forms, spelling variants, surnames, shortened names, acronyms), then definite descriptions
 * (`the official`, `the terror group`) and pronouns are linked to a clear antecedent or left
 * unlinked. Roles (`Africa Command spokesperson`, `Maj.`) are attached to people.
 */
import type { Entity, EntityType, Mention, Role, Sentence, Token } from '../../doc/schema.js';
import { foldForMatching } from '../../doc/text-builder.js';
import { COMPOUND_TITLES, ORGANISATION_NOMINALS, PERSON_NOMINALS, RANKS, ROLE_MODIFIERS, ROLE_NOUNS } from '../../lang/en/roles.js';
import { PRONOUN_GENDER, type Gender } from '../../lang/en/pronouns.js';
import { loadFirstNames, type FirstNames } from './first-names.js';

/** A name mention proposed by the tagger, in token indices of the Doc's `tokens`. */
export interface NameMention {
  readonly firstToken: number;
  /** Index of the last token (inclusive). */
  readonly lastToken: number;
  readonly type: EntityType;
  readonly rule: string;
}

/** The `mentions` and `entities` layers. */
export interface LinkedEntities {
  readonly mentions: Mention[];
  readonly entities: Entity[];
}

interface Cluster {
  readonly mentionIndices: number[];
  readonly keys: Set<string>;
  readonly skeletons: Set<string>;
  /** Token sequences (lower-case, folded) of the cluster's name mentions. */
  readonly forms: (readonly string[])[];
  /** Acronym forms among the cluster's names, as written (`AQIM`). */
  readonly acronyms: Set<string>;
  readonly typeVotes: Map<EntityType, number>;
  readonly roles: Role[];
  nominal: boolean;
}

interface WorkingMention {
  start: number;
  end: number;
  firstToken: number;
  lastToken: number;
  sentence: number;
  type: EntityType;
  kind: Mention['kind'];
  rule: string;
  cluster: number | null;
}

/** Every working mention is made here, so all share one shape (V8 keeps the code reading them monomorphic). */
function workingMention(start: number, end: number, firstToken: number, lastToken: number, sentence: number, type: EntityType, kind: Mention['kind'], rule: string, cluster: number | null): WorkingMention {
  return { start, end, firstToken, lastToken, sentence, type, kind, rule, cluster };
}

const FUNCTION_WORDS = new Set(['of', 'the', 'in', 'and', 'for', 'on', 'at', 'to', 'de', 'du', 'des', 'la', 'le', 'al', 'el', 'a', 'an', '&']);
// `the group` should not mean a state body: the nearest organisation that is a command, ministry
// or government is passed over for armed-group nouns.
const STATE_BODY = /\b(?:command|ministry|department|government|army|navy|air force|pentagon|military|police|council|parliament|congress|senate|court|agency|office|administration|cnn|bbc|reuters)\b/i;
const ARMED_GROUP_NOUNS = new Set(['group', 'militia', 'faction', 'affiliate', 'network', 'organization', 'organisation', 'movement', 'outfit', 'insurgency']);
const PRONOUNS = new Set(['he', 'him', 'his', 'himself', 'she', 'her', 'hers', 'herself']);
const INDEFINITE = new Set(['a', 'an', 'one', 'another']);
// Module-level: under tsx (tests, benches) esbuild compiles a `\p{…}` literal inside a function
// into `new RegExp(…)`, made again on every call.
const UPPER_START = /^\p{Lu}/u;

function wordParts(form: string): string[] {
  return foldForMatching(form)
    .toLowerCase()
    .replace(/['.]/g, '')
    .split(/[\s-]+/)
    .filter(Boolean);
}

/** Exact-match key: folded, lower-case, no leading `the`, no possessive, punctuation-free. */
export function nameKey(form: string): string {
  const parts = wordParts(form.replace(/[’']s$/, ''));
  if (parts[0] === 'the' && parts.length > 1) parts.shift();
  return parts.join(' ');
}

/**
 * Spelling-variant key: letters only, vowels after the first letter dropped
 * (`al Qaeda`, `al-Qa’ida`, `Al Qaeda` → `alqd`). Only used for names of five letters or more.
 */
export function nameSkeleton(form: string): string | undefined {
  return skeletonOfKey(nameKey(form));
}

/** {@link nameSkeleton} of a name whose {@link nameKey} is known. */
export function skeletonOfKey(key: string): string | undefined {
  const letters = key.replace(/[^a-z]/g, '');
  if (letters.length < 5) return undefined;
  return letters[0] + letters.slice(1).replace(/[aeiouy]/g, '');
}

/** What the linker reads off a name form, worked out once per distinct form of an article. */
interface FormFacts {
  readonly key: string;
  readonly skeleton: string | undefined;
  readonly parts: readonly string[];
  readonly acronym: boolean;
}

/** Generational suffixes after a surname (`Jr.`, the Portuguese `Filho` and `Neto`), as name keys. */
const GENERATIONAL: ReadonlySet<string> = new Set(['jr', 'sr', 'ii', 'iii', 'iv', 'filho', 'neto', 'junior', 'sobrinho']);

/** A person's name parts without a generational suffix that follows two words or more (`Roberto Kalil Filho` → `Roberto Kalil`); the parts themselves otherwise. */
function withoutGenerational(parts: readonly string[]): readonly string[] {
  return parts.length >= 3 && GENERATIONAL.has(parts[parts.length - 1]!) ? parts.slice(0, -1) : parts;
}

/** `long` is longer than `short` and ends with its words. */
function endsWithLonger(long: readonly string[], short: readonly string[]): boolean {
  return long.length > short.length && endsWithWords(long, short);
}

/** `long` ends with the words of `short` (`Dawud` in `Musa Abu Dawud`); both hold words without spaces. */
function endsWithWords(long: readonly string[], short: readonly string[]): boolean {
  // Empty `short`: the tail of `long` would be all of it, which is never the empty name.
  if (short.length === 0) return long.join(' ') === '';
  const offset = long.length - short.length;
  if (offset < 0) return false;
  for (let index = 0; index < short.length; index++) if (long[offset + index] !== short[index]) return false;
  return true;
}

/** True when `acronym` (all capitals) can be read off the initials of `form`'s words in order. */
export function matchesAcronym(acronym: string, form: string): boolean {
  return matchesAcronymParts(acronym, wordParts(form));
}

/** {@link matchesAcronym} over a name already split into lower-case word parts. */
function matchesAcronymParts(acronym: string, words: readonly string[]): boolean {
  const letters = acronym.replace(/\./g, '').toLowerCase();
  if (!/^[a-z]{2,8}$/.test(letters)) return false;
  if (words.length < 2) return false;
  const content = words.filter((word) => !FUNCTION_WORDS.has(word));
  if (content.length < 2) return false;
  // A name that holds the acronym as a word does not spell it out: `U.S.` is no short form of
  // `U.S. Department of Homeland Security`.
  if (words.some((word) => word.replace(/\./g, '') === letters)) return false;
  const initials = words.map((word) => word[0] ?? '');
  // The acronym starts with the first word's (or first content word's) initial and ends with the
  // last word's; the letters in between are a subsequence of the other initials.
  if (letters[letters.length - 1] !== initials[initials.length - 1]) return false;
  let position = 0;
  for (const letter of letters) {
    while (position < initials.length && initials[position] !== letter) position++;
    if (position === initials.length) return false;
    position++;
  }
  const firstContent = content[0]?.[0];
  return letters[0] === initials[0] || letters[0] === firstContent;
}

/** Whether a form is written as an acronym (`AQIM`, `U.S.`, `A&E`). */
export function isAcronymForm(form: string): boolean {
  return /^[A-Z][A-Z.&]{1,9}$/.test(form.replace(/\s/g, '')) && /[A-Z].*[A-Z]/.test(form);
}

/** Words after which a name inside a longer one is what the longer one is of, for or in (`Bank of | England`, `Office for the Western District of | New York`). */
const INNER_NAME_CONNECTORS: ReadonlySet<string> = new Set(['of', 'for', 'in', 'on', 'at', 'to', 'the', 'and', 'de', 'du', 'des', 'del']);

/** `short` is a contiguous part of `long` that may stand for it: not a name after a connector inside it. */
function shortFormOf(short: readonly string[], long: readonly string[]): boolean {
  if (short.length === 0 || short.length >= long.length) return false;
  outer: for (let offset = 0; offset + short.length <= long.length; offset++) {
    for (let index = 0; index < short.length; index++) if (long[offset + index] !== short[index]) continue outer;
    if (offset > 0 && INNER_NAME_CONNECTORS.has(long[offset - 1]!)) continue;
    return true;
  }
  return false;
}

/**
 * What {@link linkEntities} works with for one text: its tokens read as text and lower case, each
 * form's facts, and the clusters with the indexes that find them. (An object with methods, not
 * closures made per text: V8 drops a closure's optimised code at a full collection once none of
 * its closures lives, so closures made per article were compiled again and again.)
 */
class Linking {
  /** Folded once for the whole text (same length, so token offsets hold), lower-cased per token on demand. */
  readonly #folded: string;
  readonly #lowerCache: (string | undefined)[];
  readonly #bareCache = new Map<number, string>();
  /** Names repeat within an article: their keys, skeletons and words are worked out once per form. */
  readonly #formFacts = new Map<string, FormFacts>();
  readonly clusters: Cluster[] = [];
  /**
   * The latest cluster holding each key and each skeleton (clusters only gain them), so that a
   * mention finds its form's cluster without a walk over every cluster (quadratic on long texts).
   */
  readonly keyCluster = new Map<string, number>();
  readonly skeletonCluster = new Map<string, number>();
  /**
   * The steps of {@link linkEntities} for a name not seen before test clusters that could match,
   * found through what a match needs: a form ending in the same word (surnames, shortened names),
   * a form whose last word starts with an acronym's last letter, an acronym ending in the initial
   * of a form's last word. Each list holds cluster indices, ascending, without repeats.
   */
  readonly byLastWord = new Map<string, number[]>();
  readonly byLastInitial = new Map<string, number[]>();
  readonly byAcronymEnd = new Map<string, number[]>();

  constructor(readonly text: string, readonly tokens: readonly Token[]) {
    this.#folded = foldForMatching(text);
    this.#lowerCache = new Array(tokens.length);
  }

  /** A token's text; indices past either end read as '' (checked before the read: an out-of-bounds read sends the optimised function back to the interpreter). */
  tokenText(index: number): string {
    if (index < 0 || index >= this.tokens.length) return '';
    const token = this.tokens[index]!;
    return this.text.slice(token.start, token.end);
  }

  /** A token's folded lower-case text ('' past either end). */
  lower(index: number): string {
    if (index < 0 || index >= this.tokens.length) return '';
    const cached = this.#lowerCache[index];
    if (cached !== undefined) return cached;
    const token = this.tokens[index]!;
    const value = this.#folded.slice(token.start, token.end).toLowerCase();
    this.#lowerCache[index] = value;
    return value;
  }

  /** A token's lower-case text without a final period (`Lt.` → `lt`). */
  bare(index: number): string {
    let value = this.#bareCache.get(index);
    if (value === undefined) this.#bareCache.set(index, (value = this.lower(index).replace(/\.$/, '')));
    return value;
  }

  formOf(mention: WorkingMention): string {
    return this.text.slice(mention.start, mention.end);
  }

  factsOf(form: string): FormFacts {
    let facts = this.#formFacts.get(form);
    if (facts === undefined) {
      const key = nameKey(form);
      facts = { key, skeleton: skeletonOfKey(key), parts: wordParts(form), acronym: isAcronymForm(form) };
      this.#formFacts.set(form, facts);
    }
    return facts;
  }

  newCluster(mention: WorkingMention, index: number): number {
    const form = this.formOf(mention);
    const { key, skeleton, parts, acronym } = this.factsOf(form);
    const clusterIndex = this.clusters.length;
    own(this.keyCluster, key, clusterIndex);
    if (skeleton) own(this.skeletonCluster, skeleton, clusterIndex);
    this.#noteForm(parts, clusterIndex);
    if (acronym) note(this.byAcronymEnd, acronymEnd(form), clusterIndex);
    this.clusters.push({
      mentionIndices: [index],
      keys: new Set([key]),
      skeletons: new Set(skeleton ? [skeleton] : []),
      forms: [parts],
      acronyms: new Set(acronym ? [form] : []),
      typeVotes: new Map([[mention.type, 1]]),
      roles: [],
      nominal: mention.kind !== 'name',
    });
    return clusterIndex;
  }

  join(clusterIndex: number, mention: WorkingMention, index: number): void {
    const cluster = this.clusters[clusterIndex];
    if (!cluster) return;
    const form = this.formOf(mention);
    const { key, skeleton, parts, acronym } = this.factsOf(form);
    cluster.mentionIndices.push(index);
    cluster.keys.add(key);
    own(this.keyCluster, key, clusterIndex);
    if (skeleton) {
      cluster.skeletons.add(skeleton);
      own(this.skeletonCluster, skeleton, clusterIndex);
    }
    cluster.forms.push(parts);
    this.#noteForm(parts, clusterIndex);
    if (acronym) {
      cluster.acronyms.add(form);
      note(this.byAcronymEnd, acronymEnd(form), clusterIndex);
    }
    // The type vote weighs longer forms more: `al-Qa’ida in the Lands of the Islamic Maghreb` says more than `AQIM`.
    cluster.typeVotes.set(mention.type, (cluster.typeVotes.get(mention.type) ?? 0) + 1);
  }

  #noteForm(parts: readonly string[], clusterIndex: number): void {
    const last = parts.length > 0 ? parts[parts.length - 1]! : '';
    note(this.byLastWord, last, clusterIndex);
    // (`Roberto Kalil Filho` goes by `Kalil` too.)
    const surname = withoutGenerational(parts);
    if (surname !== parts) note(this.byLastWord, surname[surname.length - 1], clusterIndex);
    note(this.byLastInitial, last.charAt(0), clusterIndex);
  }
}

/** Makes `clusterIndex` the owner of `name` unless a later cluster owns it. */
function own(owners: Map<string, number>, name: string, clusterIndex: number): void {
  if ((owners.get(name) ?? -1) < clusterIndex) owners.set(name, clusterIndex);
}

/** Adds `clusterIndex` to the ascending list of `name` in `index` (once). */
function note(index: Map<string, number[]>, name: string | undefined, clusterIndex: number): void {
  if (!name) return;
  const list = index.get(name);
  if (!list) {
    index.set(name, [clusterIndex]);
    return;
  }
  let at = list.length;
  while (at > 0 && list[at - 1]! > clusterIndex) at--;
  if (at > 0 && list[at - 1] === clusterIndex) return;
  list.splice(at, 0, clusterIndex);
}

/** The last letter of an acronym, lower-cased (`AQIM` → `m`). */
function acronymEnd(acronym: string): string {
  const letters = acronym.replace(/\./g, '').toLowerCase();
  return letters.charAt(letters.length - 1);
}

/**
 * What an antecedent must be: a person (holding the role `roleNoun`, when given), or a named
 * organisation, not a state body when the description is an armed group's (`the militants`).
 */
interface AntecedentTest {
  readonly type: 'PER' | 'ORG';
  readonly roleNoun: string | undefined;
  readonly armed: boolean;
}

function isAntecedent(linking: Linking, mention: WorkingMention, test: AntecedentTest): boolean {
  if (clusterType(linking.clusters, mention.cluster) !== test.type) return false;
  if (test.type === 'PER') return test.roleNoun === undefined || clusterHasRole(linking.clusters, mention.cluster, test.roleNoun);
  return mention.kind === 'name' && !(test.armed && STATE_BODY.test(linking.formOf(mention)));
}

/**
 * Mentions of `lists` before a token, nearest first, within `window` sentences. Name mentions
 * are sorted by position and extra mentions are added in text order, so both lists are walked
 * backwards from the token and the walk stops at the window (linear in what it returns, not in
 * the article).
 */
function recentMentions(linking: Linking, lists: readonly (readonly WorkingMention[])[], beforeToken: number, sentenceIndex: number, test: AntecedentTest, window: number): WorkingMention[] {
  const found: WorkingMention[] = [];
  for (const list of lists) {
    let low = 0;
    let high = list.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((list[middle]?.lastToken ?? 0) < beforeToken) low = middle + 1;
      else high = middle;
    }
    for (let index = low - 1; index >= 0; index--) {
      const mention = list[index]!;
      if (sentenceIndex - mention.sentence > window) break;
      if (mention.cluster !== null && isAntecedent(linking, mention, test)) found.push(mention);
    }
  }
  return found.sort((a, b) => b.lastToken - a.lastToken);
}

/**
 * The latest organisation whose name of two or more words starts with a longer word that `word`
 * (lower-case, 3 to 5 letters) begins: the clipped forms news writes for well-known bodies (`Fed`
 * for `Federal Reserve`, `Fed Chair Jerome Powell`). -1 when none.
 */
function clippedNameCluster(clusters: readonly Cluster[], word: string): number {
  if (word.length < 3 || word.length > 5 || !/^\p{L}+$/u.test(word)) return -1;
  // The latest few hundred names only: a hostile text of a million short names must not go quadratic.
  for (let index = clusters.length - 1; index >= Math.max(0, clusters.length - 400); index--) {
    const cluster = clusters[index]!;
    if (cluster.nominal || (cluster.typeVotes.get('ORG') ?? 0) === 0 || (cluster.typeVotes.get('PER') ?? 0) > 0) continue;
    if (cluster.forms.some((form) => form.length >= 2 && (form[0]?.length ?? 0) >= word.length + 2 && form[0]!.startsWith(word) && /^\p{L}+$/u.test(form[0]!))) return index;
  }
  return -1;
}

/**
 * The one named cluster among `candidates` that `accepts`, or -1 when none or several do (a word
 * that opens or ends two names is ambiguous). An index may list a cluster more than once.
 */
function onlyCluster(clusters: readonly Cluster[], candidates: readonly number[] | undefined, accepts: (cluster: Cluster) => boolean): number {
  let found = -1;
  for (const c of candidates ?? []) {
    const cluster = clusters[c]!;
    if (c === found || cluster.nominal || !accepts(cluster)) continue;
    if (found >= 0) return -1;
    found = c;
  }
  return found;
}

/** Particles inside people's names that name no one alone (`da`, `de`, `bin`), as name keys. */
/** The Arabic article as it opens a hyphened surname (`al-Bashir`, `el-Sisi`, `ash-Sharaa`). */
const ARABIC_ARTICLES: ReadonlySet<string> = new Set(['al', 'el', 'ad', 'as', 'ash', 'an', 'ar', 'at', 'az']);
const NAME_PARTICLES: ReadonlySet<string> = new Set(['da', 'de', 'di', 'do', 'dos', 'das', 'del', 'della', 'la', 'le', 'van', 'von', 'der', 'den', 'ter', 'bin', 'ibn', 'al', 'el', 'abu', 'abd', 'ben', 'bint', 'y', 'e', 'mac', 'mc', 'st', 'jr', 'sr']);

/** The organisation cluster whose name ends with `noun` and was named last before token `before`, if any. */
function namedByHead(linking: Linking, working: readonly WorkingMention[], noun: string, before: number): number | null {
  let best: number | null = null;
  let bestToken = -1;
  for (const c of linking.byLastWord.get(noun) ?? []) {
    const cluster = linking.clusters[c];
    if (!cluster || cluster.nominal || !isOrganisation(cluster) || !cluster.forms.some((form) => form.length >= 2 && form[form.length - 1] === noun)) continue;
    for (const index of cluster.mentionIndices) {
      const mention = working[index];
      if (mention && mention.lastToken < before && mention.lastToken > bestToken) {
        best = c;
        bestToken = mention.lastToken;
      }
    }
  }
  return best;
}

/** Whether a cluster's mentions call it an organisation and never a person. */
function isOrganisation(cluster: Cluster): boolean {
  return (cluster.typeVotes.get('ORG') ?? 0) > 0 && (cluster.typeVotes.get('PER') ?? 0) === 0;
}

/** Honorifics before a first name that stands for a long Arab or royal name (`Sheikh Mohamed`), as name keys. */
const HONORIFICS: ReadonlySet<string> = new Set(['sheikh', 'sheik', 'prince', 'princess', 'king', 'queen', 'emir', 'sultan', 'crown']);

/** Words that open a phrase after `NAME,` that is no description of the person. */
const APPOSITION_BREAKERS: ReadonlySet<string> = new Set(['in', 'at', 'on', 'during', 'after', 'before', 'with', 'without', 'from', 'by', 'when', 'while', 'speaking', 'writing', 'according']);

/** Words after a company's first word that make the rest of its name (`Altair` → `Altair Engineering`, `Tesla` → `Tesla Inc`, `Bayer` → `Bayer AG`), as name keys. */
const COMPANY_HEADS: ReadonlySet<string> = new Set([
  'engineering', 'holdings', 'corp', 'corporation', 'inc', 'incorporated', 'ltd', 'limited', 'plc', 'ag', 'sa', 'nv', 'se', 'co', 'company',
  'industries', 'technologies', 'systems', 'motor', 'motors', 'pharmaceuticals', 'therapeutics', 'laboratories', 'labs', 'enterprises', 'entertainment',
  'communications', 'electronics', 'semiconductor', 'petroleum', 'resources', 'financial', 'brands', 'foods', 'airlines', 'airways',
]);

/** Second words of two-word names whose first word alone names the body or company (rule 6b), as name keys (lower case). */
const BODY_HEADS: ReadonlySet<string> = new Set([
  'department', 'ministry', 'agency', 'commission', 'committee', 'council', 'party', 'office', 'bureau', 'service', 'directorate', 'command',
  ...COMPANY_HEADS,
]);

/** Common nouns that end organisations' names and stand for them alone (rule 6c), as name keys. */
const ORGANISATION_HEADS: ReadonlySet<string> = new Set([
  'city', 'united', 'rovers', 'wanderers', 'athletic', 'albion', 'county', 'town', 'post', 'times', 'journal', 'herald', 'tribune',
  'senate', 'house', 'court', 'guard', 'administration', 'foundation', 'union', 'council', 'assembly', 'parliament', 'army', 'navy',
  'police', 'institute', 'university', 'college', 'club', 'party', 'department', 'ministry', 'agency', 'commission', 'committee',
  'bureau', 'service', 'command', 'bank', 'fund', 'group', 'company', 'corporation', 'airlines', 'airways', 'network', 'museum',
  'hospital', 'church', 'league', 'federation', 'association', 'board', 'authority', 'office', 'cabinet', 'government', 'coalition',
  'alliance', 'front', 'movement', 'brigade', 'brigades', 'battalion', 'division', 'corps', 'campaign', 'council', 'legislature',
]);

/** After a possessive pronoun: the rest of a reporting clause that closes a sentence (` office said.`, ` spokesman told reporters`). */
const REPORTING_TAIL = /^\s+(?:[\p{L}-]+\s+){1,2}(?:said|says|told|added|announced|wrote|confirmed)\b/u;

/** Titles before a name, and nouns of a person's role or kin, that say a gender. */
const GENDERED_WORDS: ReadonlyMap<string, Gender> = new Map([
  ...'mr mr. sir lord king prince duke emperor sheikh spokesman chairman congressman businessman councilman assemblyman policeman husband father son brother widower grandfather boyfriend nephew uncle man boy'.split(' ').map((word): [string, Gender] => [word, 'm']),
  ...'mrs mrs. ms ms. miss madam dame lady queen princess duchess empress sheikha spokeswoman chairwoman congresswoman businesswoman councilwoman assemblywoman policewoman actress wife mother daughter sister widow grandmother girlfriend niece aunt woman girl'.split(' ').map((word): [string, Gender] => [word, 'f']),
]);

/**
 * The gender the names and roles of a person's cluster say: a gendered title in or right before
 * one of its names (`Mr. Cruz`, `Mrs. May`), a gendered role (`spokeswoman`), else the first name
 * of its longest name in the name lists (`Bernie Sanders`; `fromList`). Null when they say none
 * or disagree.
 */
function nameGender(linking: Linking, working: readonly WorkingMention[], cluster: Cluster, firstNames: FirstNames | null): { readonly gender: Gender | null; readonly fromList: boolean } {
  const votes = { m: 0, f: 0 };
  for (const index of cluster.mentionIndices) {
    const mention = working[index];
    if (!mention || mention.kind !== 'name') continue;
    const title = GENDERED_WORDS.get(linking.lower(mention.firstToken)) ?? GENDERED_WORDS.get(linking.lower(mention.firstToken - 1));
    if (title) votes[title]++;
  }
  for (const role of cluster.roles) {
    const gender = GENDERED_WORDS.get((role.role ?? '').toLowerCase().split(/\s+/).pop() ?? '');
    if (gender) votes[gender]++;
  }
  if (votes.m === 0 && votes.f === 0 && firstNames) {
    let longest: readonly string[] = [];
    for (const form of cluster.forms) if (form.length > longest.length) longest = form;
    // The first word after any title (`president joe biden`): a name of one word says nothing.
    let first = 0;
    while (first < longest.length - 1 && (ROLE_NOUNS.has(longest[first]!) || RANKS.has(longest[first]!) || GENDERED_WORDS.has(longest[first]!))) first++;
    const gender = longest.length - first >= 2 ? firstNames.genderOf(longest[first]!) : null;
    return { gender, fromList: gender !== null };
  }
  return { gender: votes.m > votes.f ? 'm' : votes.f > votes.m ? 'f' : null, fromList: false };
}

/** Person nouns that are adjectives too (`an official count`, `a senior aide`). */
const ADJECTIVE_NOMINALS: ReadonlySet<string> = new Set(['official', 'officials']);
/** Words that follow a person noun used as a noun: a verb, a preposition, a clause word. */
const NOMINAL_FOLLOWERS = /^(?:said|says|say|told|tells|added|adds|confirmed|declined|spoke|speaking|who|whose|with|from|at|in|of|for|on|to|and|or|but|familiar|close|involved|briefed|quoted|cited|has|had|have|is|was|were|are|would|will|could|can|may|might|also|later|then)$/;

/** Links name mentions into entities and adds nominal and pronoun mentions. */
export function linkEntities(text: string, sentences: readonly Sentence[], tokens: readonly Token[], names: readonly NameMention[], firstNames: FirstNames | null = loadFirstNames()): LinkedEntities {
  // Indices past either end read as '' (checked before the read: an out-of-bounds read sends the
  // optimised function back to the interpreter).
  const linking = new Linking(text, tokens);
  const { clusters, keyCluster, skeletonCluster, byLastWord, byLastInitial, byAcronymEnd } = linking;
  const working: WorkingMention[] = [...names].sort((a, b) => a.firstToken - b.firstToken).map((name) =>
    workingMention(tokens[name.firstToken]?.start ?? 0, tokens[name.lastToken]?.end ?? 0, name.firstToken, name.lastToken, tokens[name.firstToken]?.sentence ?? 0, name.type, 'name', name.rule, null),
  );

  // Acronyms defined in parentheses: `… Islamic Maghreb (AQIM) official`.
  const definedAcronym = new Map<string, number>(); // acronym key → mention index of the long form
  for (let index = 0; index < working.length; index++) {
    const mention = working[index]!;
    const open = linking.tokenText(mention.lastToken + 1);
    if (open !== '(') continue;
    const inside = linking.tokenText(mention.lastToken + 2);
    if (linking.tokenText(mention.lastToken + 3) === ')' && isAcronymForm(inside)) definedAcronym.set(nameKey(inside), index);
  }

  // Clusters by the first word of their two- and three-word names (rule 4b).
  const byFirstWord = new Map<string, number[]>();
  // Clusters by the inner words of their people's names of four words or more (rule 4c).
  const byInnerWord = new Map<string, number[]>();
  // Clusters by the first word of their people's names of four words or more (rule 4b, after an honorific).
  const byLongFirstWord = new Map<string, number[]>();
  for (let index = 0; index < working.length; index++) {
    const mention = working[index]!;
    const form = linking.formOf(mention);
    const { key, skeleton, parts, acronym } = linking.factsOf(form);
    // 1. Same form or spelling variant: the latest cluster with the key or the skeleton.
    // (A spelling variant is no demonym: `Israeli` and `Israel`, `Iraqi` and `Iraq` share a skeleton.)
    const variant = skeleton ? (skeletonCluster.get(skeleton) ?? -1) : -1;
    const variantCluster = variant >= 0 ? clusters[variant] : undefined;
    const demonymPair = variantCluster !== undefined && (mention.type === 'MISC' || mention.type === 'LOC') && (variantCluster.typeVotes.get(mention.type) ?? 0) === 0
      && ((variantCluster.typeVotes.get('MISC') ?? 0) > 0 || (variantCluster.typeVotes.get('LOC') ?? 0) > 0);
    let target = Math.max(keyCluster.get(key) ?? -1, demonymPair ? -1 : variant);
    // 2. An acronym defined in parentheses, or read off the initials of an earlier name.
    if (target < 0 && acronym) {
      const longForm = definedAcronym.get(key);
      const longCluster = longForm !== undefined ? working[longForm]?.cluster : undefined;
      if (longCluster !== undefined && longCluster !== null) target = longCluster;
      const candidates = byLastInitial.get(acronymEnd(form)) ?? [];
      for (let k = candidates.length - 1; k >= 0 && target < 0; k--) {
        const c = candidates[k]!;
        if (clusters[c]?.forms.some((other) => matchesAcronymParts(form, other))) target = c;
      }
    }
    // 3. A long form whose acronym came first.
    if (target < 0 && parts.length >= 2) {
      const candidates = byAcronymEnd.get(parts[parts.length - 1]!.charAt(0)) ?? [];
      for (let k = candidates.length - 1; k >= 0 && target < 0; k--) {
        const c = candidates[k]!;
        const cluster = clusters[c];
        if (cluster && cluster.acronyms.size > 0 && [...cluster.acronyms].some((acronym) => matchesAcronymParts(acronym, parts))) target = c;
      }
    }
    // 4. People: a surname (or surname pair) of an earlier full name (`Dawud` → `Musa Abu Dawud`).
    const sameLastWord = parts.length > 0 ? (byLastWord.get(parts[parts.length - 1]!) ?? []) : [];
    // (Also a surname with its Arabic article, whatever type the tagger gave it: `Al-Bashir told`
    // opening a sentence, after `Mohammed al-Bashir`.)
    // (And a hyphenated surname the tagger read as a body: `Bankman-Fried said`, after `Sam
    // Bankman-Fried`; joined, it is the person's mention.)
    const hyphenatedSurname = mention.type !== 'PER' && mention.type !== 'LOC' && parts.length === 2 && mention.lastToken === mention.firstToken && linking.tokenText(mention.firstToken).includes('-');
    if (target < 0 && (mention.type === 'PER' || hyphenatedSurname || (parts.length === 2 && ARABIC_ARTICLES.has(parts[0]!) && parts[1]!.length >= 3 && mention.lastToken === mention.firstToken)) && parts.length <= 2) {
      for (let k = sameLastWord.length - 1; k >= 0 && target < 0; k--) {
        const c = sameLastWord[k]!;
        const cluster = clusters[c];
        if (!cluster || cluster.nominal || (cluster.typeVotes.get('PER') ?? 0) === 0) continue;
        // (Or with a generational suffix left out: `Kalil` of `Roberto Kalil Filho`.)
        if (cluster.forms.some((other) => endsWithLonger(other, parts) || endsWithLonger(withoutGenerational(other), parts))) target = c;
      }
      if (target >= 0 && hyphenatedSurname) mention.type = 'PER';
    }
    // 4d. People: a full name whose surname was said alone before it, by exactly one person known
    // only by that word (`the Trump administration …` then `President Donald Trump`).
    if (target < 0 && mention.type === 'PER' && parts.length >= 2 && parts.length <= 4) {
      const surname = parts[parts.length - 1]!;
      // (`Jr.` alone names no one.)
      if (!/^(?:jr|sr|ii|iii|iv)\.?$/.test(surname) && !NAME_PARTICLES.has(surname)) target = onlyCluster(clusters, sameLastWord, (cluster) => (cluster.typeVotes.get('PER') ?? 0) > 0 && cluster.forms.length > 0 && cluster.forms.every((form) => form.length === 1 && form[0] === surname));
    }
    // 4b. People: the first word of exactly one earlier two- or three-word name (`Xi` → `Xi Jinping`,
    // `Qin` → `Qin Gang`: Chinese, Korean and Vietnamese names put the family name first; `Hillary`).
    if (target < 0 && mention.type === 'PER' && parts.length === 1) {
      target = onlyCluster(clusters, byFirstWord.get(parts[0]!), (cluster) => (cluster.typeVotes.get('PER') ?? 0) > 0);
      // `Sheikh Mohamed`, `Prince Mohammed`, `King Salman`: after an Arab or royal honorific, the
      // first word of a longer name too (`Mohamed bin Zayed Al Nahyan`).
      if (target < 0 && HONORIFICS.has(linking.bare(mention.firstToken - 1))) {
        target = onlyCluster(clusters, byLongFirstWord.get(parts[0]!), (cluster) => (cluster.typeVotes.get('PER') ?? 0) > 0);
      }
    }
    // 4c. People: an inner word of exactly one earlier name of four words or more, the name a
    // person of Portuguese or Spanish naming goes by (`Lula` → `Luiz Inacio Lula da Silva`).
    if (target < 0 && mention.type === 'PER' && parts.length === 1 && parts[0]!.length >= 3 && !NAME_PARTICLES.has(parts[0]!)) {
      target = onlyCluster(clusters, byInnerWord.get(parts[0]!), (cluster) => (cluster.typeVotes.get('PER') ?? 0) > 0);
    }
    // 5. Organisations and places: a shortened name (`Africa Command` ↔ `US Africa Command`).
    if (target < 0 && mention.type !== 'PER' && parts.length >= 2) {
      for (let k = sameLastWord.length - 1; k >= 0 && target < 0; k--) {
        const c = sameLastWord[k]!;
        const cluster = clusters[c];
        if (!cluster || cluster.nominal || (cluster.typeVotes.get('PER') ?? 0) > 0) continue;
        // A longer name does not join a cluster known only by one word (`House Speaker Nancy Pelosi`,
        // then `the White House`): the one word was no short form of it.
        if (cluster.forms.every((other) => other.length < 2)) continue;
        // (A one-word form of the cluster is no bridge: `Council`, said for `Security Council`, is in `Human Rights Council` too.)
        if (cluster.forms.some((other) => shortFormOf(parts, other) || other.length >= 2 && shortFormOf(other, parts))) {
          // Only when the shared part carries the name (`Command` alone, or a shared `Libyan`, is not enough).
          if (cluster.forms.some((other) => other[other.length - 1] === parts[parts.length - 1])) target = c;
        }
      }
    }
    // 6. Organisations: a clipped first word of an earlier name (`Fed` → `Federal Reserve`).
    if (target < 0 && mention.type === 'ORG' && parts.length === 1 && !acronym) target = clippedNameCluster(clusters, parts[0]!);
    // 6b. Organisations: the first word of exactly one earlier name whose other words are the kind
    // of body (`Commerce` → `Commerce Department`, `Labour` → `Labour Party`, `Toyota` → `Toyota
    // Motor Corp`).
    // The tagger may read such a word alone as a person (`Teck rejected the offer` after `Teck
    // Resources`): a company's words join it all the same.
    if (target < 0 && (mention.type === 'ORG' || mention.type === 'PER') && parts.length === 1 && !acronym) {
      const heads = mention.type === 'ORG' ? BODY_HEADS : COMPANY_HEADS;
      target = onlyCluster(clusters, byFirstWord.get(parts[0]!), (cluster) => isOrganisation(cluster)
        && cluster.forms.some((form) => form.length >= 2 && form[0] === parts[0] && form.every((part, at) => at === 0 || heads.has(part))));
    }
    // 6c. Organisations: a common noun that ends exactly one earlier two-word name (`City` →
    // `Manchester City`, `the Post` → `Washington Post`, `the Senate` → `U.S. Senate`). A proper
    // name does not (`California` is no short form of `Southern California`, nor `Trump` of `Never Trump`).
    if (target < 0 && mention.type === 'ORG' && parts.length === 1 && !acronym && ORGANISATION_HEADS.has(parts[0]!)) {
      target = onlyCluster(clusters, sameLastWord, (cluster) => isOrganisation(cluster) && cluster.forms.some((form) => form.length === 2 && form[1] === parts[0]));
    }
    if (target >= 0) linking.join(target, mention, index);
    else target = linking.newCluster(mention, index);
    mention.cluster = target;
    if (parts.length >= 2 && (parts.length <= 3 || (mention.type === 'ORG' && parts.length === 4))) {
      const known = byFirstWord.get(parts[0]!);
      if (!known) byFirstWord.set(parts[0]!, [target]);
      else if (!known.includes(target)) known.push(target);
    }
    if (mention.type === 'PER' && parts.length >= 4) {
      note(byLongFirstWord, parts[0], target);
      for (const inner of parts.slice(1, -1)) note(byInnerWord, inner, target);
    }
  }

  // Nominal mentions: indefinite ones start a new (nameless) person; definite ones and pronouns
  // look back for an antecedent.
  const isInsideName = new Uint8Array(tokens.length);
  for (const mention of working) for (let t = mention.firstToken; t <= mention.lastToken; t++) isInsideName[t] = 1;
  const extra: WorkingMention[] = [];

  const lists = [working, extra];
  const mentionStartingAt = new Map<number, number>();
  const mentionEndingAt = new Map<number, number>();
  working.forEach((mention, index) => {
    mentionStartingAt.set(mention.firstToken, index);
    mentionEndingAt.set(mention.lastToken, index);
  });

  // The gender of each person cluster, by its names and roles (fixed) or else by the pronouns
  // linked to it so far.
  // (A title or a role says it first, then the name lists, then the pronouns the text has used for
  // the person: some of those were linked wrongly, so they count only where nothing else says.)
  const namedGender = new Map<number, { readonly gender: Gender | null; readonly fromList: boolean }>();
  const pronounVotes = new Map<number, { m: number; f: number }>();
  const agrees = (clusterIndex: number, wanted: Gender): boolean => {
    let named = namedGender.get(clusterIndex);
    if (named === undefined) {
      const cluster = clusters[clusterIndex];
      named = cluster && !cluster.nominal ? nameGender(linking, working, cluster, firstNames) : { gender: null, fromList: false };
      namedGender.set(clusterIndex, named);
    }
    if (named.gender !== null) return named.gender === wanted;
    const votes = pronounVotes.get(clusterIndex);
    return !votes || votes.m === votes.f || (votes.m > votes.f ? 'm' : 'f') === wanted;
  };
  for (let t = 0; t < tokens.length; t++) {
    if (isInsideName[t]) continue;
    const token = tokens[t];
    if (!token || token.end - token.start > 7) continue;
    // Only pronouns and `the`/`a`/`an`/`one`/`another` open what this loop looks for.
    const first = text.charCodeAt(token.start) | 0x20;
    if (first !== 104 && first !== 115 && first !== 116 && first !== 97 && first !== 111) continue;
    const word = linking.lower(t);
    // Pronouns: the nearest person within this and the previous sentence, if only one is there.
    if (PRONOUNS.has(word)) {
      // (Only persons the pronoun's gender allows: `she` after `Bernie Sanders … Hillary Clinton` is
      // Clinton, and `she said` after `Masterson … his role` no one named. The price: a name the
      // lists have wrong stays unlinked, `his party said` after `Nika Melia`, a man with a name
      // the lists give women; linking `she` to a man read worse in the shared articles.)
      const wanted = PRONOUN_GENDER.get(word) ?? null;
      const near = recentMentions(linking, lists, t, token.sentence, { type: 'PER', roleNoun: undefined, armed: false }, 1);
      const candidates = wanted === null ? near : near.filter((candidate) => candidate.cluster === null || agrees(candidate.cluster, wanted));
      const distinct = new Set<number | null>();
      for (const candidate of candidates) distinct.add(candidate.cluster);
      let nearest = candidates[0];
      // (`Barnier … is expected to hand in his resignation to Macron, his office said`: the owner in
      // a reporting clause closing the sentence is the sentence's subject, its first person.)
      if (nearest && nearest.sentence === token.sentence && (word === 'his' || word === 'her') && linking.lower(t - 1) === ',' && REPORTING_TAIL.test(text.slice(token.end, token.end + 40))) {
        const first = candidates.filter((candidate) => candidate.sentence === token.sentence).sort((a, b) => a.firstToken - b.firstToken)[0];
        if (first) nearest = first;
      }
      const sameSentence = nearest && nearest.sentence === token.sentence;
      let cluster = nearest && (distinct.size === 1 || sameSentence) ? nearest.cluster : null;
      // (`Djokovic now joins Agassi, Nadal and Williams as … He has said …`: a pronoun opening its
      // sentence continues the subject of the sentence before, the person its first word names,
      // when that sentence names several.)
      if (cluster === null && (word === 'he' || word === 'she') && tokens[t - 1]?.sentence !== token.sentence) {
        const subject = candidates.filter((candidate) => candidate.sentence === token.sentence - 1).sort((a, b) => a.firstToken - b.firstToken)[0];
        if (subject && tokens[subject.firstToken - 1]?.sentence !== subject.sentence) cluster = subject.cluster;
      }
      extra.push(workingMention(token.start, token.end, t, t, token.sentence, 'PER', 'pronoun', 'pronoun', cluster));
      if (cluster !== null && wanted !== null) {
        const votes = pronounVotes.get(cluster) ?? { m: 0, f: 0 };
        votes[wanted]++;
        pronounVotes.set(cluster, votes);
      }
      continue;
    }
    if (word !== 'the' && !INDEFINITE.has(word)) continue;
    // Read `the [affiliation] [modifiers] noun`.
    let cursor = t + 1;
    let affiliation: number | null = null;
    const affiliationMention = mentionStartingAt.get(cursor) ?? -1;
    if (affiliationMention >= 0) {
      affiliation = working[affiliationMention]?.cluster ?? null;
      cursor = (working[affiliationMention]?.lastToken ?? cursor) + 1;
    }
    const modifierStart = cursor;
    while (cursor < tokens.length && tokens[cursor]?.sentence === token.sentence && !isInsideName[cursor] && (ROLE_MODIFIERS.has(linking.lower(cursor)) || /^(?:terror|terrorist|militant|jihadist|extremist|rebel|armed|islamist|local|main|same|new|former)$/.test(linking.lower(cursor))) && cursor - modifierStart < 3) cursor++;
    const noun = linking.lower(cursor);
    const nounToken = cursor < tokens.length ? tokens[cursor] : undefined;
    if (!nounToken || nounToken.sentence !== token.sentence || isInsideName[cursor]) continue;
    const next = linking.lower(cursor + 1);
    if (next === 'of' || (nounToken && cursor + 1 < tokens.length && UPPER_START.test(linking.tokenText(cursor + 1)) && !['said', 'says'].includes(next) && isInsideName[cursor + 1])) continue;
    const span = { start: token.start, end: nounToken.end };
    // (`according to an official quick count`, `the official death toll`: the adjective before a
    // noun, no one.)
    if (ADJECTIVE_NOMINALS.has(noun) && /^\p{Ll}+$/u.test(next) && !NOMINAL_FOLLOWERS.test(next)) continue;
    if (INDEFINITE.has(word) && PERSON_NOMINALS.has(noun)) {
      // `Raditya Jati, a spokesman for the agency`: an apposition describes the person just named.
      const named = linking.tokenText(t - 1) === ',' ? working[mentionEndingAt.get(t - 2) ?? -1] : undefined;
      if (named && named.type === 'PER' && named.cluster !== null && named.sentence === token.sentence) {
        extra.push(workingMention(span.start, span.end, t, cursor, token.sentence, 'PER', 'nominal', 'apposition', named.cluster));
        continue;
      }
      // `A spokesman for the ruling military junta, Colonel Abdoulaye Maiga, condemned …`: the name
      // set off after the description is the person it describes.
      const described = appositiveNameAfter(linking, working, mentionStartingAt, cursor, token.sentence);
      if (described !== null) {
        extra.push(workingMention(span.start, span.end, t, cursor, token.sentence, 'PER', 'nominal', 'apposition', described));
        clusters[described]?.roles.push({ role: text.slice(tokens[modifierStart]?.start ?? nounToken.start, nounToken.end), start: tokens[t + 1]?.start ?? span.start, end: span.end });
        continue;
      }
      // `a Africa Command official told CNN`: a person known only by description.
      const mention = workingMention(span.start, span.end, t, cursor, token.sentence, 'PER', 'nominal', 'indefinite-description', null);
      const form = text.slice(tokens[t + 1]?.start ?? span.start, span.end);
      clusters.push({ mentionIndices: [], keys: new Set([`nominal:${form.toLowerCase()}:${t}`]), skeletons: new Set(), forms: [], acronyms: new Set(), typeVotes: new Map([['PER', 1]]), roles: [], nominal: true });
      mention.cluster = clusters.length - 1;
      const role: Role = { role: text.slice(tokens[modifierStart]?.start ?? nounToken.start, nounToken.end), start: tokens[t + 1]?.start ?? span.start, end: span.end };
      if (affiliation !== null) role.affiliation = `cluster:${affiliation}`;
      clusters[mention.cluster]?.roles.push(role);
      extra.push(mention);
      continue;
    }
    if (word !== 'the') continue;
    if (PERSON_NOMINALS.has(noun)) {
      // `the official added`: the nearest person described by the same noun, else unlinked.
      const candidates = recentMentions(linking, lists, t, token.sentence, { type: 'PER', roleNoun: noun, armed: false }, 4);
      extra.push(workingMention(span.start, span.end, t, cursor, token.sentence, 'PER', 'nominal', 'definite-description', candidates[0]?.cluster ?? null));
    } else if (ORGANISATION_NOMINALS.has(noun)) {
      const armed = ARMED_GROUP_NOUNS.has(noun);
      const candidates = recentMentions(linking, lists, t, token.sentence, { type: 'ORG', roleNoun: undefined, armed }, 2);
      // `the commission`, after `the Independent Electoral Commission`: the organisation named last
      // whose name ends with the noun, before the nearest organisation of any name.
      // (Not `the group`, nor an armed group's noun: `the group` after ISIS is ISIS, not `SITE Intelligence Group`.)
      // (A description with a name in it is that name's body, not the organisation named last:
      // `the Gaza health ministry` after Hamas.)
      let antecedent = (armed || noun === 'group' ? null : namedByHead(linking, working, noun, t)) ?? (affiliation === null ? candidates[0]?.cluster ?? null : null);
      // `the Trump administration … The administration announced`: the noun last used for another
      // name's body (`<name> <noun>`, `<name>'s <noun>`) refers back to that body, which is no entity
      // here, not to the latest organisation (the ACLU just quoted).
      for (let k = cursor - 1; k > Math.max(0, cursor - 2000) && antecedent !== null; k--) {
        if (linking.lower(k) !== noun || isInsideName[k]) continue;
        const ownerEnd = /^['’]s$/.test(linking.tokenText(k - 1)) ? k - 2 : k - 1;
        const owner = working[mentionEndingAt.get(ownerEnd) ?? -1];
        if (owner && owner.cluster !== null && owner.cluster !== antecedent) antecedent = null;
        break;
      }
      extra.push(workingMention(span.start, span.end, t, cursor, token.sentence, 'ORG', 'nominal', 'definite-description', antecedent));
    }
  }

  attachRoles(linking, working);

  // Assemble the layers in text order.
  const all = [...working, ...extra].sort((a, b) => a.start - b.start || b.end - a.end);
  const mentionIds = new Map<WorkingMention, string>();
  all.forEach((mention, index) => mentionIds.set(mention, `m${index + 1}`));
  const usedClusters = [...new Set(all.map((mention) => mention.cluster).filter((cluster): cluster is number => cluster !== null))];
  // Entities are numbered by their first mention.
  const entityIds = new Map<number, string>();
  usedClusters.forEach((cluster, index) => entityIds.set(cluster, `e${index + 1}`));
  const mentions: Mention[] = [];
  for (const mention of all) {
    mentions.push({
      id: mentionIds.get(mention) ?? '',
      start: mention.start,
      end: mention.end,
      type: mention.cluster !== null ? clusterType(clusters, mention.cluster) ?? mention.type : mention.type,
      kind: mention.kind,
      entity: mention.cluster !== null ? entityIds.get(mention.cluster) ?? null : null,
      rule: mention.rule,
    });
  }
  // Each cluster's mentions in text order, gathered in one walk.
  const membersOf = new Map<number, WorkingMention[]>();
  for (const mention of all) {
    if (mention.cluster === null) continue;
    const list = membersOf.get(mention.cluster);
    if (list) list.push(mention);
    else membersOf.set(mention.cluster, [mention]);
  }
  const entities: Entity[] = [];
  for (const clusterIndex of usedClusters) entities.push(assembleEntity(linking, clusterIndex, membersOf.get(clusterIndex) ?? [], mentionIds, entityIds));
  return { mentions, entities };
}

/** An entity of the output: cluster `clusterIndex` with its members' ids, aliases, canonical name and roles. */
function assembleEntity(linking: Linking, clusterIndex: number, members: readonly WorkingMention[], mentionIds: ReadonlyMap<WorkingMention, string>, entityIds: ReadonlyMap<number, string>): Entity {
  const cluster = linking.clusters[clusterIndex]!;
  const aliasSet = new Set<string>();
  for (const mention of members) if (mention.kind === 'name') aliasSet.add(linking.formOf(mention).replace(/[’']s$/, ''));
  const aliases = [...aliasSet];
  const type = clusterType(linking.clusters, clusterIndex) ?? 'MISC';
  const canonical = pickCanonical(aliases, type) ?? (cluster.roles[0] ? linking.text.slice(cluster.roles[0].start, cluster.roles[0].end) : linking.text.slice(members[0]!.start, members[0]!.end));
  const roles: Role[] = [];
  for (const role of cluster.roles) {
    const resolved: Role = { ...role };
    if (role.affiliation?.startsWith('cluster:')) {
      const id = entityIds.get(Number(role.affiliation.slice(8)));
      if (id) resolved.affiliation = id;
      else delete resolved.affiliation;
    }
    roles.push(resolved);
  }
  const ids: string[] = [];
  for (const mention of members) ids.push(mentionIds.get(mention) ?? '');
  return { id: entityIds.get(clusterIndex) ?? '', type, name: canonical, aliases, mentions: ids, roles };
}

function clusterType(clusters: readonly Cluster[], index: number | null): EntityType | undefined {
  if (index === null) return undefined;
  const cluster = clusters[index];
  if (!cluster) return undefined;
  // `Mesa Airlines` said once and `Mesa` (read as the city) seven times: a name that ends with
  // the kind of body or company it is says what the rest are.
  if ((cluster.typeVotes.get('ORG') ?? 0) > 0 && cluster.forms.some((form) => form.length >= 2 && BODY_HEADS.has(form[form.length - 1]!))) return 'ORG';
  let best: EntityType | undefined;
  let bestVotes = -1;
  for (const [type, votes] of cluster.typeVotes) {
    if (votes > bestVotes) {
      best = type;
      bestVotes = votes;
    }
  }
  return best;
}

function clusterHasRole(clusters: readonly Cluster[], index: number | null, noun: string): boolean {
  if (index === null) return false;
  return clusters[index]?.roles.some((role) => (role.role ?? '').toLowerCase().split(/\s+/).includes(noun)) ?? false;
}

/** The name to show: the longest form for people and organisations (`Musa Abu Dawud`, not `Dawud`). */
function pickCanonical(aliases: readonly string[], type: EntityType): string | undefined {
  if (aliases.length === 0) return undefined;
  const acronymFree = aliases.filter((alias) => !isAcronymForm(alias));
  let pool = type === 'LOC' || acronymFree.length === 0 ? aliases : acronymFree;
  // `Israeli` and `Israel` in one place: the name, not its demonym (a longer form that is the
  // shorter plus a demonym ending).
  if (type === 'LOC') {
    const names = pool.filter((alias) => !pool.some((other) => other !== alias && alias.startsWith(other) && DEMONYM_ENDING.test(alias.slice(other.length))));
    if (names.length > 0) pool = names;
  }
  return [...pool].sort((a, b) => b.split(/\s+/).length - a.split(/\s+/).length || b.length - a.length)[0];
}

/** What a demonym adds to its place's name: `Israel` → `Israeli`, `Kenya` → `Kenyan`, `Sudan` → `Sudanese`. */
const DEMONYM_ENDING = /^(?:i|n|an|ian|ese|ish|er|s)$/;

/** Whether token `index` exists and lies in sentence `sentence`. */
function inSentence(tokens: readonly Token[], sentence: number, index: number): boolean {
  return index >= 0 && index < tokens.length && tokens[index]!.sentence === sentence;
}

/**
 * Roles written before a name (`Africa Command spokesperson Robyn Mack`, `Pentagon spokesperson
 * Maj. Sheryll Klinkel`) or in an apposition after it (`Ivan Petrov, the hospital’s chief surgeon,`).
 */
/**
 * The cluster of the person named right after a description, set off by commas: from the
 * description's noun at `noun`, up to 8 words without a comma (`for the ruling military junta`),
 * a comma, ranks (`Colonel`), then a person's name followed by a comma. Null when there is none.
 */
function appositiveNameAfter(linking: Linking, working: readonly WorkingMention[], mentionStartingAt: ReadonlyMap<number, number>, noun: number, sentence: number): number | null {
  const { tokens } = linking;
  let at = noun + 1;
  while (at < tokens.length && at - noun <= 8 && tokens[at]!.sentence === sentence && linking.tokenText(at) !== ',') {
    // Another name in the description is fine (`for the Pentagon`), a verb of saying is not.
    if (['said', 'says', 'told', 'who', 'which', 'and'].includes(linking.lower(at))) return null;
    at++;
  }
  if (linking.tokenText(at) !== ',' || tokens[at]?.sentence !== sentence) return null;
  at++;
  while (RANKS.has(linking.bare(at)) && !mentionStartingAt.has(at)) at++;
  const named = working[mentionStartingAt.get(at) ?? -1];
  if (!named || named.type !== 'PER' || named.cluster === null || named.sentence !== sentence) return null;
  return linking.tokenText(named.lastToken + 1) === ',' ? named.cluster : null;
}

function attachRoles(linking: Linking, working: readonly WorkingMention[]): void {
  const { text, tokens, clusters } = linking;
  const mentionEndingAt = new Map<number, WorkingMention>();
  const mentionStartingAt = new Map<number, WorkingMention>();
  for (const mention of working) {
    mentionEndingAt.set(mention.lastToken, mention);
    mentionStartingAt.set(mention.firstToken, mention);
  }
  for (const mention of working) {
    if (mention.type !== 'PER' || mention.cluster === null) continue;
    const cluster = clusters[mention.cluster];
    if (!cluster) continue;
    const sentence = mention.sentence;
    // Before the name: [affiliation] [role words] [rank] NAME
    let cursor = mention.firstToken - 1;
    let rank: string | undefined;
    let rankStart = -1;
    // `Attorney General Ken Paxton`, `Chief Justice John Roberts`: a two-word title, not a rank.
    const compound = inSentence(tokens, sentence, cursor - 1) && !mentionEndingAt.has(cursor - 1) && COMPOUND_TITLES.has(`${linking.bare(cursor - 1)} ${linking.bare(cursor)}`);
    // (A word that is both, `Sheikh`, `General`, is the rank after another role: `Prime Minister Sheikh Hasina`.)
    // (Not after a modifier: `Vice President Joe Biden`.)
    const roleBefore = inSentence(tokens, sentence, cursor - 1) && !mentionEndingAt.has(cursor - 1) && ROLE_NOUNS.has(linking.bare(cursor - 1)) && !ROLE_MODIFIERS.has(linking.bare(cursor - 1));
    if (!compound && inSentence(tokens, sentence, cursor) && RANKS.has(linking.bare(cursor)) && (!ROLE_NOUNS.has(linking.bare(cursor)) || roleBefore)) {
      rank = RANKS.get(linking.bare(cursor));
      rankStart = cursor;
      cursor--;
    }
    const roleEnd = cursor;
    if (compound) cursor -= 2;
    while (inSentence(tokens, sentence, cursor) && !mentionEndingAt.has(cursor) && (ROLE_NOUNS.has(linking.bare(cursor)) || ROLE_MODIFIERS.has(linking.bare(cursor)) || RANKS.has(linking.bare(cursor)))) cursor--;
    let roleStart = cursor + 1;
    // A role needs a head noun: `Interior Minister`, `spokesperson`.
    const roleWords = roleStart <= roleEnd ? Array.from({ length: roleEnd - roleStart + 1 }, (_, k) => linking.bare(roleStart + k)) : [];
    if (!compound && roleWords.length > 0 && !roleWords.some((word) => ROLE_NOUNS.has(word))) roleStart = roleEnd + 1;
    const affiliationMention = mentionEndingAt.get(roleStart - 1);
    const hasRole = roleStart <= roleEnd;
    if (hasRole || rank) {
      const role: Role = {
        start: tokens[hasRole ? roleStart : rankStart]?.start ?? mention.start,
        end: tokens[rank ? rankStart : roleEnd]?.end ?? mention.start,
      };
      if (hasRole) role.role = text.slice(tokens[roleStart]!.start, tokens[roleEnd]!.end);
      if (rank) role.rank = rank;
      if (hasRole && affiliationMention && affiliationMention.cluster !== null && affiliationMention !== mention) {
        role.affiliation = `cluster:${affiliationMention.cluster}`;
        role.start = affiliationMention.start;
      }
      cluster.roles.push(role);
    } else if (linking.tokenText(mention.firstToken - 1) === ',' && inSentence(tokens, sentence, mention.firstToken - 2) && ROLE_NOUNS.has(linking.bare(mention.firstToken - 2))) {
      // Before the name, set off by a comma: `Twitter's chief executive, Jack Dorsey,`.
      const head = mention.firstToken - 2;
      let first = head;
      while (inSentence(tokens, sentence, first - 1) && !mentionEndingAt.has(first - 1) && (ROLE_MODIFIERS.has(linking.bare(first - 1)) || ROLE_NOUNS.has(linking.bare(first - 1)))) first--;
      const role: Role = { role: text.slice(tokens[first]!.start, tokens[head]!.end), start: tokens[first]!.start, end: tokens[head]!.end };
      const possessive = /^['’]s$/.test(linking.tokenText(first - 1)) ? first - 2 : first - 1;
      const owner = mentionEndingAt.get(possessive);
      if (owner && owner.cluster !== null && owner.type !== 'PER') {
        role.affiliation = `cluster:${owner.cluster}`;
        role.start = owner.start;
      }
      // A person named just before would be the one described (`Zuckerberg, the chief executive, …` is covered below).
      // (The description may have been read already as the person's: `a spokeswoman, Anna White,`.)
      if ((!mentionEndingAt.has(first - 1) || owner) && !cluster.roles.some((known) => known.start === role.start && known.end === role.end)) cluster.roles.push(role);
    }
    // After the name: `, [the|a|an] … role-noun [of X]? ,`
    let after = mention.lastToken + 1;
    if (linking.tokenText(after) !== ',' || !inSentence(tokens, sentence, after)) continue;
    after++;
    if (['the', 'a', 'an'].includes(linking.lower(after))) after++;
    // `Gadhafi, in a letter to the U.N. Secretary-General, …`: a phrase set off by commas is no apposition.
    if (APPOSITION_BREAKERS.has(linking.lower(after))) continue;
    const appositionStart = after;
    let head = -1;
    let earlierHead = -1;
    let affiliation: WorkingMention | undefined;
    for (let k = 0; k < 14 && inSentence(tokens, sentence, after); k++, after++) {
      const word = linking.bare(after);
      const starting = mentionStartingAt.get(after);
      if (starting && starting !== mention) {
        // (`Kim Yo Jong, the powerful sister of leader Kim Jong Un,`: a role noun right before
        // another person's name is that person's title.)
        if (starting.type === 'PER') {
          if (head === after - 1) head = earlierHead;
          break;
        }
        affiliation ??= starting;
        after = starting.lastToken;
        continue;
      }
      // (`in a house in Khan Younis, Palestinian health officials said`: a plural is a new subject, not one person's role.)
      if (ROLE_NOUNS.has(word) && word.endsWith('s') && ROLE_NOUNS.has(word.slice(0, -1))) break;
      if (ROLE_NOUNS.has(word)) {
        if (head !== after - 1) earlierHead = head;
        head = after;
      } else if ([',', '.', ';', 'who', 'which', 'said', 'says', 'told', 'and'].includes(word) || /^[“”"]$/.test(word)) break;
    }
    if (head >= 0) {
      // Keep only the role words next to the head (`chief surgeon`; `official` in `a high ranking … (AQIM) official`).
      let first = head;
      while (first - 1 >= appositionStart && (ROLE_MODIFIERS.has(linking.bare(first - 1)) || ROLE_NOUNS.has(linking.bare(first - 1)))) first--;
      const role: Role = { role: text.slice(tokens[first]!.start, tokens[head]!.end), start: tokens[appositionStart]!.start, end: tokens[head]!.end };
      if (affiliation && affiliation.cluster !== null) role.affiliation = `cluster:${affiliation.cluster}`;
      cluster.roles.push(role);
    }
  }
}
