/**
 * Demonyms and named places → ISO 3166-1 alpha-2. i18n-iso-countries gives
 * country names but no demonyms or places, and no small place gazetteer
 * exists as a package, so these tables are written by hand: the places where
 * North Korean labour is sent, found or sent from (Russian Far East, Chinese
 * border cities, Gulf states, Malaysia, the EU), North Korea's provinces and
 * cities, and the capitals that stand for their governments.
 */

/** Adjective and noun forms (singular; a plural `s` is matched too). */
export const DEMONYMS: Readonly<Record<string, string>> = {
  'North Korean': 'KP', 'South Korean': 'KR', 'N. Korean': 'KP', 'S. Korean': 'KR', 'north Korean': 'KP', 'south Korean': 'KR', 'Chinese': 'CN', 'Russian': 'RU', 'Malaysian': 'MY',
  'Qatari': 'QA', 'Kuwaiti': 'KW', 'Maltese': 'MT', 'Polish': 'PL', 'Pole': 'PL', 'Mongolian': 'MN',
  'American': 'US', 'Japanese': 'JP', 'Burmese': 'MM', 'Indonesian': 'ID', 'Nepali': 'NP', 'Nepalese': 'NP',
  'Namibian': 'NA', 'Ugandan': 'UG', 'Angolan': 'AO', 'Syrian': 'SY', 'Iranian': 'IR', 'Finnish': 'FI',
  'British': 'GB', 'Thai': 'TH', 'Sudanese': 'SD', 'Cambodian': 'KH', 'Libyan': 'LY', 'German': 'DE',
  'Bulgarian': 'BG', 'Hungarian': 'HU', 'Czech': 'CZ', 'Dutch': 'NL', 'French': 'FR', 'Israeli': 'IL',
  'Indian': 'IN', 'Egyptian': 'EG', 'Emirati': 'AE', 'Omani': 'OM', 'Nigerian': 'NG', 'Ethiopian': 'ET',
  'Algerian': 'DZ', 'Georgian': 'GE', 'Vietnamese': 'VN', 'Laotian': 'LA', 'Filipino': 'PH',
  'Saudi': 'SA', 'Senegalese': 'SN', 'Mozambican': 'MZ', 'Zimbabwean': 'ZW', 'Equatorial Guinean': 'GQ',
  'Congolese': 'CD', 'Beninese': 'BJ', 'Chadian': 'TD', 'Malagasy': 'MG', 'Botswanan': 'BW',
  'Belarusian': 'BY', 'Ukrainian': 'UA', 'Kazakh': 'KZ', 'Uzbek': 'UZ', 'Turkish': 'TR', 'Canadian': 'CA',
  'Australian': 'AU', 'Swiss': 'CH', 'Austrian': 'AT', 'Italian': 'IT', 'Spanish': 'ES', 'Portuguese': 'PT',
  'Romanian': 'RO', 'Slovak': 'SK', 'Croatian': 'HR', 'Albanian': 'AL', 'Latvian': 'LV', 'Lithuanian': 'LT',
  'Estonian': 'EE', 'Belgian': 'BE', 'Swedish': 'SE', 'Norwegian': 'NO', 'Danish': 'DK', 'Irish': 'IE',
  'Singaporean': 'SG', 'Taiwanese': 'TW', 'Bangladeshi': 'BD', 'Pakistani': 'PK', 'Afghan': 'AF',
  'Iraqi': 'IQ', 'Jordanian': 'JO', 'Lebanese': 'LB', 'Yemeni': 'YE', 'Bahraini': 'BH', 'Cuban': 'CU',
  'Venezuelan': 'VE', 'Brazilian': 'BR', 'Mexican': 'MX', 'Nicaraguan': 'NI', 'Peruvian': 'PE',
  'South African': 'ZA', 'Tanzanian': 'TZ', 'Kenyan': 'KE', 'Ghanaian': 'GH', 'Rwandan': 'RW',
  'Sri Lankan': 'LK', 'Sarawakian': 'MY', 'Siberian': 'RU', 'Pyongyangite': 'KP',
};

