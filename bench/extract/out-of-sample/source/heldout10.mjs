// Hand annotations of the 11 texts of the tenth held-out set (round 10 of issue 17), gathered and read by hand by a
// person other than the rule writer, and committed before any round-10 rule and before the extractor was run on any of
// them; to be scored once, at the end. Same guidelines as the other sets (../README.md).
// Each entry: [surface, occurrence (1-based, whole-word, case-sensitive), ...values].
const WHERE = 'opening of the page (about the first 2,000 bytes) as stored by the search tool\'s pages corpus';
const WRITTEN = 'The text was written out from the tool\'s answer by decoding its JSON string (no character retyped)';
const FULL = `${WRITTEN}; it ends at the tool's 2,000-byte cut.`;
const SHORTER = `${WRITTEN}; the stored page is shorter than the tool's cut.`;
const SHORT = (n) => `${WRITTEN}; its byte count (${n}, ending mid-word where the tool cuts at 2,000) suggests a non-breaking or invisible character shown as an ordinary one.`;
const NEAR = (n) => `${WRITTEN}; its byte count (${n}) is a few bytes off the tool's 2,000-byte cut, which suggests a non-breaking or invisible character shown as an ordinary one.`;
export const HELDOUT10 = {
  'freekorea-expat-labor-limits-2015': {
    citation: { publisher: 'One Free Korea (freekorea.us), blog', title: 'N. Korea’s expatriate labor needs ethical and financial limits', date: '2015-05-14 (from the address)', url: 'http://freekorea.us/2015/05/14/n-koreas-expat-labor-needs-ethical-and-financial-limits/', where: WHERE },
    host: [['Russia', 1, 'RU'], ['China', 1, 'CN'], ['Mongolia', 1, 'MN'], ['Kuwait', 1, 'KW'], ['UAE', 1, 'AE'], ['Qatar', 1, 'QA'], ['Angola', 1, 'AO'], ['Poland', 1, 'PL'], ['Malaysia', 1, 'MY'], ['Oman', 1, 'OM'], ['Libya', 1, 'LY'], ['Myanmar', 1, 'MM'], ['Nigeria', 1, 'NG'], ['Algeria', 1, 'DZ'], ['Equatorial Guinea', 1, 'GQ'], ['Ethiopia', 1, 'ET']],
    legal: [],
    workers: [['100,000 North Koreans', 1, 100000, 100000, 'exact', null], ['20,000', 1, 20000, 20000, 'exact', null], ['around 53,000', 1, 53000, 53000, 'approximate', null], ['20,000', 2, 20000, 20000, 'exact', 'RU'], ['19,000', 1, 19000, 19000, 'exact', 'CN'], ['1,300', 1, 1300, 1300, 'exact', 'MN'], ['5,000', 1, 5000, 5000, 'exact', 'KW'], ['2,000', 1, 2000, 2000, 'exact', 'AE'], ['1,800', 1, 1800, 1800, 'exact', 'QA'], ['1,000', 1, 1000, 1000, 'exact', 'AO'], ['400-500', 1, 400, 500, 'range', 'PL'], ['300', 2, 300, 300, 'exact', 'MY'], ['300', 3, 300, 300, 'exact', 'OM'], ['300', 4, 300, 300, 'exact', 'LY'], ['200', 2, 200, 200, 'exact', 'MM'], ['200', 3, 200, 200, 'exact', 'NG'], ['200', 4, 200, 200, 'exact', 'DZ'], ['200', 5, 200, 200, 'exact', 'GQ'], ['100', 2, 100, 100, 'exact', 'ET']],
    shares: [],
    notes: 'Hosts: the sixteen countries of the list of states said to host workers sent by the regime, each with its number in brackets. Not hosts: Iran (arms deals), Europe and Africa (regions). Worker counts: the NGO estimate of 100,000 North Koreans working overseas, the rapporteur\'s lower estimate of 20,000 (an estimate without a qualifier word is read as exact), the testimony\'s figure of around 53,000, and the sixteen bracketed numbers of the list, each spanned on the number alone with its country (the Kuwait entry lacks its opening bracket; "400-500" is a range). The "300", "200" and "100" of the list are later occurrences because the whole-word search also finds them inside "1,300", "$200 million" and "100,000". "Double the number" is a change, not a share; "16 countries" and "all but two of the 16 states" count countries. Money is not annotated. ' + SHORT(1994),
  },
  'highergroundtimes-loyal-but-exploited-2016': {
    citation: { publisher: 'Higher Ground Times (highergroundtimes.com)', title: 'North Korea nuclear threat: loyal but exploited nor… (title from the address, cut short there; the stored excerpt opens after it)', date: '2016-03-30', url: 'https://highergroundtimes.com/higher-ground/2016/mar/30/north-korea-nuclear-threat-loyal-but-exploited-nor', where: WHERE },
    host: [['China', 1, 'CN'], ['Russia', 1, 'RU'], ['Russia', 2, 'RU'], ['Soviet Far East', 1, 'RU'], ['China', 2, 'CN']],
    legal: [],
    workers: [['at least 50,000 North Korean laborers', 1, 50000, null, 'at_least', null], ['an estimated 47,000', 1, 47000, 47000, 'approximate', 'RU']],
    shares: [['Up to 90 percent', 1, null, 0.9, 'at_most', 'wages']],
    notes: 'Hosts: China and Russia as the countries the workers were dispatched to ("those countries"; the same sentence also makes them the sources of the data), Russia where an estimated 47,000 were in 2015, the Soviet Far East where the programme began (a place then in the Soviet Union and now in Russia; marked as RU, a judgement call) and China where women are sent as textile workers. Not hosts: Asia, Africa, the Middle East and Europe (regions). Worker counts: at least 50,000 dispatched overseas and an estimated 47,000 in Russia ("an estimated" read as approximate); "45 countries" and "at least 16 countries" count countries; "at least one child" is not a worker. Share: up to 90 percent of their salary confiscated (wages, high only). Bribes and money are not annotated. The text is 2,001 bytes (it opens with a space); ' + WRITTEN + '.',
  },
  'ul-russia-hidden-world-2018': {
    citation: { publisher: 'UL Solutions (crs.ul.com), news', title: 'Russia\'s hidden world of North Korean labor (title from the address; not in the stored excerpt)', date: '2018-01-16', url: 'https://crs.ul.com/en/news-events/russias-hidden-world-north-korean-labor/', where: WHERE + ' (after the site banner and the date the stored excerpt jumps to a passage of the article)' },
    host: [],
    legal: [['Resolution 2397', 1]],
    workers: [],
    shares: [],
    notes: 'Legal instrument: Resolution 2397. Not marked: "a UN Security Council resolution aimed at curbing" (unnamed). No country is named in the stored excerpt; "quotas of North Korean workers" and "all North Korean workers" carry no number. Money is not annotated. ' + SHORTER,
  },
  'nknews-lankov-rich-overseas-2018': {
    citation: { publisher: 'NK News (nknews.org)', title: 'How North Koreans get rich on overseas labor jobs (title from the address; not in the stored excerpt)', date: '2018-01 (from the address)', url: 'https://nknews.org/2018/01/how-north-koreans-get-rich-on-overseas-labor-jobs', where: WHERE + ' (the stored excerpt gives the opening two paragraphs twice, then the subscription notice)' },
    host: [['Russian', 1, 'RU'], ['Russian', 2, 'RU']],
    legal: [['Resolution 2375', 1], ['Resolution 2375', 2]],
    workers: [['30,000 North Korean workers', 1, 30000, 30000, 'exact', 'RU'], ['30,000 North Korean workers', 2, 30000, 30000, 'exact', 'RU']],
    shares: [],
    notes: 'The stored excerpt repeats its two opening paragraphs; both copies are annotated alike. Hosts: the Russian construction sites and timber camps where 30,000 North Korean workers were employed. Worker counts: those 30,000 (a total in a country). Legal instruments: Resolution 2375 each time. Not marked: "the UN Security Council on December 22" and "the new rules" (unnamed); "UN member states" names no country; "Mr. Lee" is one worker. ' + SHORTER,
  },
  'asiae-yomiuri-hunchun-2025': {
    citation: { publisher: 'The Asia Business Daily (cm.asiae.co.kr), reporting the Yomiuri Shimbun', title: 'China newly accepts thousands of North Korean workers (subject of the article; the stored excerpt opens with its two subheadings and gives no title)', date: '2025-06-27 (from the address)', url: 'https://cm.asiae.co.kr/en/article/2025062715001705559', where: WHERE },
    host: [['China', 1, 'CN'], ['Hunchun', 1, 'CN'], ['Jilin Province', 1, 'CN'], ['Dandong', 1, 'CN'], ['Liaoning Province', 1, 'CN'], ['China', 3, 'CN'], ['China', 4, 'CN'], ['Chinese', 1, 'CN']],
    legal: [],
    workers: [['thousands of North Korean workers', 1, 1000, 10000, 'order_of_magnitude', 'CN'], ['about 3,000 North Korean workers', 1, 3000, 3000, 'approximate', 'CN'], ['around 500', 1, 500, 500, 'approximate', 'CN']],
    shares: [],
    notes: 'Hosts: China newly accepting thousands of workers, Hunchun in Jilin Province and Dandong in Liaoning Province where they entered or arrived (each place a mention), northeastern China where their acceptance is discussed (workers supposed to be employed), China in the quoted remark on local governments accepting workers, and the Chinese authorities requesting their dispatch (a host acting on its workers, as in earlier rounds). Not hosts: "North Korea-China relations" (relations, occurrence 2 of China). Worker counts: thousands (order of magnitude), about 3,000 into Hunchun and around 500 into Dandong. Not marked: the unnamed "United Nations Security Council resolutions" and "sanctions resolutions"; "Most of these workers" has no value. ' + SHORTER,
  },
  'carbonated-middle-east-exploits': {
    citation: { publisher: 'Carbonated.TV (carbonated.tv)', title: 'How North Korea Exploits Its Workers In The Middle East', date: 'undated', url: 'https://www.carbonated.tv/news/north-korea-forced-laborers-went-on-strike-in-kuwait', where: WHERE },
    host: [['Kuwait', 2, 'KW'], ['Kuwait', 3, 'KW'], ['Qatar', 2, 'QA'], ['Doha', 1, 'QA']],
    legal: [],
    workers: [['dozens of North Korean workers', 1, 10, 100, 'order_of_magnitude', 'KW'], ['Around 100 workers', 1, 100, 100, 'approximate', 'QA']],
    shares: [],
    notes: 'Hosts: Kuwait where construction workers from the North went on strike, Kuwait as the end of the flights by which the protesting workers were summoned home (from where they were sent home), Qatar where a similar protest was held, and Doha where two North Koreans escaped from a labour camp after working there. Not hosts: "Gulf countries such as Kuwait and Qatar are notorious for labor exploitation" (that sentence is about labour exploitation in general and says nothing of North Korean workers; a judgement call), the Middle East and the Gulf (regions), Radio Free Asia (a reporter). Worker counts: the dozens of workers summoned home from Kuwait ("dozens" read as 10-100, as in earlier sets) and the around 100 workers in the protest in Qatar. "Two North Koreans" who escaped are a few people in a scene (not marked); "two years" is time. ' + SHORT(1996),
  },
  'nknews-nigeria-stranded-2021': {
    citation: { publisher: 'NK News (nknews.org)', title: 'North Koreans are stranded in Nigeria or illegally working in local clinics', date: '2021-04 (from the address; the stored page shows a later date, 2023-10-03, at its top)', url: 'https://www.nknews.org/2021/04/north-koreans-are-stranded-in-nigeria-or-illegally-working-in-local-clinics/', where: WHERE },
    host: [['Nigeria', 1, 'NG'], ['Russia', 1, 'RU'], ['Nigeria', 2, 'NG'], ['Nigeria', 3, 'NG']],
    legal: [],
    workers: [],
    shares: [],
    notes: 'Hosts: Nigeria in the headline (stranded or working there), Russia where North Korean construction workers are, Nigeria where North Korean healthcare staff are, and Nigeria where some are still working. Not hosts: Europe (a region, for football players). Not marked: "A 2019 U.N. ban" and "the U.N. ban on overseas DPRK labor" (unnamed); "some North Koreans" has no value. ' + SHORTER,
  },
  'nknews-poland-all-gone-home-2019': {
    citation: { publisher: 'NK News (nknews.org)', title: 'As sanctions kick in, Poland says its North Korean workers have all gone home', date: '2019-12 (from the address; the stored page shows a later date, 2021-09-24, at its top)', url: 'https://www.nknews.org/2019/12/as-sanctions-kick-in-poland-says-its-north-korean-workers-have-all-gone-home/', where: WHERE },
    host: [['Poland', 1, 'PL'], ['Poland', 2, 'PL']],
    legal: [],
    workers: [['zero', 1, 0, 0, 'exact', 'PL']],
    shares: [],
    notes: 'Hosts: Poland whose North Korean workers have all gone home (from where they were sent home; Poland also reports, but the sentence is about its workers) and Poland where the number of North Korean nationals working is now zero. Not hosts: Warsaw as the sender of the report and its UN delegation (reporting state), "their host countries" (no country named). Worker count: the number of North Korean nationals working in Poland "down to zero", spanned on "zero" with value 0 (a number of workers in a country; a judgement call). Not marked: "UNSC sanctions" (unnamed). ' + SHORTER,
  },
  'ropesgray-north-korea-eo-2017': {
    citation: { publisher: 'Ropes & Gray (ropesgray.com), by Brendan Hanifin and Emerson Siegle (first published by Law360)', title: 'What You Need To Know About North Korea Executive Order', date: '2017-09-22', url: 'https://www.ropesgray.com/en/newsroom/alerts/2017/09/What-You-Need-To-Know-About-North-Korea-Executive-Order', where: WHERE },
    host: [],
    legal: [['Countering America’s Adversaries Through Sanctions Act', 1]],
    workers: [],
    shares: [],
    notes: 'Legal instrument: the Countering America’s Adversaries Through Sanctions Act (which the text says authorises sanctions against persons employing certain North Korean labourers). Not marked: "an executive order" and "the executive order" (no number; its title in quotation marks is a title, not a naming with a number; a judgement call), "the act" (unnamed), the footnote number. Not hosts: China, India and Russia as North Korea\'s trading partners, Iran and Russia as targets of sanctions, the Sea of Japan (geography). ' + NEAR(1995),
  },
  'asil-resolution-2371-2017': {
    citation: { publisher: 'American Society of International Law (asil.org), blog (print view)', title: 'UN Security Council Passes Resolution Strengthening Sanctions Against North Korea (August 5, 2017)', date: '2017-08 (the post is on the resolution of 2017-08-05)', url: 'https://asil.org/print/blogs/un-security-council-passes-resolution-strengthening-sanctions-against-north-korea-august-5', where: WHERE },
    host: [],
    legal: [['Resolution 2371', 1], ['Chapter VII of the UN Charter', 1], ['resolution 1718', 1]],
    workers: [],
    shares: [],
    notes: 'Legal instruments: Resolution 2371, Chapter VII of the UN Charter (as "Chapter VII of the UN Charter" was marked in earlier sets) and resolution 1718 (its year follows a footnote marker, "[5](2006)", so the span is "resolution 1718"). Not marked: "the resolution" (unnamed), the bracketed footnote numbers. No country hosts workers here (the freeze on work authorizations names none); "nine individuals and four entities" are not workers. ' + SHORTER,
  },
  'selflaw-caatsa-sec-321': {
    citation: { publisher: 'self-law.org (a research copy of U.S. statute compilations)', title: 'Countering America’s Adversaries Through Sanctions Act, Sec. 321: Sanctions for forced labor and slavery overseas of North Koreans', date: 'undated (the act was signed 2017-08-02)', url: 'https://self-law.org/code/statute-compilations/comps-13726/sec-321', where: WHERE },
    host: [],
    legal: [['Countering America’s Adversaries Through Sanctions Act · Sec. 321', 1], ['Section 302(b) of the North Korea Sanctions and Policy Enhancement Act of 2016', 1], ['22 U.S.C. 9241(b)', 1], ['22 U.S.C. 9241', 2], ['section 302(b)(2) of the North Korea Sanctions and Policy Enhancement Act of 2016', 1], ['22 U.S.C. 9241(b)(2)', 1], ['section 111 of the Trafficking Victims Protection Act of 2000', 1], ['22 U.S.C. 7108', 1]],
    workers: [],
    shares: [],
    notes: 'A statute\'s text as a research site shows it (with its links as Markdown). Legal instruments, each section as one span with its instrument: the act with its section in the page\'s breadcrumb ("… Sanctions Act · Sec. 321"), Section 302(b) and section 302(b)(2) of the North Korea Sanctions and Policy Enhancement Act of 2016, section 111 of the Trafficking Victims Protection Act of 2000, and the code citations 22 U.S.C. 9241(b), 22 U.S.C. 9241 (of "22 U.S.C. 9241 note"), 22 U.S.C. 9241(b)(2) and 22 U.S.C. 7108 (the bracketed link targets, such as "/us/usc/t22/s9241/b", are not namings). Not marked, as sections that do not name their instrument (like "Article 8 mandates" in the guidelines): the headings "Sec. 321" and "SEC. 321", "section 104(b)(1)(M)", "section 302(a) of such Act" and "section 302(b)(3) of such Act" ("such Act" is a back-reference, not a name), "paragraph (1)" and "paragraph (2)"; the last naming, cut at "North Korea Sanctions and Policy Enhanceme", is truncated. No host, worker count or share. ' + FULL,
  },
};
