// Hand annotations of the 16 texts of the eighth held-out set (round 8 of issue 17), gathered and read by hand by a
// person other than the rule writer, and committed before any round-8 rule and before the extractor was run on any of
// them; to be scored once, at the end. Same guidelines as the other sets (../README.md).
// Each entry: [surface, occurrence (1-based, whole-word, case-sensitive), ...values].
const WHERE = 'opening of the page (about the first 2,000 bytes) as stored by the search tool\'s pages corpus';
const WRITTEN = 'The text was written out from the tool\'s answer by decoding its JSON string (no character retyped)';
const FULL = `${WRITTEN}; it ends at the tool's 2,000-byte cut.`;
const SHORTER = `${WRITTEN}; the stored page is shorter than the tool's cut.`;
const SHORT = (n) => `${WRITTEN}; its byte count (${n}, ending where the tool cuts at 2,000) suggests a few non-breaking or invisible characters shown as ordinary ones.`;
// Restaurants: a "North Korean restaurant" in a country (run by the North, staffed by its workers) is read as North
// Korean workers employed there, so the country is a host; a business partner's nationality is not.
export const HELDOUT8 = {
  'learnsomething-dreadful-conditions': {
    citation: { publisher: 'Learn Something Interesting (learnsomethinginteresting.com), tag page "factory work"', title: 'The Dreadful Conditions Imposed Upon North Korean’s Who Work Abroad', date: 'undated', url: 'https://learnsomethinginteresting.com/tag/factory-work/', where: WHERE },
    host: [['Russia', 1, 'RU'], ['China', 1, 'CN'], ['Russia', 2, 'RU']],
    legal: [],
    workers: [['approximately 40,000', 1, 40000, 40000, 'approximate', 'RU']],
    shares: [['as little as 7% of their gross income', 1, 0.07, null, 'at_least', 'wages']],
    notes: 'Russia and China as the primary places workers go to, and Russia where about 40,000 such workers are: hosts. The worker count\'s noun does not follow the number ("approximately 40,000 of these types of workers"), so the span is the number with its qualifier. "As little as 7%" of their gross income is what workers kept: a share of wages whose lowest value is 7% ("as little as" read as a lower bound, the mirror of "as much as" in round 7). The "party duty" in dollars is money; "sanctions by the United Nations" is unnamed. ' + FULL,
  },
  'nkeconwatch-chosun-angola-2010': {
    citation: { publisher: 'North Korean Economy Watch (nkeconwatch.com), reporting the Chosun Ilbo', title: 'DPRK workers in Angola', date: '2010-11-20 (from the address)', url: 'https://www.nkeconwatch.com/2010/11/20/dprk-workers-in-angola/', where: WHERE },
    host: [['Angola', 1, 'AO'], ['Angola', 2, 'AO'], ['Cabinda', 1, 'AO'], ['Huambo', 1, 'AO']],
    legal: [],
    workers: [['100 to 120', 1, 100, 120, 'range', 'AO']],
    shares: [],
    notes: 'The headline (DPRK workers in Angola), the 100 to 120 North Korean workers in Angola, and Cabinda and Huambo where the North "is reportedly building other parks and peace monuments" (building read as its workers building there, in a story on its construction workers: a judgement call): hosts. Not marked: the sentence on the park the Angolan government is building in Luanda (it says nothing of workers; the workers come in the next sentence), Luanda as a distance, the Angolan civil war and congee, "A South Korean resident in Angola" (where the speaker lives), the Brazilian company first commissioned and the Chinese firms selling rice, Africa (a region). "Three or four Asian workers" seen through windows are a few people in a scene, not a count. Money amounts are not annotated. ' + FULL,
  },
  'koreaherald-restaurants-closed-2016': {
    citation: { publisher: 'The Korea Herald', title: 'N.K. hit by int\'l sanctions closes over 30 restaurants abroad: source', date: '2016-07-12', url: 'http://www.koreaherald.com/view.php?ud=20160712000260', where: WHERE },
    host: [['China', 1, 'CN'], ['Vietnam', 1, 'VN'], ['Cambodia', 1, 'KH'], ['China', 2, 'CN'], ['China', 3, 'CN'], ['China', 4, 'CN'], ['Chinese', 1, 'CN']],
    legal: [],
    workers: [['13 North Koreans', 1, 13, 13, 'exact', 'CN'], ['some 50,000 workers', 1, 50000, 50000, 'approximate', null]],
    shares: [],
    notes: 'China, Vietnam and Cambodia among the 12 countries where the North runs restaurants (restaurants read as its workers employed there, see the header of this file), the restaurant in China where 13 North Koreans worked, the North\'s restaurants doing illegal business in China, restaurants in China pushing North Korean minors to serve, and the visas issued to them by Chinese authorities (a host acting on its workers, as in round 7): hosts. Not hosts: South Korea (the estimating government; where the 13 defected). The 13 North Koreans working at a restaurant are a count of workers at a site (they later defected, but they are not "defectors interviewed"). Restaurant and country counts are not worker counts. The cut "around 350 to 400 North Korean" stops before its noun and is not marked. "The string of past U.N. sanctions" is unnamed. ' + FULL,
  },
  'opencanada-hands-feeding-2018': {
    citation: { publisher: 'OpenCanada (opencanada.org), by Jean-Frédéric Légaré-Tremblay', title: 'The hands feeding Kim Jong-un', date: '2018-01-30', url: 'https://opencanada.org/hands-feeding-kim-jong-un/', where: WHERE },
    host: [['Ulaanbaatar', 1, 'MN'], ['Mongolia', 1, 'MN'], ['Mongolia', 2, 'MN'], ['Russia', 1, 'RU'], ['China', 1, 'CN']],
    legal: [],
    workers: [['about 1,000 North Koreans', 1, 1000, 1000, 'approximate', 'MN'], ['50,000 to 100,000 North Korean labourers', 1, 50000, 100000, 'range', null], ['approximately 30,000', 1, 30000, 30000, 'approximate', null], ['hundreds', 2, 100, 1000, 'order_of_magnitude', null]],
    shares: [],
    notes: 'Ulaanbaatar, "Mongolia\'s capital", where North Koreans are at work on a construction site, Mongolia where about 1,000 work, and Russia and China with the largest numbers of workers: hosts. Not hosts: the Mongolian colleagues and the Mongolian man (people, not where workers are), the regions. "Approximately 30,000 for each country" is a count for Russia and for China at once; it is marked once with no single country. "Estimates … generally in the hundreds" in the other countries is read as hundreds (100–1,000). "A handful of North Koreans" has no number; "the largest shares" and "most of the salaries" have no value; the first "hundreds" is of millions of dollars; "a little more than 20 countries" counts countries. ' + FULL,
  },
  'dailynk-suffer-around-world-poland': {
    citation: { publisher: 'Daily NK', title: 'North Koreans Suffer Around the World', date: 'undated (an old article; the stored page keeps an "[imText1]" placeholder)', url: 'https://www.dailynk.com/english/north-koreans-suffer-around-the-wo/', where: WHERE },
    host: [['Iraq', 1, 'IQ'], ['Libya', 1, 'LY'], ['United Arab Emirates', 1, 'AE'], ['Bulgaria', 1, 'BG'], ['Czech Republic', 1, 'CZ'], ['Hungary', 1, 'HU'], ['Poland', 1, 'PL'], ['Russia', 1, 'RU'], ['Mongolia', 1, 'MN'], ['Poland', 2, 'PL'], ['Poland', 3, 'PL'], ['Kobylnica', 1, 'PL']],
    legal: [],
    workers: [['thousands', 1, 1000, 10000, 'order_of_magnitude', null], ['dozens of construction workers', 1, 10, 100, 'order_of_magnitude', 'PL'], ['more than fifty', 1, 50, null, 'at_least', 'PL'], ['ten North Koreans', 1, 10, 10, 'exact', 'PL']],
    shares: [],
    notes: 'Every country in the list where North Korean workers "are to be found", Russia\'s Far East and Mongolia where thousands work, Poland to which construction workers were dispatched and where more than fifty work, and Kobylnica where ten work at a furniture factory: hosts. Not hosts: "Polish-speaking" supervisors and the Polish currency. "The thousands who work in Russia\'s Far East and Mongolia" is thousands (1,000–10,000) for two countries at once, marked with no single country. "Dozens of construction workers" is read like "tens" (10–100, order of magnitude; a judgement call: no earlier set had "dozens"). "EU law" is an unnamed reference. Money is not annotated. ' + FULL,
  },
  'mofa-kr-resolution-2375-2017': {
    citation: { publisher: 'Ministry of Foreign Affairs, Republic of Korea (mofa.go.kr), press release', title: 'UN Security Council Adopts Resolution 2375 on North Korea', date: '2017-09 (adopted 12 September 2017, New York time)', url: 'https://mofa.go.kr/eng/brd/m_5676/view.do?itm_seq_1=0&itm_seq_2=0&multi_itm_seq=0&seq=319086', where: WHERE },
    host: [],
    legal: [['Resolution 2375', 1], ['Resolution 2375', 2], ['Article 41 (non-military sanctions), Chapter VII of the UN Charter', 1], ['Security Council Resolution 2375', 1], ['Resolution 2375', 4], ['Resolutions 1718', 1], ['1874', 1], ['2087', 1], ['2094', 1], ['2270', 1], ['2321', 1], ['2356', 1], ['2371', 1], ['Security Council Resolution 2375', 2], ['Security Council Resolution 2375', 3], ['Resolutions 2270', 1], ['2321', 2], ['2371', 2]],
    workers: [],
    shares: [],
    notes: 'Every naming of resolution 2375 (headline, "Resolution 2375 on North Korea", "Security Council Resolution 2375" three times, "Resolution 2375 marks"), the article of the Charter with its instrument as one span ("Article 41 (non-military sanctions), Chapter VII of the UN Charter"), and each resolution of the two lists: "Resolutions 1718" and the bare 1874, 2087, 2094, 2270, 2321, 2356, 2371; "Resolutions 2270" and the bare 2321 and 2371. Not marked: "the previous resolutions", "this resolution", "the new resolution" (unnamed), the years of adoption. The page opens with Korean navigation links. No host and no worker count in the excerpt (the cut "some 55" says nothing). ' + FULL,
  },
  'asil-resolution-2375-2017': {
    citation: { publisher: 'American Society of International Law (asil.org)', title: 'Note on the adoption of UN Security Council Resolution 2375 (untitled in the excerpt)', date: '2017-09 (after 11 September 2017)', url: 'https://asil.org/node/7032', where: WHERE },
    host: [],
    legal: [['Resolution 2375', 1]],
    workers: [],
    shares: [],
    notes: 'One naming of resolution 2375. The Security Council\'s earlier "resolutions" and "the UN press release" are unnamed. The ban on work authorizations for DPRK nationals "within their territories" names no country; the parties to the Six-Party Talks are not hosts. ' + SHORTER,
  },
  'thompsonhine-resolution-2375-2017': {
    citation: { publisher: 'Thompson Hine, SmarTrade blog (thompsonhinesmartrade.com)', title: 'United Nations adds sanctions on North Korea (title from the address)', date: '2017-09', url: 'https://www.thompsonhinesmartrade.com/2017/09/united-nations-adds-sanctions-north-korea/', where: WHERE },
    host: [],
    legal: [['resolution 2375 (2017)', 1]],
    workers: [],
    shares: [],
    notes: '"Resolution 2375 (2017)" with its year is one span. "Past UN Security Council resolutions pertaining to North Korea" is unnamed. The ban on work authorizations "in their jurisdictions" names no country; the United States is the speaking state. Barrels are not annotated. ' + FULL,
  },
  'koreatimes-overseas-worker-testimony-2018': {
    citation: { publisher: 'The Korea Times (a testimony first posted at Voices from the North)', title: 'The reality of overseas North Korean workers', date: '2018-10 or later (remarks given on 17 October 2018)', url: 'http://m.koreatimes.co.kr/pages/article.asp?newsIdx=257277', where: WHERE },
    host: [],
    legal: [],
    workers: [],
    shares: [['about 20 to 30 percent of the promised amount', 1, 0.2, 0.3, 'range', 'wages'], ['80 percent of my salary', 1, 0.8, 0.8, 'exact', 'wages']],
    notes: 'A former worker\'s account. She was paid "about 20 to 30 percent of the promised amount" (a share of her wages, a range) and her supervisor in North Korea "took 80 percent of my salary" (a share of wages). The country where she worked is not named ("sent abroad"); South Korea is where she arrived and spoke: not a host. "What percentage of the real salary" has no value; hours are not annotated. ' + FULL,
  },
  'nkeconwatch-dailynk-logging-wane-2011': {
    citation: { publisher: 'North Korean Economy Watch (nkeconwatch.com), reporting Daily NK', title: 'Russian logging jobs on the wane?', date: '2011-08-09 (from the address)', url: 'https://www.nkeconwatch.com/2011/08/09/russian-logging-jobs-on-the-wane/', where: WHERE },
    host: [['Russia', 2, 'RU'], ['Russia', 4, 'RU'], ['Russia', 5, 'RU'], ['Russia', 6, 'RU']],
    legal: [],
    workers: [['more than 20,000 North Korean laborers', 1, 20000, null, 'at_least', 'RU']],
    shares: [['72%', 1, 0.72, 0.72, 'exact', 'other'], ['28%', 1, 0.28, 0.28, 'exact', 'other']],
    notes: 'North Korea\'s (logging) operations in Russia, the more than 20,000 North Korean laborers in forestry operations in Russia, Russia providing the trees and equipment for the labour North Korea provides, and Russia taking 72% of what the North Korean laborers fell: hosts (the partner state in whose forests the laborers work; the last two are judgement calls). Not marked: the headline and the photo caption of the Tynda camp (neither says anything of North Korean workers), "its relationship with Russia", Russia as a market economy, China offering the Russians more money (a competitor), the Chinese trade companies (buyers), South Korea. "72%" and "28%" of what is felled are shares of the timber: "other". "A 1967 agreement" and "the agreement" are unnamed. ' + FULL,
  },
  'unikoreablog-mongolia-workers': {
    citation: { publisher: 'Uni Korea blog (unikoreablog.tistory.com)', title: 'Post on North Korean workers in Mongolia (untitled in the excerpt)', date: 'undated', url: 'http://unikoreablog.tistory.com/6305?category=692399', where: WHERE },
    host: [['Russian Federation', 1, 'RU'], ['Mongolia', 1, 'MN'], ['Mongolia', 2, 'MN'], ['Mongolian', 1, 'MN']],
    legal: [],
    workers: [['90000', 1, 90000, 90000, 'approximate', null], ['25000 workers', 1, 25000, 25000, 'approximate', 'RU'], ['Around 2000 workers', 1, 2000, 2000, 'approximate', 'MN'], ['upto 5000', 1, null, 5000, 'at_most', 'MN']],
    shares: [['around 80% to 90% of their salary', 1, 0.8, 0.9, 'range', 'wages']],
    notes: 'The Russian Federation with the most North Korean workers, the workers in Mongolia, and the Mongolian government promising to raise their number (a host acting on its workers): hosts. Not hosts: Mongolia\'s construction minimum wage (a comparison) and the member of parliament of Mongolia. "Estimated" counts are read as approximate; the 90,000 are in about 40 countries (no single country); "upto 5000" is "up to". "Around 80% to 90% of their salary" given to the state is a share of wages. "Around 40 different countries" counts countries; wages in dollars are money. The blog\'s English is annotated as written. ' + SHORT(1990),
  },
  'yonhap-mozambique-97-doctors-2020': {
    citation: { publisher: 'Yonhap News Agency', title: 'Mozambique says 97 North Korean doctors still working in the country', date: '2020-05-26', url: 'https://en.yna.co.kr/view/AEN20200526008500325?section=nk/nk', where: WHERE },
    host: [['Mozambique', 1, 'MZ'], ['Mozambique', 2, 'MZ'], ['Mozambique', 3, 'MZ'], ['Mozambique', 4, 'MZ'], ['Mozambique', 5, 'MZ'], ['Mozambique', 6, 'MZ']],
    legal: [['Security Council Resolution 2397', 1]],
    workers: [['97 North Korean doctors', 1, 97, 97, 'exact', 'MZ'], ['97 North Korean doctors', 2, 97, 97, 'exact', 'MZ'], ['97 doctors', 1, 97, 97, 'exact', 'MZ']],
    shares: [],
    notes: 'Every mention of Mozambique is of North Korean doctors working there, hired there, or of Mozambique reporting on them, suspending their protocol and contracts, or sending one home: hosts (a host reporting on or acting on its workers, as in rounds 6 and 7). Doctors working abroad for the state are counted as workers (headline, lead and the quoted report). "A North Korean doctor" repatriated is one person, not a count. The "Sanctions Committee", "the sanctions implementation report" and "bilateral protocol" are not named instruments. The sidebar headlines stored with the page are other news. ' + FULL,
  },
  'voa-vladivostok-construction-2009': {
    citation: { publisher: 'Voice of America', title: 'N. Korean Workers Earn Dollars for Construction Work in Russia', date: '2009-09-28 (from the address)', url: 'https://www.voanews.com/a/a-13-2009-09-28-voa13/414774.html', where: WHERE },
    host: [['Russia', 1, 'RU'], ['Russia', 2, 'RU'], ['Russia', 3, 'RU'], ['Russia', 5, 'RU'], ['Vladivostok', 2, 'RU'], ['Russian', 1, 'RU'], ['Vladivostok', 3, 'RU']],
    legal: [],
    workers: [['estimated 5,000 North Koreans', 1, 5000, 5000, 'approximate', 'RU']],
    shares: [],
    notes: 'The headline (shown three times), Vladivostok in Russia where the men moving beams on a building site are (the next sentence says they are North Koreans sent by their government: read with it, a judgement call), the Russian construction market where North Korean workers have the best skills, and the 5,000 North Koreans in Vladivostok: hosts. Not hosts: "recently visited Vladivostok, Russia" (where the reporter went), Central Asia and Vietnam (other laborers\' origins), Hamhung. The 5,000 North Koreans in Vladivostok, in a report on its North Korean workers, are counted as workers. ' + FULL,
  },
  'dailynk-yanji-restaurants-1000': {
    citation: { publisher: 'Daily NK', title: 'Dwindling patronage drives North Korean workers to Chinese restaurants', date: 'undated (old-site address, article 14053)', url: 'https://www.dailynk.com/english/read.php?num=14053&cataId=nk00100', where: WHERE },
    host: [['Chinese', 1, 'CN'], ['Yanji', 1, 'CN'], ['Jilin', 1, 'CN'], ['China', 1, 'CN'], ['Chinese', 2, 'CN'], ['Yanji', 2, 'CN'], ['Chinese', 3, 'CN'], ['China', 3, 'CN'], ['Chinese', 5, 'CN'], ['China', 4, 'CN']],
    legal: [],
    workers: [['some 1,000 female workers', 1, 1000, 1000, 'approximate', 'CN'], ['1,000 North Korean workers', 1, 1000, 1000, 'exact', 'CN']],
    shares: [],
    notes: 'The headline (workers driven to Chinese restaurants), Yanji, Jilin and China where 1,000 female workers were placed, the local Chinese restaurants they are sent to, the restaurants in Yanji employing them, the Chinese factories and North Korean establishments in China where they were employed, the Chinese companies looking to hire North Koreans (employers, as "a Russian construction company"), and the North\'s own restaurants in China: hosts. Not hosts: China\'s Ministry of Public Security and the Chinese official (sources), Chinese labor, the "Chinese partners" of joint restaurants (business partners), the Chinese signboards, and the last sentence on downtown Yanji, cut ("greeted by North") before it says who works there. "Approximately 30 local restaurants" counts restaurants. ' + SHORT(1998),
  },
  'dailynk-restaurants-night-jobs': {
    citation: { publisher: 'Daily NK', title: 'North Korean restaurants in China continue to face difficulties', date: 'undated (a source spoke on 14 May; the year is not in the excerpt)', url: 'https://www.dailynk.com/english/north-korean-restaurants-china-continue-face-difficulties/', where: WHERE },
    host: [['China', 1, 'CN'], ['China', 2, 'CN'], ['China', 3, 'CN'], ['Liaoning', 1, 'CN'], ['Jilin', 1, 'CN'], ['China', 5, 'CN'], ['Liaoning', 2, 'CN'], ['Dandong', 1, 'CN']],
    legal: [],
    workers: [],
    shares: [['30-40%', 1, 0.3, 0.4, 'range', 'wages']],
    notes: 'The North\'s restaurants in China (headline; near the border, sending their employees to work elsewhere; in Liaoning and Jilin; restarting operations), the North Korean restaurant worker in Liaoning Province, and Dandong where the photo shows North Korean restaurant workers unloading supplies (the photographer\'s place is where the workers were photographed: a judgement call): hosts. Not a host: "a source in China told Daily NK" (where the source is). The employees receiving only "a cut of 30-40%" of their night wages is a share of wages (range). RMB and dollar amounts are money. ' + `${WRITTEN}; its byte count (1994, ending after a sentence and a space where the tool cuts at 2,000) suggests a few non-breaking or invisible characters shown as ordinary ones.`,
  },
  'rfa-kuwait-information-controls': {
    citation: { publisher: 'Radio Free Asia, special investigation series', title: 'North Korean Workers in Kuwait Face Tight Information Controls as Bulk of their Pay Goes to Kim Regime', date: 'undated', url: 'https://www.rfa.org/english/news/special/nkinvestigation/kuwait1.html', where: WHERE },
    host: [['Kuwait', 1, 'KW'], ['Sabah Al Ahmad', 2, 'KW'], ['Sabah Al Ahmad', 3, 'KW'], ['Kuwait', 4, 'KW'], ['Kuwait', 5, 'KW'], ['Kuwait', 6, 'KW']],
    legal: [],
    workers: [['Around 3,200 workers', 1, 3200, 3200, 'approximate', 'KW']],
    shares: [],
    notes: 'The headline, the local market in Sabah Al Ahmad where the North Korean worker buys his food (where he is found working, a judgement call), the photo caption of a construction site employing North Korean workers in Sabah Al Ahmad, Kuwait, the 3,200 workers stationed in Kuwait, and the source who worked alongside North Koreans in Kuwait: hosts. Not hosts: the opening sentence\'s geography (Sabah Al Ahmad\'s distance from Kuwait\'s capital, Kuwait city), the origins of other crews (Egypt, India, Bangladesh, Nepal, Ethiopia), the Persian Gulf (a region), and the cut last sentence on Kuwaiti construction firms, which stops before it says anything of North Koreans. "The bulk of their pay" has no value. ' + FULL,
  },
};