/** Named places and the country they are in. Multi-word names are matched as written. */
export const PLACES: Readonly<Record<string, string>> = {
  // North Korea: capital, cities, provinces, counties, districts, sites
  'Pyongyang': 'KP', 'Kaesong': 'KP', 'Hamheung': 'KP', 'Hamhung': 'KP', 'Hyesan': 'KP', 'Chongjin': 'KP',
  'Sinuiju': 'KP', 'Musan': 'KP', 'Wonsan': 'KP', 'Nampo': 'KP', 'Rason': 'KP', 'Rajin': 'KP',
  'Pyongsong': 'KP', 'Pyungsung': 'KP', 'Kimchaek': 'KP', 'Hoeryong': 'KP', 'Yodok': 'KP', 'Masikryong': 'KP',
  'Masikryeong': 'KP', 'Hwanghae': 'KP', 'Ryanggang': 'KP', 'Yanggang': 'KP', 'Jagang': 'KP', 'Chagang': 'KP',
  'North Hamgyong': 'KP', 'North Hamgyeong': 'KP', 'North Hamkyung': 'KP', 'North Hamkyong': 'KP',
  'South Hamgyong': 'KP', 'South Hamgyeong': 'KP', 'South Hamkyung': 'KP', 'South Hamkyong': 'KP',
  'North Pyongan': 'KP', 'South Pyongan': 'KP', 'North Hwanghae': 'KP', 'South Hwanghae': 'KP',
  'Saebyul': 'KP', 'Yangji-dong': 'KP', 'Hyemyung-dong': 'KP', 'Jungsong-dong': 'KP',
  // South Korea
  'Seoul': 'KR', 'Busan': 'KR', 'Pusan': 'KR', 'Incheon': 'KR', 'Jeju': 'KR',
  // China (border regions and cities that host North Korean workers)
  'Beijing': 'CN', 'Dandong': 'CN', 'Yanji': 'CN', 'Yanbian': 'CN', 'Jilin': 'CN', 'Changbai': 'CN',
  'Shenyang': 'CN', 'Liaoning': 'CN', 'Hunchun': 'CN', 'Tumen': 'CN', 'Donggang': 'CN', 'Shanghai': 'CN', 'Ningbo': 'CN',
  'Qingdao': 'CN', 'Heilongjiang': 'CN', 'Harbin': 'CN', 'Dalian': 'CN', 'Zhuhai': 'CN', 'Helong': 'CN', 'Longjing': 'CN', 'Tonghua': 'CN',
  'Zhejiang': 'CN', 'Guangdong': 'CN', 'Fujian': 'CN', 'Shandong': 'CN', 'Jiangsu': 'CN', 'Hebei': 'CN', 'Inner Mongolia': 'CN', 'Guangzhou': 'CN', 'Shenzhen': 'CN', 'Hong Kong': 'HK', 'Macau': 'MO', 'Macao': 'MO',
  // Russia
  'Moscow': 'RU', 'Soviet Far East': 'RU', 'Siberia': 'RU', 'Vladivostok': 'RU', 'Khabarovsk': 'RU', 'Primorsky': 'RU',
  'Primorye': 'RU', 'Amur': 'RU', 'Tynda': 'RU', 'Sakhalin': 'RU', 'St. Petersburg': 'RU', 'Saint Petersburg': 'RU',
  'Ussuriysk': 'RU', 'Nakhodka': 'RU', 'Blagoveshchensk': 'RU', 'Yakutsk': 'RU', 'Novosibirsk': 'RU', 'Russky Island': 'RU',
  'Krasnoyarsk': 'RU', 'Tomsk': 'RU', 'Kazan': 'RU', 'Yekaterinburg': 'RU', 'Kursk': 'RU', 'Rostov-on-Don': 'RU',
  // (Round 14: regions and cities of Russia where its labour imports go: the republics and the Far East, the Volga's economic zones)
  'Tatarstan': 'RU', 'Bashkortostan': 'RU', 'Buryatia': 'RU', 'Kamchatka': 'RU', 'Magadan': 'RU', 'Chukotka': 'RU', 'Irkutsk': 'RU',
  'Chita': 'RU', 'Zabaykalsky': 'RU', 'Birobidzhan': 'RU', 'Komsomolsk-on-Amur': 'RU', 'Omsk': 'RU', 'Kemerovo': 'RU', 'Murmansk': 'RU',
  'Kaliningrad': 'RU', 'Alabuga': 'RU', 'Yelabuga': 'RU', 'Belgorod': 'RU', 'Sochi': 'RU', 'Khasan': 'RU',
  // Belarus
  'Minsk': 'BY',
  // Malaysia, the Gulf, Mongolia, Africa
  'Sarawak': 'MY', 'Kuala Lumpur': 'MY', 'Kuching': 'MY', 'Borneo': 'MY', 'Sibu': 'MY', 'Bintulu': 'MY', 'Miri': 'MY', 'Kota Kinabalu': 'MY', 'Johor': 'MY', 'Penang': 'MY', 'Doha': 'QA', 'Lusail': 'QA',
  'Kuwait City': 'KW', 'Dubai': 'AE', 'Abu Dhabi': 'AE', 'Muscat': 'OM', 'Ulaanbaatar': 'MN',
  'Ulan Bator': 'MN', 'Windhoek': 'NA', 'Luanda': 'AO', 'Addis Ababa': 'ET', 'Gaza': 'PS',
  'Darkhan': 'MN', 'Cabinda': 'AO', 'Huambo': 'AO', 'Dakar': 'SN', 'Ouakam': 'SN', 'Maputo': 'MZ', 'Malabo': 'GQ',
  'Lagos': 'NG', 'Abuja': 'NG', 'Kinshasa': 'CD', 'Brazzaville': 'CG', 'Kampala': 'UG', 'Dar es Salaam': 'TZ',
  'Harare': 'ZW', 'Riyadh': 'SA', 'Jeddah': 'SA', 'Manama': 'BH',
  // Europe
  'Gdansk': 'PL', 'Gdynia': 'PL', 'Szczecin': 'PL', 'Warsaw': 'PL', 'Valletta': 'MT', 'Leiden': 'NL',
  'London': 'GB', 'Paris': 'FR', 'Berlin': 'DE', 'Vienna': 'AT', 'Prague': 'CZ', 'Sofia': 'BG', 'Brussels': 'BE',
  'Amsterdam': 'NL', 'Rome': 'IT', 'Madrid': 'ES', 'Lisbon': 'PT', 'Bucharest': 'RO', 'Budapest': 'HU', 'Bratislava': 'SK', 'Zagreb': 'HR',
  'Belgrade': 'RS', 'Riga': 'LV', 'Vilnius': 'LT', 'Tallinn': 'EE', 'Helsinki': 'FI', 'Stockholm': 'SE', 'Oslo': 'NO', 'Copenhagen': 'DK',
  'Dublin': 'IE', 'Athens': 'GR', 'Ankara': 'TR', 'Istanbul': 'TR', 'Kyiv': 'UA', 'Kiev': 'UA',
  // (Round 20: Ukraine's occupied east, where reports since 2024 place North Korean builders; annotated as Ukraine)
  'Donbas': 'UA', 'Donbass': 'UA', 'Donetsk': 'UA', 'Luhansk': 'UA', 'Lugansk': 'UA', 'Mariupol': 'UA', 'Crimea': 'UA', 'Bohemia': 'CZ', 'Moravia': 'CZ', 'Liepaja': 'LV',
  // Elsewhere
  'Washington, D.C.': 'US', 'Washington, DC': 'US', 'Washington': 'US', 'New York': 'US', 'Tokyo': 'JP',
  'Bangkok': 'TH', 'Phnom Penh': 'KH', 'Siem Reap': 'KH', 'Hanoi': 'VN', 'Ho Chi Minh City': 'VN', 'Vientiane': 'LA', 'Vang Vieng': 'LA', 'Luang Prabang': 'LA', 'Kathmandu': 'NP', 'Dhaka': 'BD',
  'Tripoli': 'LY', 'Benghazi': 'LY', 'Kufra': 'LY',
  // (Round 14: capitals of Africa, the Middle East and Asia where North Korean workers and builders are reported)
  'Conakry': 'GN', 'Freetown': 'SL', 'Accra': 'GH', 'Port Louis': 'MU', 'Lusaka': 'ZM', 'Dodoma': 'TZ', 'Nairobi': 'KE', 'Kigali': 'RW',
  'Antananarivo': 'MG', 'Bamako': 'ML', 'Niamey': 'NE', 'Ouagadougou': 'BF', 'Cotonou': 'BJ', 'Abomey': 'BJ', 'Lomé': 'TG', 'Abidjan': 'CI', 'Yaoundé': 'CM',
  'Libreville': 'GA', 'Khartoum': 'SD', 'Cairo': 'EG', 'Algiers': 'DZ', 'Tunis': 'TN', 'Rabat': 'MA', 'Gaborone': 'BW', 'Lilongwe': 'MW',
  'Asmara': 'ER', 'Bata': 'GQ', 'Tehran': 'IR', 'Damascus': 'SY', 'Baghdad': 'IQ', 'Beirut': 'LB', 'Amman': 'JO', 'Sharjah': 'AE', 'Ajman': 'AE',
  'Yangon': 'MM', 'Rangoon': 'MM', 'Jakarta': 'ID', 'Manila': 'PH', 'Islamabad': 'PK', 'Tashkent': 'UZ', 'Astana': 'KZ', 'Almaty': 'KZ', 'Bishkek': 'KG',
  'Havana': 'CU', 'Caracas': 'VE', 'Managua': 'NI',
};

