// Hand annotations of the 16 texts of the seventh held-out set (round 7 of issue 17), gathered and read by hand by a
// person other than the rule writer, and committed before any round-7 rule and before the extractor was run on any of
// them; to be scored once, at the end. Same guidelines as the other sets (../README.md).
// Each entry: [surface, occurrence (1-based, whole-word, case-sensitive), ...values].
const WHERE = 'opening of the page (about the first 2,000 bytes) as stored by the search tool\'s pages corpus';
const WRITTEN = 'The text was written out from the tool\'s answer by decoding its JSON string (no character retyped)';
const FULL = `${WRITTEN}; it ends at the tool's 2,000-byte cut.`;
const SHORTER = `${WRITTEN}; the stored page is shorter than the tool's cut.`;
const SHORT = (n) => `${WRITTEN}; its byte count (${n}, ending mid-word where the tool cuts at 2,000) suggests a few non-breaking or invisible characters shown as ordinary ones.`;
export const HELDOUT7 = {
  'rfa-laos-elevator-2022': {
    citation: { publisher: 'Radio Free Asia', title: 'North Korean worker in Laos dies after elevator repair accident', date: '2022-12-02', url: 'https://rfa.org/english/news/korea/laos-12022022203857.html', where: WHERE },
    host: [['Laos', 1, 'LA'], ['Laos', 2, 'LA'], ['Vientiane', 1, 'LA'], ['China', 1, 'CN'], ['Russia', 1, 'RU'], ['Laos', 3, 'LA']],
    legal: [],
    workers: [['thousands of workers', 1, 1000, 10000, 'order_of_magnitude', null], ['between 100 and 200 workers', 1, 100, 200, 'range', 'LA']],
    shares: [],
    notes: 'The worker in Laos (headline and first sentence), the hotel in downtown Vientiane where he was servicing the elevator, the countries "like China and Russia" workers are dispatched to, and Laos into which 100 to 200 workers were brought: hosts. Not hosts: "sources in the Lao capital" and "RFA\'s Lao Service" (where sources are, a service name), the hospital in Vientiane province (where he died, not where he worked). "Fewer than five workers were at the scene" is a few people at an accident, not said to be North Korean: not marked. "The lion\'s share" has no value; "Sanctions imposed in 2017" and "U.N. nuclear and missile sanctions" are unnamed. The cut "Companies in " says nothing. Date from the address. ' + FULL,
  },
  'ktus-ejf-tuna-2025': {
    citation: { publisher: 'The Korea Times US (koreatimesus.com)', title: 'N. Korean workers face forced labor aboard Chinese fishing vessels', date: '2025-02 (reports the Environmental Justice Foundation report of February 2025; the sidebar headlines stored with the page are older)', url: 'http://www.koreatimesus.com/n-korean-workers-face-forced-labor-aboard-chinese-fishing-vessels/', where: WHERE },
    host: [['Chinese', 1, 'CN'], ['Chinese', 2, 'CN'], ['Chinese', 4, 'CN'], ['Port Louis', 1, 'MU']],
    legal: [['U.N. Security Council Resolution 2397', 1]],
    workers: [['six North Korean workers', 1, 6, 6, 'exact', 'MU']],
    shares: [],
    notes: 'North Korean workers aboard Chinese fishing vessels and Chinese tuna longliners (headline, first sentence), and the Chinese fishing vessel on which six North Korean workers were found when it docked at Port Louis: hosts (working on Chinese fishing boats, as in the guidelines), and Port Louis as the place where they were found (a judgement call). Not hosts: the sidebar headlines (older news of the site, nothing of workers); "Indonesian and Philippine workers who had worked on such Chinese fishing vessels" (the sentence is about them, not North Koreans: third "Chinese"); Mauritius in the quote, where the vessels went into port after the crew was moved away; "Mauritian authorities" (the state that detained them, like an investigating state); Britain (where the NGO is); the Indian Ocean. The six workers get Mauritius as the country where they were found. "North Korean crew" has no number; "Another tes" is cut. ' + FULL,
  },
  'ul-c4ads-dispatched': {
    citation: { publisher: 'UL Solutions (crs.ul.com), reporting a C4ADS report', title: 'Dispatched: mapping overseas forced labor in North Korea\'s proliferation finance system (title from the address)', date: 'undated (after 2016, the latest year it names)', url: 'https://crs.ul.com/en/news-events/dispatched-mapping-overseas-forced-labor-north-koreas-proliferation-finance-system/', where: WHERE },
    host: [['Russia', 1, 'RU'], ['China', 1, 'CN'], ['China', 2, 'CN'], ['Russia', 2, 'RU']],
    legal: [],
    workers: [],
    shares: [['as much as 80%', 1, null, 0.8, 'at_most', 'workforce'], ['as much as 93%', 1, null, 0.93, 'at_most', 'other']],
    notes: 'Russia and China as the labour programme\'s "two most important jurisdictions", where its facilitators operate, and as where up to 80% of the overseas workforce is located: hosts. The regions of the dispatch (East and Southeast Asia, the Middle East, Africa, Latin America, Europe, North America) are not countries; the US Mission to the UN is the estimating body. "As much as" is read as "up to". The labour revenue said to equal "as much as 93%" of North Korea\'s total exports is a proportion of another quantity (exports, which it is not a part of): a share of "other". The revenue range is money. ' + SHORTER,
  },
  'nknews-uruguay-hrnk-2016': {
    citation: { publisher: 'NK News', title: 'North Korea sending crews to South America: HRNK', date: '2016-06 (from the address; the page shows 2 June 2020, the date it was displayed)', url: 'https://www.nknews.org/2016/06/north-korea-sending-crews-to-south-america-hrnk/', where: WHERE },
    host: [['Uruguay', 1, 'UY'], ['Taiwanese', 1, 'TW'], ['Uruguay', 2, 'UY']],
    legal: [],
    workers: [],
    shares: [],
    notes: 'Crews flown to Uruguay and then sent to work on Taiwanese fishing ships, and laborers sent to work on ships in Uruguay: Uruguay (both mentions) and the Taiwanese ships are hosts (working on a country\'s fishing boats, as in the guidelines). South America is a region; HRNK is an NGO. No number of workers. ' + SHORTER,
  },
  'meduza-matsegora-2018': {
    citation: { publisher: 'Meduza', title: 'Russia says so long to North Korean workers, and thanks for all the construction', date: '2018-02-07', url: 'https://meduza.io/en/news/2018/02/07/russia-says-so-long-to-north-korean-workers-and-thanks-for-all-the-construction', where: WHERE },
    host: [['Russia', 1, 'RU'], ['Russia', 2, 'RU'], ['Russia', 3, 'RU'], ['Primorsky Krai', 1, 'RU'], ['Russia', 4, 'RU'], ['Russia', 6, 'RU'], ['Russia', 7, 'RU'], ['Russia', 8, 'RU']],
    legal: [],
    workers: [['something like 12,000 North Korean migrant workers', 1, 12000, 12000, 'approximate', 'RU'], ['between 12,000 and 15,000 work visas', 1, 12000, 15000, 'range', 'RU'], ['37,000', 1, 37000, 37000, 'exact', 'RU'], ['almost 24,000 work visas', 1, 24000, 24000, 'approximate', 'RU']],
    shares: [],
    notes: 'Russia saying goodbye to, expelling, replacing ("Can\'t Russia just replace these people"), granting work visas to and counting its North Korean workers, Russia\'s Far East where most construction workers are North Korean, and the Primorsky Krai region: hosts; "According to Russia\'s Interior Ministry, the government granted …" is the host reporting the visas it granted (as Vietnam in round 6). Not hosts: Moscow (the ambassador\'s post), China and Russia compared for wages ("higher than it is in Russia", fifth "Russia"), Chinese laborers, the flag emoji. Work visas granted are counted as workers, as the guidelines say; "something like" and "almost" are read as approximate; "peaked at 37,000" is exact. "The majority of construction workers" has no value; the resolution "passed last December" is unnamed. ' + SHORTER,
  },
  'straitstimes-wapo-campaign-2016': {
    citation: { publisher: 'The Straits Times', title: 'New campaign to curb North\'s labour exports', date: '2016-09 (after 12 September 2016, the date of its photo)', url: 'https://www.straitstimes.com/asia/east-asia/new-campaign-to-curb-norths-labour-exports', where: WHERE },
    host: [['China', 3, 'CN'], ['Russia', 1, 'RU'], ['Siberian', 1, 'RU'], ['Cambodia', 1, 'KH'], ['Libya', 1, 'LY'], ['Senegal', 1, 'SN'], ['Namibia', 1, 'NA'], ['Mongolia', 1, 'MN'], ['Qatar', 1, 'QA']],
    legal: [],
    workers: [['At least 50,000 North Koreans', 1, 50000, null, 'at_least', null]],
    shares: [['about 80 per cent', 1, 0.8, 0.8, 'approximate', 'workforce'], ['one-third of their earnings', 1, 1 / 3, 1 / 3, 'exact', 'wages']],
    notes: 'The vast majority of the workers "in China and Russia", felling trees in Siberian forests (a place in Russia), doctors in Cambodia and Libya, sculptors in Senegal and Namibia, labourers in Mongolia and Qatar: hosts. Not hosts: the photo caption (twice) of North Koreans lining up at the customs office in China\'s Dandong (not said to be workers); Seoul (dateline, a university); the United States and South Korea (lobbying host countries). "And by some estimates, double that" gives no written number: only "At least 50,000" is marked. "About 80 per cent" of them in China and Russia is a share of the workforce; keeping "one-third of their earnings" a share of wages. "More than two dozen foreign countries" counts countries; dollar amounts are money. ' + FULL,
  },
  'benarnews-deadline-2019': {
    citation: { publisher: 'BenarNews', title: 'Countries in Region Say Few North Koreans Remain as UN Deadline Nears', date: '2019-12-18 (updated 2019-12-20)', url: 'https://www.benarnews.org/english/news/thai/visas-end-12182019180715.html', where: WHERE },
    host: [['Thailand', 1, 'TH'], ['Thailand', 2, 'TH'], ['Malaysia', 1, 'MY'], ['Sarawak', 1, 'MY']],
    legal: [],
    workers: [['68 North Koreans', 1, 68, 68, 'exact', 'TH'], ['six', 1, 6, 6, 'exact', 'TH'], ['about 300 North Koreans', 1, 300, 300, 'approximate', 'MY']],
    shares: [],
    notes: 'Thailand where 68 North Koreans had work visas, Thailand not extending or granting work permits to North Korean workers, Malaysia whose North Koreans mostly left (in a story on workers to be sent home: a judgement call), and Sarawak whose mine workers were sent home: hosts. Not hosts: Kuala Lumpur (the embassy in the caption, the airport of the assassination), "Thailand adhered to the U.N. resolution" (nothing of workers in that sentence), the Southeast and South Asian nations (regions). Work visas held (68) and received this year ("six who received them") are counted as workers. The resolution of 22 December 2017 is unnamed throughout. "Most of them" has no value. ' + FULL,
  },
  'trust-op-ed-2371-2017': {
    citation: { publisher: 'Thomson Reuters Foundation News (news.trust.org), opinion piece', title: 'Opinion piece on UN Security Council Resolution 2371 and North Korea\'s labour exports (untitled in the excerpt)', date: '2017-08-28 (from the address)', url: 'https://news.trust.org/item/20170828141734-q4eon', where: WHERE },
    host: [['Qatar', 1, 'QA'], ['Malaysia', 1, 'MY'], ['Russia', 1, 'RU'], ['Poland', 1, 'PL'], ['Poland', 2, 'PL']],
    legal: [['Resolution 2371', 1], ['Paragraph 12 of Resolution 2371', 1]],
    workers: [],
    shares: [],
    notes: 'Qatar (workers on a condo project, in a paragraph on North Korean migrant workers), Malaysia (coal mines), Russia (the World Cup build-up), Poland (workers highlighted by the ILO, and migrant workers exposed by the investigations): hosts. "Paragraph 12 of Resolution 2371" is one span (a paragraph with its instrument). Not marked: "its own conventions" and "prior U…" (unnamed or cut), the Leiden Asia Centre and Vice News (investigators), the ILO. Wages in dollars are money, "72-hour weeks" hours; "one worker employed as a welder" is a single person, not a count; "a fraction" and "most of it" have no value. ' + FULL,
  },
  'ilo-ceacr-poland-2017': {
    citation: { publisher: 'International Labour Organization, NORMLEX', title: 'Observation (CEACR) - adopted 2017, published 107th ILC session (2018): Forced Labour Convention, 1930 (No. 29) - Poland', date: '2018 (adopted 2017)', url: 'https://webapps.ilo.org/dyn/normlex/en/f?p=1000%3A13100%3A0%3A%3ANO%3A13100%3AP13100_COMMENT_ID%2CP13100_COUNTRY_ID%3A3335211%2C102809', where: WHERE },
    host: [['Poland', 4, 'PL'], ['Poland', 5, 'PL']],
    legal: [['Forced Labour Convention, 1930 (No. 29)', 1], ['Protocol of 2014 to the Forced Labour Convention, 1930', 1], ['C029', 1], ['Act on Employment Promotion', 1]],
    workers: [['239 DPRK workers', 1, 239, 239, 'exact', 'PL'], ['509', 1, 509, 509, 'exact', 'PL']],
    shares: [],
    notes: 'Poland where DPRK citizens were exploited for forced labour and to which 239 (2011) and 509 (2012) DPRK workers were brought: hosts. Not hosts: Poland as the ratifying state in the two header lines and "the application by Poland of the Convention" (a state reporting under a convention). The Convention and its Protocol are marked by their names; "C029" (the ILO\'s code for the convention, standing alone in "Other comments on C029") is marked as an acronym would be (a judgement call); "Articles 1(1), 2(1) and 25 of the Convention" and "the Convention" are unnamed references (like "Article 8 mandates"); "the Labour Law" is read as labour law in general (like "EC law"), while the "Act on Employment Promotion" is a named act. "A large part" has no value; the session and ratification years are dates. ' + SHORT(1993),
  },
  'diplomaticwatch-qatar-150-2018': {
    citation: { publisher: 'Diplomatic Watch (diplomaticwatch.com), the text of an NK News story (stored from nknews.org too, whose opening differs)', title: 'Qatar: 150 North Korean workers remain in country (title from the address)', date: '2018-08', url: 'https://diplomaticwatch.com/qatar-150-north-korean-workers-remain-in-country/', where: WHERE },
    host: [['Qatar', 1, 'QA'], ['Qatar', 2, 'QA'], ['Qatar', 3, 'QA'], ['Qatari', 1, 'QA'], ['Qatar', 4, 'QA'], ['Qatar', 5, 'QA']],
    legal: [['UNSC resolution 2397', 1], ['UNSC resolution 2375', 1]],
    workers: [['150 North Korean laborers', 1, 150, 150, 'exact', 'QA'], ['150', 2, 150, 150, 'exact', 'QA'], ['around 1,000 such workers', 1, 1000, 1000, 'approximate', 'QA'], ['low thousands', 1, 1000, 10000, 'order_of_magnitude', 'QA']],
    shares: [['less than half', 1, null, 0.5, 'at_most', 'workforce']],
    notes: 'Every mention of Qatar is of North Korean laborers remaining, working, counted or employed there, and the Qatari government stopping visas for them (a host acting on its workers, as the UAE in round 6): hosts. The middle East is a region; the 1718 Committee is a committee. "The remaining such workers in Qatar was 150" repeats the count in the report\'s words (second "150"). "In the low thousands" is read as thousands (1,000–10,000). "Less than half of such workers" (sent back, in the reporting rule of resolution 2397) is a share of the workforce, at most one half. "The resolutions\' passage" is unnamed; "12 months" is a duration. ' + FULL,
  },
  'dailynk-russia-40pct': {
    citation: { publisher: 'Daily NK', title: 'N. Korean workers in Russia are getting paid less than ever before (title from the address)', date: '2024 (five years of work since 2019; the worker returned after his April statement)', url: 'https://www.dailynk.com/english/n-korean-workers-in-russia-are-getting-paid-less-than-ever-before/', where: WHERE },
    host: [['Russia', 4, 'RU'], ['Russia', 5, 'RU'], ['Russia', 6, 'RU']],
    legal: [],
    workers: [],
    shares: [['no more than 40%', 1, null, 0.4, 'at_most', 'wages'], ['less than 40%', 1, null, 0.4, 'at_most', 'wages']],
    notes: 'The worker\'s five years of construction work in Russia, serving in Russia, and military construction workers sent to Russia: hosts. Not marked: the two photo captions ("A large number of laborers … in Ussuriysk, Russia": the laborers are not said to be North Korean) and "a Daily NK source in Russia" (where the source is, like a dateline). "No more than 40%" of what they should earn and "less than 40%" of what he was owed are shares of wages, at most 40%. Dollar amounts are money; "five years" is a duration; "A" is one worker. ' + FULL,
  },
  'lawandborder-asahi-china': {
    citation: { publisher: 'Law and Border (lawandborder.com), blog post reporting the Asahi Shimbun', title: 'North Korean Guest Workers in China', date: 'undated', url: 'https://lawandborder.com/more-on-north-korean-workers-in-china/', where: WHERE },
    host: [['China', 1, 'CN'], ['China', 2, 'CN'], ['Tumen', 1, 'CN'], ['Jilin', 1, 'CN'], ['Liaoning', 1, 'CN'], ['Chinese', 2, 'CN'], ['Dalian', 1, 'CN'], ['Liaoning', 2, 'CN'], ['China', 3, 'CN']],
    legal: [],
    workers: [['tens of thousands of laborers', 1, 10000, 100000, 'order_of_magnitude', 'CN'], ['hundreds', 1, 100, 1000, 'order_of_magnitude', 'CN'], ['about 50 young North Korean women', 1, 50, 50, 'approximate', 'CN'], ['about 20,000 to 40,000 North Koreans', 1, 20000, 40000, 'range', 'CN'], ['120,000', 1, 120000, 120000, 'exact', 'CN']],
    shares: [['roughly a third of their wages', 1, 1 / 3, 1 / 3, 'approximate', 'wages']],
    notes: 'China (title; laborers dispatched to China; China agreeing to take 120,000), Tumen and Jilin (the zone employing hundreds), Liaoning and the Chinese company\'s seafood plant, Dalian and Liaoning: hosts. The heading run into the next word ("North Korean Workers in ChinaJapan’s") is not a whole-word mention and is not marked. Not hosts: Japan (the newspaper\'s), the South Korean and U.S. businesses and South Korean companies owning the enterprises (employers\' nationality; the workers are in China), the "elderly Chinese women" (first "Chinese"), the Los Angeles Times. "Tens of thousands" is read as 10,000–100,000 and "hundreds" as 100–1,000 (as "thousands" is 1,000–10,000); "about 20,000 to 40,000" is a range; the 120,000 to which the number is to rise is a count of workers to be sent. Yuan, yen and dollars are money. ' + SHORTER,
  },
  'campuslately-vladivostok': {
    citation: { publisher: 'Campus Lately (campuslately.com), a machine-translated article', title: 'This is how Kim Jong-un uses modern-day slaves in luxury construction (title from the address)', date: 'undated (after 2018, the latest year it names)', url: 'https://campuslately.com/this-is-how-kim-jongun-uses-modern-day-slaves-in-luxury-construction-2', where: WHERE },
    host: [['Russian', 2, 'RU'], ['Vladivostok', 2, 'RU']],
    legal: [['UN Security Council Resolution 2397', 1]],
    workers: [['30,000 North Koreans', 1, 30000, 30000, 'exact', 'RU'], ['2-3 thousand people', 1, 2000, 3000, 'range', 'RU']],
    shares: [['about 85 percent', 1, 0.85, 0.85, 'approximate', 'workforce']],
    notes: 'North Korean workers employed at Russian construction sites, and the 2-3 thousand in Vladivostok: hosts. Not hosts: Vladivostok and the Russian Far East in the opening sentence (geography: the city\'s distance from the border), "very russian city" (lower case, says nothing of workers), the Russian Ministry of Labor (a source), "the average Russian salary" (a comparison). The 30,000 North Koreans "registered in 2018" (in a text on workers in Russia) get Russia as their country. "About 85 percent" of them working in construction is a share of the workforce; "40 percent less" than the average Russian salary is a difference, not a share. Dollar amounts are money; "more than 10 hours" is hours. The text is a poor machine translation, kept as stored. ' + FULL,
  },
  'straitstimes-singapore-permits-2018': {
    citation: { publisher: 'The Straits Times', title: 'Singapore revokes all North Korean work permits', date: '2018-03 (after 21 March 2018, the date of its photo)', url: 'https://www.straitstimes.com/asia/se-asia/singapore-revokes-all-north-korean-work-permits', where: WHERE },
    host: [['Singapore', 1, 'SG'], ['Singapore', 2, 'SG'], ['Singapore', 4, 'SG'], ['Singapore', 5, 'SG'], ['Singapore', 6, 'SG'], ['Singapore', 7, 'SG']],
    legal: [['Resolution 2397', 1], ['Resolution 2397', 2]],
    workers: [],
    shares: [],
    notes: 'Singapore revoking the work permits of North Koreans in the country (headline, first sentence), the Singapore government reporting on them, and, in its quoted report, revoking the work passes of those earning income in Singapore and having no North Koreans with work passes left in Singapore: hosts (a host acting on, or reporting, the workers it had). Not hosts: "the measures taken by Singapore to implement the provisions under Resolution 2397" (third) and "relevant authorities in Singapore" raising awareness (eighth): nothing of workers in those sentences; New York City (where the Council met). "The resolution" is unnamed after its two namings. No number of workers ("all", "no nationals"). ' + FULL,
  },
  'cmtradelaw-interplay-2018': {
    citation: { publisher: 'Crowell & Moring, International Trade Law blog (cmtradelaw.com)', title: 'Forced labor: the interplay between sanctions and customs compliance in the context of the Democratic People\'s Republic of Korea (DPRK) (title from the address)', date: '2018-09', url: 'https://www.cmtradelaw.com/2018/09/forced-labor-the-interplay-between-sanctions-and-customs-compliance-in-the-context-of-the-democratic-peoples-republic-of-korea-dprk/', where: WHERE },
    host: [['Chinese', 1, 'CN'], ['Taiwanese', 1, 'TW']],
    legal: [['UNSCR 2397', 1]],
    workers: [],
    shares: [],
    notes: 'The Chinese and Taiwanese companies that "could currently employ DPRK citizens" but must reduce "that employment": hosts (companies employing North Korean workers, as "a Russian construction company" in the guidelines; a judgement call, since the sentence is an example). Not hosts: the United States (sanctioning state). "U.S. and UN sanctions", "UN resolutions" and the U.S. restrictions are unnamed; the cut "Treasury’s Office" names an office. "24 months" is a duration. ' + SHORT(1992),
  },
  'newsytoday-dandong-clothes-2017': {
    citation: { publisher: 'Newsy Today (newsy-today.com), a reworded copy of a news story (the address names The New York Times)', title: 'North Korea factories humming with "Made in China" clothes, traders say (title from the address)', date: '2017 (the month of a new U.N. sanctions resolution)', url: 'http://newsy-today.com/north-korea-factories-humming-with-made-in-china-clothes-traders-say-new-york-times/', where: WHERE },
    host: [['China', 1, 'CN']],
    legal: [],
    workers: [],
    shares: [['about 50 %', 1, 0.5, 0.5, 'approximate', 'other']],
    notes: 'The stored excerpt starts mid-article and is a machine-reworded copy; it is annotated as written. "North Korean factory workers in China earn …": host, and their pay "about 50 %" of the average for Chinese workers is a proportion of another group\'s pay: a share of "other" (as "one fifth of their Chinese counterparts" in round 6). Not marked: Dandong (traders, agents and a businesswoman there, not North Korean workers), the buyers\' countries (customers), "China figures" (Chinese characters on a factory wall), "Wages are extremely full of China" (Chinese wages), the Chinese clothing manufacturers using factories in North Korea (customers) and Bangladesh, Vietnam and Cambodia (where Chinese factories move). "Save as much as 75 %" is a saving (a change), not a share. The U.N. sanctions "this month" are unnamed and give no number. ' + SHORTER,
  },
};
