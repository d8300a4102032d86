/**
 * Small closed word lists the tagger uses as features (never as rules): the model learns how much
 * each list is worth from the training data.
 */

/**
 * Words that precede a person's name: honorifics, ranks, offices and news roles, plus the speech
 * words that sit next to names in wire copy (`said`, `told`, `according`), lower-cased and without
 * the final period (`Maj.` → `maj`). "Pentagon spokesperson Maj. Sheryll Klinkel": both
 * `spokesperson` and `Maj.` announce the name that follows.
 */
export const personTitles: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'professor', 'sir', 'dame', 'lord', 'lady', 'rev', 'reverend', 'father',
  'sister', 'brother', 'rabbi', 'imam', 'sheikh', 'cardinal', 'bishop', 'archbishop', 'pope', 'saint', 'st',
  'gen', 'general', 'lt', 'lieutenant', 'col', 'colonel', 'maj', 'major', 'capt', 'captain', 'cmdr', 'commander', 'adm',
  'admiral', 'sgt', 'sergeant', 'cpl', 'corporal', 'pvt', 'private', 'brig', 'brigadier', 'marshal', 'ens', 'gov', 'governor',
  'sen', 'senator', 'rep', 'representative', 'congressman', 'congresswoman', 'president', 'vice-president', 'premier',
  'chancellor', 'minister', 'secretary', 'ambassador', 'envoy', 'mayor', 'king', 'queen', 'prince', 'princess', 'emir',
  'sultan', 'judge', 'justice', 'chairman', 'chairwoman', 'chair', 'ceo', 'director', 'spokesman', 'spokeswoman',
  'spokesperson', 'official', 'officials', 'leader', 'coach', 'manager', 'striker', 'midfielder', 'defender', 'goalkeeper',
  'dictator', 'president-elect', 'prime', 'deputy', 'analyst', 'economist', 'correspondent', 'reporter', 'said', 'says',
  'told', 'according', 'detective', 'inspector', 'officer', 'chief', 'head', 'founder', 'son', 'daughter', 'wife', 'husband',
]);

/**
 * Last words of organisation names (lower-cased, final period removed): legal forms and the nouns
 * institutions are named with (`US Africa Command`, `Libyan Government of National Accord`).
 */
export const organisationWords: ReadonlySet<string> = new Set([
  'inc', 'incorporated', 'corp', 'corporation', 'co', 'company', 'ltd', 'limited', 'llc', 'plc', 'ag', 'gmbh', 'sa', 'nv',
  'bv', 'spa', 'ab', 'asa', 'oy', 'kk', 'pty', 'lp', 'llp', 'group', 'holdings', 'holding', 'bank', 'bancorp', 'trust',
  'partners', 'associates', 'industries', 'international', 'systems', 'technologies', 'airlines', 'airways', 'motors',
  'party', 'union', 'association', 'federation', 'council', 'committee', 'commission', 'ministry', 'department', 'agency',
  'authority', 'bureau', 'office', 'institute', 'university', 'college', 'school', 'academy', 'foundation', 'fund',
  'society', 'league', 'club', 'fc', 'united', 'city', 'rovers', 'command', 'army', 'navy', 'force', 'forces', 'police',
  'government', 'parliament', 'assembly', 'congress', 'senate', 'court', 'tribunal', 'organisation', 'organization',
  'movement', 'front', 'brigade', 'brigades', 'network', 'times', 'post', 'news', 'press', 'journal', 'herald', 'tribune',
  'television', 'radio', 'exchange', 'reserve', 'service', 'services', 'accord', 'alliance', 'coalition', 'church',
]);
