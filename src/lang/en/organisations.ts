/**
 * Well-known organisations that news names without any cue to their type: international bodies,
 * armed and political movements, state agencies and ministries known by one word, news agencies
 * and large companies. General knowledge, for typing (an entity known to be an organisation is
 * not a person or a place, whatever a tagger trained on 1996 newswire guessed) and for finding
 * mentions the tagger missed. Written as news spells them; matching ignores case, hyphens and
 * vowel variants (`al-Qa’ida` = `al Qaeda`).
 */
export const WELL_KNOWN_ORGANISATIONS: readonly string[] = [
  // International bodies and alliances
  'United Nations', 'UN', 'U.N.', 'UN Security Council', 'Security Council', 'General Assembly', 'UNICEF', 'UNHCR', 'UNESCO', 'WHO',
  'World Health Organization', 'World Bank', 'International Monetary Fund', 'IMF', 'World Trade Organization', 'WTO', 'NATO',
  'European Union', 'EU', 'European Commission', 'European Parliament', 'European Central Bank', 'ECB', 'African Union', 'Arab League',
  'ASEAN', 'OPEC', 'OSCE', 'G7', 'G20', 'Interpol', 'International Criminal Court', 'ICC', 'International Court of Justice',
  'Red Cross', 'Red Crescent', 'International Committee of the Red Cross', 'ICRC', 'Amnesty International', 'Human Rights Watch',
  'Doctors Without Borders', 'Medecins Sans Frontieres', 'MSF', 'Greenpeace', 'Oxfam', 'World Food Programme', 'WFP', 'IAEA',
  'International Atomic Energy Agency', 'Council of Europe', 'Commonwealth', 'Gulf Cooperation Council', 'Mercosur', 'Hamas',
  // Armed groups and movements
  'al Qaeda', 'al-Qaeda', 'al-Qaida', 'Al Qaeda', 'AQAP', 'AQIM', 'ISIS', 'ISIL', 'Islamic State', 'Daesh', 'Taliban', 'Hezbollah',
  'Hizbollah', 'Islamic Jihad', 'Boko Haram', 'al-Shabaab', 'al-Shabab', 'al Shabaab', 'Houthis', 'Ansar Allah', 'Ansar al-Sharia',
  'Jabhat al-Nusra', 'Nusra Front', 'Hayat Tahrir al-Sham', 'HTS', 'PKK', 'YPG', 'SDF', 'Syrian Democratic Forces', 'Free Syrian Army',
  'FARC', 'ELN', 'IRA', 'ETA', 'Lashkar-e-Taiba', 'Jaish-e-Mohammed', 'Haqqani network', 'Wagner Group', 'Wagner', 'Muslim Brotherhood',
  'Fatah', 'PLO', 'Palestinian Authority', 'Janjaweed', 'Rapid Support Forces', 'RSF', 'M23', 'ADF', 'Ku Klux Klan', 'Proud Boys',
  // State bodies known by one name
  'Pentagon', 'Kremlin', 'White House', 'State Department', 'Defense Department', 'Justice Department', 'Treasury', 'Congress',
  'Senate', 'House of Representatives', 'Supreme Court', 'FBI', 'CIA', 'NSA', 'DHS', 'Homeland Security', 'FEMA', 'EPA', 'FDA', 'CDC',
  'NASA', 'Federal Reserve', 'Fed', 'SEC', 'IRS', 'ICE', 'Border Patrol', 'Secret Service', 'National Guard', 'Marine Corps', 'Navy',
  'Air Force', 'Army', 'Coast Guard', 'Africa Command', 'AFRICOM', 'Central Command', 'CENTCOM', 'European Command', 'EUCOM',
  'Indo-Pacific Command', 'Special Operations Command', 'Joint Chiefs of Staff', 'Downing Street', 'Whitehall', 'Foreign Office',
  'Home Office', 'Ministry of Defence', 'MI5', 'MI6', 'Scotland Yard', 'Bundestag', 'Bundeswehr', 'Duma', 'Knesset', 'IDF',
  'Israel Defense Forces', 'Mossad', 'Shin Bet', 'Elysee', 'Élysée', 'Quai d’Orsay', 'Politburo', 'People’s Liberation Army', 'PLA',
  'Revolutionary Guards', 'IRGC', 'Revolutionary Guard', 'Government of National Accord', 'GNA', 'Libyan National Army', 'LNA',
  'Parliament', 'European Council', 'Vatican', 'Holy See',
  // Parties
  'Democratic Party', 'Republican Party', 'Democrats', 'Republicans', 'GOP', 'Labour', 'Labour Party', 'Conservative Party', 'Tories',
  'Liberal Democrats', 'SNP', 'Communist Party', 'ANC', 'BJP', 'Congress Party', 'Likud', 'CDU', 'SPD', 'AfD', 'National Rally',
  // News organisations
  'CNN', 'BBC', 'Reuters', 'Associated Press', 'AP', 'AFP', 'Agence France-Presse', 'Bloomberg', 'Al Jazeera', 'NPR', 'PBS', 'ABC',
  'CBS', 'NBC', 'Fox News', 'MSNBC', 'CNBC', 'New York Times', 'Washington Post', 'Wall Street Journal', 'Financial Times', 'Guardian',
  'Economist', 'Politico', 'Axios', 'Xinhua', 'TASS', 'RIA Novosti', 'Yonhap', 'Kyodo', 'NHK', 'Sky News', 'Deutsche Welle',
  // Companies
  'Apple', 'Google', 'Alphabet', 'Microsoft', 'Amazon', 'Meta', 'Facebook', 'Twitter', 'Tesla', 'SpaceX', 'Boeing', 'Airbus',
  'General Motors', 'GM', 'Ford', 'Toyota', 'Volkswagen', 'Samsung', 'Sony', 'Huawei', 'Alibaba', 'Tencent', 'Nvidia', 'Intel', 'IBM',
  'Netflix', 'Disney', 'Walmart', 'ExxonMobil', 'Exxon', 'Chevron', 'Shell', 'BP', 'Gazprom', 'Rosneft', 'Aramco', 'Saudi Aramco',
  'Goldman Sachs', 'JPMorgan', 'Morgan Stanley', 'Citigroup', 'HSBC', 'Barclays', 'Deutsche Bank', 'Pfizer', 'Moderna', 'BioNTech',
  'AstraZeneca', 'Johnson & Johnson', 'Uber', 'Lyft', 'OpenAI', 'TikTok', 'ByteDance', 'Lockheed Martin', 'Raytheon', 'Northrop Grumman',
];

/**
 * Platforms people post on (`said on Telegram`, read as a place or a person): organisations when
 * the tagger names them, but not added where it did not (a platform named as a medium, `in a video
 * posted on YouTube`, is no speaker).
 */
export const PLATFORMS: readonly string[] = [
  'Telegram', 'WhatsApp', 'YouTube', 'Instagram', 'Snapchat', 'LinkedIn', 'Reddit', 'Weibo', 'WeChat', 'Spotify', 'Truth Social', 'Bluesky',
];
