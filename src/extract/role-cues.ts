/**
 * Round-4 cues for the role of a country mention (issue 17), used by
 * roles.ts: forms reports use for a host that the first three rounds did not
 * read, and forms that name a place for another reason. Written from the
 * development texts (dev, the first three held-out sets, the seeds): goods
 * that end up with customers or in markets of a country; employers in a place
 * in a sentence about North Korean labour; a "Russia-based IT worker scheme";
 * a host's authorities that film, find, grant visas to or expel the workers
 * it hosts; a host denying it hosts them; workers building a country's
 * venues; a headline's "exit"; the place a writer reports from.
 * Each test reads a bounded window, as the rest of roles.ts does.
 */

export type Verdict = 'host' | 'other' | null;

const isSpace = (c: number) => c === 32 || c === 0xa0;

/**
 * Whether a window may end as a pattern anchored at its end needs: the last word before the trailing spaces (or,
 * when that word is "the", the word before it) ends with one of `words` (lower case). A necessary condition, tested
 * by character code, for the patterns below that end on a word, spaces and an optional "the" (and on spaces) —
 * irregexp tries such a pattern at every character of the window. A word outside ASCII is not judged: true.
 */
export function mayEndWith(s: string, words: readonly string[] | EndWords): boolean {
  const list = 'finals' in words ? words : endWords(words);
  if (s !== ends.s) readEnds(s);
  if (ends.any) return true;
  if ((list.finals & ends.finals) === 0) return false;
  const { last, beforeThe } = ends;
  for (const w of list.words) if (endsWithWord(last, w) || (beforeThe !== null && endsWithWord(beforeThe, w))) return true;
  return false;
}

/** `s.endsWith(w)`, by character code (cheaper than the built-in for these short words). */
function endsWithWord(s: string, w: string): boolean {
  let j = s.length - w.length;
  if (j < 0) return false;
  for (let i = 0; i < w.length; i++, j++) if (s.charCodeAt(j) !== w.charCodeAt(i)) return false;
  return true;
}

/** Words a window may end with (lower case), and the set of their last letters a–z as bits (a: 1, b: 2, … ; any other: 1 << 26). */
export interface EndWords {
  words: readonly string[];
  finals: number;
}

const finalBit = (c: number) => (c >= 97 && c <= 122 ? 1 << (c - 97) : 1 << 26);

export function endWords(words: readonly string[]): EndWords {
  let finals = 0;
  for (const w of words) if (w) finals |= finalBit(w.charCodeAt(w.length - 1));
  return { words, finals };
}

/**
 * The window mayEndWith last read, its last word (A–Z lowered; '' when it does not end with a space) and, when that
 * word is "the", the word before it (else null); `any`: one of the two holds a character outside ASCII, so every
 * list of words may match; `finals`: the last letters of the two as bits (as EndWords). Read once per window: the
 * role tests ask some twenty lists of the same window.
 */
const ends = { s: null as string | null, any: false, last: '', beforeThe: null as string | null, finals: 0 };

function readEnds(s: string): void {
  ends.s = s;
  ends.any = false;
  ends.last = '';
  ends.beforeThe = null;
  ends.finals = 0;
  let e = s.length;
  if (e === 0 || !isSpace(s.charCodeAt(e - 1))) return;
  for (let round = 0; round < 2; round++) {
    while (e > 0 && isSpace(s.charCodeAt(e - 1))) e--;
    let b = e;
    while (b > 0 && !isSpace(s.charCodeAt(b - 1))) {
      if (s.charCodeAt(b - 1) > 127) {
        ends.any = true;
        return;
      }
      b--;
    }
    const word = asciiLower(s, b, e);
    if (round === 1) ends.beforeThe = word;
    else ends.last = word;
    if (word) ends.finals |= finalBit(word.charCodeAt(word.length - 1));
    if (word !== 'the') return;
    e = b;
  }
}

/** s[b, e), ASCII, with A–Z lowered. */
function asciiLower(s: string, b: number, e: number): string {
  let lower = true;
  for (let i = b; i < e && lower; i++) {
    const c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) lower = false;
  }
  return lower ? s.slice(b, e) : s.slice(b, e).toLowerCase();
}

/** A pattern anchored at the end of its window, tried only where `mayEndWith` says it can match. */
export interface EndPattern {
  test(s: string): boolean;
  exec(s: string): RegExpExecArray | null;
}

