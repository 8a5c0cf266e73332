// Hand annotations of the 16 texts of the eleventh held-out set (round 11 of issue 17), gathered and read by hand by a
// person other than the rule writer, and committed before any round-11 rule and before the extractor was run on any of
// them; to be scored once, at the end. Same guidelines as the other sets (../README.md).
// Each entry: [surface, occurrence (1-based, whole-word, case-sensitive), ...values].
const WHERE = 'opening of the page (about the first 2,000 bytes) as stored by the search tool\'s pages corpus';
const WRITTEN = 'The text was written out from the tool\'s answer by decoding its JSON string (no character retyped)';
const FULL = `${WRITTEN}; it ends at the tool's 2,000-byte cut.`;
const SHORTER = `${WRITTEN}; the stored page is shorter than the tool's cut.`;
const SHORT = (n) => `${WRITTEN}; its byte count (${n}, ending mid-word where the tool cuts at 2,000) suggests a non-breaking or invisible character shown as an ordinary one.`;
const NEAR = (n) => `${WRITTEN}; its byte count (${n}) is a few bytes off the tool's 2,000-byte cut, which suggests a non-breaking or invisible character shown as an ordinary one.`;
export const HELDOUT11 = {
  'sputnik-topilin-russia-2019': {
    citation: { publisher: 'Sputnik (sputniknews.com)', title: 'North Korean workers in Russia (subject from the address; the stored excerpt gives no title)', date: '2019-02-05 (from the address)', url: 'https://sputniknews.com/asia/201902051072151692-north-korea-workers-russia/', where: WHERE + ' (the stored excerpt opens in the middle of the article, with a minister\'s quoted remark)' },
    host: [['Russian Federation', 1, 'RU'], ['Russia', 1, 'RU']],
    legal: [['Resolution 2379', 1]],
    workers: [['34,000', 1, 34000, 34000, 'exact', 'RU'], ['11,000', 1, 11000, 11000, 'exact', 'RU']],
    shares: [],
    notes: 'Hosts: the Russian Federation in the minister\'s remark that it will meet its obligations on the workers who must go home (a host acting on its workers), and the workers in Russia whose number fell. Not hosts: the Russian ambassador (a diplomat) and Nalchik (where the minister spoke). Legal instrument: "Resolution 2379" as the text writes it (the resolution it describes, requiring the workers\' return by the end of 2019, is 2397; marked as written, a judgement call). Worker counts: the fall from 34,000 to 11,000 in Russia, each number marked as a count of workers in a country. ' + SHORTER,
  },
  'rbt-wsj-russia-permits-2018': {
    citation: { publisher: 'Russia Business Today (russiabusinesstoday.com), reporting The Wall Street Journal', title: '10,000 North Korean Workers Allowed in Russia Despite UN Ban: Report', date: '2018-08 (the Journal reported on August 2)', url: 'https://russiabusinesstoday.com/economy/10000-north-korean-workers-allowed-in-russia-despite-un-ban-report/', where: WHERE },
    host: [['Russia', 1, 'RU'], ['Russia', 2, 'RU'], ['Russia', 3, 'RU'], ['Russia', 4, 'RU'], ['China', 1, 'CN'], ['Russia', 5, 'RU'], ['Moscow', 1, 'RU'], ['Beijing', 1, 'CN'], ['Russia', 6, 'RU']],
    legal: [],
    workers: [['10,000 North Korean Workers', 1, 10000, 10000, 'exact', 'RU'], ['thousands of North Korean laborers', 1, 1000, 10000, 'order_of_magnitude', 'RU'], ['Over 10,000 new North Korean workers', 1, 10000, null, 'at_least', 'RU'], ['a minimum of 700 new work permits', 1, 700, null, 'at_least', 'RU']],
    shares: [],
    notes: 'Hosts: Russia in the headline and where it admits workers and gives them permits, where over 10,000 registered, "Russia’s actions" that appear to break the sanctions (its admitting of the workers; a judgement call), China and Russia as the countries the workers are mainly sent to, Moscow and Beijing that agreed to stop taking in new workers (capitals for their states, which were taking workers in), and Russia where at least 700 permits were issued. Not hosts: the Russian Interior Ministry as a source of records, the Russian ambassador, "Moscow had not … brought in any new workers" (a denial, not marked, a judgement call), Russia and Moscow asked to do more (politics), "The Southeast Asian country" (the text\'s slip for North Korea). Worker counts: 10,000 in the headline (read as exact), thousands admitted (order of magnitude), over 10,000 registered (at least) and a minimum of 700 new work permits (permits as a count, at least). "Most of the earnings" has no value. The sanctions are not named. ' + SHORTER,
  },
  'blogcopy-vladivostok-exodus-2019': {
    citation: { publisher: 'cincunrisakia.blogspot.com (blog), copying a news story whose source the copy does not name', title: 'North Korean workers flock home as … (title from the address, cut short there; the stored excerpt opens with the dateline)', date: '2019-12 (from the address; the repatriation deadline "arrives on Sunday")', url: 'https://cincunrisakia.blogspot.com/2019/12/north-korean-workers-flock-home-as.html', where: WHERE },
    host: [['Russia', 2, 'RU'], ['Russia', 3, 'RU'], ['Russia', 4, 'RU'], ['Russia', 5, 'RU'], ['Vladivostok', 1, 'RU'], ['Moscow', 1, 'RU'], ['China', 1, 'CN'], ['Russia', 6, 'RU']],
    legal: [],
    workers: [['60 compatriots', 1, 60, 60, 'exact', 'RU'], ['Hundreds of North Korean laborers', 1, 100, 1000, 'order_of_magnitude', 'RU'], ['30,000', 1, 30000, 30000, 'exact', 'RU'], ['several thousand', 1, 1000, 10000, 'order_of_magnitude', 'RU'], ['more than 100,000 people', 1, 100000, null, 'at_least', null]],
    shares: [],
    notes: 'Hosts: Russia’s Far East from where the laborer flies home, Russia where he lived and from which he takes money back, Russia that hundreds of workers leave each day, Vladivostok from where the flights carry them home, Moscow that promised to abide by the sanctions (a host acting on its workers, a judgement call), China which employs more of the workers, and Russia in the same comparison. Not hosts: the dateline (VLADIVOSTOK, Russia), China and Russia submitting a draft resolution (diplomacy). Worker counts: the 60 compatriots waiting with the laborer to fly home (not "a few people in a scene"; a judgement call), hundreds leaving every day (order of magnitude), a workforce of 30,000 in Russia, the several thousand who remain (read like "thousands", 1,000-10,000) and the more than 100,000 of the overseas workforce. "Mr. Ri" is one worker. The draft resolution and the 2017 Security Council action are unnamed. Money is not annotated. ' + FULL,
  },
  'bbc-newsnight-amur-timber-2009': {
    citation: { publisher: 'BBC News (Newsnight)', title: 'N Koreans toiling in Russia\'s timber camps', date: '2009-08-26', url: 'http://news.bbc.co.uk/2/hi/programmes/newsnight/8221164.stm', where: WHERE },
    host: [['Russia', 1, 'RU'], ['Russia', 2, 'RU'], ['Amur region', 1, 'RU'], ['Russia', 3, 'RU']],
    legal: [],
    workers: [['nearly 1,500 workers', 1, 1500, 1500, 'approximate', 'RU']],
    shares: [],
    notes: 'Hosts: Russia\'s timber camps of the headline, far eastern Russia where the North Koreans work, and the Amur region of Russia with its logging camps (the region and the country each a mention). Not hosts: the British businessmen running the company (an employer\'s nationality, its site elsewhere), Tynda (where the reporter went to find the employer; the sentence does not place workers there, a judgement call). Worker count: nearly 1,500 workers in the camps ("nearly" read as approximate). "1,000 miles" is a distance; the workers\' pay is money. ' + FULL,
  },
  'koreaherald-afp-poland-permits-2018': {
    citation: { publisher: 'The Korea Herald (AFP)', title: 'Poland\'s labour minister on North Korean workers and work permits (untitled in the excerpt)', date: '2018-01-04 (from the address)', url: 'https://m.koreaherald.com/view.php?ud=20180104000729', where: WHERE + ' (the stored excerpt opens with the dateline)' },
    host: [['Poland', 2, 'PL'], ['Poland', 4, 'PL'], ['Polish', 3, 'PL'], ['Russia', 1, 'RU'], ['China', 1, 'CN']],
    legal: [],
    workers: [['Around 400 North Koreans', 1, 400, 400, 'approximate', 'PL'], ['74 work permits', 1, 74, 74, 'exact', 'PL'], ['a maximum 462 North Korean citizens', 1, null, 462, 'at_most', 'PL'], ['Tens of thousands of North Koreans', 1, 10000, 100000, 'order_of_magnitude', null]],
    shares: [['nearly 75 percent', 1, 0.75, 0.75, 'approximate', 'other']],
    notes: 'Hosts: Poland where around 400 still work and where at most 462 were, the Polish shipyards where they are mainly employed, and Russia and China where most of those abroad work. Not hosts: the dateline (WARSAW, Poland), the Polish labor ministers and Warsaw where they spoke, "Poland has issued no work permits" (a statement of permits not issued, not marked, a judgement call). Worker counts: around 400, the 74 work permits withdrawn (permits as a count), at most 462, and the tens of thousands abroad (order of magnitude 10,000-100,000, country left null as two countries follow). Share: nearly 75 percent of refined oil products (of other, as earlier sets read a share of oil). The UN resolution is unnamed; the dates are not annotated. ' + SHORTER,
  },
  'ragsnews-upi-poland-magierowski-2017': {
    citation: { publisher: 'UPI, as reposted by rags.news', title: 'Poland diplomat: North Korean workers will leave', date: '2017-10-19 (Oct. 19 in the text; the year from the EU measures it mentions)', url: 'http://rags.news/poland-diplomat-north-korean-workers-will-leave/32762/editor/', where: WHERE },
    host: [['Poland', 2, 'PL'], ['Warsaw', 1, 'PL'], ['Poland', 3, 'PL'], ['Poland', 4, 'PL'], ['Warsaw', 2, 'PL'], ['Poland', 5, 'PL']],
    legal: [],
    workers: [['400 North Korean workers', 1, 400, 400, 'exact', 'PL'], ['about 800 North Koreans', 1, 800, 800, 'approximate', 'PL'], ['550', 1, 550, 550, 'exact', 'PL'], ['about 400 workers', 1, 400, 400, 'approximate', 'PL']],
    shares: [],
    notes: 'Hosts: Poland whose North Korean workers will not get renewed permits, Warsaw that wants all 400 to go home, Poland where workers were coming and which they will have to leave, Warsaw that took measures on the workers before the UN resolution (a host acting on its workers, a judgement call), and Poland where about 800 worked in 2016. Not hosts: "Poland diplomat" in the headline and the Polish diplomat and ambassador (officials), Poland among the first countries with ties to North Korea, the European Union (a region). Worker counts: all 400 who should go home, about 800 in early 2016, 550 in July 2016 and about 400 in January 2017. The UN sanctions resolution is unnamed; "three people and six entities" are sanctioned, not workers. ' + SHORTER,
  },
  'rfa-malta-visas-2016': {
    citation: { publisher: 'Radio Free Asia, special investigation series', title: 'Malta Shifts Policy, but Employers Shrug Off Critics and Actively Seek North Korean Workers', date: 'undated (2016, after July, by its figures)', url: 'https://www.rfa.org/english/news/special/nkinvestigation/malta.html', where: WHERE },
    host: [['Malta', 1, 'MT'], ['Malta', 2, 'MT'], ['Malta', 3, 'MT'], ['Malta', 4, 'MT'], ['Malta', 5, 'MT'], ['Malta', 8, 'MT'], ['Malta', 9, 'MT']],
    legal: [],
    workers: [['two or three workers', 1, 2, 3, 'range', 'MT'], ['three North Koreans', 1, 3, 3, 'exact', 'MT'], ['33', 1, 33, 33, 'exact', 'MT'], ['30', 1, 30, 30, 'exact', 'MT'], ['one', 2, 1, 1, 'exact', 'MT'], ['50', 1, 50, 50, 'exact', 'MT']],
    shares: [],
    notes: 'Hosts: Malta in the headline (its employers seeking North Korean workers), the companies based in Malta seeking them, the conditions in Malta of the underpaid workers, Malta’s government restricting their visas (a host acting on its workers), the Bilom Group based in Malta, Malta where three lived on work visas, and Malta where their number grew. Not hosts: the caption\'s "workers in Malta" (workers in general), Malta’s Ministry of Foreign Affairs (an official), the Chinese owner of Leisure Clothing (its site is in Malta), the Italian and British brands (customers), China and Vietnam (where other workers came from). Worker counts: the two or three workers a firm applied for (a range, of workers to be employed; a judgement call), three on work visas in July 2016, 33 and 30 in January and February, one in December 2009 (the second whole-word "one"; the first is "one was denied") and 50 at the end of a later year (the sentence is cut after it, but the number is given). ' + FULL,
  },
  'rfa-mongolia-cashmere-women': {
    citation: { publisher: 'Radio Free Asia, special investigation series', title: 'Poor Conditions, Low Pay for North Korean Women Working in Mongolia\'s Textile Industry (Part 1)', date: 'undated', url: 'https://www.rfa.org/english/news/special/nkinvestigation/mongo1.html', where: WHERE },
    host: [['Mongolia', 1, 'MN'], ['Mongolia', 2, 'MN'], ['Mongolia', 3, 'MN'], ['Mongolia', 4, 'MN'], ['Ulaanbaatar', 1, 'MN'], ['Mongolian', 1, 'MN']],
    legal: [],
    workers: [['tens of thousands of workers', 1, 10000, 100000, 'order_of_magnitude', null], ['150 North Koreans', 1, 150, 150, 'exact', 'MN'], ['dozens of North Korean women', 1, 10, 100, 'order_of_magnitude', 'MN']],
    shares: [],
    notes: 'Hosts: Mongolia in the headline and where the women are sent, "Mongolia’s struggling economy" in the sentence that says North Korea sends women to the country\'s textile factories (the sentence makes it the host; a judgement call), Mongolia’s capital Ulaanbaatar where dozens were found working, and the Mongolian companies that own the factories (employers with their sites there). Not hosts: South Korea and China (where Mongolians seek work). Worker counts: the tens of thousands North Korea sends abroad (order of magnitude), the 150 North Koreans of the Gobi cashmere factory (a caption; Gobi is a company, the country from the text) and the dozens of women found working (10-100). "Two factories" are factories. ' + FULL,
  },
  'upi-china-clothes-us-brands-2016': {
    citation: { publisher: 'UPI (Elizabeth Shim)', title: 'North Koreans assembling clothes for leading U.S brands in China', date: '2016-05-17', url: 'https://www.upi.com/Top_News/World-News/2016/05/17/North-Koreans-assembling-clothes-for-leading-US-brands-in-China/5021463541893/', where: WHERE },
    host: [['China', 1, 'CN'], ['Chinese', 1, 'CN'], ['Chinese', 2, 'CN'], ['China', 4, 'CN'], ['Chinese', 3, 'CN'], ['Chinese', 4, 'CN'], ['Chinese', 6, 'CN'], ['Dandong', 2, 'CN'], ['Chinese', 7, 'CN'], ['Chinese', 8, 'CN']],
    legal: [],
    workers: [['hundreds of North Koreans', 1, 100, 1000, 'order_of_magnitude', 'CN'], ['54', 1, 54, 54, 'exact', 'CN'], ['800', 1, 800, 800, 'exact', 'CN']],
    shares: [],
    notes: 'Hosts: China in the headline and where the laborers stitch clothes, the Chinese clothing manufacturers employing North Korean laborers (in the photo caption, given twice), the Chinese manufacturers and firms hiring them, the Chinese border city of Dandong with its plant employing 800 (the adjective and the city each a mention), the Chinese subcontractors and manufacturers hiring North Koreans. Not hosts: "a source in China" and "northeastern China" (where sources are), the China-North Korea border (geography), the Chinese business collaborating to build a company, the Dandong Miryong Garment Company (a company name), the United States, Europe and Japan (customers), Hunan Province (its sentence is cut before it says anything of workers). Worker counts: hundreds at Mei Dao, 54 in total employed in 2012 (the number alone, its noun before it), and 800 of the plant\'s laborers. "About 1,200 workers" is the plant\'s whole workforce, not North Koreans (not marked); 800 of 1,200 is not written as a proportion. ' + FULL,
  },
  'dailynk-china-clothes-south-korea-2021': {
    citation: { publisher: 'Daily NK', title: 'N. Korean workers in China are making clothes for South Korea (title from the address)', date: 'undated (2021 by its content: factories back to normal after the 2020 closures)', url: 'https://www.dailynk.com/english/n-korean-workers-in-china-are-making-clothes-for-south-korea/', where: WHERE },
    host: [['China', 1, 'CN'], ['Chinese', 1, 'CN'], ['China', 3, 'CN'], ['Chinese', 2, 'CN'], ['Jilin', 1, 'CN'], ['China', 4, 'CN'], ['Jilin Province', 1, 'CN'], ['China', 5, 'CN'], ['Chinese', 4, 'CN']],
    legal: [['UN Security Council Resolution 2397', 1]],
    workers: [['some 50,000 North Korean workers', 1, 50000, 50000, 'approximate', 'CN']],
    shares: [['just a quarter', 1, 0.25, 0.25, 'exact', 'other']],
    notes: 'Hosts: China where some 50,000 earn currency, the Chinese manager whose clothing company has North Korean workers making clothes (an employer there; a judgement call), the factories in China employing them, the Chinese factories where their wage is paid, Jilin and China and Jilin Province and China of the photo caption and its repeat, and the Chinese companies that prefer North Korean workers. Not hosts: "a Daily NK source in China" (where the source is), South Korea (the customer), the Chinese counterparts and Chinese workers (Chinese wages). Worker count: some 50,000 in China. Share: North Koreans make just a quarter of what Chinese workers make (a wage relative to another, of other, as earlier sets read "about 50 %" of the Chinese average). "Roughly 20 to 30% higher" is a change, not marked. Legal instrument: UN Security Council Resolution 2397 at the end of the excerpt (complete as a naming). Money is not annotated. ' + NEAR(1999),
  },
  'rightscorridor-cambodia-sixteen-2020': {
    citation: { publisher: 'Rights Corridor (rightscorridor.com), reporting the Mainichi (Kyodo News)', title: 'Cambodia to deport illegal migrant workers from North Korea', date: '2020-01 (Saturday, January 04; the restaurant closures of the month before)', url: 'https://rightscorridor.com/cambodia-to-deport-illegal-migrant-workers-from-north-korea/', where: WHERE },
    host: [['Cambodia', 1, 'KH'], ['Cambodia', 2, 'KH'], ['Cambodia', 3, 'KH'], ['Cambodia', 4, 'KH'], ['Cambodia', 5, 'KH']],
    legal: [],
    workers: [['Sixteen North Korean men', 1, 16, 16, 'exact', 'KH']],
    shares: [],
    notes: 'Hosts: Cambodia deporting the workers (headline), where the sixteen worked illegally, which they must leave, where they arrived, and which closed the North Korean restaurants operating there (the restaurants\' staff were North Koreans earning money there; a judgement call). Not hosts: Siem Reap (the police chief\'s province; the text does not say the men worked there), Europe, Asia and the Middle East (regions), Japan of the source line. Worker count: the sixteen men accused of working illegally. "All six North Korean restaurants" counts restaurants; the U.N. resolution is unnamed. ' + SHORTER,
  },
  'upi-sankei-interim-report-2020': {
    citation: { publisher: 'UPI', title: 'Report: North Korea laborers still deployed overseas (title from the address)', date: '2020-08-13', url: 'https://www.upi.com/Top_News/World-News/2020/08/13/Report-North-Korea-laborers-still-deployed-overseas/6541597323178/', where: WHERE + ' (the stored excerpt opens with a date line and a photo caption)' },
    host: [['China', 1, 'CN'], ['China', 2, 'CN'], ['Syria', 1, 'SY'], ['Vietnam', 1, 'VN'], ['Russia', 1, 'RU'], ['Russia', 2, 'RU'], ['China', 3, 'CN'], ['Syria', 2, 'SY'], ['Syria', 3, 'SY']],
    legal: [],
    workers: [['at least 800 North Korean workers', 1, 800, null, 'at_least', 'SY']],
    shares: [['less than 20%', 1, null, 0.2, 'at_most', 'other']],
    notes: 'Hosts: China in the caption, China, Syria, Vietnam and Russia where workers remain, Russia as a member state retaining their services, China and Syria where contracts were renewed, and Syria where a firm asked for workers to be sent (supposed to be sent). Not hosts: the Japanese newspaper, Seoul (a research institute). Worker count: at least 800 requested for Syria. Share: less than 20% of member states submitted reports (of other). "40 countries" counts countries. The sanctions are not named. Money is not annotated. The text ends mid-word at 1,914 bytes, below the tool\'s usual cut; ' + WRITTEN + '.',
  },
  'hrnkinsider-cecc-seafood-2023': {
    citation: { publisher: 'Committee for Human Rights in North Korea (HRNK Insider blog), testimony of its executive director before the Congressional-Executive Commission on China', title: 'North Korean Forced Labor in the U.S. Seafood Supply Chain', date: '2023-10-27', url: 'https://www.hrnkinsider.org/', where: WHERE + ' (the blog\'s front page, whose first post is the testimony)' },
    host: [['China', 2, 'CN'], ['Chinese', 1, 'CN'], ['Chinese', 2, 'CN'], ['China', 3, 'CN']],
    legal: [['Countering America’s Adversaries through Sanctions Act', 1], ['CAATSA', 1], ['CAATSA', 2], ['Section 302(b) of the North Korea Sanctions and Policy Enhancement Act of 2016', 1], ['22 U.S.C. 9241 (b)', 1], ['Section 111 of the Trafficking Victims Protection Act of 2000', 1], ['22 U.S.C. 7108', 1], ['CAATSA', 3]],
    workers: [['thousands of North Korean workers', 1, 1000, 10000, 'order_of_magnitude', 'CN']],
    shares: [],
    notes: 'Hosts: China’s seafood processing plants to which workers are dispatched, the Chinese entities that employ North Korean laborers, the Chinese seafood factories to which thousands were dispatched, and seafood processed by the workers in China. Not hosts: the Commission on China (a name), "from North Korea to China" (trade), the United States (importer). Legal instruments: the act\'s name and "(CAATSA)" after it, CAATSA standing alone twice more, Section 302(b) of the North Korea Sanctions and Policy Enhancement Act of 2016 and its code citation 22 U.S.C. 9241 (b) (written with a space), Section 111 of the Trafficking Victims Protection Act of 2000 and 22 U.S.C. 7108. Not marked: "UN Security Council Sanctions" (unnamed) and the heading of the CAATSA provisions (a title without a number). Worker count: thousands dispatched to Chinese seafood factories. ' + SHORT(1997),
  },
  'koreatimesus-asan-report-2014': {
    citation: { publisher: 'The Korea Times US (koreatimesus.com), by Lee Min-hyung', title: 'North Korean gov’t forces citizens to work in other countries', date: '2014-11-26', url: 'http://www.koreatimesus.com/north-korean-govt-forces-citizens-to-work-in-other-countries/', where: WHERE },
    host: [['Malaysia', 1, 'MY'], ['Russia', 1, 'RU'], ['China', 1, 'CN']],
    legal: [],
    workers: [['approximately 50,000 North Korean workers', 1, 50000, 50000, 'approximate', null], ['about 20,000 workers', 1, 20000, 20000, 'approximate', null]],
    shares: [['about 10-15 percent of their wages', 1, 0.1, 0.15, 'range', 'wages']],
    notes: 'Hosts: Malaysia where workers say most of their wages go to the regime (a photo caption), and Russia and China at the top of the list of countries with forced North Korean laborers. Not hosts: Australia (the Walk Free Foundation), the International Criminal Court. Worker counts: approximately 50,000 in 16 countries, and about 20,000 in each of Russia and China (one span standing for two countries, so its country is left null; a judgement call). The 93,000 in modern slavery include forced marriage and trafficking, not only workers (not marked); "16 countries" and "167 countries" count countries. Share: the workers receive only about 10-15 percent of their wages (a range of wages kept by the workers). Money is not annotated. ' + FULL,
  },
  'donga-tip-report-2023': {
    citation: { publisher: 'The Dong-A Ilbo (donga.com, English edition)', title: 'US designates N. Korea as ‘worst human trafficking country’', date: '2023-06-17', url: 'https://www.donga.com/en/article/all/20230617/4229140/1', where: WHERE },
    host: [['China', 1, 'CN']],
    legal: [],
    workers: [['20,000 to 100,000 North Korean workers', 1, 20000, 100000, 'range', 'CN']],
    shares: [],
    notes: 'Host: China where the U.S. report estimates North Korean workers in restaurants and factories. Not hosts: China where defectors are caught and which returns them, China rated Tier 3 and the Chinese authorities (asylum-seekers, not workers), the ROK (migrant workers there are not North Korean workers). Worker count: 20,000 to 100,000 in China (a range). The 80,000 to 120,000 are prisoners in camps (not workers abroad). The Trafficking in Persons Report is a report, not a legal instrument. ' + SHORT(1997),
  },
  'psnews-libya-medical-team-2023': {
    citation: { publisher: 'PS News (psnews.com.au)', title: 'Libya: sanction-dodging medics get to work (title from the address)', date: '2023-01-12 (the dateline at its end)', url: 'https://psnews.com.au/libya-sanction-dodging-medics-get-to-work/98448', where: WHERE },
    host: [['Libya', 1, 'LY'], ['Kufra City', 1, 'LY'], ['Senegal', 1, 'SN'], ['Kufra', 2, 'LY'], ['Libyan', 1, 'LY'], ['Libyan', 2, 'LY']],
    legal: [],
    workers: [['38-member team', 1, 38, 38, 'exact', 'LY'], ['12 nurses', 1, 12, 12, 'exact', 'LY']],
    shares: [],
    notes: 'Hosts: Libya where the medical team landed to work, Kufra City with the hospital where they will work, Senegal where some had worked in 2019, Kufra where RFA reported their presence (the first whole-word "Kufra" is inside "Kufra City"), the Libyan hospitals that relied on North Korean medical professionals, and the Libyan hospital that relied on North Korean doctors who have left (from where sent home). Not hosts: "North Korea’s Ambassador to Libya" (a diplomatic post), Libya’s security situation (cooperation to be restored, no workers yet; a judgement call), the closing dateline Tripoli. Worker counts: the 38-member team of medical workers, and the 12 nurses among them (a part of the team, marked as a count of workers; a judgement call). The UN sanctions are not named. ' + SHORTER,
  },
};
