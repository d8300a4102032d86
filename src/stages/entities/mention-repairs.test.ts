import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EntityType } from '../../doc/schema.js';
import { segment } from '../segment/segment.js';
import type { NameMention } from './entity-linker.js';
import { buildOrganisationIndex, isWellKnownOrganisation, repairMentions } from './mention-repairs.js';

const organisations = buildOrganisationIndex();

/** Runs the repairs over mentions given as `[surface, type]` and returns `[surface, type]` pairs. */
function repair(text: string, names: ReadonlyArray<readonly [string, EntityType]>): string[] {
  const { tokens } = segment(text);
  let from = 0;
  const mentions: NameMention[] = names.map(([surface, type]) => {
    const start = text.indexOf(surface, from);
    from = start + surface.length;
    return { firstToken: tokens.findIndex((t) => t.start === start), lastToken: tokens.findIndex((t) => t.end === start + surface.length), type, rule: 'test' };
  });
  return repairMentions(text, tokens, mentions, organisations).map((m) => `${text.slice(tokens[m.firstToken]!.start, tokens[m.lastToken]!.end)}/${m.type}`);
}

const CASES: ReadonlyArray<readonly [string, string, ReadonlyArray<readonly [string, EntityType]>, string[]]> = [
  ['capitalised In inside a name', 'It attacked the In Amenas oil plant.', [['Amenas', 'LOC']], ['In Amenas/LOC']],
  ['sentence-initial In stays out', 'In Paris the talks went on.', [['Paris', 'LOC']], ['Paris/LOC']],
  ['feature word after a demonym', 'Strikes hit the Libyan Desert again.', [['Libyan', 'MISC']], ['Libyan Desert/LOC']],
  ['demonym alone stays', 'A Libyan official spoke.', [['Libyan', 'MISC']], ['Libyan/MISC']],
  ['a name ending in a feature word is a place', 'Boats sailed near Thomas Shoal on Monday.', [['Thomas Shoal', 'PER']], ['Thomas Shoal/LOC']],
  ['a venue in a city', 'Djokovic won at Roland Garros in Paris on Sunday.', [['Djokovic', 'PER'], ['Roland Garros', 'PER'], ['Paris', 'LOC']], ['Djokovic/PER', 'Roland Garros/LOC', 'Paris/LOC']],
  ['acronym ties a split name', 'He led al-Qa’ida in the Lands of the Islamic Maghreb (AQIM) cells.', [['al-Qa’ida', 'ORG'], ['Lands of the Islamic Maghreb', 'ORG'], ['AQIM', 'ORG']], ['al-Qa’ida in the Lands of the Islamic Maghreb/ORG', 'AQIM/ORG']],
  ['no join when the acronym spells only the second name', 'Ford met the Bank of England (BE) staff.', [['Ford', 'PER'], ['Bank of England', 'ORG']], ['Ford/PER', 'Bank of England/ORG']],
  ['listed organisation the tagger missed', 'A Pentagon spokesperson said so.', [], ['Pentagon/ORG']],
  ['listed one-word name at a sentence start is left alone', 'Treasury yields rose.', [], []],
  ['a title the tagger took into a name goes to the roles', 'Chief Executive Elon Musk spoke.', [['Executive Elon Musk', 'PER']], ['Elon Musk/PER']],
  ['a one-word name keeps its title', 'Prince Harry spoke.', [['Prince Harry', 'PER']], ['Prince Harry/PER']],
  ['the first word of a two-word title before a person leaves the name before it', 'Texas Attorney General Ken Paxton spoke.', [['Texas Attorney', 'ORG'], ['Ken Paxton', 'PER']], ['Texas/ORG', 'Ken Paxton/PER']],
  ['... but the House keeps its name', 'Former House Speaker Newt Gingrich spoke.', [['Former House', 'ORG'], ['Newt Gingrich', 'PER']], ['Former House/ORG', 'Newt Gingrich/PER']],
  ['... not without a person after the title', 'The Texas Attorney General office said so.', [['Texas Attorney', 'ORG']], ['Texas Attorney/ORG']],
  ['a two-word name whose last word names a person alone is that person', 'His girlfriend, Sofia Sapega, was held. Sapega is Russian.', [['Sofia Sapega', 'LOC'], ['Sapega', 'PER']], ['Sofia Sapega/PER', 'Sapega/PER']],
  ['... and only then', 'Grand Rapids voted. Rapids fans cheered.', [['Grand Rapids', 'LOC']], ['Grand Rapids/LOC']],
  ['... nor when the name modifies a noun after it', 'The Stop Trump movement grew. Trump spoke.', [['Stop Trump', 'ORG'], ['Trump', 'PER']], ['Stop Trump/ORG', 'Trump/PER']],
  ['a name after `<role> at` is the employer', 'Stacy Rasgon, an analyst at Bernstein, agreed.', [['Stacy Rasgon', 'PER'], ['Bernstein', 'LOC']], ['Stacy Rasgon/PER', 'Bernstein/ORG']],
  ['... with `the` between', 'Ms. Hill, a fellow at the Brookings Institution, said so.', [['Hill', 'PER'], ['Brookings Institution', 'LOC']], ['Hill/PER', 'Brookings Institution/ORG']],
  ['... but not a name that modifies a noun after it', 'A doctor at Kandahar hospital and an analyst at Kandahar airport spoke.', [['Kandahar', 'LOC'], ['Kandahar', 'LOC']], ['Kandahar/LOC', 'Kandahar/LOC']],
  ['... nor a place after a role said without `at`', 'An analyst in London said so.', [['London', 'LOC']], ['London/LOC']],
  ['... unless the document names it so mid-sentence', 'Pressure grew on Facebook. Facebook CEO Mark Zuckerberg spoke.', [['Mark Zuckerberg', 'PER']], ['Facebook/ORG', 'Facebook/ORG', 'Mark Zuckerberg/PER']],
  ['a name right after a company noun is a company', 'Danish drugmaker Bavarian Nordic and Dr. Lee agreed.', [['Danish', 'MISC'], ['Bavarian Nordic', 'MISC']], ['Danish/MISC', 'Bavarian Nordic/ORG']],
  ['a person-typed name right after a startup noun is the company, and so are its other mentions', 'Microsoft will buy cloud security startup Wiz in a deal. Wiz has 1,800 staff.', [['Microsoft', 'ORG'], ['Wiz', 'PER'], ['Wiz', 'PER']], ['Microsoft/ORG', 'Wiz/ORG', 'Wiz/ORG']],
  ['... but not a person whose trade is a company noun, nor one a verb follows', 'Publisher Ron Unz ran, and the company Elon Musk founded grew.', [['Ron Unz', 'PER'], ['Elon Musk', 'PER']], ['Ron Unz/PER', 'Elon Musk/PER']],
  ['a name before `, <Place>-based` is a city', 'The Redmond, Washington-based company grew, as did a Russian-born, London-based investor.', [['Redmond', 'PER'], ['Washington-based', 'MISC'], ['Russian-born', 'MISC'], ['London-based', 'MISC']], ['Redmond/LOC', 'Washington-based/MISC', 'Russian-born/MISC', 'London-based/MISC']],
  ['two names joined by `and` after `the`, the second ending in a body word, are one body', 'Rivers rose, according to the Flood Forecasting and Warning Centre.', [['Flood Forecasting', 'ORG'], ['Warning Centre', 'ORG']], ['Flood Forecasting and Warning Centre/ORG']],
  ['... not when the first stands alone elsewhere or the `the` is inside a name', 'The Treasury and Federal Reserve Board met. The Treasury agreed. Friends of the Earth Action and Iowa Citizens Action Fund signed.', [['Treasury', 'ORG'], ['Federal Reserve Board', 'ORG'], ['Treasury', 'ORG'], ['Friends of the Earth Action', 'ORG'], ['Iowa Citizens Action Fund', 'ORG']], ['Treasury/ORG', 'Federal Reserve Board/ORG', 'Treasury/ORG', 'Friends of the Earth Action/ORG', 'Iowa Citizens Action Fund/ORG']],
  ['a person-typed name ending in a body\'s word is a body; one ending in a street\'s word after `on` a place', 'Fiona Walsh of the Major Enquiry Team said police went to a flat on Harehills Lane, where Nathan Lane lives.', [['Fiona Walsh', 'PER'], ['Major Enquiry Team', 'PER'], ['Harehills Lane', 'PER'], ['Nathan Lane', 'PER']], ['Fiona Walsh/PER', 'Major Enquiry Team/ORG', 'Harehills Lane/LOC', 'Nathan Lane/PER']],
  ['a name ending in Square or Avenue is a place; an archive of … a body', 'Crowds filled Slavija Square as the Archive of Public Gatherings counted them.', [['Slavija Square', 'ORG'], ['Archive of Public Gatherings', 'MISC']], ['Slavija Square/LOC', 'Archive of Public Gatherings/ORG']],
  ['a descriptor opening the sentence is no part of the name', 'Rival Honda Motor Co is due to report. Automaker Toyota said so. Bank of Valletta fell. Outside Congress, students marched.', [['Rival Honda Motor Co', 'ORG'], ['Automaker Toyota', 'ORG'], ['Bank of Valletta', 'ORG'], ['Outside Congress', 'ORG']], ['Honda Motor Co/ORG', 'Toyota/ORG', 'Bank of Valletta/ORG', 'Congress/ORG']],
  ['a body word, of and a place are one body', 'Students marched from the University of Buenos Aires to the Bank of Japan.', [['University', 'ORG'], ['Buenos Aires', 'LOC'], ['Bank', 'ORG'], ['Japan', 'LOC']], ['University of Buenos Aires/ORG', 'Bank of Japan/ORG']],
  ['a name with a model number before a made thing is a product', 'A SpaceX Falcon 9 rocket lifted off before its own Ariane 6 rocket.', [['SpaceX', 'ORG'], ['Falcon', 'ORG'], ['Ariane', 'ORG']], ['SpaceX/ORG', 'Falcon 9/MISC', 'Ariane 6/MISC']],
  ['a court or a police force read as a place is a body', "Kenya's High Court ruled. Gemma Hall of Avon and Somerset Police spoke.", [['Kenya', 'LOC'], ['High Court', 'LOC'], ['Gemma Hall', 'PER'], ['Avon', 'LOC'], ['Somerset Police', 'ORG']], ['Kenya/LOC', 'High Court/ORG', 'Gemma Hall/PER', 'Avon and Somerset Police/ORG']],
  ['a storm tagged without its word, a party by its members', 'Cyclone Chido hit. Friedrich Merz of the Christian Democrats spoke.', [['Chido', 'PER'], ['Friedrich Merz', 'PER'], ['Christian Democrats', 'PER']], ['Cyclone Chido/MISC', 'Friedrich Merz/PER', 'Christian Democrats/ORG']],
  ['an apposition that calls a name a body makes it one', 'They refused to pay La Familia Michoacana, a cartel that operates there. Jilib, a town in the south, fell. Musk, a company founder, spoke. Dr. Luz Arroyo, a member of the group and signatory, spoke. In Yemen, a military coalition fought.', [['La Familia Michoacana', 'LOC'], ['Jilib', 'LOC'], ['Musk', 'PER'], ['Luz Arroyo', 'PER'], ['Yemen', 'LOC']], ['La Familia Michoacana/ORG', 'Jilib/LOC', 'Musk/PER', 'Luz Arroyo/PER', 'Yemen/LOC']],
  ['the noun of a body before a name set off by commas, a mountain', "His party, Pakistan Tehreek-e-Insaf, said so. Mount Ruang erupted.", [['Pakistan Tehreek-e-Insaf', 'LOC'], ['Mount Ruang', 'PER']], ['Pakistan Tehreek-e-Insaf/ORG', 'Mount Ruang/LOC']],
  ['names before a plural unit noun are places, a demonym stays', 'Drones were destroyed over the Kursk and Belgorod regions on Friday near the German city of Kiel.', [['Kursk', 'ORG'], ['Belgorod', 'LOC'], ['German', 'MISC']], ['Kursk/LOC', 'Belgorod/LOC', 'German/MISC']],
  ['a name before a unit noun in a compound stays', 'He held a Trump town hall and read Kremlin state media.', [['Trump', 'PER'], ['Kremlin', 'ORG']], ['Trump/PER', 'Kremlin/ORG']],
  ['names after a plural unit noun and of are places', 'The floods hit the districts of Burka, Nahrin and Baghlan-e-Jadid hardest.', [['Burka', 'MISC'], ['Nahrin', 'LOC'], ['Baghlan-e-Jadid', 'ORG']], ['Burka/LOC', 'Nahrin/LOC', 'Baghlan-e-Jadid/LOC']],
  ['a person listed with a place after in is a place', 'It killed 223 villagers in Nondin and Soro last year.', [['Nondin', 'LOC'], ['Soro', 'PER']], ['Nondin/LOC', 'Soro/LOC']],
  ['a body listed with a place, a clause subject, a full name, or a name after an opening phrase stays', 'Strikes in Israel and Hamas continued. Fighting went on in Gaza and Netanyahu said so. Reporting by Lim in Singapore and Ben Blanchard in Beijing. In Florida, Hispanics voted.', [['Israel', 'LOC'], ['Hamas', 'ORG'], ['Gaza', 'LOC'], ['Netanyahu', 'PER'], ['Lim', 'PER'], ['Singapore', 'LOC'], ['Ben Blanchard', 'PER'], ['Beijing', 'LOC'], ['Florida', 'LOC'], ['Hispanics', 'PER']], ['Israel/LOC', 'Hamas/ORG', 'Gaza/LOC', 'Netanyahu/PER', 'Lim/PER', 'Singapore/LOC', 'Ben Blanchard/PER', 'Beijing/LOC', 'Florida/LOC', 'Hispanics/PER']],
  ['names before a feature\'s noun are places, a demonym or a body stays', 'The Lamone and Savio rivers rose near the Greek islands and the Valley Authority dam.', [['Lamone', 'PER'], ['Savio', 'PER'], ['Greek', 'MISC'], ['Valley Authority', 'ORG']], ['Lamone/LOC', 'Savio/LOC', 'Greek/MISC', 'Valley Authority/ORG']],
  ['an acronym after `X and Y` may spell X alone', 'Workers of the International Association of Machinists and Aerospace Workers (IAM) struck.', [['International Association of Machinists', 'ORG'], ['Aerospace Workers', 'ORG'], ['IAM', 'ORG']], ['International Association of Machinists and Aerospace Workers/ORG', 'IAM/ORG']],
  ['a person-typed name ending in County or Island is a place, in Prize or Award an award, in Center or Group a body', 'Voters in Scott County read the Booker Prize winner at the James Martin Center of the Dangote Group.', [['Scott County', 'PER'], ['Booker Prize', 'PER'], ['James Martin Center', 'PER'], ['Dangote Group', 'PER']], ['Scott County/LOC', 'Booker Prize/MISC', 'James Martin Center/ORG', 'Dangote Group/ORG']],
  ['a named storm or wildfire is an event', 'Hurricane Helene killed 44 people as Storm Babet moved north and the Franklin Fire spread.', [['Hurricane Helene', 'PER'], ['Storm Babet', 'ORG'], ['Franklin Fire', 'LOC']], ['Hurricane Helene/MISC', 'Storm Babet/MISC', 'Franklin Fire/MISC']],
  ['a named wildfire with its article is the fire, a compound adjective no body, a party before its noun a body, a place listed after `between` a place', 'The Creek Fire spread. Its Paris-listed shares fell between Sausalito and Tiburon as the ruling Civic Union party met.', [['Creek Fire', 'ORG'], ['Paris-listed', 'ORG'], ['Sausalito', 'LOC'], ['Tiburon', 'PER'], ['Civic Union', 'MISC']], ['Creek Fire/MISC', 'Paris-listed/MISC', 'Sausalito/LOC', 'Tiburon/LOC', 'Civic Union/ORG']],
  ['a person- or place-typed name ending in a company\'s word is a company, two peoples\' words joined an adjective', 'Anglo-Swiss miner Glencore bought copper producer Teck Resources\' stake in Elk Valley Resources.', [['Anglo-Swiss', 'ORG'], ['Glencore', 'ORG'], ['Teck Resources', 'PER'], ['Elk Valley Resources', 'LOC']], ['Anglo-Swiss/MISC', 'Glencore/ORG', 'Teck Resources/ORG', 'Elk Valley Resources/ORG']],
  ['names after `residents of` are places, and a plan or an act named for a person no person', 'Residents of Nea Qarnawat and Patima Halandriou said the state needs a Marshall Plan.', [['Nea Qarnawat', 'ORG'], ['Patima Halandriou', 'PER'], ['Marshall Plan', 'PER']], ['Nea Qarnawat/LOC', 'Patima Halandriou/LOC', 'Marshall Plan/MISC']],
  ['a thing-typed name ending in a body\'s word is a body', 'The U.S. Geological Survey and the Tax Policy Center agreed.', [['U.S. Geological Survey', 'MISC'], ['Tax Policy Center', 'MISC']], ['U.S. Geological Survey/ORG', 'Tax Policy Center/ORG']],
  ['a conjunction opening a clause is no part of a person\'s or a place\'s name', '"If Cruz wins, we will see." When West Virginia voted, it was late.', [['If Cruz', 'PER'], ['When West Virginia', 'LOC']], ['Cruz/PER', 'West Virginia/LOC']],
  ['a lower-case leaning before a party\'s name is no part of it, and the party is a body', 'It was backed by Le Pen\'s far-right National Rally.', [['far-right National Rally', 'MISC']], ['National Rally/ORG']],
  ['a person-typed name after `the … city of` is the city', 'Strikes hit the southern city of Khan Qarnawat and the town of Kuriga.', [['Khan Qarnawat', 'PER'], ['Kuriga', 'PER']], ['Khan Qarnawat/LOC', 'Kuriga/LOC']],
  ['a person-typed name after a word of a part of a place, or between `the` and a facility, is a place', 'A shooting in downtown Tulsa left one dead; the suspect was booked into the Tulsa jail.', [['Tulsa', 'PER'], ['Tulsa', 'PER']], ['Tulsa/LOC', 'Tulsa/LOC']],
  ['a person-typed name before a prison\'s or camp\'s noun is a place', 'Buses left Ketziot prison at dawn.', [['Ketziot', 'PER']], ['Ketziot/LOC']],
  ['a telescope is an instrument, and a name right after `near` a place', 'The Hubble Space Telescope saw it from a farm near Tel Kalakh.', [['Hubble Space Telescope', 'PER'], ['Tel Kalakh', 'PER']], ['Hubble Space Telescope/MISC', 'Tel Kalakh/PER']],
  ['a body goes on through its purpose', 'The Committee to Protect Journalists and the Council on Foreign Relations spoke.', [['Committee', 'ORG'], ['Protect Journalists', 'ORG'], ['Council', 'ORG']], ['Committee to Protect Journalists/ORG', 'Council on Foreign Relations/ORG']],
  ['... over `and` and the split the tagger made, leaving out whom the group is tied to', 'The al Qaeda-linked Group for the Support of Islam and Muslims and the Center for Strategic and International Studies agreed.', [['al Qaeda-linked Group', 'MISC'], ['Support of Islam and Muslims', 'ORG'], ['Center for Strategic', 'ORG'], ['International Studies', 'ORG']], ['Group for the Support of Islam and Muslims/ORG', 'Center for Strategic and International Studies/ORG']],
  ['... a topical body over a place', 'The House Select Committee on Benghazi met.', [['House Select Committee', 'ORG'], ['Benghazi', 'LOC']], ['House Select Committee on Benghazi/ORG']],
  ['... but not over a day, a place where another body is, a place it goes to, a person, or a lone adjective', 'The Supreme Court on Monday, Hofstra University on Long Island, the Council to Geneva, the Commission for Mr. Smith and the European Central Bank on Greek debt.', [['Supreme Court', 'ORG'], ['Hofstra University', 'ORG'], ['Long Island', 'LOC'], ['Council', 'ORG'], ['Geneva', 'LOC'], ['Commission', 'ORG'], ['Smith', 'PER'], ['European Central Bank', 'ORG'], ['Greek', 'MISC']], ['Supreme Court/ORG', 'Hofstra University/ORG', 'Long Island/LOC', 'Council/ORG', 'Geneva/LOC', 'Commission/ORG', 'Smith/PER', 'European Central Bank/ORG', 'Greek/MISC']],
];
for (const [name, text, names, expected] of CASES) test(`repair: ${name}`, () => assert.deepEqual(repair(text, names), expected));

test('well-known organisations match spelling variants', () => {
  assert.ok(isWellKnownOrganisation(organisations, 'al-Qa’ida'));
  assert.ok(isWellKnownOrganisation(organisations, 'Al Qaeda'));
  assert.ok(!isWellKnownOrganisation(organisations, 'Robyn Mack'));
});

test('a name written <body> of … is an organisation', () => {
  const text = 'The U.S. Department of Homeland Security said arrests fell. The Gulf of Mexico was calm.';
  const { tokens } = segment(text);
  const span = (surface: string): { firstToken: number; lastToken: number } => {
    const start = text.indexOf(surface);
    return { firstToken: tokens.findIndex((token) => token.start === start), lastToken: tokens.findIndex((token) => token.end === start + surface.length) };
  };
  const repaired = repairMentions(text, tokens, [
    { ...span('U.S. Department of Homeland Security'), type: 'LOC', rule: 'tagger' },
    { ...span('Gulf of Mexico'), type: 'LOC', rule: 'tagger' },
  ], buildOrganisationIndex([]));
  assert.equal(repaired[0]?.type, 'ORG');
  assert.equal(repaired[1]?.type, 'LOC');
});