/**
 * Where the last `runs` runs of characters other than spaces and no-break spaces start in `s` (0 when it holds fewer).
 * A match anchored at the end whose words are such runs, spaces between, starts there or later; cut there, after a
 * space, the window reads as it did (a word boundary or a start anchor at the cut sees what it saw in the space).
 */
export function tailStart(s: string, runs: number): number {
  if (s !== tails.s) {
    tails.s = s;
    tails.cuts.length = 0;
  }
  const cuts = tails.cuts;
  // cuts[r - 1]: where the last r runs start (read once per window, as far back as asked).
  for (let r = cuts.length, cut = r ? cuts[r - 1]! : s.length; r < runs && cut > 0; r++) {
    while (cut > 0 && isSpace(s.charCodeAt(cut - 1))) cut--;
    while (cut > 0 && !isSpace(s.charCodeAt(cut - 1))) cut--;
    cuts.push(cut);
  }
  return runs <= cuts.length ? cuts[runs - 1]! : cuts.length ? cuts[cuts.length - 1]! : s.length;
}

/** The window tailStart last read and where its last runs start. */
const tails = { s: null as string | null, cuts: [] as number[] };

/** `re.exec(s)` read on the tail of `s` from its last `runs` runs (see tailStart), the index as in `s`. */
export function execTail(re: RegExp, s: string, runs: number): RegExpExecArray | null {
  const cut = runs === Infinity ? 0 : tailStart(s, runs);
  if (cut === 0) return re.exec(s);
  const m = re.exec(s.slice(cut));
  if (m) m.index += cut;
  return m;
}

/**
 * `runs`: the most runs of non-spaces a match spans, with a spare one (two for a pattern that looks behind a run):
 * the pattern then reads only that tail of the window (irregexp would try it at every character of the window).
 */
export function endPattern(re: RegExp, list: readonly string[], runs = Infinity): EndPattern {
  const words = endWords(list);
  const pattern: EndPattern = { test: (s) => mayEndWith(s, words) && execTail(re, s, runs) !== null, exec: (s) => (mayEndWith(s, words) ? execTail(re, s, runs) : null) };
  END_PATTERNS.push({ re, words: list, runs, pattern });
  return pattern;
}

/** Every pattern endPattern made, with the plain pattern it stands for (test/extract/speed-round17.test.ts reads each against it). */
export const END_PATTERNS: { re: RegExp; words: readonly string[]; runs: number; pattern: EndPattern }[] = [];

/** The last match of a global pattern that cannot match empty (`[...s.matchAll(re)].pop()`, without the array). */
export function lastMatch(re: RegExp, s: string): RegExpExecArray | undefined {
  re.lastIndex = 0;
  let last: RegExpExecArray | undefined;
  for (let m = re.exec(s); m; m = re.exec(s)) last = m;
  return last;
}

/** `/,[ \u00a0]*$/.test(s)`, by character code. */
export function endsWithComma(s: string): boolean {
  let e = s.length;
  while (e > 0 && (s.charCodeAt(e - 1) === 32 || s.charCodeAt(e - 1) === 0xa0)) e--;
  return e > 0 && s.charCodeAt(e - 1) === 44;
}

/**
 * A pattern tried only where a cheap test finds one of the words every match holds. Each guard below is a plain
 * alternation of such words without "s" or "k" (case-insensitive patterns with the u flag fold "ſ" onto "s" and the
 * Kelvin sign onto "k"; the guards, without the u flag, would not): it finds what the pattern needs, in any case.
 * A pattern anchored at the start of its window ("^…") goes without one (round 17): tried at one place only, it costs
 * less than a guard that reads the whole window (SUPPLIER_AFTER, ORGAN_AFTER, REPORTS_ITS_OWN, ENFORCES_AFTER measured on
 * the seeds' windows: 15–55 % less than guard and pattern).
 */
export function guarded(re: RegExp, guard: RegExp): EndPattern {
  return { test: (s) => guard.test(s) && re.test(s), exec: (s) => (guard.test(s) ? re.exec(s) : null) };
}

const SP = String.raw`[ \u00a0]+`;
const WORD = String.raw`[\p{L}\-’']+`;
const WORKERS_NAMED = /\b(?:workers?|workforce|labou?rers?|labou?r|slaves|North[ \u00a0]Koreans|N\.?[ \u00a0]?Koreans|employees|welders|builders|loggers|miners|seamstresses|waitresses|fishermen|seamen|sailors|programmers)\b/i;
/** Things made or sold, not people: the subject of goods that "end up" somewhere. */
const GOODS = /\b(?:goods|products|seafood|fish|garments|clothing|textiles|ships|vessels|hulls|merchandise|exports|produce|catch)\b/i;

