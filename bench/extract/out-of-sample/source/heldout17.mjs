// Hand annotations of the 15 texts of the seventeenth held-out set (issue 17), gathered and read by hand, blind, by a
// person other than the rule writer, and committed before the extractor was run on any of them; to be scored once, by
// the lead. Same guidelines as the other sets (../README.md).
// Each entry: [surface, occurrence (1-based, whole-word, case-sensitive), ...values].
const WHERE = 'opening of the page (about the first 2,000 bytes) as stored by the search tool\'s pages corpus';
const WRITTEN = 'The text was written out from the tool\'s answer by decoding its JSON string as the answer gave it';
const FULL = `${WRITTEN}; it ends at the tool's 2,000-byte cut.`;
const SHORTER = `${WRITTEN}; the stored page is shorter than the tool's cut.`;
const NEAR = (bytes, where) => `${WRITTEN}; it is ${bytes} bytes long and ends ${where}, a few bytes short of the tool's 2,000-byte cut, which suggests non-breaking or invisible characters shown as ordinary ones.`;
export const HELDOUT17 = {
  'zanynews-upi-ilichev-2020': {
    citation: { publisher: 'zanynews.net (a copy of a United Press International report, which cites Interfax)', title: '‘Almost all’ North Korea guest workers repatriated, Russia says', date: '2020-01-16 (from the address)', url: 'http://zanynews.net/2020/01/16/almost-all-north-korea-guest-workers-repatriated-russia-says/', where: WHERE },
    host: [['Russia', 1, 'RU'], ['Moscow', 1, 'RU'], ['Russian', 2, 'RU'], ['Russia', 3, 'RU'], ['Russia', 4, 'RU'], ['Russia', 5, 'RU'], ['Vladivostok', 1, 'RU'], ['China', 1, 'CN']],
    legal: [['Resolution 2397', 1]],
    workers: [['dozens of workers', 1, 10, 100, 'order_of_magnitude', 'RU']],
    shares: [],
    notes: `Hosts: the headline's Russia, saying its guest workers were repatriated (a host speaking of its own North Korean workers, coded as host, not as a reporting state), Moscow that "has returned most North Korean guest workers in the country" (the government of the host sending workers home, as "Qatar also sent back"), the Russian government that dismissed almost all North Korean workers, "no North Koreans in employment in Russia at present" (a judgement call: marked, since "at present" says they were employed there until December), the workers who remain in Russia, and the workers entering Russia at Vladivostok International Airport (the country and the city, each a mention). China where North Korean workers in Pyongyang-run restaurants make visa runs. Not hosts: "Russia’s foreign ministry" (an official body speaking), "Russian news agency Interfax", "the Russian official", Japanese television network NHK, and China as Trump's partner in the trade deal (China 2-5) and Beijing. Legal instrument: "Resolution 2397"; "a Security Council resolution" and "Security Council sanctions" are unnamed. Worker count: "dozens of workers" entering Russia (order of magnitude, 10-100, as in earlier sets). Not marked: "almost all", "most". ` + NEAR(1998, 'mid-sentence inside an unclosed quotation ("the word ‘checkers")'),
  },
  'turkiyetoday-300-workers-train-2024': {
    citation: { publisher: 'Türkiye Today (turkiyetoday.com)', title: 'Around 300 N. Korean workers arrive in Russia via train', date: '2024-02-15', url: 'https://turkiyetoday.com/?p=10797', where: WHERE },
    host: [['Russia', 1, 'RU'], ['Russia', 2, 'RU'], ['Russia', 3, 'RU'], ['Russia', 4, 'RU'], ['Vladivostok', 1, 'RU'], ['Russia', 5, 'RU']],
    legal: [['Resolution 2397', 1]],
    workers: [['Around 300 N. Korean workers', 1, 300, 300, 'approximate', 'RU'], ['Around 300 N. Korean workers', 2, 300, 300, 'approximate', 'RU'], ['an estimated 300 individuals', 1, 300, 300, 'approximate', 'RU']],
    shares: [],
    notes: `Hosts: Russia where the workers arrive by train (the headline, given twice by the page, the summary line and the lead), the arrival near Vladivostok, and Russia to which Pyongyang intends to send laborers. Not hosts: Moscow ("cooperation between Pyongyang and Moscow": a partner government, not where workers are said to be), the South Korean expert and the Korea Institute for National Unification. Legal instrument: "Resolution 2397"; "United Nations Security Council resolutions prohibiting ..." and "U.N. resolutions" are unnamed. Worker counts: the headline's "Around 300 N. Korean workers" (twice) and "an estimated 300 individuals believed to be North Korean laborers" (people taken for laborers, counted as workers). ` + SHORTER,
  },
  'nknews-511-stranded-russia-2020': {
    citation: { publisher: 'NK News (nknews.org)', title: 'Over five hundred North Korean workers remain in Russia, government says', date: '2020-03 (from the address; the page shows a later date, 2023-10-03)', url: 'https://www.nknews.org/2020/03/over-five-hundred-north-korean-workers-remain-in-russia-government-says/', where: WHERE },
    host: [['Russia', 1, 'RU'], ['Russia', 2, 'RU'], ['Russia', 3, 'RU'], ['Russia', 4, 'RU']],
    legal: [['United Nations Security Council (UNSC) Resolution 2397', 1]],
    workers: [['Over five hundred North Korean workers', 1, 500, null, 'at_least', 'RU'], ['511 laborers', 1, 511, 511, 'exact', 'RU'], ['Over five hundred North Korean laborers', 1, 500, null, 'at_least', 'RU']],
    shares: [],
    notes: `Hosts: Russia where the workers remain (headline, summary line and lead), and "Russia said" that the laborers' work permits were revoked (a host reporting on its own North Korean workers, coded as host, as in zanynews-upi-ilichev-2020). Legal instrument: "United Nations Security Council (UNSC) Resolution 2397", one span with its acronym. Worker counts: "Over five hundred" in the headline and the lead (at least 500, number in words), and the summary's "511 laborers". Not marked: "all North Koreans earning currency" (no number). ` + SHORTER,
  },
  'ccasindia-yomiuri-japan-asks-china-2017': {
    citation: { publisher: 'Centre for China Analysis and Strategy (ccasindia.org, New Delhi), summarising the Yomiuri Shimbun', title: 'Japan asks China to restrict its acceptance of North Korean workers (untitled in the excerpt; title ours)', date: '2017-08 (after the Yomiuri report of 2017-08-06)', url: 'http://ccasindia.org/newsdetails.php?nid=2165', where: WHERE },
    host: [['China', 2, 'CN'], ['China', 4, 'CN'], ['China', 6, 'CN'], ['Russia', 1, 'RU'], ['Mongolia', 1, 'MN'], ['Poland', 1, 'PL'], ['China', 7, 'CN']],
    legal: [],
    workers: [['more than 50,000 workers', 1, 50000, null, 'at_least', null]],
    shares: [],
    notes: `Hosts: China whose acceptance of North Korean workers Japan asked to restrict (China 2, and China 4: "Japan has asked China ... to restrict its acceptance"), the countries the workers were dispatched to in the comment (China, Russia, Mongolia, Poland), and China "which relies on low-cost labor from North Korea". Not hosts: "then China’s special representative" (an official), China asked to restrict crude oil exports (China 3), "how China responds" (China 5: the response, not where workers are), the centre's name (China 8), "Chinese State Councillor", Japan (the asking state), the United States. Worker count: "more than 50,000 workers" dispatched to at least 17 countries (no single country). Not marked: "17 countries". Money is not annotated. No legal instrument ("a 2015 UN report" is a report). ` + SHORTER,
  },
  'jmh-usembassy-nikkei-china-limit-2017': {
    citation: { publisher: 'U.S. Embassy and Consulates in Japan (jmh.usembassy.gov), Japanese media highlights summarising the Nikkei', title: 'China to limit influx of DPRK workers', date: '2017-06 (the address suggests 2017-06-19)', url: 'https://jmh.usembassy.gov/2017061985657/', where: WHERE },
    host: [['China', 1, 'CN'], ['Chinese', 1, 'CN']],
    legal: [],
    workers: [],
    shares: [],
    notes: `Hosts: the headline's China limiting the influx of DPRK workers, and the Chinese firms told not to hire North Korean laborers (employers in the host, as "a Russian construction company"). Not hosts: the story "from Beijing" (where it was filed), "the Chinese government is tightening the noose" (the government acting, the sentence says nothing of workers being in China), the provinces sharing borders (no country named), the menu's Japan and Ukraine. Nothing else to mark. ` + SHORTER,
  },
  'japantimes-kyodo-japan-urges-2016': {
    citation: { publisher: 'The Japan Times (japantimes.co.jp), carrying Kyodo', title: 'Japan urges nations to deny North Koreans work, reducing source of nuclear-linked cash (title from the address)', date: '2016-07-24 (from the address)', url: 'https://www.japantimes.co.jp/news/2016/07/24/national/japan-urges-nations-to-deny-north-koreans-work-reducing-source-of-nuclear-linked-cash/', where: WHERE },
    host: [['Russia', 1, 'RU'], ['China', 1, 'CN'], ['Russia', 2, 'RU'], ['China', 2, 'CN']],
    legal: [],
    workers: [['between 50,000 to 60,000', 1, 50000, 60000, 'range', null]],
    shares: [],
    notes: `Hosts: Russia and China as the North Koreans' main destinations, and again in "Including Russia and China, around 20 countries ... accept North Korean citizens". Not hosts: Japan, the United States and South Korea (the states urging), Britain and France (permanent members), Southeast Asia, the Middle East and Africa (regions). Worker count: "between 50,000 to 60,000" North Koreans thought to be working abroad (a range; no single country; the noun does not follow). Not marked: "around 20 countries". Money ($500 million) is not annotated. No legal instrument ("U.N. Security Council resolutions", "a new Security Council resolution" are unnamed). ` + FULL,
  },
  'elkaos-upi-asahi-recall-order-2017': {
    citation: { publisher: 'elkaos.eu (a blog reposting United Press International, which reports the Asahi Shimbun)', title: 'North Korea orders workers in China ... (title from the address; the excerpt gives none)', date: '2017-11 (from the address; the UPI text is marked 10/11/17)', url: 'https://elkaos.eu/2017/11/north-korea-orders-workers-in-china.html', where: WHERE },
    host: [['China', 1, 'CN'], ['Russia', 1, 'RU'], ['China', 2, 'CN'], ['Russia', 2, 'RU'], ['China', 3, 'CN'], ['China', 4, 'CN'], ['Russia', 3, 'RU'], ['Dandong', 1, 'CN'], ['Beijing', 1, 'CN'], ['Moscow', 1, 'RU'],
      ['China', 5, 'CN'], ['Russia', 4, 'RU'], ['China', 6, 'CN'], ['China', 7, 'CN'], ['Russia', 5, 'RU'], ['Dandong', 2, 'CN'], ['Beijing', 2, 'CN'], ['Moscow', 2, 'RU']],
    legal: [],
    workers: [['about 170,000 of its workers', 1, 170000, 170000, 'approximate', null], ['120,000 workers', 1, 120000, 120000, 'exact', 'CN'], ['about 50,000', 1, 50000, 50000, 'approximate', 'RU'], ['120,000 workers', 2, 120000, 120000, 'exact', 'CN'], ['about 50,000', 2, 50000, 50000, 'approximate', 'RU']],
    shares: [],
    notes: `The blog gives the UPI text twice (the second copy from "The mandate comes" on); both copies are marked. Hosts: the labor force "in neighboring China and Russia", the laborers in China and Russia the order applies to, the workers in China's factories and the restaurants in China, Russia that "retains an active North Korean workforce", the workers in the border city of Dandong, and Beijing and Moscow which North Korea may be "one step ahead of ... in removing its citizens" (the host governments, "coordinating with host governments" follows; a judgement call). Not hosts: the U.S. State Department, the United Nations Security Council, the Asahi Shimbun. Worker counts: "about 170,000 of its workers" overseas ordered home (no single country), "the 120,000 workers" in China, "about 50,000" in Russia (the noun precedes: "workforce of about 50,000"); the repeated ones marked again. No legal instrument ("tough new sanctions at the United Nations Security Council" is unnamed). ` + FULL,
  },
  'bhrrc-gazeta-gdansk-welders-2006': {
    citation: { publisher: 'Business & Human Rights Resource Centre (business-humanrights.org), summarising Gazeta Wyborcza', title: 'Poland: Welders from No. Korea working in Gdansk shipyard - Korean Govt. threatens their families with labour camps if they leave', date: '2006-03-24 (the Gazeta Wyborcza story; the page also lists one of 2007-01-24)', url: 'https://www.business-humanrights.org/en/poland-welders-from-no-korea-working-in-gdansk-shipyard-korean-govt-threatens-their-families-with-labour-camps-if-they-leave', where: WHERE },
    host: [['Poland', 1, 'PL'], ['Gdansk', 1, 'PL'], ['Gdansk', 2, 'PL'], ['Poland', 2, 'PL'], ['Gdansk', 3, 'PL'], ['Gdansk', 4, 'PL'], ['Gdynia', 1, 'PL'], ['Sopot', 1, 'PL'], ['Gdansk', 5, 'PL']],
    legal: [],
    workers: [['75 citizens', 1, 75, 75, 'exact', 'PL']],
    shares: [],
    notes: `Hosts: the headline's Poland and Gdansk shipyard where welders from North Korea work, the Gazeta Wyborcza headline's Gdansk Shipyard [Poland], the welders in the Gdansk Shipyard, the 75 citizens of the DPRK who worked in Gdansk, Gdynia and Sopot, and "a Gdansk company Selene", the agent the shipyard pays their salaries to (a judgement call: a company in the host taking part in the scheme, as "a Russian construction company"). Not hosts: "Gazeta Wyborcza [Poland]" (the newspaper's country, Poland 3), the EU and Europe (not countries), "Korea" of "No. Korea" (North Korea). Worker count: "75 citizens" of the DPRK working there over 5 years (welders, counted as workers; "All together" is exact). ` + SHORTER,
  },
  'theactualnews-bbc-it-worker-2025': {
    citation: { publisher: 'The Actual News (theactualnews.org), summarising a BBC report', title: 'North Korea sent me abroad to be a secret IT worker. My wages funded the regime', date: '2025 (not in the excerpt; it cites an indictment of 14 North Koreans "last year", that of December 2024)', url: 'https://theactualnews.org/article/10631/north-korea-sent-me-abroad-to-be-a-secret-it-worker-my-wages-funded-the-regime', where: WHERE },
    host: [],
    legal: [],
    workers: [],
    shares: [['85%', 1, 0.85, 0.85, 'exact', 'wages']],
    notes: `Share: "85% of their pay sent back to North Korea" (wages). No host country is named (the IT workers are "abroad", their clients "Western companies"). Not marked: the 14 North Koreans indicted (individuals charged, not a worker count). Money ($250m-$600m) is not annotated. ` + SHORTER,
  },
  'rfa-tanzania-clinics-part2-2016': {
    citation: { publisher: 'Radio Free Asia (rfa.org)', title: 'Exporting Fakes? North Korean Clinics Hawk Questionable Medical Care to Tanzania, Part 2', date: 'undated in the excerpt (after a reporter\'s trip in late 2015; 2016 is a guess)', url: 'https://www.rfa.org/english/news/special/nkinvestigation/tanzaniapart2.html', where: WHERE },
    host: [['Tanzania', 1, 'TZ'], ['Dar es Salaam', 1, 'TZ'], ['Tanzania', 3, 'TZ'], ['Tanzania', 5, 'TZ'], ['Dar es Salaam', 2, 'TZ']],
    legal: [],
    workers: [],
    shares: [],
    notes: `Hosts: the headline's Tanzania where North Korean clinics sell medical care, the clinic in Dar es Salaam where a North Korean doctor works, the medical staff sent by North Korea to Tanzania's commercial capital, the longest-serving North Korean clinic in Tanzania and its site in Dar es Salaam. The city is marked, not the wards and districts (Kariakoo, Ilala, Magomeni, Kinondoni) named with it (a judgement call). Not hosts: "the official language of Tanzania" (Tanzania 2) and the reporter's travel to Tanzania (Tanzania 4). No worker count: "a North Korean doctor", "a female nurse" are people in a scene, "four" counts clinics. ` + FULL,
  },
  'cecc-north-koreans-in-china-2024': {
    citation: { publisher: 'Congressional-Executive Commission on China (cecc.gov), a U.S. government commission', title: 'North Koreans in China: Marginalized, Exploited and Repatriated', date: '2025 (not in the excerpt; it looks back on 2024 and a trip of January 2024)', url: 'https://www.cecc.gov/publications/commission-analysis/north-koreans-china-marginalized-exploited-and-repatriated', where: WHERE },
    host: [['China', 4, 'CN'], ['Chinese', 2, 'CN'], ['China', 6, 'CN'], ['China', 7, 'CN']],
    legal: [],
    workers: [],
    shares: [],
    notes: `Hosts: North Koreans in China, "particularly women, their families, temporary workers, and asylum seekers" (China 4), the new workers sent by the North Korean authorities to Chinese seafood processing plants, and the North Korean refugees and workers in China (China 6, 7). Not hosts: the title's China (a judgement call: "North Koreans in China" there says nothing of workers), the People's Republic of China, "DPRK-China friendship", the Commission's name, "Chinese Communist Party", the "PRC" mentions (PRC authorities repatriating refugees, the PRC's obligations: officials and law), the truncated "Chinese aut" at the cut, the Republic of Korea (South Korea, visited by the delegation). No legal instrument ("international law" is unnamed), no count, no share. ` + FULL,
  },
  'rightsdd-north-korean-risk-china-guide': {
    citation: { publisher: 'RightsDD (rightsdd.com), a human-rights due-diligence consultancy', title: 'Guide to identifying and addressing North Korean modern slavery risk in China (title from the address)', date: 'undated in the excerpt (2024 or later: it cites protests of January 2024 and 2023 export figures)', url: 'https://rightsdd.com/guide-to-identifying-and-addressing-north-korean-modern-slavery-risk-in-china', where: WHERE },
    host: [['Jilin', 2, 'CN'], ['Liaoning', 2, 'CN'], ['Liaoning', 3, 'CN'], ['Chinese', 1, 'CN'], ['Liaoning', 5, 'CN'], ['Dandong', 1, 'CN']],
    legal: [],
    workers: [],
    shares: [['more than half', 1, 0.5, null, 'at_least', 'other']],
    notes: `Hosts (places in China): the large scale use of North Korean labourers in Jilin and Liaoning's clothing industries, PPE made by North Koreans in Liaoning, the North Korean workers at Chinese clothing factories, Liaoning's electronics industry linked to forced labour in the sentence that says North Koreans were exploited in Dandong's electronics sector, and Dandong. Not hosts: China's apparel industry and China as entrepôt (China 1, 2: the sentences say nothing of North Koreans), Jilin and Liaoning as provinces with apparel sectors (Jilin 1, Liaoning 1), Liaoning's export category (Liaoning 4), Dandong as one of Liaoning's cities (Dandong 2, Liaoning 6: geography), the US, UK, Italy, Japan, Germany and the Canadian retailers (buyers), the US Government. Share: China's clothing industry accounts for "more than half" of global production (a proportion with a value, not of North Korean labour: other). Not marked: "over a thousand clothing factories" (factories), the truncated "dispatches thousands " at the cut (the noun is cut off). Money ($3bn) is not annotated. ` + FULL,
  },
  'cafebabel-poland-modern-slavery': {
    citation: { publisher: 'Cafébabel (cafebabel.com), a European online magazine', title: 'Poland : A "land of possibilities" or modern slavery in Europe', date: 'undated in the excerpt (the page id suggests 2018 or earlier)', url: 'https://cafebabel.com/en/article/poland-a-land-of-possibilities-or-modern-slavery-in-europe-5ae00bb0f723b35a145e7c79/', where: WHERE },
    host: [['Polish', 1, 'PL'], ['Polish', 2, 'PL'], ['Poland', 4, 'PL']],
    legal: [['Universal Charter of Human Rights', 1], ['European Convention on Human Rights', 1], ['European Social Charter', 1]],
    workers: [],
    shares: [],
    notes: `Hosts: the Polish firms employing North Korean workers, the Polish harbors where one finds them, and "in principle apply in Poland" (the exploitation of these workers in Poland, in the same sentence; a judgement call). Not hosts: the title's Poland (twice: the image caption and the heading; the title does not speak of North Koreans), Poland known for its own posted workers (Poland 3), "Proudly, Polish firms decorate their websites" (Polish 3: that sentence says nothing of North Koreans), Brussels (where it was published), the EU, Europe and "Member States" (not countries), NATO (a client). Legal instruments: "Universal Charter of Human Rights" (as written: the writer means the Universal Declaration), "European Convention on Human Rights", "European Social Charter"; "its implementing Covenants" is unnamed. No count, no share ("12-20 hours" are hours). ` + NEAR(1997, 'mid-word ("third country c")'),
  },
  'moscowtimes-ap-tynda-loggers-2003': {
    citation: { publisher: 'The Moscow Times (archive at oldtmt.vedomosti.ru), carrying an Associated Press report', title: 'Watched, Koreans Cut Through Far East', date: '2003-07 (from the address; the page shows "Last Updated: 07/27/2016")', url: 'http://oldtmt.vedomosti.ru/sitemap/free/2003/7/article/watched-koreans-cut-through-far-east/237278.html', where: WHERE },
    host: [['Dzhalingra', 1, 'RU'], ['Russian', 1, 'RU']],
    legal: [],
    workers: [],
    shares: [['60 percent', 1, 0.6, 0.6, 'exact', 'workforce'], ['60 percent', 2, 0.6, 0.6, 'exact', 'workforce'], ['35 percent', 1, 0.35, 0.35, 'exact', 'other']],
    notes: `Hosts: the photo caption's Dzhalingra camp in Russia where North Korean loggers work at a sawmill (a place in Russia), and "the Russian company Tynda-Les" 60 percent of whose workers are North Koreans (an employer in the host). Not hosts: the dateline TYNDA and "the Far East" (a region), the camp director's Dzhalingra (Dzhalingra 2: the sentence gives his title), "Russians are reluctant", Khabarovsk and Moscow (distances), China and Japan (buyers of the wood). Shares: "60 percent of the workers are Korean" (caption) and "60 percent of its 3,000 workers are North Koreans" (workforce), and the North Korean partner's "35 percent of the timber the loggers harvest" (a share of the venture's output in timber, not money: other, a judgement call against revenue). Not marked: "3,000 workers" (the company's whole workforce, not North Koreans; the North Koreans among them are not counted in the text). Money (6,000 ruble, $200) is not annotated. ` + FULL,
  },
  'nkeconwatch-koreatimes-lankov-loggers-2006': {
    citation: { publisher: 'North Korean Economy Watch (nkeconwatch.com), reposting Andrei Lankov in The Korea Times', title: 'North Korean Loggers in Siberia', date: '2006-11-13', url: 'https://www.nkeconwatch.com/2006/11/13/north-korean-loggers-in-siberia/', where: WHERE },
    host: [['Siberia', 1, 'RU'], ['Siberia', 2, 'RU'], ['Russia', 1, 'RU'], ['Russian', 1, 'RU'], ['Russia', 2, 'RU']],
    legal: [],
    workers: [['over 20,000 North Korean workers', 1, 20000, null, 'at_least', 'RU'], ['some 8,000 workers', 1, 8000, 8000, 'approximate', 'RU'], ['3,000 North Korean workers', 1, 3000, 3000, 'exact', 'RU'], ['up to a quarter of a million North Koreans', 1, null, 250000, 'at_most', 'RU']],
    shares: [['60 percent', 1, 0.6, 0.6, 'exact', 'other'], ['40 percent', 1, 0.4, 0.4, 'exact', 'other'], ['some 0.5 percent', 1, 0.005, 0.005, 'approximate', 'other']],
    notes: `Hosts: the title's Siberia (North Korean loggers there), Eastern Siberia where a visitor comes across the North Korean logging camps (Siberia 2; places in Russia), Russia's Far East where North Korean loggers have worked, the designated areas of the Russian Far East, and the other joint projects in Russia. Not hosts: "remote corners of Siberia" (Siberia 3: where Russians would not go), the USSR and the Soviet Union (the partner state, its timber shortage and standards of living; a judgement call, the sentences say nothing of workers there), "The Russians" (a people). Worker counts: "over 20,000" at the peak, "some 8,000" now, "An additional 3,000" in other projects (spanned from the number; "additional" is not a qualifier of value), and "up to a quarter of a million North Koreans" who have taken part over the decades (at most 250,000). Shares: the timber divided "the Russians 60 percent and the North Koreans 40 percent" (other: a share of output), and "some 0.5 percent of all North Korean able-bodied men" (other: a share of North Korea's men, not of a workforce abroad; a judgement call). No legal instrument ("the logging agreement" of March 1967 is unnamed). ` + FULL,
  },
};