/** Country names i18n-iso-countries lacks in the forms texts use. */
export const EXTRA_COUNTRY_NAMES: Readonly<Record<string, string>> = {
  'N. Korea': 'KP', 'north Korea': 'KP', 'south Korea': 'KR', 'DPRK': 'KP', 'D.P.R.K.': 'KP', 'Democratic People’s Republic of Korea': 'KP',
  "Democratic People's Republic of Korea": 'KP', 'North Korea': 'KP', 'S. Korea': 'KR', 'ROK': 'KR',
  'Republic of Korea': 'KR', 'South Korea': 'KR', 'Burma': 'MM', 'Laos': 'LA', 'Syria': 'SY', 'Britain': 'GB',
  'United Kingdom of Great Britain and Northern Ireland': 'GB', 'America': 'US', 'the United States': 'US',
  'Côte d’Ivoire': 'CI', 'Czech Republic': 'CZ', 'the Netherlands': 'NL', 'Holland': 'NL', 'Kuwait': 'KW',
  'Russia': 'RU', 'Vietnam': 'VN', 'Macedonia': 'MK', 'Moldova': 'MD', 'Tanzania': 'TZ', 'Bolivia': 'BO',
  'Venezuela': 'VE', 'Iran': 'IR', 'Brunei': 'BN', 'the Democratic Republic of the Congo': 'CD',
  'Democratic Republic of the Congo': 'CD', 'Democratic Republic of Congo': 'CD', 'the Democratic Republic of Congo': 'CD', 'Republic of the Congo': 'CG', 'Republic of Congo': 'CG', 'Congo-Brazzaville': 'CG', 'Congo-Kinshasa': 'CD', 'DR Congo': 'CD', 'DRC': 'CD', 'UAE': 'AE', 'U.A.E.': 'AE',
  'Emirates': 'AE', 'Soviet Union': 'RU', 'USSR': 'RU',
};

