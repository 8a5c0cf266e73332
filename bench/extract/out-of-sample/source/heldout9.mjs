// Hand annotations of the 11 texts of the ninth held-out set (round 9 of issue 17), gathered and read by hand by a
// person other than the rule writer, and committed before any round-9 rule and before the extractor was run on any of
// them; to be scored once, at the end. Same guidelines as the other sets (../README.md).
// Each entry: [surface, occurrence (1-based, whole-word, case-sensitive), ...values].
const WHERE = 'opening of the page (about the first 2,000 bytes) as stored by the search tool\'s pages corpus';
const WHERE_PART = 'the passage of the page the search tool\'s pages corpus returned for the query (about 2,000 bytes; not the opening of the document)';
const WRITTEN = 'The text was written out from the tool\'s answer by decoding its JSON string (no character retyped)';
const FULL = `${WRITTEN}; it ends at the tool's 2,000-byte cut.`;
const SHORTER = `${WRITTEN}; the stored page is shorter than the tool's cut.`;
const SHORT = (n) => `${WRITTEN}; its byte count (${n}, ending mid-word where the tool cuts at 2,000) suggests a non-breaking or invisible character shown as an ordinary one.`;
// Employers: a company or employer of a country said to employ or depend on North Korean workers ("Chinese employers",
// "Senegalese companies") is read as the workers being employed in that country, as with "a Russian construction
// company" in the guidelines; a business partner that only operates a factory elsewhere is not.
export const HELDOUT9 = {
  'malaymail-sarawak-87-2017': {
    citation: { publisher: 'Malay Mail', title: 'Hunt is on for overstaying North Koreans in Sarawak', date: '2017-03-17', url: 'https://www.malaymail.com/news/malaysia/2017/03/17/hunt-is-on-for-overstaying-north-koreans-in-sarawak/1336897', where: WHERE },
    host: [['Malaysian', 1, 'MY'], ['Sarawak', 1, 'MY'], ['Sarawak', 2, 'MY'], ['Kuala Tatau', 1, 'MY'], ['Lawas', 1, 'MY'], ['Sarawak', 3, 'MY'], ['Malaysia', 2, 'MY']],
    legal: [],
    workers: [['87 North Korean workers', 1, 87, 87, 'exact', 'MY'], ['176 North Koreans', 1, 176, 176, 'exact', 'MY'], ['36', 1, 36, 36, 'exact', 'MY'], ['37 North Koreans', 1, 37, 37, 'exact', 'MY'], ['16', 1, 16, 16, 'exact', 'MY'], ['53', 1, 53, 53, 'exact', 'MY']],
    shares: [],
    notes: 'Hosts: the Malaysian authorities tracing the workers (a host acting on its workers, as in rounds 7 and 8), Sarawak where the 87 workers are, where 176 were employed and where they work in coal mines, Kuala Tatau and Lawas where overstaying workers were rounded up and detained (places where they were found), and Malaysia moving to locate and deport them (from where they are sent home; a judgement call). Not hosts: the dateline, Malaysia in the diplomatic row, the Malaysians barred from leaving North Korea, and the 315 North Koreans in Malaysia of whom 191 are in a residence programme (residents, not workers; neither number is marked). Worker counts: the 87 traced, the 176 employed, the 36 holding valid work permits, the 37 and the 16 rounded up for overstaying their work permits, and the total of 53 arrested for deportation (workers to be sent home); "another 16" and "a total of 53" are spanned on the number alone ("another", "a total of" are no qualifiers of value). ' + SHORTER,
  },
  'dailynk-dandong-labor-plummets': {
    citation: { publisher: 'Daily NK', title: 'Dandong factories struggle as North Korean labor force plummets (title from the address; the stored excerpt opens with a photo caption)', date: 'undated', url: 'https://www.dailynk.com/english/dandong-factories-struggle-north-korean-labor-force-plummets/', where: WHERE },
    host: [['Chinese', 1, 'CN'], ['Dandong', 1, 'CN'], ['Dandong', 2, 'CN'], ['Dandong', 3, 'CN'], ['Chinese', 2, 'CN'], ['Chinese', 3, 'CN'], ['Chinese', 7, 'CN']],
    legal: [],
    workers: [['fewer than 10,000 North Korean laborers', 1, null, 10000, 'at_most', 'CN'], ['70,000-80,000 North Korean workers', 1, 70000, 80000, 'range', 'CN'], ['fewer than 100 North Korean workers', 1, null, 100, 'at_most', 'CN']],
    shares: [['about 1/8', 1, 0.125, 0.125, 'approximate', 'workforce']],
    notes: 'Hosts: the caption\'s Chinese factory staffed by North Koreans, Dandong where their number fell, where fewer than 10,000 remain and where 70,000-80,000 were at the peak, and the Chinese factory owners and Chinese employers who depend on or save on North Korean workers (employers, see the header of this file). Not hosts: the source "in China" (where the speaker is), the China-North Korea border (geography), Chinese law, Chinese workers and Chinese people (comparisons), and the tag words at the top of the page. "Fewer than" is read like "up to" (high only). The small factories "employing fewer than 100 North Korean workers" give a count at a site. "About 1/8 of them remain" is a share of the workforce of Dandong. Wages in yuan and dollars, "five to six times" and hours are not annotated. ' + FULL,
  },
  'hani-dandong-influx-2012': {
    citation: { publisher: 'The Hankyoreh (english.hani.co.kr), by Song Kyung-hwa', title: 'China adjusts to influx of cheap North Korean labor', date: '2012-09-13', url: 'https://english.hani.co.kr/arti/english_edition/e_northkorea/551521.html', where: WHERE },
    host: [['China', 1, 'CN'], ['China', 2, 'CN'], ['Dandong', 2, 'CN'], ['Dandong', 3, 'CN'], ['Tumen', 1, 'CN']],
    legal: [],
    workers: [['400 factory workers', 1, 400, 400, 'exact', 'CN'], ['around 100 North Korean workers', 1, 100, 100, 'approximate', 'CN'], ['300 North Korean women', 1, 300, 300, 'exact', 'CN']],
    shares: [],
    notes: 'Hosts: the headline (an influx of North Korean labour into China), North Korean workers coming to China, Dandong where the inflow of North Korean labour is most active and where 400 of a factory\'s workers are North Korean, and Tumen where North Korean workers were dispatched. Not hosts: the reporter\'s byline "in Dandong", the two bare "China." captions (they say nothing), the factory moved "to China" (that sentence says nothing of workers), Dandong as the place a Taiwanese businessman plans to move to (the workers come in the next sentence, as in round 8\'s Angola text), the Singaporean and Taiwanese operators (business partners), Shanghai, Shandong, Europe, the North Korea-China border (geography) and "a Han Chinese" (a person). Worker counts: the 400 North Korean factory workers, the around 100 North Korean workers a company plans to hire (workers supposed to be employed), and the 300 North Korean women working in a factory. "Groups of 20 or 30" is a scene, not a count. ' + FULL,
  },
  'upi-oman-300-sent-home-2016': {
    citation: { publisher: 'UPI, by Elizabeth Shim', title: 'Hundreds of North Korea workers in Oman sent home, report says', date: '2016-12-29', url: 'https://www.upi.com/Top_News/World-News/2016/12/29/Hundreds-of-North-Korea-workers-in-Oman-sent-home-report-says/2551483031058/?st_rec=8281483112503', where: WHERE },
    host: [['Oman', 1, 'OM'], ['Oman', 2, 'OM'], ['Oman', 3, 'OM'], ['Oman', 4, 'OM'], ['Oman', 5, 'OM'], ['Kuwait', 1, 'KW'], ['United Arab Emirates', 1, 'AE'], ['Qatar', 1, 'QA'], ['Libya', 1, 'LY'], ['Oman', 6, 'OM']],
    legal: [],
    workers: [['Hundreds of North Korea workers', 1, 100, 1000, 'order_of_magnitude', 'OM'], ['tens of thousands of forced laborers', 1, 10000, 100000, 'order_of_magnitude', null], ['tens of thousands of forced laborers', 2, 10000, 100000, 'order_of_magnitude', null], ['About 300 North Korean state workers', 1, 300, 300, 'approximate', 'OM']],
    shares: [],
    notes: 'Hosts: Oman in the headline, where about 300 workers were repatriated from, in "Oman-North Korea trade" (the sentence says the workforce was deployed for construction there in 2015; a judgement call), where all workers residing were returned, Oman cited as a host, Kuwait, the United Arab Emirates, Qatar and Libya where workers were or are deployed, and the construction site in Oman where cash was collected (where workers are). Not hosts: the dateline, South Korea (the source) and Seoul\'s agency, Sri Lanka and Colombo (where officials carrying cash were detained in transit), the Middle East (a region). The caption "tens of thousands of forced laborers" overseas appears twice and is marked twice (10,000-100,000, order of magnitude). "Hundreds" with its noun is 100-1,000. "A tiny fraction" has no value. ' + FULL,
  },
  'dailynk-russia-sites-despite-sanctions': {
    citation: { publisher: 'Daily NK', title: 'North Korean laborers reach Russian construction sites despite sanctions', date: 'undated (2019 by its content: Russia\'s interim report of March on the numbers at the end of 2018)', url: 'https://www.dailynk.com/english/north-korean-laborers-reach-russian-construction-sites-despite-sanctions/', where: WHERE },
    host: [['Russian', 1, 'RU'], ['Ussuriysk', 1, 'RU'], ['Ussuriysk', 2, 'RU'], ['Russia', 1, 'RU'], ['China', 1, 'CN'], ['Russia', 2, 'RU'], ['Russia', 3, 'RU'], ['Khabarovsk', 1, 'RU'], ['Khabarovsk', 2, 'RU'], ['Ussuriysk', 3, 'RU'], ['Russian', 2, 'RU'], ['Russia', 4, 'RU'], ['Russia', 5, 'RU'], ['Russia', 6, 'RU'], ['Russia', 7, 'RU'], ['Vladivostok', 1, 'RU'], ['Russky Island', 1, 'RU']],
    legal: [],
    workers: [['30,023', 1, 30023, 30023, 'exact', 'RU'], ['11,490', 1, 11490, 11490, 'exact', 'RU']],
    shares: [],
    notes: 'Hosts: the Russian construction sites of the headline and of the deployment sentence, Ussuriysk in the two captions and where workers are dispatched, Russia where workers flow in, enter, stay and work, China where they use working visas, Khabarovsk where they arrive and are dispatched, Russia reporting its North Korean workers to the UN (a country reporting its workers is a host), and the building in Vladivostok\'s Russky Island where they work (both place names marked). Not hosts: the US (requesting reports), UN member nations, Tumangang (in North Korea). The two counts of workers staying in Russia at the end of 2017 and of 2018 are spanned on the number alone (the noun precedes). Hours are not annotated. ' + SHORT(1999),
  },
  'state-it-worker-advisory-2022-bsafes': {
    citation: { publisher: 'U.S. Department of State, Department of the Treasury and FBI joint advisory, as republished by BSafes publications (publications.bsafes.com)', title: 'Guidance on the Democratic People\'s Republic of Korea Information Technology Workers', date: '2022-05-16', url: 'https://publications.bsafes.com/docs/state/advisory-20220516-guidance-on-the-democratic-peoples-republic-of-korea-information-technology-workers-5', where: WHERE_PART },
    host: [],
    legal: [['UN Security Council resolutions 2321', 1], ['2371', 1], ['2397', 1], ['UN Security Council resolution 2375', 1], ['UN Security Council resolution 2397', 1]],
    workers: [],
    shares: [],
    notes: 'Legal instruments: the list "UN Security Council resolutions 2321, 2371, and 2397" (the first with its name, the bare 2371 and 2397), resolution 2375 and resolution 2397 by name. Not marked: the "1718 Committee" (a committee, not an instrument), "December 22, 2019" (a date), OFAC\'s authority (unnamed). No country is named as a host (UN Member States are not a country) and no number of workers is given. The stored page of this republished advisory opens at the section on consequences. ' + FULL,
  },
  'voa-senegal-rapporteur-alarmed': {
    citation: { publisher: 'Voice of America', title: 'Rights Expert Alarmed About North Korean Worker Conditions', date: 'undated (the stored excerpt gives no date)', url: 'https://www.voanews.com/a/east-asia-pacific_rights-expert-alarmed-about-north-korean-worker-conditions/6177030.html', where: WHERE },
    host: [['Ouakam', 1, 'SN'], ['Dakar', 1, 'SN'], ['Ouakam', 2, 'SN'], ['Dakar', 2, 'SN'], ['Senegal', 1, 'SN'], ['Senegalese', 1, 'SN'], ['Dakar', 3, 'SN'], ['Senegalese', 2, 'SN']],
    legal: [],
    workers: [['approximately 30 North Korean workers', 1, 30, 30, 'approximate', 'SN']],
    shares: [['approximately 70%', 1, 0.7, 0.7, 'approximate', 'wages']],
    notes: 'Hosts: Ouakam and Dakar in the two captions (the workers\' compound), the illicit labour activities in Senegal, the Senegalese capital of Dakar where about 30 workers laboured on construction sites (both words marked), and the private Senegalese companies they worked for (employers, see the header of this file). The government taking approximately 70% of workers\' salaries is a share of wages. "A significant portion" has no value; "$120 a month" is money. ' + FULL,
  },
  'udf-minsk-500-builders': {
    citation: { publisher: 'UDF.BY (udf.by), reporting Nasha Niva and Minsk News', title: '500 North Koreans to work at Minsk constructions sites, 30 arrive next week', date: 'undated story (it speaks of 2012 as the current year); page marked "Updated at 14:52,24-02-2021"', url: 'https://udf.by/english/economy/66859-500-north-koreans-to-work-at-minsk-constructions-sites-30-arrive-next-week.html', where: WHERE },
    host: [['Minsk', 1, 'BY'], ['Minsk', 5, 'BY'], ['Minsk', 6, 'BY']],
    legal: [],
    workers: [['500 North Koreans', 1, 500, 500, 'exact', 'BY'], ['30', 1, 30, 30, 'exact', 'BY'], ['30', 2, 30, 30, 'exact', 'BY'], ['500 persons', 1, null, 500, 'at_most', 'BY']],
    shares: [],
    notes: 'Hosts: Minsk in the headline (construction sites where 500 North Koreans are to work), and Minsk where North Korean builders are to be brought and where the first 30 are to arrive. Not hosts: Minsk where the deficit of builders is met from other Belarus regions, Minsk\'s construction sites that 2,000 (non-North Korean) builders reached, the Minsk construction branch (none of these sentences is about North Koreans), and the company name Minskbud. Worker counts: the 500 North Koreans and the 30 arriving of the headline, the first 30 to arrive, and "may reach 500 persons" read as an upper bound (up to 500; a judgement call). The 2,000, 3,000 and 17.2 thousand builders are not North Korean workers. ' + SHORTER,
  },
  'ced-cbp-fifteen-shipments-2018': {
    citation: { publisher: 'Consumer Electronics Daily (Warren News), staging copy of the site', title: 'Fifteen Shipments Blocked So Far Due to Possible Use of North Korean Labor, CBP Says', date: '2018-01-12 (from the address)', url: 'http://stage.consumerelectronicsdaily.com/article/2018/01/12/fifteen-shipments-blocked-so-far-due-to-possible-use-of-north-korean-labor-cbp-says-1801120007?BC=bc_67213612eee8a', where: WHERE },
    host: [['China', 2, 'CN']],
    legal: [['Countering America’s Adversaries through Sanctions Act', 1], ['P.L. 115-44', 1], ['19 U.S.C. § 1307', 1]],
    workers: [],
    shares: [],
    notes: 'Legal instruments: the act by its name (written with a lower-case "through"), its public law number in parentheses, and the code section 19 U.S.C. § 1307. Not marked: "the new law", "new sanctions" (unnamed), the document numbers in parentheses. Host: the areas within China suspected of using North Korean labour to make goods. Not a host: the seafood shipments "from China" held (the sentence gives an origin of goods and says nothing of workers; a judgement call). "[15] of shipments" and "approximately 235 importers" are not worker counts. ' + FULL,
  },
  'faegredrinker-cbp-guidance-2017': {
    citation: { publisher: 'Faegre Drinker (faegredrinker.com), client alert by Nate Bolin', title: 'CBP Issues Guidance on Complying with New Prohibitions on the Use of North Korean Labor and Inputs in Imported Merchandise', date: '2017-11-10', url: 'https://www.faegredrinker.com/en/insights/publications/2017/11/cbp-issues-guidance-on-complying-with-new-prohibitions-on-the-use-of-north-korean-labor-and-inputs__', where: WHERE },
    host: [],
    legal: [['Countering America’s Adversaries Through Sanctions Act', 1], ['CAATSA', 1], ['CAATSA', 2], ['Section 307 of the Tariff Act of 1930', 1], ['19 U.S.C § 1307', 1], ['Trade Facilitation and Trade Enforcement Act', 1], ['TFTEA', 1], ['TFTEA', 2], ['CAATSA', 3]],
    workers: [],
    shares: [],
    notes: 'Legal instruments: the act by name and its acronym in parentheses, CAATSA standing alone twice more, "Section 307 of the Tariff Act of 1930" as one span (a section with its instrument), the code section written "19 U.S.C § 1307" (without a full stop after C), and the Trade Facilitation and Trade Enforcement Act with its acronym, which stands alone once more. Not marked: "the new law" (unnamed). No country is named as a host ("a number of countries outside of North Korea"). ' + FULL,
  },
  'lrrc-cbp-ban-imports-2017': {
    citation: { publisher: 'Lewis Roca Rothgerber Christie (blog.lrrc.com), Outdoor industry blog', title: 'CBP to Ban Imports Made by North Korean Workers Regardless of Location', date: '2017-10-09 (from the address)', url: 'https://blog.lrrc.com/outdoor/2017/10/09/cbp-ban-imports-made-north-korean-workers-regardless-location/', where: WHERE },
    host: [['Chinese', 1, 'CN']],
    legal: [['Executive Order 13570', 1], ['Executive Order 13570', 2], ['Section 510.201(c)', 1], ['Executive Order 13570', 3]],
    workers: [],
    shares: [],
    notes: 'Host: the "Chinese-processed seafood" produced with North Korean labourers (the workers process it in China; a judgement call). Legal instruments: Executive Order 13570 three times and the regulation section "Section 510.201(c)" (its instrument is only called "the OFAC sanctions on North Korea", which is not a name, so the span is the section alone). Not marked: "no law on the books" (unnamed). "Most of a North Korean laborer\'s salary" has no value. ' + SHORTER,
  },
};
