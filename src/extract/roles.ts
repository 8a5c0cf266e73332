/**
 * The role of each country mention: `host` when its sentence says North
 * Korean workers are, were or will be sent, employed, working or found there
 * (or sent home from there), `other` for every other naming (North Korea
 * itself, a sanctioning or reporting state, a customer, a diplomatic post, a
 * dateline). Written from how reports put it — "sent to Russia", "working in
 * Poland", "Kuwait currently hosts 6,064 North Korean labourers", "a Russian
 * construction company", "Vietnam-based North Koreans", "China (50,000)" —
 * and checked on the development texts of bench/extract/out-of-sample.
 * Each test looks at a bounded window around one mention, so the work is
 * linear in the length of the text.
 */
import type { CountryMention } from './countries.ts';
import { BETWEEN_STATES, FRONTED_PLACE, PEOPLE_AFTER, SPEAKS_OF_WORKERS, SAME_PLACE_GAP, endPattern, endWords, endsWithComma, execTail, firstHostCue, hostCue, lastMatch, mayEndWith, otherCue, type CueWindow } from './role-cues.ts';

export type CountryRole = 'host' | 'other';

interface Span {
  start: number;
  end: number;
}

const S = String.raw`[ \u00a0]+`;
/** Words that place workers somewhere: before "in/at/on …" they make the country a workplace. */
const WORK_WORDS = /\b(?:work(?:s|ed|ing|ers?|force)?|employ(?:s|ed|ing|ment|ees?)?|earn(?:s|ed|ing)?|labou?r(?:s|ed|ing|ers?)?|toil(?:s|ed|ing)?|sites?|factor(?:y|ies)|plants?|restaurants?|camps?|projects?|hired?|hiring|construction|shipyards?|farms?|mines?|mining|logging|jobs?|waitress(?:es)?|brigades?|dolgyeokdae|woodcutters?|lumberjacks?|loggers?|welders?|builders?|carpenters?|seamstress(?:es)?|fishermen|crews?)\b/i;
/** Words that place people somewhere, workers or not: they need workers named too ("workers … living in", "North Koreans based in"). */
const STAY_WORDS = /\b(?:liv(?:e|es|ed|ing)|resid(?:e|es|ed|ing|ents?)|based|present|remain(?:s|ed|ing)?|operat(?:e|es|ed|ing)|active|boats?)\b/i;
/** People who work but are not labour sent to earn: "agents working in South Korea". */
const NOT_LABOUR = /\b(?:agents?|spies|diplomats?|missionar(?:y|ies)|journalists?|reporters?|athletes?|players?)[ \u00a0]+(?:[\p{L}\-]+[ \u00a0]+){0,1}$/iu;
const SEND_WORDS = /\b(?:sen[dt]|sending|arriv(?:e|es|ed|ing)|landed|[dD][ie]spatch(?:ed|es|ing)?|deploy(?:s|ed|ing|ment)?|export(?:s|ed|ing)?|exportation|went|go(?:es|ing)?|travel(?:l?ed|l?ing)?|mov(?:e|ed|ing)|com(?:e|es|ing)|came|transferr(?:ed|ing)|brought|recruit(?:s|ed|ing)?|assigned|posted|shipped|smuggled|trafficked)\b/i;
const SEND_ALL = new RegExp(SEND_WORDS.source, 'gi');
const WORK_ALL = new RegExp(WORK_WORDS.source, 'gi');
/** What is sent when it is not people. */
const THINGS_SENT = /\b(?:goods|products|merchandise|seafood|exports?|shipments?|money|funds|remittances?|revenue|earnings|letters?|messages?|missiles?|weapons?|arms|troops|soldiers|oil|coal|cargo)\b/i;
/** "North Koreans who have been in", "a North Korean worker has been in": people placed there, working when the sentence says so. */
const BEEN_IN = /\bNorth[ \u00a0]Koreans?\b[^.;]{0,40}\b(?:has|have|had)[ \u00a0]+been[ \u00a0]+$/i;
/** Where workers work from: "who operate primarily from", "working remotely out of" (then "from"). */
const OPERATE_FROM = /\b(?:operat(?:e|es|ed|ing)|work(?:s|ed|ing)?)[ \u00a0]+(?:(?:primarily|mainly|mostly|largely|chiefly|remotely|covertly)[ \u00a0]+)?$/i;
const RETURN_WORDS = /\b(?:repatriat\w*|return(?:ed|ing|ees?)?|sent[ \u00a0]+(?:back|home)|withdr[ae]wn?|expell?ed|deported|were|left)\b/i;
const WORKER_NOUNS = /\b(?:workers?|workforce|labou?rers?|North[ \u00a0]Koreans|employees|nationals|citizens)\b/i;
/** The mention is the object of a preposition, with up to three words between ("in 29 countries including"). */
const PREPOSITION = String.raw`(?:in|at|on|into|to|across|throughout|within|inside|from)`;
const PREP_BEFORE = new RegExp(String.raw`\b(${PREPOSITION})${S}(?:the${S})?(?:(?!${PREPOSITION}\b)[\p{L}\p{N}’'\-]+${S}){0,3}$`, 'iu');
/** A subject is not the object of a preposition ("pressure from the U.S."). */
const OBJECT_OF = endPattern(/\b(?:from|by|of|against|on|for|to|in|at|over|under|between|among|toward|towards)[ \u00a0]+(?:the[ \u00a0]+)?$/i, ['from', 'by', 'of', 'against', 'on', 'for', 'to', 'in', 'at', 'over', 'under', 'between', 'among', 'toward', 'towards']);
/** Places that are not workplaces: a customer's, a diplomat's, a meeting's, a ministry's. */
const NOT_WORKPLACE = endPattern(/\b(?:customers?|clients?|buyers?|embass(?:y|ies)|consulates?|missions?|ambassadors?|headquarters|meetings?|talks|summits?|conferences?|briefings?|hearings?|speech(?:es)?|wars?|conflicts?|invasion|fighting|offensives?|courts?|counterparts|officials?|offices?|diplomats?|delegations?|ministry|ministries|government|agency|department|parliament|sanctions|(?:sanctions?[ \u00a0]+)?measures)[ \u00a0]+(?:in|at|to)[ \u00a0]+(?:the[ \u00a0]+)?$/i, ['in', 'at', 'to'], 6);
/** "North Korean workers", "N. Korean laborers", "North Koreans". */
const NK_WORKERS_SOURCE = String.raw`\b(?:(?:North[ \u00a0-]Korean?|N\.?[ \u00a0]?Korean|DPRK|North’s|North's)(?:${S}[\p{L}\-]+){0,2}?${S}(?:workers?|labou?rers?|nationals|citizens|people|employees)|North${S}Koreans)\b`;
/** NK_WORKERS, tried (sticky) only where a match may start. */
const NK_WORKERS_AT = new RegExp(NK_WORKERS_SOURCE, 'iuy');
/**
 * Where NK_WORKERS may match: at "north", "n. korean" (and its spellings) or "dprk", in any case ("K", the Kelvin sign,
 * stands for k: the u flag folds it so, this pattern without the u flag would not). No such start lies inside another.
 */