/**
 * The mention, possibly through the rest of a list of country words, stands before a customer, a market or a
 * buyer: "supply Danish, Dutch and Norwegian customers", "Canadian buyers", "the Swedish navy".
 */
const CUSTOMER_AFTER = guarded(new RegExp(
  String.raw`^(?:(?:,|,?${SP}and|,?${SP}or)${SP}(?:the${SP})?[\p{Lu}][\p{L}\-]*(?:${SP}[\p{Lu}][\p{L}\-]*)?)*${SP}(?:${WORD}${SP})?(?:customers?|clients?|buyers?|consumers?|importers?|retailers?|shoppers|supermarkets?|navy|navies|coast${SP}guard|purchasers?|supply${SP}chains?|(?:compan(?:y|ies)|firms|businesses)${SP}(?:(?:are|were|is|was)${SP}(?:not${SP})?(?:allowed${SP}to${SP})?)?(?:import|buy|purchas|sourc)\w*)\b`,
  'u',
), /custom|client|buy|consum|import|retail|shopp|supermarket|nav[yi]|coast|purchas|supply|sourc/); // (case-sensitive: its words in lower case)
/** Goods that end up, are sold or shipped somewhere: the place of a buyer, not of the work ("ends up in markets in Canada"). */
const GOODS_GO = endPattern(new RegExp(String.raw`\b(?:end(?:s|ed|ing)?${SP}up|sold|sells?|selling|shipped|marketed|imported|retailed)\b(?:${SP}${WORD}){0,5}?${SP}(?:in|to|into|across)${SP}(?:the${SP})?$`, 'iu'), ['in', 'to', 'into', 'across'], 11);
/** Something made by the workers: "the crab processed by the laborers". */
const PRODUCED_BY = /\b(?:processed|made|produced|manufactured|sewn|packed|caught|built|assembled|cut)[ \u00a0]+by\b/i;
/** Goods go there when goods are named before the verb; workers "sold" or "shipped" are workers sent. */
function goodsGo(before: string): boolean {
  const m = GOODS_GO.exec(before);
  if (!m) return false;
  const lead = before.slice(Math.max(0, m.index - 80), m.index);
  return GOODS.test(lead) || PRODUCED_BY.test(lead) || !WORKERS_NAMED.test(lead);
}
const MARKET_IN = endPattern(new RegExp(String.raw`\b(?:markets?|consumers|shops|stores|supermarkets|shelves)${SP}(?:in|of|across)${SP}(?:the${SP})?$`, 'iu'), ['in', 'of', 'across'], 5);

/** Work done for firms or clients of a place: "vessels for European companies located in Ghana". */
const FOR_CLIENTS_IN = endPattern(new RegExp(String.raw`\bfor${SP}(?:${WORD}${SP}){0,3}?(?:compan(?:y|ies)|clients?|customers?|firms|owners|buyers)${SP}(?:(?:located|based)${SP})?(?:in|from)${SP}(?:the${SP})?$`, 'iu'), ['in', 'from'], 10);
/** A company that supplies the regime or sells goods is a trader, not an employer: "a Chinese company supplying the DPRK with …". */
const SUPPLIER_AFTER = new RegExp(String.raw`^${SP}(?:${WORD}${SP}){0,2}?(?:compan(?:y|ies)|firms?|suppliers?|traders?)${SP}(?:that${SP}|which${SP})?(?:suppl(?:y|ies|ying|ied)|sell(?:s|ing)?|sold|provid\w+|export\w*)\b(?![^.;]{0,40}\b(?:workers|labou?r))`, 'iu');

/** The writer's or reporter's own place: "writes Jane Doe, who was in Harbin". */
const WRITER_IN = endPattern(new RegExp(String.raw`\b(?:writes|wrote|reports|reporting)\b(?:${SP}${WORD}){1,6}${SP}(?:who${SP}was|was|while|reporting)${SP}(?:recently${SP})?(?:in|from)${SP}$`, 'iu'), ['in', 'from'], 13);

/** An employer in the place: "a fish processing company in Hunchun, the use of North Korean labour …". */
const EMPLOYER_IN = endPattern(new RegExp(String.raw`\b(?:compan(?:y|ies)|firms?|factor(?:y|ies)|employers?|businesses|plants?|processors?|contractors?|enterprises?|shipyards?|sites?)${SP}(?:based${SP})?(?:in|at)${SP}(?:the${SP})?$`, 'iu'), ['in', 'at'], 6);

