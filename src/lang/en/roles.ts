/**
 * Words that name a person's role, title or rank in news copy (`Africa Command spokesperson
 * Robyn Mack`, `Pentagon spokesperson Maj. Sheryll Klinkel`, `Libyan dictator Moammar Gadhafi`).
 * Lower-case.
 */

/** Ranks and honorifics written before a name (with or without the abbreviation's period). */
export const RANKS: ReadonlyMap<string, string> = new Map([
  ['gen', 'Gen.'], ['general', 'Gen.'], ['lt', 'Lt.'], ['lieutenant', 'Lt.'], ['col', 'Col.'], ['colonel', 'Col.'], ['maj', 'Maj.'],
  ['major', 'Maj.'], ['capt', 'Capt.'], ['captain', 'Capt.'], ['sgt', 'Sgt.'], ['sergeant', 'Sgt.'], ['adm', 'Adm.'], ['admiral', 'Adm.'],
  ['cpl', 'Cpl.'], ['corporal', 'Cpl.'], ['pvt', 'Pvt.'], ['private', 'Pvt.'], ['cmdr', 'Cmdr.'], ['commander', 'Cmdr.'], ['brig', 'Brig.'], ['brigadier', 'Brig.'],
  ['dr', 'Dr.'], ['prof', 'Prof.'], ['sen', 'Sen.'], ['senator', 'Sen.'], ['rep', 'Rep.'], ['representative', 'Rep.'], ['gov', 'Gov.'],
  ['governor', 'Gov.'], ['mr', 'Mr.'], ['mrs', 'Mrs.'], ['ms', 'Ms.'], ['rev', 'Rev.'], ['sheikh', 'Sheikh'], ['president', 'President'],
  ['king', 'King'], ['queen', 'Queen'], ['prince', 'Prince'], ['princess', 'Princess'], ['pope', 'Pope'], ['judge', 'Judge'],
  ['justice', 'Justice'], ['chancellor', 'Chancellor'], ['mayor', 'Mayor'], ['ambassador', 'Ambassador'], ['detective', 'Det.'],
  ['officer', 'Officer'], ['sir', 'Sir'], ['dame', 'Dame'], ['lord', 'Lord'],
]);

/** Role nouns (the head of a job description). */
export const ROLE_NOUNS: ReadonlySet<string> = new Set([
  'spokesperson', 'spokesman', 'spokeswoman', 'spokespeople', 'official', 'officials', 'minister', 'secretary', 'president', 'premier',
  'director', 'chief', 'head', 'commander', 'leader', 'dictator', 'ambassador', 'envoy', 'senator', 'governor', 'mayor', 'general',
  'ceo', 'chairman', 'chairwoman', 'chair', 'founder', 'co-founder', 'analyst', 'professor', 'researcher', 'scientist', 'reporter',
  'correspondent', 'editor', 'surgeon', 'doctor', 'lawyer', 'attorney', 'prosecutor', 'judge', 'economist', 'strategist', 'adviser',
  'advisor', 'aide', 'diplomat', 'negotiator', 'militant', 'commander-in-chief', 'officer', 'coach', 'manager', 'executive', 'owner',
  'candidate', 'lawmaker', 'legislator', 'congressman', 'congresswoman', 'deputy', 'councillor', 'councilman', 'councilwoman',
  'representative', 'king', 'queen', 'prince', 'emir', 'sheikh', 'cleric', 'imam', 'bishop', 'archbishop', 'pope', 'activist',
  'organizer', 'campaigner', 'expert', 'author', 'writer', 'historian', 'witness', 'resident', 'victim', 'survivor', 'student',
  'teacher', 'worker', 'farmer', 'owner', 'partner', 'investor', 'trader', 'banker', 'broker', 'columnist', 'commentator', 'host',
  'anchor', 'producer', 'actor', 'actress', 'singer', 'player', 'striker', 'midfielder', 'defender', 'goalkeeper', 'winger', 'boss', 'captain', 'coordinator', 'administrator', 'inspector',
  'commissioner', 'chancellor', 'vice', 'treasurer', 'auditor', 'regulator', 'rapporteur', 'mediator', 'warlord', 'strongman',
  // Hyphenated titles are one token: `WHO Director-General Tedros Adhanom Ghebreyesus`.
  'director-general', 'secretary-general', 'under-secretary', 'undersecretary', 'attorney-general',
  // Offices of parliaments, courts, police and churches: `House Speaker Mike Johnson`, `Detective Chief Inspector Fiona Walsh`.
  'speaker', 'whip', 'mp', 'magistrate', 'coroner', 'sheriff', 'marshal', 'constable', 'superintendent', 'detective', 'consul', 'provost', 'rector', 'pastor', 'priest', 'rabbi', 'cardinal',
  // Medicine and the sciences: `cardiologist Roberto Kalil Filho`, `seismologist Lucy Jones`.
  'physician', 'nurse', 'paramedic', 'cardiologist', 'neurologist', 'neurosurgeon', 'oncologist', 'epidemiologist', 'virologist', 'immunologist',
  'pathologist', 'psychiatrist', 'psychologist', 'pediatrician', 'paediatrician', 'dentist', 'pharmacist', 'engineer', 'architect',
  'physicist', 'chemist', 'biologist', 'geologist', 'seismologist', 'volcanologist', 'meteorologist', 'climatologist', 'astronomer', 'forecaster',
]);