const NK_WORKERS_FROM = /north|n\.?[ \u00a0]?[kK\u212a]orean|dpr[kK\u212a]/gi;
/** "workers from North Korea", "labourers from the DPRK". */
const WORKERS_FROM_NK = /\b(?:workers?|labou?rers?|nationals|citizens|employees)[ \u00a0]+from[ \u00a0]+(?:North[ \u00a0]+Korea|the[ \u00a0]+DPRK|DPRK|the[ \u00a0]+North)\b/i;
function nkWorkersExec(s: string): RegExpExecArray | null {
  NK_WORKERS_FROM.lastIndex = 0;
  let found: RegExpExecArray | null = null;
  for (let c = NK_WORKERS_FROM.exec(s); c; c = NK_WORKERS_FROM.exec(s)) {
    NK_WORKERS_AT.lastIndex = c.index;
    found = NK_WORKERS_AT.exec(s);
    if (found) break;
  }
  // (Tested only where the text names "from": most windows do not.)
  const from = s.includes('from') ? WORKERS_FROM_NK.exec(s) : null;
  return from && (!found || from.index < found.index) ? from : found;
}
const NK_WORKERS = { test: (s: string) => nkWorkersExec(s) !== null, exec: nkWorkersExec };
const NK = /\b(?:North[ \u00a0-]Korea|N\.?[ \u00a0]?Korean|DPRK)/i;
/** A North Korean state enterprise that sends its own workers ("The Mansudae Overseas Development Group … has been active in Senegal"). */
const NK_ENTERPRISE = /\b(?:Mansudae|Overseas[ \u00a0](?:Project|Development)s?|(?:North[ \u00a0-]Korean|N\.?[ \u00a0]?Korean|DPRK)(?:[ \u00a0]+state(?:-owned|-run)?)?[ \u00a0]+(?:compan(?:y|ies)|enterprises?|firms?|corporations?|construction))\b/i;
const LABOUR = /\b(?:work|labou?r|employ|hir|deploy|dispatch|restaurants|doctors|nurses|physicians|medical[ \u00a0]+(?:staff|professionals|teams?))/i;
/** The window speaks of North Korean labour (two independent tests: no backtracking over long text). */
const nkLabour = (s: string) => NK.test(s) && LABOUR.test(s);
/** Verbs that make a subject country the host: "Kuwait currently hosts", "China, known to employ", "Qatar also sent back". */
const HOST_VERBS = /\b(?:(?:primary|main|top|largest|biggest|leading|principal)[ \u00a0]+(?:locations?|destinations?|hosts?|employers?|recipients?)\b|(?:destination|recipient|host|employer)[ \u00a0]+(?:for|of)[ \u00a0]+(?:the[ \u00a0]+)?(?:[A-Za-z\-.]+[ \u00a0]+){0,3}?(?:workers|labou?rers|North[ \u00a0]Koreans)|hosts?(?![ \u00a0]+(?:countr(?:y|ies)|nations?|states?|governments?)\b)|hosting|hosted|employ(?:s|ed|ing)?|hir(?:es|ed|ing)|accounting[ \u00a0]+for|accounts?[ \u00a0]+for|sent[ \u00a0]+(?:back|home)|send(?:s|ing)?[ \u00a0]+(?:back|home)|seek(?:s|ing)?(?=[ \u00a0]+(?:up[ \u00a0]+to[ \u00a0]+|some[ \u00a0]+|about[ \u00a0]+)?[\d,]+[ \u00a0]+(?:North|N\.|workers|labou?rers))|(?:stop(?:ped|s)?[ \u00a0]+)?(?:tak(?:e|es|ing)|took|let(?:s|ting)?)[ \u00a0]+in[ \u00a0]+(?:new[ \u00a0]+|more[ \u00a0]+|any[ \u00a0]+)?(?:North[ \u00a0]Korean[ \u00a0]+)?(?:workers|labou?rers|North[ \u00a0]Koreans)|repatriat(?:e|es|ed|ing)|expell?(?:s|ed|ing)?|deport(?:s|ed|ing)?|recruit(?:s|ed|ing)?|(?:attract|invit)(?:e|es|ed|ing|s)?(?=[ \u00a0][^.;]{0,50}\b(?:workers|labou?rers|builders|North[ \u00a0]Koreans|nationals[ \u00a0]+from)\b))\b/i;
/** A country that acts on others ("the US has urged", "Britain complained") is not where the workers are. */
const ACTS_ON_OTHERS = /^[ \u00a0]+(?:[\p{L}’'\-]+[ \u00a0]+){0,2}?(?:urg|call|press|persuad|sanction|designat|condemn|ask|demand|want|pressur|target|accus|complain|impos|warn|threat|criticis|criticiz|submit|propos|veto|vot(?:e|ed|es|ing)\b|tabled)/iu;
/** The mention names a state's organs, not a place: "Kuwait’s information ministry", "the Polish foreign ministry". */
const ACTOR_AFTER = /^(?:[’']s)?[ \u00a0]+(?:[\p{L}\-]+[ \u00a0]+)?(?:government|ministry|embassy|ambassador|authorities|officials?|president|prime|department|treasury|delegat\w*|diplomat\w*|consul\w*|parliament|congress|labou?r[ \u00a0]+minister|foreign[ \u00a0]+minist|office[ \u00a0]+(?:of|for)\b)/iu;
/** Who says it: "…, said analyst Oh at …". */
const ATTRIBUTION = /\b(?:said|says|told|tells|according[ \u00a0]+to)\b/i;
const REPORTING = /\b(?:says|said|told|tells|reported|reports|stated|states|added|announced|claimed|noted)\b/i;
const ELSEWHERE = /\b(?:abroad|overseas|in[ \u00a0]+member[ \u00a0]+states|in[ \u00a0]+other[ \u00a0]+countries|elsewhere)\b/i;
const WORKPLACE_AFTER = /^[ \u00a0]+(?:[\p{L}\-]+[ \u00a0]+){0,2}?(?:factor(?:y|ies)|plants?|shipyards?|compan(?:y|ies)|firms?|farms?|construction|sites?|restaurants?|employers?|mines?|fishing|seafood|logging|contractors?|enterprises?|businesses|boats?|hospitals?|clinics?)\b/iu;
/** A country's own workplaces: "Russia's construction sites", "China's seafood plants" (not its companies: they may be buyers). */
const OWN_WORKPLACE_AFTER = /^[’']s[ \u00a0]+(?:[\p{L}\-]+[ \u00a0]+){0,2}?(?:factor(?:y|ies)|plants|shipyards?|farms?|construction[ \u00a0]+sites|sites|restaurants|mines|logging|fisher(?:y|ies))\b/iu;
const COUNT_AFTER = /^[ \u00a0]*\([ \u00a0]*(?:about|around|some|over|more than|nearly)?[ \u00a0]*\d[\d,.]*(?:[ \u00a0]?[-–][ \u00a0]?\d[\d,.]*)?(?:[ \u00a0]*(?:thousand|million))?[ \u00a0]*\)/i;
const GOODS_FROM = endPattern(/\b(?:goods|products|seafood|merchandise|imports?|exports?|shipments?|garments|textiles)[ \u00a0]+(?:[\p{L}\-]+[ \u00a0]+){0,2}?from[ \u00a0]+(?:the[ \u00a0]+)?$/iu, ['from'], 7);
/** Only ", ", " and ", " or " (and "the") between two country mentions: one list ("Kuwait, the UAE, Qatar, Nigeria, and Poland"; "Dubai, United Arab Emirates"). */
export const LIST_GAP = /^(?:[ \u00a0]*\([\p{Lu}.]{2,8}\))?(?:,[ \u00a0]*|[ \u00a0]+(?:and|or)[ \u00a0]+|,[ \u00a0]*(?:and|or)[ \u00a0]+)(?:the[ \u00a0]+)?$/iu;

type Verdict = 'host' | 'other' | null;

/** Two mentions are one list ("Russia, China and Laos") or one place ("the Latvian port city of Liepaja"). */
/** A place and the country it is in, named together (round 14): "Phnom Penh, the capital of Cambodia", "Laos’s capital Vientiane", "Russia's war-damaged Kursk". */
const PLACE_OF_GAP = /^,?[ \u00a0]+(?:the[ \u00a0]+)?(?:[\p{Ll}\-]+[ \u00a0]+){0,2}?(?:capital|city|town|port|province|region|state)[ \u00a0]+of[ \u00a0]+(?:the[ \u00a0]+)?$/u;
const COUNTRYS_PLACE_GAP = /^[’']s[ \u00a0]+(?:[\p{Ll}\-]+[ \u00a0]+){0,3}$/u;
const joined = (gap: string, first: CountryMention, second: CountryMention) =>
  LIST_GAP.test(gap) || (first.via === 'demonym' && SAME_PLACE_GAP.test(gap)) || (first.via === 'place' && second.via !== 'demonym' && PLACE_OF_GAP.test(gap)) ||
  (first.via === 'name' && second.via === 'place' && COUNTRYS_PLACE_GAP.test(gap));

/** A state that presses others: "pressure from the U.S. and South Korea over their acceptance of North Korean workers". */
const PRESSURE_FROM = endPattern(/\b(?:pressure|criticism|complaints?|protests?|objections?|demands?|requests?|calls?|warnings?)[ \u00a0]+(?:[\p{L}\-]+[ \u00a0]+){0,1}from[ \u00a0]+(?:the[ \u00a0]+)?$/iu, ['from'], 6);
/** Verbs of plain travel: a destination of workers only when the sentence speaks of workers or labour. */
const TRAVEL = /^(?:went|go(?:es|ing)?|travel(?:l?ed|l?ing)?|mov(?:e|ed|ing)|com(?:e|es|ing)|came)$/i;

/** A country a figure or list leaves out: "this figure does not include China", "excluding Russia". */
const LEFT_OUT = endPattern(/\b(?:(?:does|do|did)[ \u00a0]+not|doesn[’']t|don[’']t|didn[’']t)[ \u00a0]+(?:include|count|cover)[ \u00a0]+(?:the[ \u00a0]+)?$|\b(?:excluding|except(?:[ \u00a0]+for)?|other[ \u00a0]+than|apart[ \u00a0]+from|not[ \u00a0]+including)[ \u00a0]+(?:the[ \u00a0]+)?$/i, ['include', 'count', 'cover', 'excluding', 'except', 'for', 'than', 'from', 'including'], 6);

/** Geography: "the country wedged between Russia and China", "bordering China". */
const GEOGRAPHY = endPattern(/\b(?:(?:wedged|sandwiched|located|situated|lies|lying|landlocked|nestled)[ \u00a0]+between|border(?:s|ing|ed)?|(?<!\b(?:in|to|into|from|at|across)[ \u00a0]+)neighbou?r(?:s|ing)?)[ \u00a0]+(?:the[ \u00a0]+)?$/i, ['between', 'border', 'borders', 'bordering', 'bordered', 'neighbor', 'neighbors', 'neighboring', 'neighbour', 'neighbours', 'neighbouring'], 6);
/** Ties to a place are not work in it: "sources with ties to Chinese companies". */
const TIES_TO = endPattern(/\b(?:ties|links?|linked|tied|connected|connections|close)[ \u00a0]+(?:to|with)[ \u00a0]+(?:the[ \u00a0]+)?$/i, ['to', 'with'], 5);
/** Leaving or entering a place: "workers will leave Russia", "Workers Leaves Mongolia", "labourers are entering Hunchun". */
const LEAVES_OR_ENTERS = endPattern(/\b(?:leav(?:e|es|ing)|left|depart(?:s|ed|ing)?|enter(?:s|ed|ing)?|cross(?:es|ed|ing)?[ \u00a0]+into)[ \u00a0]+(?:the[ \u00a0]+)?$/i, ['leave', 'leaves', 'leaving', 'left', 'depart', 'departs', 'departed', 'departing', 'enter', 'enters', 'entered', 'entering', 'into'], 5);
/** Examples after a noun stand where the noun stands: "to work in its provinces such as Jilin"; a range of places: "in locations from Mongolia to …". */
const EXAMPLES = /(?<!\b(?:countries|nations|states|places|destinations))[ \u00a0]+(?:such[ \u00a0]+as|like|including)[ \u00a0]+$/i;
/** A region named first in a list of places. */
const REGION_AHEAD = /[ \u00a0]+(?:the[ \u00a0]+)?(?:Middle[ \u00a0]+East|(?:Persian[ \u00a0]+)?Gulf|(?:North[ \u00a0]+|West[ \u00a0]+|East[ \u00a0]+|Southern[ \u00a0]+|Sub-Saharan[ \u00a0]+)?Africa|(?:Eastern[ \u00a0]+|Central[ \u00a0]+)?Europe|(?:South[- ]?East[ \u00a0]+|Southeast[ \u00a0]+|Central[ \u00a0]+|East[ \u00a0]+)?Asia|Latin[ \u00a0]+America),[ \u00a0]*$/;
const CHIEFLY_WORDS = ['principally', 'mainly', 'mostly', 'chiefly', 'primarily', 'especially', 'notably', 'particularly'];
/** "other countries – principally", "countries, mainly": the examples that follow are where the countries are. */
const COUNTRIES_CHIEFLY = /[ \u00a0]+(?:other[ \u00a0]+|several[ \u00a0]+|many[ \u00a0]+)?(?:countries|nations)[ \u00a0]*[,—–-][ \u00a0]*(?:principally|mainly|mostly|chiefly|primarily|especially|notably|particularly)[ \u00a0]+$/i;
/** A part of a place stands for the place: "in designated areas of the Russian Far East", "in remote parts of". */
const PART_OF = /[ \u00a0]+(?:areas|parts|corners|regions|provinces|cities|towns|outskirts|suburbs|territor(?:y|ies))[ \u00a0]+of[ \u00a0]+(?:the[ \u00a0]+)?$/i;
const RANGE_FROM = /(\b(?:in|across)[ \u00a0]+(?:[\p{L}\-]+[ \u00a0]+){0,2})from[ \u00a0]+$/iu;

/** North Korea's own ventures placed somewhere. */
const NK_OPERATIONS_IN = endPattern(/\b(?:North[ \u00a0]Korea|Pyongyang|DPRK|the[ \u00a0]North)[’']s[ \u00a0]+(?:[\p{L}\-]+[ \u00a0]+){0,2}?(?:operations|businesses|enterprises|projects|ventures|restaurants|companies|firms|workforce|workers|labou?rers)[ \u00a0]+(?:in|across|throughout)[ \u00a0]+(?:the[ \u00a0]+)?$/iu, ['in', 'across', 'throughout'], 8);
/** Being somewhere: "are in", "were still in", "remain mostly in". */
const ARE_IN = /\b(?:are|were|remain(?:s|ed)?)[ \u00a0]+(?:still[ \u00a0]+|now[ \u00a0]+|mostly[ \u00a0]+|mainly[ \u00a0]+|largely[ \u00a0]+)?$/i;
/** Verbs that follow "to" as its purpose: the words after "to" begin with one. */
/** A count of "them" placed in the mention: "100 to 120 of them in", "thousands of them working in". */
const OF_THEM_IN = /\b(?:\d[\d,.]*|hundreds|thousands|dozens|some|most|many)(?:[ \u00a0]+(?:to|and)[ \u00a0]+\d[\d,.]*)?[ \u00a0]+of[ \u00a0]+them[ \u00a0]+(?:(?:are|were|work|working|live|living|remain|employed|still|now|reportedly|allegedly|mostly|mainly|largely)[ \u00a0]+){0,3}in[ \u00a0]+(?:the[ \u00a0]+)?$/i;
/** Not where the workers go: "a ban in Japan to work against", "the law of China to work with". */
const OBJECT_OF_TRAVEL = /\b(?:ban|law|rules?|pressure|call|efforts?|calls)[ \u00a0]+(?:in|of|from|by)[ \u00a0]+(?:the[ \u00a0]+)?$/i;
const BUILD_PURPOSE = /^to[ \u00a0]+(?:help[ \u00a0]+)?(?:rebuild|build|construct|restore)\b/i;
const PURPOSE_VERB = /^to[ \u00a0]+(?:fight|help|rebuild|build|support|defend|attack|replace|assist|join|serve|guard|train|reinforce)\b/i;
/** PREP_BEFORE on the window's last five runs (a preposition, "the" and three words; see tailStart). */
const prepBefore = (before: string) => execTail(PREP_BEFORE, before, 5);

/** The words the windows below must end with for a replacement or a pattern to apply (mayEndWith). */
const EXAMPLE_WORDS = endWords(['as', 'like', 'including']);
const CHIEFLY_ENDS = endWords(CHIEFLY_WORDS);
const FROM_WORDS = endWords(['from']);
const OF_WORDS = endWords(['of']);
const OF_IN_WORDS = endWords(['of', 'in']);
const IN_WORDS = endWords(['in']);

/** What the words just before the mention say: a workplace, a destination, a place sent home from, or an excluded place. */
function fromPreposition(before: string, sentence: string, context = sentence): Verdict {
  if (NOT_WORKPLACE.test(before) || LEFT_OUT.test(before) || PRESSURE_FROM.test(before) || TIES_TO.test(before) || GEOGRAPHY.test(before)) return 'other';
  if (LEAVES_OR_ENTERS.test(before)) return WORKER_NOUNS.test(before) || NK_WORKERS.test(before) ? 'host' : null;
  // (Each replacement only where the window can end as its pattern needs.)
  if (mayEndWith(before, EXAMPLE_WORDS)) before = before.replace(EXAMPLES, ' ');
  // "sites in the Middle East, Russia and China": a region ahead in the list stands where the country stands.
  if (endsWithComma(before)) before = before.replace(REGION_AHEAD, ' ');
  // "to other countries – principally Russia": the country stands where "countries" stands.
  if (mayEndWith(before, CHIEFLY_ENDS)) before = before.replace(COUNTRIES_CHIEFLY, ' ');
  if (mayEndWith(before, FROM_WORDS)) before = before.replace(RANGE_FROM, '$1');
  if (mayEndWith(before, OF_WORDS)) before = before.replace(PART_OF, ' ');
  if (GOODS_FROM.test(before)) return nkLabour(sentence) ? 'host' : null;
  const p = prepBefore(before);
  if (!p) return null;
  const prep = (p[1] ?? '').toLowerCase();
  const lead = before.slice(0, p.index);
  // "sent to fight Ukrainians occupying …", "sent to help rebuild …": "to" opens a purpose, not a destination.
  // (Round 14: but workers sent "to help rebuild Russia's Kursk region" are sent to work there.)
  if (prep === 'to' && PURPOSE_VERB.test(before.slice(p.index))) return BUILD_PURPOSE.test(before.slice(p.index)) && WORKER_NOUNS.test(lead) && !/\b(?:troops|soldiers|military)\b/i.test(lead) ? 'host' : null;
  if (prep === 'to' || prep === 'into') {
    // "sent … to Russia", not "sending goods to U.S. importers".
    const last = lastMatch(SEND_ALL, lead);
    // "seen in places from Peru to Chile": the far end of a range of places.
    const range = /^(.*\b(?:in|across)[ \u00a0]+(?:[\p{L}\-]+[ \u00a0]+){0,2})from[ \u00a0]+(?:[\p{Lu}][\p{L}\-’']*[ \u00a0]+){1,3}$/u.exec(lead);
    if (range) return fromPreposition(range[1]!, sentence, context);
    // "increasing foreign workforce …, including to Russia": the places a workforce grew into.
    if (!last) return /\bincluding[ \u00a0]*$/i.test(lead) && WORKER_NOUNS.test(lead) ? 'host' : null;
    // "products they make go to Chile", "seafood exported … to Peru": goods are the subject of the verb.
    if (THINGS_SENT.test(lead.slice(Math.max(0, last.index - 24), last.index))) return null;
    // "troops to Russia" is not labour, but "a large number of workers as well as troops to Russia" is.
    const sent = lead.slice(last.index + last[0].length);
    if (THINGS_SENT.test(sent) && !WORKER_NOUNS.test(sent)) return null;
    // "exported for hard currency, including to the U.S." is said of goods unless workers are named.
    if (/^export/i.test(last[0]) && !WORKER_NOUNS.test(lead)) return null;
    // "Who's going to India?": travel makes a host only where workers or labour are spoken of.
    return TRAVEL.test(last[0]) && !(WORKER_NOUNS.test(sentence) || NK_WORKERS.test(sentence) || LABOUR.test(sentence)) ? null : 'host';
  }
  // "sent home from Kuwait", "a returnee from Namibia"; "IT workers, who operate primarily from Russia" (round 18).
  if (prep === 'from') return (RETURN_WORDS.test(lead) && (WORKER_NOUNS.test(lead) || /\breturnees?[ \u00a0]+$/i.test(lead))) || (OPERATE_FROM.test(lead) && WORKER_NOUNS.test(lead)) ? 'host' : null;
  // "North Korea's operations in Russia", "Pyongyang's restaurants in Cambodia".
  if (NK_OPERATIONS_IN.test(before)) return 'host';
  // "One North Korean who has been in Mongolia since 2011 … works 12 to 14 hours" (round 19).
  if (prep === 'in' && BEEN_IN.test(lead) && WORK_WORDS.test(sentence)) return 'host';
  // "The vast majority, about 80 per cent, are in China and Russia": where the workers of the sentence or the one before are.
  if (prep === 'in' && ARE_IN.test(lead) && (WORKER_NOUNS.test(context) || NK_WORKERS.test(context))) return 'host';
  const work = lastMatch(WORK_ALL, lead);
  // "… workers …, said analyst Oh at Seoul's institute": the place of whoever speaks, not of the work.
  if (work) {
    if (NOT_LABOUR.test(lead.slice(0, work.index)) || ATTRIBUTION.test(lead.slice(work.index + work[0].length))) return null;
    // A workplace word where neither the sentence nor the one before speaks of North Korea or of workers ("observers of camp town culture in …") places no one.
    return NK.test(context) || WORKER_NOUNS.test(context) || /\b(?:slaves|labou?r|Koreans)\b/i.test(context) || NK_ENTERPRISE.test(context) ? 'host' : null;
  }
  return STAY_WORDS.test(lead) && (WORKER_NOUNS.test(lead) || NK_WORKERS.test(lead) || NK_ENTERPRISE.test(lead)) ? 'host' : null;
}

/** What links a subject country to the workers named after it: "Kuwait says … workers", "Poland does not intend to issue new work permits to …". */
const SUBJECT_LINK = /\b(?:says|said|tells|told|reported|reports|welcome\w*|issu\w+|grant\w*|visas?|permits?|figures|number[ \u00a0]+of|stopped|renew\w*|accept\w*|receiv\w+|allow\w*|import\w*|contracts?)\b/i;

/** The mention as the subject of what follows: "Kuwait currently hosts …", "Russia said the number of North Korean people …". */
function asSubject(after: string): Verdict {
  if (ACTOR_AFTER.test(after) || ACTS_ON_OTHERS.test(after) || ALLIES_AFTER.test(after)) return null;
  const verb = HOST_VERBS.exec(after);
  if (verb && verb.index <= 60) return 'host';
  const nk = NK_WORKERS.exec(after);
  if (!nk || nk.index > 60) return null;
  const between = after.slice(0, nk.index);
  if (!SUBJECT_LINK.test(between)) return null;
  if (REPORTING.test(between) && ELSEWHERE.test(after.slice(nk.index))) return null;
  return 'host';
}

/** The subject is another state that the mention owns: "America's most valued Arab allies host …". */
const ALLIES_AFTER = /^[’']s[ \u00a0]+(?:[\p{L}\-]+[ \u00a0]+){0,3}(?:allies|partners|neighbou?rs|friends|rivals|adversaries|enemies)\b/iu;
/** A country as the first half of an adjective names something else: "US-allied Gulf nations", "Beijing-bound train", "Russia-occupied Ukraine". */
const ADJECTIVE_PREFIX = /^-(?:allied|backed|led|aligned|friendly|bound|occupied|controlled|funded|brokered|made|born)\b/i;
/** A host's authorities acting on the workers it hosts: "Mongolian authorities had stopped issuing … visa renewals for North Korean workers". */
const HOST_AUTHORITY = /^(?:[’']s)?[ \u00a0]+(?:immigration[ \u00a0]+)?(?:authorities|government|officials)[ \u00a0]+(?:[\p{L}\-]+[ \u00a0]+){0,3}?(?:(?:stopp\w*[ \u00a0]+)?(?:issu\w*|grant\w*|renew\w*)[ \u00a0]+(?:[\p{L}\-]+[ \u00a0]+){0,3}?(?:visas?|permits?|renewals?)|(?:ask|order|told)\w*[ \u00a0]+(?:the[ \u00a0]+)?(?:North|N\.|workers|labou?rers)|expell?\w*|deport\w*|repatriat\w*|sen[dt][ \u00a0]+(?:home|back))\b/iu;
/** A region, province or city of the country named by its adjective: "A Russian region in Siberia seeks 2,000 North Koreans". */
const PLACE_NOUN = /^[ \u00a0]+(?:region|province|city|county|oblast|town|territory|republic)\b/i;
/** Employers in a place that hire: "companies in Hunchun county … are still hiring North Koreans". */
const EMPLOYERS_IN = endPattern(/\b(?:compan(?:y|ies)|firms?|factor(?:y|ies)|employers?|businesses|plants?|enterprises?|sites?)[ \u00a0]+(?:in|at)[ \u00a0]+(?:the[ \u00a0]+)?$/i, ['in', 'at'], 5);

/** "in the country", "left the country": the country the sentence's subject names. */
const THE_COUNTRY = /\b(?:in|from|left|leave|leaving|out[ \u00a0]+of)[ \u00a0]+the[ \u00a0]+country\b/i;

/** Sentence (or line) holding each mention, found by walking both sorted lists once. */
function sentenceOf(sentences: readonly Span[], mentions: readonly Span[]): Span[] {
  const out: Span[] = [];
  let i = 0;
  for (const m of mentions) {
    while (i < sentences.length && sentences[i]!.end <= m.start) i++;
    out.push(sentences[i] ?? m);
  }
  return out;
}

/** What a sentence window says of North Korean labour, by where the window starts (with its end): mentions of one sentence often share it (emptied per text). */
const sentenceTests = new Map<number, SentenceSays>();

interface SentenceSays {
  to: number;
  /** NK: the window names North Korea. */
  nk: boolean;
  nkLabour: boolean;
  nkWorkers: boolean;
}

/** What the window text[from, to) (`sentence`) says, read once per window (carriedHosts asks again of the same windows). */
function sentenceSays(from: number, to: number, sentence: string): SentenceSays {
  let said = sentenceTests.get(from);
  if (!said || said.to !== to) {
    const nk = NK.test(sentence);
    sentenceTests.set(from, (said = { to, nk, nkLabour: nk && LABOUR.test(sentence), nkWorkers: NK_WORKERS.test(sentence) }));
  }
  return said;
}

/** `s.split(sep).pop()` and `s.split(sep)[0]`, without the array. */
const afterLast = (s: string, sep: string): string => s.slice(s.lastIndexOf(sep) + 1);
const beforeFirst = (s: string, sep: string): string => {
  const k = s.indexOf(sep);
  return k < 0 ? s : s.slice(0, k);
};

function directRole(text: string, m: CountryMention, s: Span, next: CountryMention | undefined): Verdict {
  const before = afterLast(text.slice(Math.max(s.start, m.start - 120), m.start), ';');
  // The sentence around the mention, at most 300 characters each side: bounded work per mention.
  const from = Math.max(s.start, m.start - 300);
  const to = Math.min(s.end, m.end + 300);
  const sentence = text.slice(from, to);
  // The rest of the sentence, at most 140 characters, whatever other places it names.
  const rest = text.slice(m.end, Math.min(s.end, m.end + 140));
  if (ADJECTIVE_PREFIX.test(rest)) return 'other';
  const stop = Math.min(s.end, m.end + 90, next && next.start > m.end ? next.start : Infinity);
  const after = beforeFirst(text.slice(m.end, stop), ';');
  const fronted = m.start - s.start < 30 && FRONTED_PLACE.test(text.slice(s.start, m.start));
  // (Found by where the window lies in the text, the same text: no hashing of its characters.)
  const said = sentenceSays(from, to, sentence);
  const cues: CueWindow = { before, rest, after, sentence, demonym: m.via === 'demonym', nkLabour: said.nkLabour, nkWorkers: said.nkWorkers, fronted };
  const other = otherCue(cues);
  if (other) return other;
  const first = firstHostCue(cues);
  if (first) return first;
  // The sentence and up to 250 characters before it: what a pronoun subject ("The vast majority work in …") refers to.
  const prep = fromPreposition(before, sentence, text.slice(Math.max(0, s.start - 250), Math.min(s.end, m.end + 300)));
  if (prep) return prep;
  const cue = hostCue(cues);
  if (cue) return cue;
  // "Mozambique says 97 North Korean doctors still working in the country": the subject is the country they are in (round 14).
  if (m.start - s.start < 4 && m.via !== 'demonym' && THE_COUNTRY.test(rest) && (said.nkLabour || said.nkWorkers)) return 'host';
  const beforeInSentence = text.slice(Math.max(s.start, m.start - 20), m.start);
  // "In China, Russia and elsewhere, there is strong demand for cheap North Korean workers": a sentence set in the place.
  if (m.start - s.start < 20 && /^[\s"“'‘]*In[ \u00a0]+(?:the[ \u00a0]+)?$/.test(beforeInSentence) && NK_WORKERS.test(rest) && !REPORTING.test(rest)) return 'host';
  if (EMPLOYERS_IN.test(before)) {
    const verb = HOST_VERBS.exec(rest);
    if (verb && verb.index <= 60 && NK_WORKERS.test(rest)) return 'host';
  }
  if (HOST_AUTHORITY.test(rest) && NK_WORKERS.test(rest)) return 'host';
  // "A Russian region in Siberia seeks 2,000 North Koreans": the place of a region that hires.
  if (mayEndWith(before, OF_IN_WORDS) && /\b(?:region|province|city|county|oblast|territory)[ \u00a0]+(?:of|in)[ \u00a0]+$/i.test(before) && asSubject(rest) === 'host') return 'host';
  const place = PLACE_NOUN.exec(rest);
  if (m.via === 'demonym' && place && asSubject(rest.slice(place[0].length).replace(/^[ \u00a0]+in[ \u00a0]+[\p{Lu}][\p{L}\-]*/u, '')) === 'host') return 'host';
  // "Eastern Russia, where some 15,000 North Koreans are thought to be working".
  if (/^,?[ \u00a0]+where\b/i.test(rest) && WORK_WORDS.test(rest.slice(0, 100)) && (NK_WORKERS.test(rest) || WORKER_NOUNS.test(rest.slice(0, 100)))) return 'host';
  // "There are 100 to 120 of them in Angola" after a sentence about North Korean workers.
  if (mayEndWith(before, IN_WORDS) && OF_THEM_IN.test(before) && NK_WORKERS.test(text.slice(Math.max(0, s.start - 250), m.start))) return 'host';
  // "Unlike China, where they are using working visas, …" after a sentence about North Korean workers: "they" are the workers.
  if (/^,?[ \u00a0]+where[ \u00a0]+they\b/i.test(rest) && (WORK_WORDS.test(rest.slice(0, 60)) || STAY_WORDS.test(rest.slice(0, 60))) && NK_WORKERS.test(text.slice(Math.max(0, s.start - 250), m.start))) return 'host';
  if (/^[ -]based\b/.test(after)) return said.nkLabour || said.nkWorkers ? 'host' : null;
  if (COUNT_AFTER.test(after) && WORK_WORDS.test(sentence)) return 'host';
  // "the team landed in Libya to work in a hospital": sent there to work.
  if (/^[ \u00a0]+to[ \u00a0]+work\b/i.test(after) && said.nk && !OBJECT_OF_TRAVEL.test(before)) return 'host';
  // "a Russian construction company"; "Russia's construction sites may attract up to 50,000 workers from North Korea" (round 18).
  if ((m.via === 'demonym' ? WORKPLACE_AFTER.test(after) : OWN_WORKPLACE_AFTER.test(after)) && said.nkLabour) return 'host';
  if (m.via === 'demonym' || OBJECT_OF.test(text.slice(Math.max(s.start, m.start - 12), m.start))) return null;
  return asSubject(after);
}

/** The rules' verdict on a mention: a host, another naming a cue decided, or one no cue decided (read as `other`). */
export type RuleVerdict = CountryRole | 'undecided';

/**
 * Verdicts on the country mentions (sorted by start), given the text's
 * sentences (sorted, covering the text). A country in a list shares the
 * role found for any member of it ("sent to Russia and China"), unless a
 * member is an excluded place ("customers in China, Russia, Canada").
 */
export function countryVerdicts(text: string, mentions: readonly CountryMention[], sentences: readonly Span[]): RuleVerdict[] {
  const sents = sentenceOf(sentences, mentions);
  // The next mention that is not North Korea: "North Korean" in "Kuwait hosts 6,064 North Korean labourers" names the workers, not another place.
  const nextPlace: (CountryMention | undefined)[] = [];
  for (let i = mentions.length - 1, next: CountryMention | undefined; i >= 0; i--) {
    nextPlace[i] = next;
    if (mentions[i]!.country !== 'KP') next = mentions[i];
  }
  sentenceTests.clear();
  const direct = mentions.map((m, i) => (m.country === 'KP' ? 'other' : directRole(text, m, sents[i]!, nextPlace[i])));
  const roles: CountryRole[] = direct.map((v) => (v === 'host' ? 'host' : 'other'));
  const listedOther: boolean[] = mentions.map(() => false);
  // Lists: consecutive mentions joined only by commas, "and", "or".
  let i = 0;
  while (i < mentions.length) {
    let j = i;
    while (j + 1 < mentions.length && joined(text.slice(mentions[j]!.end, mentions[j + 1]!.start), mentions[j]!, mentions[j + 1]!)) j++;
    if (j > i) {
      // A list of three or more countries, or one introduced as countries, in a sentence about North Korean labour: the places it went.
      const s = sents[i]!;
      const around = text.slice(Math.max(s.start, mentions[i]!.start - 300), Math.min(s.end, mentions[j]!.end + 300));
      const lead = text.slice(Math.max(s.start, mentions[i]!.start - 120), mentions[i]!.start);
      // "countries such as", "countries — ", and "countries in which North Koreans are deployed include …"
      const introduced = /\bcountries[ \u00a0]*(?:[—–:-]|,?[ \u00a0]+(?:like|such[ \u00a0]+as|including))[ \u00a0]*(?:the[ \u00a0]+)?$/i.test(lead.slice(-40)) ||
        /\bcountries\b[^.;:]{0,80}[ \u00a0](?:include[sd]?|are|were)[ \u00a0]*:?[ \u00a0]*(?:the[ \u00a0]+)?$/i.test(lead);
      const places = mentions.slice(i, j + 1).filter((m) => m.country !== 'KP').length;
      // Not where goods are sold: "sell their products overseas to places like South Korea, Japan and the US".
      const goodsGo = /\b(?:sell|sells|sold|selling|export\w*|ship(?:s|ped|ping)?|markets?|products?|goods)\b[^.;]{0,60}$/i.test(lead);
      if ((places >= 3 || introduced) && !goodsGo && nkLabour(around) && !direct.slice(i, j + 1).some((v, k) => v === 'other' && mentions[i + k]!.country !== 'KP')) {
        for (let k = i; k <= j; k++) if (mentions[k]!.country !== 'KP') direct[k] = 'host';
      }
      // North Korea in a list is neutral: "sent to Russia, China and North Korea" is not a reason to doubt Russia.
      const members = direct.slice(i, j + 1).filter((_, k) => mentions[i + k]!.country !== 'KP');
      const verdict: CountryRole = members.includes('other') && !members.includes('host') ? 'other' : members.includes('host') && !members.includes('other') ? 'host' : 'other';
      for (let k = i; k <= j; k++) if (mentions[k]!.country !== 'KP' && direct[k] !== 'other') roles[k] = verdict;
      // A list one of whose places is "other" ("wedged between Russia and China") is not carried as a host.
      if (members.includes('other')) for (let k = i; k <= j; k++) listedOther[k] = true;
    }
    i = j + 1;
  }
  return carriedHosts(text, mentions, sents, direct, roles, listedOther).map((r, k) => (r === 'host' ? 'host' : direct[k] === 'other' || listedOther[k] ? 'other' : 'undecided'));
}

/** Whoever speaks from a place is not working there: "a source in Mongolia told RFA", "investment in Mongolia and spoke to RFA". */
const SPEAKER_AFTER = /^[^.;]{0,30}?\b(?:told|tells|said|says|spoke|speaking)\b/i;
/** A dateline: "DUBAI, United Arab Emirates —", "… Emirates (AP) —". */
const DATELINE_AFTER = /^[ \u00a0]*(?:\([A-Z][\p{L}.]*\)[ \u00a0]*)?[—–-][ \u00a0]/u;
/** Travel and trade that carry no workers: "direct flights to Kuwait", "exports to China". */
const NOT_A_DESTINATION = /\b(?:flights?|routes?|services?|trips?|visits?|exports?|shipments?|imports?)[ \u00a0]+(?:[\p{L}\-]+[ \u00a0]+){0,1}(?:to|from)[ \u00a0]+(?:the[ \u00a0]+)?$/iu;
/** A place something is in, at or sent to: "from the capital Ulaanbaatar", "in Vladivostok" (not "to ensure that Ulaanbaatar"). */
const PLACE_PREP_BEFORE = /\b(?:in|at|to|into|from|near|outside|around|across|throughout)[ \u00a0]+(?:the[ \u00a0]+)?(?:(?!(?:that|which|who|whether|if)\b)[\p{Ll}\-]+[ \u00a0]+){0,2}$/u;
/** The place begins a name: "Donggang Jinhui Food". */
const NAME_GOES_ON = /^[ \u00a0]+\p{Lu}\p{Ll}/u;
/** A place something stands in: "in Doha", "at a site in", "in the town of" (not "in response to", "in talks with"). */
const WHERE_BEFORE = /\b(?:in|at|inside|across|throughout)[ \u00a0]+(?:the[ \u00a0]+)?(?:(?:capital|city|town|port|province|region|state)(?:[ \u00a0]+of)?[ \u00a0]+)?$/i;

/**
 * A host stays a host through its text: a mention no cue decided, of a country the text has already placed workers in
 * (or places them in later), is a host again where its sentence speaks of the workers ("Russia is bringing in tens of
 * thousands of North Korean labourers" after "North Korean workers sent to Russia"). A cue for "other" still wins, and
 * a state that acts on others, owns an organ or speaks is left as it was.
 */
function carriedHosts(text: string, mentions: readonly CountryMention[], sents: readonly Span[], direct: readonly Verdict[], roles: CountryRole[], listedOther: readonly boolean[]): CountryRole[] {
  const hosts = new Set<string>();
  mentions.forEach((m, i) => {
    if (roles[i] === 'host') hosts.add(m.country);
  });
  if (hosts.size === 0) return roles;
  return roles.map((role, i) => {
    const m = mentions[i]!;
    if (role === 'host' || direct[i] === 'other' || !hosts.has(m.country)) return role;
    const s = sents[i]!;
    const from = Math.max(s.start, m.start - 300);
    const to = Math.min(s.end, m.end + 300);
    const sentence = text.slice(from, to);
    const after = text.slice(m.end, Math.min(s.end, m.end + 90));
    const before = text.slice(Math.max(s.start, m.start - 60), m.start);
    // "a construction site in Doha", "his recruitment company in Qatar": a workplace in a country the text placed workers in.
    const located = WHERE_BEFORE.test(before) && WORK_WORDS.test(before);
    if (listedOther[i]) return role;
    // (The same window as directRole's for this mention: what it says of North Korea is remembered.)
    const said = sentenceSays(from, to, sentence);
    if (!(located || (said.nk && SPEAKS_OF_WORKERS.test(sentence)) || said.nkWorkers)) return role;
    if (ACTOR_AFTER.test(after) || ACTS_ON_OTHERS.test(after) || ALLIES_AFTER.test(after) || ADJECTIVE_PREFIX.test(after) || SPEAKER_AFTER.test(after) || DATELINE_AFTER.test(after)) return role;
    if (NOT_A_DESTINATION.test(before) || BETWEEN_STATES.test(before)) return role;
    // "the nine Malaysians had left Pyongyang": people of the country.
    if (m.via === 'demonym' && /s$/.test(m.text)) return role;
    // "a Russian envoy", "one Chinese source", "Russian citizens": people of the country, not a place of work.
    if (m.via === 'demonym' && PEOPLE_AFTER.test(after)) return role;
    // A city stands for its government ("Moscow and Pyongyang have been accused", "Moscow’s war") unless it is a place something is in, at or sent to.
    if (m.via === 'place' && (!PLACE_PREP_BEFORE.test(before) || NAME_GOES_ON.test(after))) return role;
    return 'host';
  });
}