/** A host's organs: "Authorities in the port city of …", "Latvian officials", "Kuwait’s labour ministry". */
const ORGAN_BEFORE = guarded(new RegExp(String.raw`\b(?:authorities|officials|police|inspectors|immigration${SP}officers)${SP}(?:in|of)${SP}(?:the${SP})?(?:${WORD}${SP}){0,4}$`, 'iu'), /authorit|official|police|pector|immigration/i);
const ORGAN_AFTER = new RegExp(String.raw`^(?:[’']s)?${SP}(?:${WORD}${SP}){0,2}?(?:authorities|government|officials|ministry|police|inspectors|immigration)\b`, 'iu');
/** What a host's organs do to the workers it hosts. */
const ORGAN_ACTS = new RegExp(String.raw`\b(?:footage|video|photos|found|discovered|confirm\w*|raid\w*|inspect\w*|detain\w*|arrest\w*|visas?|permits?|expel\w*|deport\w*|repatriat\w*|sen[dt]${SP}(?:home|back)|actions?${SP}against|crack\w*${SP}down)\b`, 'iu');
const REPORTED = /\b(?:said|says|told|tells|according|estimated?|believed?|reported|reports)\b/i;

/** A host that denies hosting: "despite official denials from Laos", "Cambodia denied that …". */
const DENIAL_FROM = endPattern(new RegExp(String.raw`\b(?:denials?|denied|denies|denying)${SP}(?:${WORD}${SP}){0,2}?(?:from|by)${SP}(?:the${SP})?$`, 'iu'), ['from', 'by'], 7);
const DENIES_AFTER = new RegExp(String.raw`^${SP}(?:has${SP}|have${SP}|had${SP})?(?:(?:officially|repeatedly|flatly)${SP})?(?:denied|denies|denying)\b`, 'iu');

/** Workers building a place's venues: "North Korean slaves are building Qatar’s stadium". */
const BUILDING = endPattern(new RegExp(String.raw`\b(?:build(?:s|ing)?|built|construct(?:s|ed|ing)?)${SP}(?:the${SP})?$`, 'iu'), ['build', 'builds', 'building', 'built', 'construct', 'constructs', 'constructed', 'constructing'], 4);

/** A headline's "N Koreans face Laos exit". */
const EXIT_AFTER = new RegExp(String.raw`^${SP}(?:exit|exodus|expulsions?|deportations?|crackdown)\b`, 'iu');

/** "-based" with workers named straight after: "a Laos-based IT worker scheme". */
const BASED_WORKERS = new RegExp(String.raw`^-based${SP}(?:${WORD}${SP}){0,2}?(?:workers?|workforce|labou?r\w*)\b`, 'iu');

/** A demonym's workplace described by a clause about workers: "a Chinese company that handled lodging for workers". */
const WORKPLACE_CLAUSE = new RegExp(
  String.raw`^${SP}(?:${WORD}${SP}){0,2}?(?:compan(?:y|ies)|firms?|factor(?:y|ies)|contractors?|enterprises?|entit(?:y|ies)|developers?|employers?)[, \u00a0]+(?:that|which|who|whose)\b[^.;]{0,90}\b(?:workers|labou?rers|North${SP}Koreans)\b`,
  'iu',
);

/** The demonym names the same place as the mention after it: "the Latvian port city of Liepaja". */
export { FRONTED_PLACE };

const SAME_PLACE_NAMED = new RegExp(String.raw`^${SP}(?:(?:port|border|coastal|capital|industrial|northern|southern|eastern|western|far-eastern|north-eastern|north-western|south-eastern|south-western)${SP})*(?:city|town|region|province|port|county|village|district|oblast)${SP}of${SP}$`, 'iu');
/** (Round 14) Any lower-case words before the noun, "the Chinese river town of Dandong"; "the Qatari capital Doha". */
const SAME_PLACE_WORDS = new RegExp(String.raw`^${SP}(?:[\p{Ll}\-]+${SP}){0,3}?(?:(?:city|town|region|province|port|county|village|district|oblast)${SP}of|capital(?:${SP}city)?(?:${SP}of)?)${SP}$`, 'u');
export const SAME_PLACE_GAP = { test: (gap: string) => SAME_PLACE_NAMED.test(gap) || SAME_PLACE_WORDS.test(gap) };

