// Hand annotations of the 16 texts of the twelfth held-out set (round 12 of issue 17), gathered and read by hand by a
// person other than the rule writer, and committed before any round-12 rule and before the extractor was run on any of
// them; to be scored once, at the end. Same guidelines as the other sets (../README.md).
// Each entry: [surface, occurrence (1-based, whole-word, case-sensitive), ...values].
const WHERE = 'opening of the page (about the first 2,000 bytes) as stored by the search tool\'s pages corpus';
const WRITTEN = 'The text was written out from the tool\'s answer by decoding its JSON string (no character retyped)';
const FULL = `${WRITTEN}; it ends at the tool's 2,000-byte cut.`;
const SHORTER = `${WRITTEN}; the stored page is shorter than the tool's cut.`;
const SHORT = (n) => `${WRITTEN}; its byte count (${n}, ending mid-word where the tool cuts at 2,000) suggests a non-breaking or invisible character shown as an ordinary one.`;
const NEAR = (n) => `${WRITTEN}; its byte count (${n}) is a few bytes off the tool's 2,000-byte cut, which suggests a non-breaking or invisible character shown as an ordinary one.`;
export const HELDOUT12 = {
  'treasury-silverstar-it-2018': {
    citation: { publisher: 'U.S. Department of the Treasury (home.treasury.gov), press release', title: 'Treasury Targets North Korea-Controlled Information Technology Companies in China and Russia', date: '2018-09-13 (the date other reports give for this action; not in the stored excerpt)', url: 'https://home.treasury.gov/news/press-releases/sm481?utm_medium=email&utm_source=govdelivery', where: WHERE },
    host: [['China', 1, 'CN'], ['Russia', 1, 'RU'], ['Jilin', 1, 'CN'], ['China', 2, 'CN'], ['Vladivostok', 1, 'RU'], ['Russia', 2, 'RU'], ['Chinese', 1, 'CN'], ['Russia', 3, 'RU']],
    legal: [],
    workers: [],
    shares: [],
    notes: 'Hosts: the headline (companies controlled by North Korea, in China and Russia, that earn from its overseas IT workers), the Jilin, China-based company designated (Jilin and China each a mention), its Vladivostok, Russia-based sister company (each a mention), "a Chinese IT company" (the company employing the workers, nominally Chinese; read as an employer located in China, a judgement call) and the Russia-based front company set up to hide the workers\' nationality (an employer of the workers, as "a Russian construction company" in the guidelines). Not hosts: the "Chinese and other companies" it worked with (clients), "China" inside the company\'s name "China Silver Star" (a name, occurrences 3 to 6), the IT industry "across the globe". No worker count: "two entities and one individual" are designated persons. Money is not annotated. ' + NEAR(1993),
  },
  'udumbara-doj-laptop-farms-2025': {
    citation: { publisher: 'udumbara.net (a news site; the stored excerpt does not name its source), on a U.S. Justice Department announcement', title: 'DOJ Announces Indictments in Takedown of North Korean Remote Worker Operation', date: '2025-06-30 or shortly after (the announcement it reports was made on June 30; the year from the scheme running until October 2024)', url: 'https://udumbara.net/doj-announces-indictments-in-takedown-of-north-korean-remote-worker-operation', where: WHERE },
    host: [['People’s Republic of China', 1, 'CN'], ['China', 2, 'CN'], ['Dandong', 1, 'CN'], ['Shenyang', 1, 'CN']],
    legal: [],
    workers: [['thousands of IT workers', 1, 1000, 10000, 'order_of_magnitude', null], ['Thousands of North Korean cyber operatives', 1, 1000, 10000, 'order_of_magnitude', null]],
    shares: [],
    notes: 'Hosts: in the quoted indictment, the People\'s Republic of China where many of the IT workers work, its defined short form (\'China\') in the same phrase (a second naming of the country, marked as a mention; a judgement call), and Dandong and Shenyang where they work. Not hosts: the next sentence placing Dandong and Shenyang in northern China\'s Liaoning Province (geography), the six Chinese nationals indicted (defendants), the U.S. companies that hired the workers (clients) and Boston and Massachusetts (where the case is brought). Worker counts: "thousands of IT workers" deployed around the world (order of magnitude, 1,000-10,000, no country) and the quoted "Thousands of North Korean cyber operatives" deployed to blend into the global digital workforce (read as the same IT workers; a judgement call). Not worker counts: nine people indicted, more than 100 companies, more than 80 identities. No named instrument ("a 2022 advisory" is unnamed). Money is not annotated. ' + FULL,
  },
  'thegaze-wsj-russia-2025': {
    citation: { publisher: 'The Gaze (thegaze.media), reporting The Wall Street Journal', title: 'North Korean Workers Aid Russia in Breach of U.N. Sanctions', date: 'undated (2025 by its content: troops sent "last year" and "this year" after the 2024 deployment)', url: 'https://thegaze.media/news/north-korean-workers-aid-russia-in-breach-of-un-sanctions', where: WHERE },
    host: [['Russia', 1, 'RU'], ['Russian', 1, 'RU'], ['Russia', 2, 'RU'], ['Russia', 3, 'RU'], ['Russia’s Far East', 1, 'RU'], ['Moscow', 1, 'RU'], ['Russian', 3, 'RU'], ['Moscow', 2, 'RU'], ['Russian', 4, 'RU'], ['Russian', 5, 'RU'], ['Russia', 6, 'RU']],
    legal: [],
    workers: [['around 15,000 workers', 1, 15000, 15000, 'approximate', 'RU'], ['300 North Koreans', 1, 300, 300, 'exact', 'RU']],
    shares: [],
    notes: 'Hosts: Russia in the headline (the workers aid it, working there), the Russian President to whom the laborers are given as support (a host receiving the workers; a judgement call), Russia whose labour gaps they fill, Russia they were sent to, Russia\'s Far East where they are employed, Moscow that with Pyongyang ignores the ban on their presence (the host government tolerating its workers; a judgement call), the Russian employers who prize them, the Moscow-based firm expecting to employ 300, the quoted "Russian market leader in attracting" them, the official Russian claims of compliance (a host speaking for its workers; a judgement call) and the 120 companies in Russia employing them. Not hosts: the Russian data on arrivals (a source), Russia\'s war that troops support (occurrence 5: soldiers, not workers), Ukraine and Kyiv. The last sentence is cut before it says where. Worker counts: around 15,000 sent to Russia and the 300 a firm expects to employ. Not marked: "rose twelvefold" (a change), 12,000 and 3,000 troops (soldiers), 120 companies, 12-hour days. ' + FULL,
  },
  'yomiuri-helong-riot-2024': {
    citation: { publisher: 'The Japan News by The Yomiuri Shimbun (japannews.yomiuri.co.jp)', title: 'North Korean Workers in China Riot over Unpaid Wages; 2,000 Occupy Factory, Kill Plant Manager', date: '2024-02-17', url: 'https://japannews.yomiuri.co.jp/world/asia-pacific/20240217-169463', where: WHERE },
    host: [['China', 1, 'CN'], ['China', 2, 'CN'], ['Jilin Province', 1, 'CN'], ['Helong', 1, 'CN'], ['Yanbian Korean Autonomous Prefecture', 1, 'CN'], ['Yanbian', 2, 'CN'], ['Chinese', 1, 'CN']],
    legal: [],
    workers: [['2,000', 1, 2000, 2000, 'exact', 'CN'], ['About 2,000 North Korean workers', 1, 2000, 2000, 'approximate', 'CN']],
    shares: [],
    notes: 'Hosts: China in the headline, China\'s Jilin Province where the workers were dispatched (China and Jilin Province each a mention), Helong and the Yanbian Korean Autonomous Prefecture where the factory is, Yanbian where a North Korean company dispatches workers, and the Chinese company that pays for them (an employer). Not hosts: the China-North Korea border along the Tumen River (geography), the consulate in China (a diplomatic post), Pyongyang. Worker counts: the 2,000 of the headline who occupy the factory and about 2,000 dispatched to Jilin. Not marked: the former female soldiers (no value), one hostage killed, the fee per worker in yuan and yen (money); the last sentence is cut at "Of". ' + FULL,
  },
  'hrwf-kwon-dollar-heroes-2018': {
    citation: { publisher: 'Human Rights Without Frontiers (hrwf.eu), tag page (print view); a paper by Eun Kyoung Kwon of Open North Korea', title: 'NORTH KOREA: Why do North Koreans workers choose to be exploited by their own state abroad?', date: '2018-10-29', url: 'https://hrwf.eu/tag/laszlo-tokes/?print=print-search', where: WHERE },
    host: [['Mongolia', 1, 'MN'], ['Russia', 1, 'RU'], ['Poland', 1, 'PL'], ['Kuwait', 1, 'KW'], ['China', 1, 'CN']],
    legal: [['Article 90 of the Administrative Punishment Law', 1]],
    workers: [['Over 100,000 citizens of the DPRK', 1, 100000, null, 'at_least', null]],
    shares: [['70% to 95%', 1, 0.7, 0.95, 'range', 'wages'], ['around 90%', 1, 0.9, 0.9, 'approximate', 'wages']],
    notes: 'Hosts: the five countries named among the about 40 where the workers are. Not hosts: the European Parliament (where the paper was given). Worker count: over 100,000 working abroad (at least, no single country). Shares: 70% to 95% of their earnings handed to the authorities (a range of wages) and around 90% of their salaries confiscated (wages, approximate). Legal instrument: a North Korean law named with its article, "Article 90 of the Administrative Punishment Law" (one span); "a law in North Korea which punishes" is unnamed. Not marked: "about 40 countries", hours and months, the domestic wage in won (money). ' + SHORT(1999),
  },
  'diplomat-overseas-doctors-2015': {
    citation: { publisher: 'The Diplomat (magazine-dev.thediplomat.com, a copy of the magazine\'s site), by Poppy McPherson', title: 'The Curious Case of North Korea’s Overseas Doctors', date: '2015-05 (from the address)', url: 'https://magazine-dev.thediplomat.com/2015-05/read?page=-JzF-N0EBJWmlRSxpkRC', where: WHERE },
    host: [['Cambodia', 1, 'KH'], ['Nigeria', 1, 'NG'], ['Yobe', 1, 'NG'], ['Nigeria', 2, 'NG'], ['Yobe', 2, 'NG'], ['Phnom Penh', 1, 'KH'], ['Cambodia', 2, 'KH']],
    legal: [],
    workers: [['scores of North Korean medics', 1, 10, 100, 'order_of_magnitude', null]],
    shares: [],
    notes: 'Doctors sent abroad to earn for the state are workers (as in earlier sets). Hosts: Cambodia and Nigeria of the standfirst where the medics work, Yobe, Nigeria where the three doctors lived and were killed (the next sentences say they were doctors at a local hospital there for a decade; read with them, a judgement call), Yobe again where their compatriots and colleagues were killed (a place where the doctors were; a judgement call) and Phnom Penh, the capital of Cambodia, where a doctor couple worked. Not hosts: Boko Haram\'s war "across the country" (not a name), Pyongyang. Worker count: "scores of North Korean medics" working across the globe, read like "dozens" as an order of magnitude of 10-100 (a judgement call). Not marked: "three North Korean men" and "a husband and wife duo" (a few people in a scene), "up to 15,000 lives" (not workers). ' + FULL,
  },
  'pyongyangpapers-ghana-medical': {
    citation: { publisher: 'Pyongyang Papers (pyongyangpapers.com), tag page', title: 'DPRK workers in Ghana (untitled excerpt of the "medical-workers" tag page; the heading is the text\'s own)', date: 'undated (after 2016, the latest year it names)', url: 'https://pyongyangpapers.com/tag/medical-workers/', where: WHERE },
    host: [['Ghana', 1, 'GH'], ['Ghanaian', 1, 'GH'], ['Ghanaian', 2, 'GH'], ['Ghanaian', 3, 'GH'], ['Ghana', 2, 'GH'], ['Ghana', 3, 'GH'], ['Angola', 1, 'AO'], ['Ghana', 4, 'GH']],
    legal: [],
    workers: [['296 DPRK nationals', 1, 296, 296, 'exact', 'AO']],
    shares: [['15 percent', 1, 0.15, 0.15, 'exact', 'other']],
    notes: 'Hosts: Ghana where DPRK medical staff are trading, the Ghanaian side of the partnerships formed on them and the Ghanaian government and Ministry of Health that know of the dealings (a host acting on its workers, as in earlier sets; judgement calls), the heading on DPRK workers in Ghana, the partnership between Ghana and the DPRK found while investigating the workers (a judgement call), Angola that sent 296 DPRK nationals home, and Ghana encouraging the sanctions breaking. Not hosts: Ghana and the DPRK keeping diplomatic relations since 1964 (occurrence 5: relations), Zimbabwe\'s and Uganda\'s leaders, Africa and sub-Saharan Africa (regions), "many African countries" and "7 African countries" (not named). Worker count: the 296 DPRK nationals Angola repatriated under the sanctions (people sent home, counted as workers as in earlier sets). Share: 15 percent of African UN members complying with reporting (a share of countries: other). ' + FULL,
  },
  'nkeconwatch-lintner-living-exports-2007': {
    citation: { publisher: 'North Korean Economy Watch (nkeconwatch.com), reposting Asia Times (Bertil Lintner)', title: 'North Korea’s living exports', date: '2007-07-25', url: 'https://www.nkeconwatch.com/2007/07/25/north-koreas-living-exports/', where: WHERE },
    host: [['Russian', 1, 'RU'], ['Qatari', 1, 'QA'], ['Doha', 1, 'QA'], ['Malaysian', 1, 'MY'], ['Sibu', 1, 'MY'], ['Sarawak', 1, 'MY'], ['Russia', 1, 'RU'], ['Malaysia', 1, 'MY'], ['Qatar', 1, 'QA'], ['Dubai', 1, 'AE'], ['Mongolia', 1, 'MN'], ['Czech Republic', 1, 'CZ'], ['Poland', 1, 'PL'], ['Bulgaria', 1, 'BG'], ['Libya', 1, 'LY'], ['Saudi Arabia', 1, 'SA']],
    legal: [],
    workers: [['As many as 70,000 North Koreans', 1, null, 70000, 'at_most', null]],
    shares: [],
    notes: 'Hosts: the eastern Russian logging sites manpower is exported to, the Qatari capital Doha where the cheerleaders were (the next sentence says they were construction workers sent to the Middle East; read with it, a judgement call; Qatari and Doha each a mention), the East Malaysian town of Sibu in Sarawak where a North Korean construction firm\'s director and one of its workers were found dead (each place a mention), and the ten places of the closing list where the workers are found. Not hosts: Japan (an opponent at football), the Malaysian Star (a newspaper), the European Parliament, the Middle East and "some African countries" (no country). Worker count: as many as 70,000 working in various countries ("as many as" read as up to). "One of his workers" is one person. ' + FULL,
  },
  'wikimili-migrant-workers': {
    citation: { publisher: 'WikiMili (wikimili.com), a copy of the Wikipedia article', title: 'North Korean migrant workers', date: 'undated (after January 2024, the latest event it names)', url: 'https://wikimili.com/en/North_Korean_migrant_workers', where: WHERE + ' (the article\'s infobox as a table, then its lead)' },
    host: [['China', 1, 'CN'], ['Russia', 1, 'RU'], ['Kuwait', 1, 'KW'], ['Qatar', 1, 'QA'], ['United Arab Emirates', 1, 'AE'], ['Mongolia', 1, 'MN'], ['China', 2, 'CN'], ['Russia', 2, 'RU'], ['Soviet Union', 1, 'RU'], ['Russian Far East', 1, 'RU'], ['China', 3, 'CN']],
    legal: [],
    workers: [['At least 100,000', 1, 100000, null, 'at_least', null], ['80,000', 1, 80000, 80000, 'exact', 'CN'], ['40,000', 1, 40000, 40000, 'exact', 'RU'], ['5,000', 1, 5000, 5000, 'exact', 'KW'], ['2,800', 1, 2800, 2800, 'exact', 'QA'], ['1,300', 1, 1300, 1300, 'exact', 'AE'], ['1,200', 1, 1200, 1200, 'exact', 'MN'], ['as many as 3,000 factory labourers', 1, null, 3000, 'at_most', 'CN']],
    shares: [],
    notes: 'The infobox is stored as a Markdown-like table. Hosts: the six countries of its rows "Regions with significant populations" (each row a country and its number of workers), China and Russia where the labourers are frequently found, the Soviet Union that signed the 1967 agreement letting North Koreans work in its logging camps (a host agreeing to take the workers; the territory is now Russia, marked RU as the Soviet Far East was in round 10; a judgement call), the Russian Far East where they worked, and China where the 2024 protest of factory labourers took place. Not hosts: the Gulf states (a region), "their home countries" and "other countries" (not named). Worker counts: the total population "At least 100,000 (2019)" (no country) and the six row figures, each spanned on the number alone with its country; the 2024 protest that "allegedly involved as many as 3,000 factory labourers" in China ("as many as" read as up to). Not marked: contracts of three to seven years, the footnote numbers, "1967". No named instrument ("an agreement" is unnamed). ' + FULL,
  },
  'investing-reuters-darusman-probe-2015': {
    citation: { publisher: 'Investing.com, carrying Reuters (Stephanie Nebehay)', title: 'U.N. expert to probe conditions of North Korean workers abroad', date: '2015-03-17', url: 'http://www.investing.com/news/world-news/u.n.-expert-to-probe-conditions-of-north-korean-workers-abroad-332634', where: WHERE + ' (it opens with the site\'s advertising lines)' },
    host: [['China', 1, 'CN'], ['Russia', 1, 'RU'], ['Qatar', 1, 'QA'], ['China', 2, 'CN'], ['Russian Federation', 1, 'RU']],
    legal: [],
    workers: [['an estimated 20,000 North Koreans', 1, 20000, 20000, 'approximate', null], ['more than 100,000 workers', 1, 100000, null, 'at_least', null], ['as much as 20,000 North Korean workers', 1, null, 20000, 'at_most', null]],
    shares: [],
    notes: 'Hosts: China and Russia where the estimated 20,000 work (the Middle East is a region), Qatar where some were reported to help build World Cup facilities, and China and the Russian Federation where the majority worked. Not hosts: China as the country the rapporteur asks to visit (occurrence 3: where an investigator would go, as "where the reporter went" in round 8), the Chinese foreign ministry and China hoping for fair treatment (occurrence 4), Beijing, Geneva (dateline and place of the press conference), the Seoul-based rights group, "host countries" (none named). Worker counts: an estimated 20,000 abroad ("an estimated" read as approximate; several countries, so no country), NK Watch\'s more than 100,000 in 40 countries, and the quoted "as much as 20,000" (read as up to). Not marked: "Get 40% Off" and "up over 10%" in the advertising lines at the top (a discount and a change, not shares of anything annotated), "40 countries", money. ' + FULL,
  },
  'yonhap-un-resolution-workers-2016': {
    citation: { publisher: 'Yonhap News Agency (english.yonhapnews.co.kr)', title: 'Issue of N.K. overseas workers could be included in new U.N. resolution: sources', date: '2016-10-16', url: 'http://english.yonhapnews.co.kr/northkorea/2016/10/15/0401000000AEN20161015003700315.html', where: WHERE },
    host: [],
    legal: [],
    workers: [['around 50,000 North Koreans', 1, 50000, 50000, 'approximate', null], ['more than 100,000 North Koreans', 1, 100000, null, 'at_least', null]],
    shares: [],
    notes: 'No host country is named: South Korea, the United States and Japan work on the resolution (not hosts), and "16 countries" names none. Worker counts: the estimate of around 50,000 North Koreans working in 16 countries and another of more than 100,000 working overseas (no country). Not marked: "a human rights resolution by the United Nations" and "a resolution" adopted annually (unnamed), money. ' + SHORTER,
  },
  'rfa-restaurants-youtuber-2024': {
    citation: { publisher: 'Radio Free Asia (engdev.rfaweb.org, a copy of rfa.org), by Chin Min Jai for RFA Korean', title: 'North Korean restaurants violate sanctions, but they make big bucks for Pyongyang', date: '2024-05-01 (from the address)', url: 'https://engdev.rfaweb.org/english/news/korea/restaurants-05012024100848.html', where: WHERE },
    host: [['Phnom Penh', 1, 'KH'], ['Cambodia', 1, 'KH'], ['Phnom Penh', 2, 'KH'], ['Cambodia', 2, 'KH'], ['Laos', 1, 'LA'], ['Vietnam', 1, 'VN'], ['Cambodia', 3, 'KH'], ['Chinese', 1, 'CN'], ['Dandong', 1, 'CN']],
    legal: [],
    workers: [],
    shares: [],
    notes: 'North Korean state restaurants abroad are workplaces of its workers (servers and entertainers, as the standfirst says), so the places they are in are hosts, as in earlier sets: Phnom Penh, Cambodia in the photo caption and again in the YouTuber\'s visit (each a mention), Laos and Vietnam where restaurant staff refused filming, the restaurant in Cambodia whose boss spoke, and the Chinese border town of Dandong where North Korean waitresses perform (Chinese and Dandong each a mention). Not hosts: Asia and Southeast Asia (regions), Pyongyang. No worker count: "70 North Korean restaurants" counts restaurants and "many have kept working" has no value. Not marked: the "U.N. Security Council Sanctions Committee" (not an instrument), money, "nearly zero" tourism. ' + NEAR(1999),
  },
  'conven-dailynk-central-asians-2025': {
    citation: { publisher: 'conven.org, a copy of a Daily NK story (by Jeong Tae Joo)', title: 'Fewer Central Asians, more N. Koreans after terror attacks', date: '2025-09-20', url: 'https://conven.org/?p=175053', where: WHERE },
    host: [['Russia', 1, 'RU'], ['Russian', 2, 'RU'], ['Moscow', 1, 'RU'], ['St. Petersburg', 1, 'RU'], ['Ussuriysk', 1, 'RU'], ['Moscow', 3, 'RU']],
    legal: [],
    workers: [],
    shares: [],
    notes: 'Hosts: Russia opening its doors to more North Korean laborers, the Russian central government ordering Moscow, St. Petersburg and Ussuriysk to admit more workers from North Korea (workers supposed to be employed there; each a mention), and Moscow scrambling to fill its labour gap with North Korea as a leading candidate (read with the next sentence; a judgement call). Not hosts: the caption (China\'s anniversary, the Russian President\'s talks), "a source in Russia" twice and "another Russian source" (where sources are), Moscow airport and the Russian authorities\' crackdown (about Central Asian workers), "the Russian workforce" Central Asians leave, Uzbekistan, Kyrgyzstan, Tajikistan and Pakistan (other workers\' countries), Central Asia (a region). No worker count: "the hundreds" are Central Asian workers. ' + FULL,
  },
  'mondaq-caatsa-modern-slavery': {
    citation: { publisher: 'Mondaq (mondaq.com), a law firm\'s client alert (the firm is not named in the stored excerpt)', title: 'US Legislation Requires Enhancements To Modern Slavery Compliance Procedures To Address North Korean Labor Risks (title from the address)', date: 'undated (after November 2017, when it says CBP began enforcing)', url: 'http://webiis06.mondaq.com/unitedstates/x/657438/Export+controls+Trade+Investment+Sanctions/US+Legislation+Requires+Enhancements+To+Modern+Slavery+Compliance+Procedures+To+Address+North+Korean+Labor+Risks', where: WHERE },
    host: [],
    legal: [['Countering America\'s Adversaries Through Sanctions Act', 1], ['CAATSA', 1], ['CAATSA', 2], ['CAATSA', 3], ['CAATSA', 4], ['CAATSA', 5], ['North Korea Sanctions and Policy Enhancement Act of 2016', 1], ['CAATSA', 6], ['Section 307 of the Tariff Act of 1930', 1], ['Tariff Act', 2], ['Section 307 of the Tariff Act', 2]],
    workers: [],
    shares: [],
    notes: 'Legal instruments: the Countering America\'s Adversaries Through Sanctions Act, each of the six standalone "CAATSA", the North Korea Sanctions and Policy Enhancement Act of 2016, "Section 307 of the Tariff Act of 1930" (one span), "the Tariff Act" of the subheading and "Section 307 of the Tariff Act" (one span). Not marked: "Section 302A" twice (a section that does not name its instrument in the same span: the act it was added to is named before it but the section stands alone, like "Article 8 mandates" in the guidelines; a judgement call), "U.S. law" (unnamed). No host: the United States is the importing and sanctioning state and the labour is "wherever located". ' + FULL,
  },
  'kbs-nepal-repatriates-2019': {
    citation: { publisher: 'KBS World Radio (world.kbs.co.kr)', title: 'Nepal Repatriates 33 N. Koreans to Implement UN Sanctions', date: '2019-11 (the report was submitted on November 6 and the deadline of December 22 is "this year")', url: 'http://world.kbs.co.kr/service/news_view.htm?lang=e&Seq_Code=149399', where: WHERE },
    host: [['Nepal', 1, 'NP'], ['Nepal', 2, 'NP'], ['Nepalese', 1, 'NP'], ['Nepalese', 2, 'NP']],
    legal: [['UN Security Council Resolution 2397', 1]],
    workers: [['33 N. Koreans', 1, 33, 33, 'exact', 'NP'], ['33 North Korean nationals', 1, 33, 33, 'exact', 'NP'], ['33 North Koreans', 1, 33, 33, 'exact', 'NP']],
    shares: [],
    notes: 'Hosts: Nepal in the headline and the lead (from where North Koreans were sent home), the Nepalese government reporting on them and the Nepalese government that issued their visas (a host reporting on and acting on them). Not host: Nepal notifying businesses with North Korean investment to close (occurrence 3: investment, not workers). Worker counts: the 33 repatriated in the headline, the lead and the report (North Koreans sent home to implement the sanctions on workers, counted as workers as in earlier sets; the text calls them nationals, a judgement call). Legal instrument: UN Security Council Resolution 2397; "this resolution" is unnamed. Dates and deadlines are not annotated. ' + SHORTER,
  },
  'koreatimesus-yonhap-examining-2015': {
    citation: { publisher: 'The Korea Times US (koreatimesus.com), carrying Yonhap', title: 'N. Korea seen to be examining its workers in foreign nations', date: '2015-07-07 (July 7, a Tuesday, which fits 2015; the year is not in the stored excerpt)', url: 'http://koreatimesus.com/n-korea-seen-to-be-examining-its-workers-in-foreign-nations', where: WHERE + ' (it opens with a list of unrelated sidebar headlines)' },
    host: [['China', 1, 'CN']],
    legal: [],
    workers: [['about 50,000 laborers', 1, 50000, 50000, 'approximate', null]],
    shares: [],
    notes: 'The stored page opens with ten sidebar headlines on other news (South Korea, Japan, Guatemala there are not about workers: not hosts). Host: China where North Korea called in some of its workers. Not hosts: South Korea (relations), Seoul (dateline), "foreign nations" and "foreign countries" (not named). Worker count: about 50,000 laborers dispatched to an estimated 40 countries (no single country). Not marked: "40 countries", "some of its workers" (no value), "4-0" (a score). ' + FULL,
  },
};