/**
 * Words that, right after a country word, make it part of the proper name of
 * something else (a party, a law, a newspaper, an event), where it is not a
 * mention of the country: "Korean Workers’ Party", "North Korea Sanctions and
 * Policy Enhancement Act", "Washington Post", "North Korea Freedom Week".
 */
/** Heads of names that a country word may open a few words before: "Pusan National University", "Korea Policy Institute". */
export const NAME_HEADS = ['University', 'Institute', 'College', 'Post', 'Times', 'Quarterly', 'Telegraph', 'Act', 'Foundation', 'Center', 'Centre', 'Coalition', 'Alliance', 'Committee', 'Association', 'Airlines', 'Broadcasting', 'Television', 'Journal', 'Herald', 'Review', 'News', 'Corporation', 'Company', 'Tribune', 'Gazette'];

export const NAME_CONTINUATIONS = [
  'Workers', 'Workers’', "Workers'", 'War', 'Airlines', 'Air', 'Freedom', 'Sanctions', 'Refugee', 'Refugees',
  'Policy', 'Institute', 'Post', 'Times', 'Herald', 'Quarterly', 'Telegraph', 'Journal', 'Chamber', 'Daily',
  'Enterprise', 'Human', 'Central', 'Committee', 'Coalition', 'Alliance', 'Foundation', 'Council', 'Studies',
  'Review', 'Broadcasting', 'Radio', 'Wave', 'Peninsula', 'Economic', 'Development', 'Bank', 'Heritage', 'Today',
  'News', 'Strategy', 'Affairs', 'Group', 'Association', 'Confederation', 'Federation', 'Center', 'Centre',
  'Hearing', 'Act', 'Week', 'Day', 'Agency', 'Company', 'Corporation', 'Corp', 'Ltd', 'University', 'Tribune',
  'Street', 'Avenue', 'Consensus', 'Gender', 'Index', 'Olympics', 'Cup', 'Times’', 'Standard', 'Free',
];

/** Text right before a country word that makes it part of a longer proper name ("Committee for Human Rights in North Korea"). */
export const NAME_PREFIX_PATTERN = /(?:Human Rights(?: Situation)? (?:in|of|for)(?: the)?|Envoy (?:for|on)|Commission of Inquiry on|Commission on|Radio for|Against Humanity in|Tribunal for(?: the)?|Coalition for|Center for|Centre for|Committee (?:for|on)|Alliance for|Database Center for|Council on|Sanctions Regulations? on|Bank of|Institute (?:for|of)|University of|Voice of|Justice for|Liberty in|Citizens’ Alliance for|Network for|Daily) $/;