/** The country's employers: "popular with their Russian employers". */
const EMPLOYERS_AFTER = new RegExp(String.raw`^${SP}(?:employers?|bosses|contractors?|managers)\b`, 'iu');
/** A count placed in the country, its noun given before: "including 2,500 in Oman, as many as 1,500 in the UAE". */
const COUNT_IN = endPattern(new RegExp(String.raw`(?:^|[\s(,])(?:(?:as${SP}many${SP}as|up${SP}to|about|around|some|over|more${SP}than|nearly)${SP})?\d[\d,.]*(?:${SP}(?:thousand|million))?${SP}in${SP}(?:the${SP})?$`, 'iu'), ['in'], 9);
/** A work in the place made by North Koreans: "the stadium in Togo was built by North Korea's Mansudae". */
const BUILT_BY_AFTER = new RegExp(String.raw`^${SP}(?:was|were|is|are|has${SP}been|had${SP}been|have${SP}been)${SP}(?:${WORD}${SP})?(?:built|constructed|erected|cast|made|renovated)${SP}by\b[^.;]{0,60}\b(?:North${SP}Korea|DPRK|Mansudae|North${SP}Korean)`, 'iu');
/** A sentence set in the place: "In Chinese border towns, workers …", "On Russia’s Pacific coast, thousands of North Korean workers …". */
const FRONTED_PLACE = /^(?:[\s"“'‘]*(?:But|And|Yet|Now|Here)?[, \u00a0]*)?(?:[Ii]n|[Oo]n|[Aa]t|[Aa]cross|[Tt]hroughout)[ \u00a0]+(?:the[ \u00a0]+)?(?:countries[ \u00a0]+(?:like|such[ \u00a0]+as|including)[ \u00a0]+)?$/;
const FRONTED_TAIL = new RegExp(String.raw`^(?:[’']s)?(?:${SP}${WORD}){0,6}?(?:${SP})?,[^.;]{0,80}?\b(?:workers|labou?rers|North${SP}Koreans|Mansudae|workforce|labou?r${SP}contracts|work${SP}contracts|workforce${SP}contracts)\b`, 'iu');
/** A state that reports on the workers it hosts or sent home: "Laos reported to the committee", "Peru, which has not submitted its report". */
const REPORTS_ITS_OWN = new RegExp(String.raw`^(?:,)?${SP}(?:which${SP}|that${SP})?(?:(?:has|have|had|did)${SP})?(?:not${SP}|yet${SP}to${SP})?(?:(?:submit|publici[sz]|publish|fil|disclos|sen[dt])\w*${SP}(?:its|their|a|an|the)${SP}(?:own${SP})?(?:interim${SP}|final${SP}|national${SP}|implementation${SP})?report|reported${SP}to${SP}the${SP}(?:UN|U\.N\.|United${SP}Nations|Security${SP}Council|council|committee|panel))\b`, 'iu');

/** A host applying the sanctions that send its workers home: "… must pack their bags as Chad enforces UN sanctions". */
const ENFORCES_AFTER = new RegExp(String.raw`^${SP}(?:${WORD}${SP})?(?:enforc|implement|appl|compl)\w*\b[^.;]{0,60}\b(?:sanctions|resolutions?|ban)\b`, 'iu');
const LEAVING = /\b(?:leave|leaving|pack|go[ \u00a0]+home|return[ \u00a0]+home|sent[ \u00a0]+home|repatriat\w*|expel\w*|deport\w*)\b/i;

/** A state letting North Koreans work or trade, or bound by labour contracts with the North: "Even Fiji has allowed a new North Korean restaurant to open", "Peru, which has signed no labour contract with North Korea since 2010". */
const ALLOWS_AFTER = new RegExp(String.raw`^${SP}(?:(?:has|have|had|also|even|still)${SP}){0,2}(?:allow|permit|approv|authori[sz]|let)\w*\b[^.;]{0,60}\b(?:North${SP}Koreans?|DPRK)\b`, 'iu');
const LABOUR_CONTRACT_AFTER = new RegExp(String.raw`^,?${SP}(?:which${SP}|that${SP})?(?:(?:has|have|had)${SP})?(?:(?:signed|concluded|agreed|renewed|extended)${SP})(?:no${SP}|a${SP}|new${SP}|its${SP})?(?:labou?r|work(?:er)?s?|employment)${SP}(?:contracts?|agreements?|deals?)\b`, 'iu');

export interface CueWindow {
  /** Up to 120 characters before the mention, within its sentence. */
  before: string;
  /** Up to 140 characters after the mention, within its sentence. */
  rest: string;
  /** The rest, cut at the next place mentioned. */
  after: string;
  /** The sentence around the mention (bounded). */
  sentence: string;
  demonym: boolean;
  /** The sentence speaks of North Korean labour. */
  nkLabour: boolean;
  /** The sentence names North Korean workers. */
  nkWorkers: boolean;
  /** The mention opens its sentence after "In", "On", "At" ("In Chinese border towns, …"). */
  fronted: boolean;
}

/** Places named for another reason: a customer, a market, the writer's place. Checked before the host cues. */
/** Who speaks or acts for a state: "the top nuclear envoys of South Korea, the U.S. and Japan", "on behalf of the U.S. government". */
const PARTIES_OF = endPattern(/\b(?:(?:envoys?|representatives|delegations?|negotiators|diplomats|ambassadors?|foreign[ \u00a0]+ministers?|heads?[ \u00a0]+of[ \u00a0]+state)[ \u00a0]+(?:from|of)|on[ \u00a0]+behalf[ \u00a0]+of)[ \u00a0]+(?:the[ \u00a0]+)?$/i, ['from', 'of'], 6);
/** A market named by its country: "rather than the Chinese market". */
const MARKET_AFTER = /^[ \u00a0]+(?:domestic[ \u00a0]+|consumer[ \u00a0]+|home[ \u00a0]+)?markets?\b/i;
/** Media, groups and researchers based in a country: "a U.S.-based news media report". */
const BASED_VOICE = /^-based[ \u00a0]+(?:[\p{L}\-]+[ \u00a0]+){0,2}?(?:news|media|outlets?|newspapers?|groups?|organi[sz]ations?|NGOs?|think|institutes?|researchers?|analysts?|monitors?|watchdogs?|websites?|journalists?|reporters?|broadcasters?)\b/iu;

/** A demonym naming workers of its own nationality: "Chinese workers", "Russian labourers". */
const FOREIGN_WORKERS_AFTER = /^[ \u00a0]+(?:(?:construction|migrant|guest|contract|factory|local)[ \u00a0]+)?(?:workers?|labou?rers?|employees|nationals|citizens)\b/i;
/** The employer's nationality before a workplace placed in another country: "a Chinese construction site in Algeria". */
const EMPLOYER_ELSEWHERE = /^[ \u00a0]+(?:[\p{L}\-]+[ \u00a0]+){0,2}?(?:compan(?:y|ies)|firms?|sites?|contractors?|developers?|project|factor(?:y|ies)|plants?|enterprises?)[ \u00a0]+(?:in|at)[ \u00a0]+(?:the[ \u00a0]+)?\p{Lu}/u;

export function otherCue(w: CueWindow): Verdict {
  if (PARTIES_OF.test(w.before) || (w.demonym && MARKET_AFTER.test(w.rest)) || BASED_VOICE.test(w.rest)) return 'other';
  // "Chinese workers", "disguised as Chinese workers": workers of that nationality, not North Koreans placed there;
  // "a Chinese construction site in Algeria": the employer's nationality, where the site's place is named.
  if (w.demonym && (FOREIGN_WORKERS_AFTER.test(w.after) || EMPLOYER_ELSEWHERE.test(w.rest))) return 'other';
  if (CUSTOMER_AFTER.test(w.rest) || goodsGo(w.before) || MARKET_IN.test(w.before) || WRITER_IN.test(w.before) || FOR_CLIENTS_IN.test(w.before) || SUPPLIER_AFTER.test(w.rest)) return 'other';
  // Round 18: the buyer of what the workers make ("a supplier of a Dutch shipbuilding company", "a Dutch shipbuilder that
  // profited from …"), a firm accused ("a complaint against the Dutch firm") unless it is said to employ them.
  if (w.demonym && (SUPPLIED_BEFORE.test(w.before) || BUYER_AFTER.test(w.rest) || (AGAINST_BEFORE.test(w.before) && !/\bemploy/i.test(w.rest.slice(0, 60))))) return 'other';
  // Round 19: jobs sought with a country's firms from elsewhere ("seeking employment in U.S. companies"): the clients' place.
  if (JOBS_WITH_BEFORE.test(w.before) && /^[ \u00a0]+(?:[\p{L}\-]+[ \u00a0]+)?(?:compan(?:y|ies)|firms?|businesses|organi[sz]ations|employers)\b/iu.test(w.rest)) return 'other';
  // Round 12: a paper or a source named by its country or place ("a Japanese newspaper", "a source in China told"),
  // a dateline ("VLADIVOSTOK, Russia—"), the places goods go or orders come from ("exported to the United States, Europe and Japan").
  // (Each pattern only where a word it needs is in the window: cheap tests of the window first.)
  // (Case-insensitive guards without the u flag: ASCII letters in any case, as the lower-case window's `includes` found them.)
  if ((w.demonym && MEDIA_AFTER.test(w.rest)) || (/source/i.test(w.before) && SOURCE_IN.test(w.before) && (SOURCE_SPEAKS.test(w.after) || /\baccording[ \u00a0]+to\b/i.test(w.before))) || (DATELINE_DASH.test(w.after) && DATELINE_CITY.test(w.before))) return 'other';
  if ((/export|sold|shipped|sent|deliver/i.test(w.before) && GOODS_TO_LIST.test(w.before)) || (/order/i.test(w.before) && ORDERS_FROM_LIST.test(w.before))) return 'other';
  return null;
}

const SUPPLIED_BEFORE = /\b(?:suppliers?|supplying|supplied|supplies|subcontractors?)[ \u00a0]+(?:of|to|for)[ \u00a0]+(?:a|an|the|two|several)?[ \u00a0]*$/i;
const BUYER_AFTER = new RegExp(String.raw`^${SP}(?:[\p{L}\-]+${SP}){0,2}?(?:compan(?:y|ies)|firms?|shipbuilders?|industry)\b[^.;]{0,60}?\b(?:profit(?:ed|ing|s)?${SP}from|acquir(?:e|ed|ing)|bought|purchas\w*)\b`, 'iu');
const JOBS_WITH_BEFORE = /\b(?:seek(?:s|ing)?|sought|gain(?:s|ing|ed)?|obtain(?:s|ing|ed)?|find(?:s|ing)?|found|get(?:s|ting)?|got)[ \u00a0]+(?:remote[ \u00a0]+)?(?:employment|jobs?|work|contracts)[ \u00a0]+(?:in|with|at|for)[ \u00a0]+(?:the[ \u00a0]+)?$/i;
const AGAINST_BEFORE = /\bagainst[ \u00a0]+(?:a|an|the|two|several)?[ \u00a0]*$/i;
/** A paper or broadcaster named by its country: "a Japanese newspaper", "a Japanese press report". */
const MEDIA_AFTER = /^[ \u00a0]+(?:[\p{L}\-]+[ \u00a0]+)?(?:newspapers?|papers?|dail(?:y|ies)|press|media|broadcasters?|outlets?|news[ \u00a0]+(?:agency|service)|tabloids?|magazines?|television|TV|radio|think[ \u00a0-]tanks?)\b/iu;
/**
 * "a source in China", "sources in northeastern China said": where an informant is, not where workers are. Not an
 * endPattern: the word before the country may be any word ("northeastern"), so no list of last words holds it; the
 * caller tries it only where the window names a source. Read on the window's last eight runs (execTail).
 */
const SOURCE_IN_TAIL = new RegExp(String.raw`\bsources?${SP}(?:close${SP}to${SP}[\p{L}\-]+${SP})?(?:in|from|inside)${SP}(?:the${SP})?(?:[\p{Ll}\-]+${SP})?$`, 'iu');
const SOURCE_IN = { test: (s: string) => execTail(SOURCE_IN_TAIL, s, 8) !== null };
/** What an informant does: speaks ("told RFA", "said"). */
const SOURCE_SPEAKS = /^[^.;]{0,30}?\b(?:told|tells|said|says|explained|added|reported)\b/i;
/** A dateline: the city in capitals at the start of the sentence, the country after it, then a dash. */
const DATELINE_CITY = /^[\s"“]*\p{Lu}[\p{Lu}.'’\- ]+,[ \u00a0]*$/u;
const DATELINE_DASH = /^[ \u00a0]*(?:\([A-Z][\p{L}.]*\)[ \u00a0]*)?(?:[—–]|--?[ \u00a0])/u;
/** Goods sent to a list of places: "products are being exported to the United States, Europe and". */
const GOODS_TO_LIST = endPattern(new RegExp(String.raw`\b(?:goods|products|garments|clothes|clothing|seafood|apparel|merchandise)\b(?:${SP}[\p{L}\-’']+){0,4}?${SP}(?:exported|sold|shipped|sent|delivered)${SP}(?:to|into)${SP}(?:(?:the${SP})?\p{Lu}[\p{L}\-]*(?:${SP}\p{Lu}[\p{L}\-]*)*(?:,${SP}|,?${SP}and${SP}|,?${SP}or${SP}))*(?:the${SP})?$`, 'u'), ['to', 'into', 'and', 'or', 'the'], 16);
/** Orders that come from a list of places: the customers' places. */
const ORDERS_FROM_LIST = endPattern(new RegExp(String.raw`\border(?:s|ed)?["”]?${SP}from${SP}(?:(?:the${SP})?\p{Lu}[\p{L}\-]*(?:${SP}\p{Lu}[\p{L}\-]*)*(?:,${SP}|,?${SP}and${SP}|,?${SP}or${SP}))*(?:the${SP})?$`, 'u'), ['from', 'and', 'or', 'the'], 14);

/** The acts of a host's organs, when the organs themselves act (not someone said to report it). */
function organActs(window: string): boolean {
  const act = ORGAN_ACTS.exec(window);
  if (!act || REPORTED.test(window.slice(0, act.index))) return false;
  return WORKERS_NAMED.test(window);
}

/** Strong forms that make the mention a host whatever the words before say ("does not include Peru, which has not submitted its report"). */
export function firstHostCue(w: CueWindow): Verdict {
  if (REPORTS_ITS_OWN.test(w.rest) && (w.nkWorkers || WORKERS_NAMED.test(w.sentence))) return 'host';
  const set = w.fronted ? FRONTED_TAIL.exec(w.rest) : null;
  // "In Laos, officials said … workers": someone speaking there, as the rounds before read it.
  if (set && !REPORTED.test(set[0])) return 'host';
  return null;
}

/** Forms that make the mention a host. */
export function hostCue(w: CueWindow): Verdict {
  if (w.demonym && EMPLOYERS_AFTER.test(w.rest)) return 'host';
  if (COUNT_IN.test(w.before) && (w.nkWorkers || WORKERS_NAMED.test(w.sentence))) return 'host';
  if (BUILT_BY_AFTER.test(w.rest)) return 'host';
  if (ALLOWS_AFTER.test(w.after) || LABOUR_CONTRACT_AFTER.test(w.rest)) return 'host';
  if (ENFORCES_AFTER.test(w.after) && LEAVING.test(w.sentence) && (w.nkWorkers || WORKERS_NAMED.test(w.sentence))) return 'host';
  if (BASED_WORKERS.test(w.after)) return 'host';
  if (EMPLOYER_IN.test(w.before) && w.nkLabour) return 'host';
  if (ORGAN_BEFORE.test(w.before) && organActs(w.rest)) return 'host';
  const organ = ORGAN_AFTER.exec(w.after);
  if (organ && organActs(w.rest.slice(organ[0].length))) return 'host';
  if ((DENIAL_FROM.test(w.before) || DENIES_AFTER.test(w.after)) && (w.nkLabour || w.nkWorkers || WORKERS_NAMED.test(w.sentence))) return 'host';
  if (BUILDING.test(w.before) && /^[’']s\b/.test(w.rest) && WORKERS_NAMED.test(w.before)) return 'host';
  if (EXIT_AFTER.test(w.after) && (w.nkWorkers || WORKERS_NAMED.test(w.before))) return 'host';
  if (w.demonym && WORKPLACE_CLAUSE.test(w.rest)) return 'host';
  return null;
}

/** Dealings between states: "the fragile relationship between Malaysia and North Korea". */
export const BETWEEN_STATES = /\b(?:relations(?:hips?)?|relationship|ties|talks|tensions?|stand-?off|row|dispute|spat|rift|agreements?|treat(?:y|ies)|deals?)[ \u00a0]+(?:[\p{L}\-]+[ \u00a0]+){0,1}?between[ \u00a0]+(?:the[ \u00a0]+)?$/iu;
/** People named by their country: "envoy", "source", "citizens". */
export const PEOPLE_AFTER = /^[ \u00a0]+(?:[\p{L}\-]+[ \u00a0]+)?(?:envoys?|sources?|officials?|authorities|citizens|nationals|people|persons|journalists?|experts?|analysts?|scholars?|researchers?|diplomats?|ambassadors?|ministers?|president|leaders?|media|news|press|businessm[ae]n|traders?|brokers?|partners?|counterparts?|investigat\w+|inspectors?|police|prosecutors?|courts?|data|statistics|figures|wom[ae]n|m[ae]n|children|villagers|residents)\b/iu;

/** A sentence speaks of the workers: "North Korean workers", "labourers", "work", "employ", "hire", "bring in … North Koreans". */
export const SPEAKS_OF_WORKERS = /\b(?:workers?|workforce|labou?r\w*|employ\w*|hir(?:e|es|ed|ing)|brigades?|dolgyeokdae|visas?|permits?)\b/i;