/** Words that may modify a role noun (`chief surgeon`, `deputy foreign minister`, `high ranking`). */
export const ROLE_MODIFIERS: ReadonlySet<string> = new Set([
  'chief', 'deputy', 'senior', 'junior', 'former', 'acting', 'interim', 'foreign', 'defense', 'defence', 'interior', 'finance',
  'prime', 'vice', 'assistant', 'associate', 'executive', 'managing', 'general', 'press', 'military', 'top', 'high', 'ranking',
  'high-ranking', 'local', 'regional', 'national', 'state', 'federal', 'security', 'intelligence', 'health', 'trade', 'economy',
  'education', 'energy', 'justice', 'communications', 'public', 'affairs', 'legal', 'political', 'police', 'army', 'navy', 'party',
  'opposition', 'government', 'union', 'news', 'hospital', 'district', 'county', 'city', 'attorney', 'secretary', 'sports', 'labor',
  'labour', 'environment', 'agriculture', 'transport', 'treasury', 'homeland', 'emergency', 'fire', 'airline', 'company', 'team',
  // Corporate C-suite titles: `Chief Financial Officer`, `Chief Operating Officer`, `Chief Technology Officer`.
  'financial', 'operating', 'technology', 'technical', 'marketing', 'information', 'investment', 'commercial', 'medical', 'scientific',
  'compliance', 'risk', 'digital', 'product', 'strategy',
  // `the bloc's foreign policy chief`, `Crown Prince`, `the EU's competition chief`.
  'policy', 'crown', 'competition', 'antitrust', 'climate',
]);

/** Definite descriptions that refer back to a person (`the official added`). */
export const PERSON_NOMINALS: ReadonlySet<string> = new Set([
  'official', 'spokesperson', 'spokesman', 'spokeswoman', 'minister', 'president', 'commander', 'leader', 'senator', 'governor',
  'mayor', 'ambassador', 'general', 'director', 'chief', 'secretary', 'surgeon', 'doctor', 'lawyer', 'analyst', 'officer', 'prosecutor',
  'judge', 'diplomat', 'envoy', 'executive', 'chairman', 'premier', 'king', 'queen', 'man', 'woman',
]);

/** Definite descriptions that refer back to an organisation (`the group`, `the terror group`). */
export const ORGANISATION_NOMINALS: ReadonlySet<string> = new Set([
  'group', 'organization', 'organisation', 'company', 'firm', 'militia', 'movement', 'party', 'agency', 'ministry', 'department',
  'government', 'administration', 'network', 'affiliate', 'alliance', 'coalition', 'faction', 'outfit', 'insurgency', 'bank',
  'institution', 'union', 'court', 'council', 'committee', 'commission', 'army', 'military', 'force', 'forces', 'regime', 'club',
]);

/** Roles said with where someone works or studies: `an analyst at Bernstein`, `a professor at Georgetown` (the name is an employer, not a place). */
export const WORKPLACE_ROLES: ReadonlySet<string> = new Set([
  'analyst', 'analysts', 'economist', 'economists', 'strategist', 'strategists', 'professor', 'researcher', 'researchers', 'scientist',
  'scientists', 'fellow', 'partner', 'director', 'executive', 'executives', 'lawyer', 'attorney', 'banker', 'trader', 'investor',
  'student', 'students', 'lecturer', 'manager', 'engineer', 'engineers', 'editor', 'reporter', 'correspondent', 'columnist',
]);

/** `… an analyst at (the) ` right before a name. */
export const EMPLOYER_BEFORE = new RegExp(`\\b(?:${[...WORKPLACE_ROLES].join('|')})\\s+at\\s+(?:the\\s+)?$`, 'i');

/**
 * Titles of two words whose second word is also a rank (`Attorney General`, `Chief Justice`):
 * before a name the pair is the role, not a role word and a rank (`General`, `Justice`). Two
 * tokens joined by a space: a hyphenated title (`Secretary-General`) is one token.
 */
export const COMPOUND_TITLES: ReadonlySet<string> = new Set([
  'attorney general', 'solicitor general', 'surgeon general', 'inspector general', 'secretary general',
  'postmaster general', 'governor general', 'adjutant general', 'director general',
  'comptroller general', 'consul general', 'auditor general', 'procurator general', 'prosecutor general', 'judge advocate',
  'chief justice', 'associate justice', 'lord justice', 'lord chancellor', 'vice chancellor', 'chief judge', 'district judge',
  'circuit judge', 'federal judge', 'supreme leader', 'majority leader', 'minority leader', 'house speaker',
]);
