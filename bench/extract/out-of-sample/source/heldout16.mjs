// Hand annotations of the 15 texts of the sixteenth held-out set (issue 17), gathered and read by hand, blind, by a
// person other than the rule writer, and committed before the extractor was run on any of them; to be scored once, by
// the lead. Same guidelines as the other sets (../README.md).
// Each entry: [surface, occurrence (1-based, whole-word, case-sensitive), ...values].
const WHERE = 'opening of the page (about the first 2,000 bytes) as stored by the search tool\'s pages corpus';
const WRITTEN = 'The text was written out from the tool\'s answer by decoding its JSON string as the answer gave it';
const FULL = `${WRITTEN}; it ends at the tool's 2,000-byte cut.`;
const SHORTER = `${WRITTEN}; the stored page is shorter than the tool's cut.`;
const NEAR = (bytes) => `${WRITTEN}; it is ${bytes} bytes long and ends mid-word, a few bytes short of the tool's 2,000-byte cut, which suggests non-breaking or invisible characters shown as ordinary ones.`;
export const HELDOUT16 = {
  'chosun-regime-fleeces-workers-2012': {
    citation: { publisher: 'The Chosun Ilbo (english.chosun.com)', title: 'N.Korean Regime Fleeces Overseas Workers', date: '2012-09-27', url: 'http://english.chosun.com/site/data/html_dir/2012/09/27/2012092701128.html', where: WHERE },
    host: [['Mesaieed', 1, 'QA'], ['Qatar', 1, 'QA']],
    legal: [],
    workers: [['40,000 to 120,000 laborers', 1, 40000, 120000, 'range', null]],
    shares: [['Eighty percent', 1, 0.8, 0.8, 'exact', 'wages']],
    notes: `Hosts: the photo caption's construction site in Mesaieed, Qatar, where North Korean workers take a rest (a place in the country and the country, each a mention). Not hosts: Doha ("40 km south of Doha": geography, giving where Mesaieed is), "South Korean Navy" (the corvette's navy). Worker count: "anywhere from 40,000 to 120,000 laborers" sent overseas (a range; no single country). Not marked: "every 50 workers" (the number each agent watches over, a ratio, not a number of workers). Share: "Eighty percent" of what a worker abroad makes goes to Room 39 (wages). Money ($167, $100,000, $300-$1,000, $60-$200) is not annotated. No legal instrument. ` + FULL,
  },
  'upi-kinu-110000-workers-2016': {
    citation: { publisher: 'United Press International (upi.com), reporting a Korea Institute for National Unification estimate given by Newsis', title: '100,000 North Korea workers facing human rights violations overseas', date: '2016-09-20', url: 'https://www.upi.com/Top_News/World-News/2016/09/20/100000-North-Korea-workers-facing-human-rights-violations-overseas/2451474390641/?spt=su&or=btn_tw', where: WHERE },
    host: [['China', 1, 'CN'], ['Russia', 1, 'RU'], ['China', 2, 'CN'], ['Russia', 2, 'RU'], ['Kuwait', 1, 'KW'], ['United Arab Emirates', 1, 'AE'], ['Qatar', 1, 'QA'], ['Poland', 1, 'PL']],
    legal: [],
    workers: [['100,000 North Korea workers', 1, 100000, 100000, 'exact', null], ['110,000-120,000', 1, 110000, 120000, 'range', null], ['at least 50,000 people', 1, 50000, null, 'at_least', null], ['About 70,000-80,000 North Korean state workers', 1, 70000, 80000, 'range', 'CN'], ['an estimated 30,000', 1, 30000, 30000, 'approximate', 'RU']],
    shares: [['90 percent', 1, 0.9, 0.9, 'exact', 'wages']],
    notes: `Hosts: China and Russia where the vast majority are sent, the China-based industries employing 70,000-80,000 ("China" inside "China-based"), Russia where an estimated 30,000 work, and Kuwait, the United Arab Emirates, Qatar and Poland where workers are deployed. Not hosts: the dateline SEOUL, the South Korean think tank, news service and parliamentarians, Europe (a region: "Workers in Europe"). Worker counts: the headline's 100,000 (no single country), 110,000-120,000 in total (a range, spanned on the number: "in total" follows), at least 50,000 people deployed (DCNKHR's estimate; people sent to earn, counted as workers), about 70,000-80,000 in China (a range, with "About" in the span; a judgement call between range and approximate, coded as the range it states), and an estimated 30,000 in Russia. Not marked: "20-40 countries". Share: workers in Europe must remit "90 percent" of their earnings (wages; the excerpt ends at the tool's cut within "the Kim re[gime]"). Money ($300 million, $2.3 billion, $150 and $230 million) is not annotated. ` + NEAR(1996),
  },
  'vuink-doj-silverstar-indictment-2024': {
    citation: { publisher: 'vuink.com (a copy of a news report, apparently The Hacker News\'s, whose source the copy does not name), reporting a U.S. Department of Justice indictment', title: 'DoJ indicts 14 North Koreans for $88M IT worker fraud scheme over six years (title from the address)', date: '2024-12 (the indictment of 14 North Korean nationals announced by the DoJ; the day is not in the excerpt)', url: 'https://vuink.com/post/grpunpnqrzl-d-dbayvar/doj-indicts-14-north-koreans-for-88m-it-worker-fraud-scheme-over-six-years-cybercrime-cryptocurrency', where: WHERE },
    host: [['People’s Republic of China', 1, 'CN'], ['Russian Federation', 1, 'RU']],
    legal: [],
    workers: [],
    shares: [],
    notes: `A Justice Department indictment of North Korean remote IT workers as news gave it. Hosts: the People's Republic of China and the Russian Federation where the DPRK-controlled companies Yanbian Silverstar and Volasys Silverstar, for which the indicted IT workers worked, are located. Not hosts: "(PRC)" and "(Russia)" (the abbreviations of the mentions just before them, as in earlier sets), the U.S. companies and organisations that employed them (clients of remote workers, as the guidelines say), "U.S. and Chinese financial systems" (the route of the money), Yanbian (part of a company's name). No worker count: the "14 nationals" are individuals indicted, which the guidelines leave out. No instrument is named ("sanctions"). Money ($88 million) is not annotated. No earlier set holds this indictment (the Treasury's 2018 Silverstar designation, held in round 12, is another action). ` + SHORTER,
  },
  'ilo-forbes-hosting-countries-2019': {
    citation: { publisher: 'ILO Asia-Pacific migration portal (apmigration.ilo.org), news item carrying Forbes (Niall McCarthy\'s chart story, per the portal "Forbes, Korea, 4 July 2019")', title: 'The Countries Hosting North Korean Migrant Workers', date: '2019-07-04', url: 'https://apmigration.ilo.org/news/the-countries-hosting-north-korean-migrant-workers', where: WHERE },
    host: [['China', 1, 'CN'], ['Russia', 1, 'RU'], ['China', 2, 'CN'], ['Russia', 2, 'RU']],
    legal: [],
    workers: [['thousands', 1, 1000, 10000, 'order_of_magnitude', null], ['80,000', 1, null, 80000, 'at_most', 'CN'], ['40,000 North Korean laborers', 1, null, 40000, 'at_most', 'RU']],
    shares: [],
    notes: `Hosts: China and Russia where the vast majority go and are employed, and China and Russia believed to host 80,000 and 40,000 laborers. Not hosts: South Korea (where 13 restaurant workers defected to), the U.S., UK, France and Germany (senders of the letter urging states to send workers back), "41 countries" (none named). Worker counts: "thousands of them" sent every year (1,000-10,000; spanned on "thousands"), and the "(upper estimate)" of 80,000 in China and 40,000 in Russia, coded as upper bounds (at most; a judgement call: the text calls both the upper estimate, so a reader could code them as approximate values instead). Not marked: "13 workers" who defected (defectors, as the guidelines say), "at least 41 countries". No instrument or share. ` + SHORTER,
  },
  'japantimes-kyodo-blacklist-plan-2016': {
    citation: { publisher: 'The Japan Times (japantimes.co.jp), carrying a Kyodo report', title: 'Japan may blacklist firms in China, elsewhere aiding North Korea transactions (title from the address)', date: '2016-10-25 (from the address)', url: 'https://www.japantimes.co.jp/news/2016/10/25/national/japan-may-blacklist-firms-china-elsewhere-aiding-north-korea-transactions/', where: WHERE },
    host: [['Chinese', 1, 'CN']],
    legal: [],
    workers: [],
    shares: [],
    notes: `A Japanese government plan, as Kyodo gave it, to blacklist companies employing large numbers of North Korean workers. Host: the Chinese firms near China's border at which the move would primarily aim (firms employing North Korean workers, as "a Russian construction company" in the guidelines). Not hosts: "companies based in China or other countries known to be facilitating transactions" (transactions, not workers), "China expected to protest" (a state objecting), "China’s border" in the same sentence as the host mention (geography, where the firms are; a judgement call), the "several Chinese firms" the United States investigates and the Dandong trading company suspected of supporting nuclear development (nothing of workers), Japan, the United States and South Korea (sanctioning states), "countries taking in North Korean workers" (none named). No instrument is named ("a new U.N. Security Council resolution", "a special law"). No count or share. ` + FULL,
  },
  'urdupoint-sputnik-ilyichev-2019': {
    citation: { publisher: 'UrduPoint (urdupoint.com), carrying Sputnik', title: 'All N. Korean Workers To Leave Russia By December 22 In Line With UNSC Resolution - Moscow', date: '2019-12-13', url: 'https://www.urdupoint.com/en/world/all-n-korean-workers-to-leave-russia-by-dece-786604.html', where: WHERE },
    host: [['Russia', 1, 'RU'], ['Russia', 2, 'RU'], ['Russia', 3, 'RU'], ['Russia', 4, 'RU'], ['Russia', 5, 'RU']],
    legal: [['Resolution 2379', 1]],
    workers: [['34,000', 1, 34000, 34000, 'exact', 'RU'], ['some 10,000', 1, 10000, 10000, 'approximate', 'RU']],
    shares: [],
    notes: `Hosts: Russia that all North Korean workers are to leave (headline, summary line and lead, which repeats the summary), the number of North Korean workers in Russia, and the migrant workers in Russia whose number fell. Not hosts: the dateline MOSCOW, the Russian Foreign Ministry's department and the Russian Ambassador (officials), Pyongyang (the embassy's post). Legal instrument: "Resolution 2379" as the text writes it (the resolution of December 2017 that required deporting workers is 2397; marked as written, a naming of a resolution). Not marked: "UNSC Resolution" and "the UN Security Council Resolution on the matter" (no number). Worker counts: the fall "from 34,000 to some 10,000" (two counts, each in Russia; spanned on the numbers: "North Korean migrant workers" comes before them). "All North Korean migrant workers" has no value. The excerpt opens with a " date 2019-12-13" line the tool adds. No earlier set holds this statement (Topilin's of February 2019 and the 2019 repatriation reports are other stories). ` + SHORTER,
  },
  'moscowtimes-tarasenko-primorye-2018': {
    citation: { publisher: 'The Moscow Times (themoscowtimes.com)', title: 'Russian Governor Fights to Keep North Korean Laborers Despite Sanctions (title from the address)', date: '2018-01-12', url: 'https://themoscowtimes.com/news/russian-governor-fights-keep-north-korean-laborers-despite-sanctions-60165', where: WHERE + ' (the stored excerpt opens with the tool\'s date line and the item\'s second paragraph)' },
    host: [['Russia', 1, 'RU'], ['Russia', 2, 'RU'], ['Primorye', 1, 'RU'], ['Primorye', 2, 'RU'], ['Russia', 3, 'RU'], ['Russia', 4, 'RU'], ['Russian', 2, 'RU'], ['St. Petersburg', 1, 'RU']],
    legal: [],
    workers: [['an estimated 10,000 North Korean migrant workers', 1, 10000, 10000, 'approximate', 'RU'], ['3,500 migrant workers', 1, 3500, 3500, 'exact', 'RU'], ['tens of thousands of North Koreans', 1, 10000, 100000, 'order_of_magnitude', 'RU']],
    shares: [],
    notes: `Hosts: Russia's Labor Ministry that rejected employers' requests for North Koreans' work permits (the host state acting on the workers it hosts, as in earlier sets), the region in Russia's Far East that asked to keep 10,000 workers (only "Russia" marked there, not "Far East" too), the Primorye region whose governor is concerned for the workers in it and the workers "already in Primorye", "slave-like conditions" in Russia, working in Russia for a higher salary, and the Russian companies said to have used North Korean slave labour on a stadium in St. Petersburg (company and city each a mention). Not hosts: "Russian deputies" (legislators petitioned), Moscow (the government asked: "appealed to Moscow"), the consul and embassy. Worker counts: an estimated 10,000 migrant workers (approximate), 3,500 with signed contracts (exact), "tens of thousands of North Koreans" toiling in Russia (10,000-100,000, as in earlier sets). No instrument is named ("fresh sanctions in September", "UN sanctions"); "a U.S. State Department report" is a report. The Primorsky quota story of heldout15 (Topwar) is another event (the Labour Ministry's refusal); this is the governor's appeal after it. ` + SHORTER,
  },
  'freekorea-angola-yellow-fever-2016': {
    citation: { publisher: 'One Free Korea (freekorea.us), a blog by Joshua Stanton, quoting Yonhap on a Radio Free Asia report', title: 'Angola may be defying U.N. sanctions against North Korea', date: '2016-04-12 (from the address)', url: 'http://freekorea.us/2016/04/12/to-the-diplomobile-angola-may-be-defying-u-n-sanctions-against-north-korea/', where: WHERE + ' (the tool also holds a copy at the https address without the final slash, with single line breaks; this is the http copy)' },
    host: [['Angola', 3, 'AO'], ['Angola', 4, 'AO']],
    legal: [['UNSCR 2270', 1]],
    workers: [['[a]round 10 North Korean workers', 1, 10, 10, 'approximate', 'AO'], ['some 1,000 North Korean workers', 1, 1000, 1000, 'approximate', 'AO']],
    shares: [],
    notes: `Hosts: Angola to which the North Korean workers who died of yellow fever were dispatched, and Angola where some 1,000 workers are. Not hosts: Angola in the title and as "Namibia’s neighbor" sharing headlines, the Angolan government defying the ban on security cooperation, Angola named by the panel and buying patrol-boat items (arms and security, not workers), "the African country" (no name), Namibia and Windhoek (an arms factory, uranium). Legal instrument: "UNSCR 2270" (in "UNSCR 2270’s ban"). Worker counts: "[a]round 10 North Korean workers" who died (approximate; a count of workers, not a scene of a few: a judgement call) and some 1,000 in Angola. Not marked: "178 people" (deaths in the outbreak). ` + NEAR(1997),
  },
  'asiatimes-vladivostok-2397-2019': {
    citation: { publisher: 'Asia Times (asiatimes.com)', title: 'As sanctions loom, Russia keeps North Korea at work (title from the address)', date: '2019-05 (from the address)', url: 'https://asiatimes.com/2019/05/as-sanctions-loom-russia-keeps-north-korea-at-work/', where: WHERE + ' (the tool holds two stored copies at this address; this is the one that opens with the photo caption)' },
    host: [['Russian', 1, 'RU'], ['Vladivostok', 1, 'RU'], ['Russia', 1, 'RU'], ['Russian', 2, 'RU'], ['Russia', 2, 'RU'], ['Russian', 3, 'RU']],
    legal: [['UN Security Council resolution 2397', 1]],
    workers: [['thousands of North Korean workers', 1, 1000, 10000, 'order_of_magnitude', 'RU']],
    shares: [],
    notes: `Hosts: the caption's Russian construction site with North Korean workers, Vladivostok as a destination for foreign labour (the next sentence's "here" says thousands of North Korean workers are employed there; a judgement call, as its own sentence speaks of foreign labour in general), Russia's Pacific coast where they are employed, their Russian employers, Russia whose pledge to implement resolution 2397 would send them home (a host acting on the workers it hosts), and the second caption's Russian construction project. Not hosts: "Russia and China are reluctant partners" (geopolitics), the United States, Japan and the European Union (proponents of sanctions). Legal instrument: UN Security Council resolution 2397. Worker count: thousands of North Korean workers on Russia's coast (1,000-10,000). Not marked: "within 24 months" (time). ` + FULL,
  },
  'medill-nsz-trafficking-foreign-currency': {
    citation: { publisher: 'Medill National Security Zone (nationalsecurityzone.medill.northwestern.edu), Northwestern University\'s Medill School journalism site, tag archive page', title: 'North Korea turning to human trafficking for foreign currency', date: 'undated in the excerpt (a State Department report "from March" and House hearings in April and May are cited)', url: 'https://nationalsecurityzone.medill.northwestern.edu/archives/blog/tag/human-trafficking/index.html', where: WHERE + ' (the stored page is the tag archive, whose first post is this story)' },
    host: [['Russia', 1, 'RU'], ['China', 1, 'CN'], ['Mongolia', 1, 'MN']],
    legal: [],
    workers: [['between 50,000 and 60,000 citizens', 1, 50000, 60000, 'range', null]],
    shares: [],
    notes: `Hosts: Russia, China and Mongolia to which workers have primarily been sent through bilateral contracts. Not hosts: "nations in Africa, central Europe and the Middle East" (regions), Washington D.C. (where meetings were held). Worker count: "between 50,000 and 60,000 citizens" lured to work abroad (a range; citizens sent to work, counted as workers; no single country). Not marked: "around 40 countries". No share: "all or most of their wages" has no value. No legal instrument: "a State Department Trafficking in Persons Report" is a report. Money ($2.3 billion) is not annotated. The Tom Lantos commission's hearing is mentioned in a committed text (HRNK's testimony, round 14), but this is Medill's own story. ` + FULL,
  },
  'lexology-eu-transposes-2397-2018': {
    citation: { publisher: 'Lexology (lexology.com), a law firm\'s note (the firm is not named in the excerpt)', title: 'EU finalises transposition of UN Security Council Resolution 2397 (subject of the note; the stored excerpt gives no title)', date: '2018-02 (after the transposition of 26 February 2018)', url: 'https://www.lexology.com/library/detail.aspx?g=a3961a86-acff-475b-8494-3b6aed93314b', where: WHERE + ' (the stored page is the note\'s text alone)' },
    host: [],
    legal: [['UN Security Council’s Resolution 2397(2017)', 1]],
    workers: [],
    shares: [],
    notes: `A law firm's note on the EU's transposition of resolution 2397, including the repatriation within 24 months of all DPRK workers "currently working in foreign countries". No host country (no country is named where workers are; the European Union transposes and sanctions). Legal instrument: "UN Security Council’s Resolution 2397(2017)" (one span from "UN"). Not marked: "the UN Security Council resolutions" and the EU's "autonomous restrictive measures" (none named). No count or share ("2 million to 500.000 barrels" are petroleum). ` + SHORTER,
  },
  'importexportlaw-caatsa-china-detentions': {
    citation: { publisher: 'importexportlaw.net, a trade lawyer\'s blog (David Hsu, GJA Trade Law), tag page', title: 'Is North Korean Labor used in your supply chains? Beware of the Countering America’s Adversaries Through Sanctions Act (CAATSA).', date: 'undated in the excerpt (after CBP\'s detention orders of early December on Jingde Trading, Rixin Foods and Zhejiang Sunrise Garment)', url: 'https://importexportlaw.net/tag/importer/', where: WHERE + ' (the stored page is a tag page whose first post is this one)' },
    host: [['China', 1, 'CN']],
    legal: [['Countering America’s Adversaries Through Sanctions Act', 1], ['CAATSA', 1], ['Countering America’s Adversaries Through Sanctions Act', 2], ['CAATSA', 2], ['Countering America’s Adversaries Through Sanctions Act', 3], ['CAATSA', 3], ['CAATSA', 4], ['CAATSA', 5], ['CAATSA', 6], ['CAATSA', 7], ['CAATSA', 8]],
    workers: [],
    shares: [],
    notes: `A trade lawyer's blog post on CBP's detention of goods from China-based companies found to use North Korean labour in their supply chains. Host: China, in "China-based companies" using North Korean labour (a judgement call: the labour is in their supply chains, not said to be in their own plants). Not hosts: "all U.S. ports" and "the US" (the importing state enforcing the law), Zhejiang (part of a company's name). Legal instruments: the act's name three times and CAATSA each time it stands, the three "(CAATSA)" after the name included (as in earlier sets). No count or share ("30 days" is time). ` + FULL,
  },
  'tellerreport-nhk-un-repatriation-call-2019': {
    citation: { publisher: 'Teller Report (tellerreport.com), a machine translation of an NHK report', title: 'North Korean workers call for sanctions resolution to be repatriated within the year UN (as the translation gives it)', date: '2019-11-14', url: 'https://www.tellerreport.com/news/2019-11-14---north-korean-workers-urgently-implement-sanctions-resolutions-.ryHfz4qoS.html', where: WHERE },
    host: [['China', 1, 'CN'], ['Russia', 1, 'RU'], ['China', 3, 'CN'], ['Russia', 2, 'RU'], ['Russia', 3, 'RU']],
    legal: [],
    workers: [],
    shares: [],
    notes: `A statement read at the UN by Germany's ambassador for Germany, the United Kingdom and France, calling for North Korean workers to be sent home by the end of 2019, "including China and Russia" (countries asked to repatriate the workers they host: hosts). The machine translation garbles the rest; read as: the statement called for compliance including the repatriation of workers by 22 December, "China is working on North Korean workers" (read as China where North Korean workers work: marked, a judgement call), "with Russia and Russia in mind" (the translation of "with China and Russia in mind": both mentions marked as Russia, as written). Not hosts: "China called the international community" (read as the caller in the translation; a judgement call), "Friendship countries of North Korea, such as China and Russia" (whether they comply with sanctions: nothing of workers), Germany, the United Kingdom and France (the states making the statement). No instrument is named ("sanctions resolutions", "the resolution"). No count ("12 times" counts launches) or share. ` + SHORTER,
  },
  'oddonion-upi-qatar-mongolia-2016': {
    citation: { publisher: 'oddonion.com, a copy of a United Press International report (itself citing Yonhap and The Wall Street Journal)', title: 'North Korean workers under scrutiny in Qatar, Mongolia', date: '2016-07-08', url: 'http://www.oddonion.com/2016/07/08/north-korean-workers-under-scrutiny-in-qatar-mongolia/', where: WHERE },
    host: [['Qatar', 1, 'QA'], ['Mongolia', 1, 'MN'], ['Qatar', 2, 'QA'], ['Qatar', 3, 'QA'], ['Qatar', 4, 'QA'], ['Qatari', 1, 'QA'], ['Mongolia', 2, 'MN'], ['Mongolia', 3, 'MN'], ['Mongolian', 1, 'MN'], ['Ulaanbaatar', 1, 'MN'], ['Mongolia', 4, 'MN']],
    legal: [],
    workers: [['About 2,000 North Koreans', 1, 2000, 2000, 'approximate', 'QA'], ['more than 1,000 North Koreans', 1, 1000, null, 'at_least', 'MN']],
    shares: [],
    notes: `Hosts: the headline's Qatar and Mongolia where North Korean workers are under scrutiny, Qatar restricting the flow of North Koreans into the country and working with Seoul on limiting visas for North Korean workers (a host acting on the workers it hosts), about 2,000 working in Qatar, the Qatari government that will not end all visas because local companies employ North Korean labour, Mongolia where their treatment is under scrutiny, Mongolia's borders within which more than 1,000 work, the Mongolian capital of Ulaanbaatar whose construction firms' broker says the labour is in demand (adjective and city each a mention), and the worker in Mongolia since 2011. Not hosts: the dateline SEOUL and "Seoul is working with Qatar" (a sanctioning state), "The Gulf state" (a region's word), the ILO (an organisation). Worker counts: about 2,000 in Qatar (approximate), more than 1,000 in Mongolia (at least). No instrument is named ("a North Korea sanctions resolution in March"). No share: "$700 monthly, but receive only $150-200" is money, not a proportion. The Wall Street Journal's Mongolia figure is also quoted in heldout15's Malay Mail text; this is UPI's own story on Qatar and Mongolia. ` + SHORTER,
  },
  'asiapress-china-dispatch-sanctions': {
    citation: { publisher: 'ASIAPRESS (asiapress.org, Rimjin-gang), the site\'s WordPress API record of a post (raw JSON of the post, stored with its escapes)', title: 'Report on North Korean workers dispatched to China under sanctions (subject of the post; the record opens within a link to "N. Korea Pro Report (Part 1)")', date: 'undated in the excerpt (during the coronavirus pandemic: 2020 or later)', url: 'https://asiapress.org/rimjin-gang/wp-json/wp/v2/posts/4566', where: WHERE + ' (the stored page is a JSON record: the text holds literal escapes such as \\u2019 and <\\/p>\\n, kept exactly as the tool returned them)' },
    host: [['China', 1, 'CN'], ['Chinese', 1, 'CN'], ['China', 3, 'CN'], ['China', 4, 'CN'], ['Russia', 1, 'RU'], ['China', 5, 'CN']],
    legal: [['Resolution 2379', 1], ['Resolution 2375', 1], ['Resolution 2375', 2]],
    workers: [['between 30,000 and 120,000 people', 1, 30000, 120000, 'range', null], ['between 50,000 and 100,000', 1, 50000, 100000, 'range', null]],
    shares: [],
    notes: `Hosts: China to which laborers are still dispatched, the Chinese factories and restaurants employing them, the heading's workers dispatched to China, China and Russia as the top two destinations, and the workers dispatched to China employed in factories. Not hosts: "an investigation in China" (where ASIAPRESS investigated; a judgement call, as the workers it studied are there too), "Korean media" (South Korean press). Legal instruments: "Resolution 2379" (as written; the repatriation resolution of December 2017 is 2397) and "Resolution 2375" twice. Worker counts: private organisations' estimate "between 30,000 and 120,000 people" and Korean media's "between 50,000 and 100,000" (ranges; no single country). Not marked: "within 2 years", "within 120 days" (time). No share. ` + FULL,
  },
};
