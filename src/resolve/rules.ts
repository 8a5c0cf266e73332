/**
 * The rules that join records without a person looking: each is a pure
 * function of two records (and, for uniqueness, the other records of the
 * same list) that says "one entity" with its evidence, or nothing. Names
 * alone never join two persons; a contradiction (birth dates or countries
 * that cannot both be true) stops every name rule.
 *   - `shared_identifier`: the same passport, national ID, IMO, registration,
 *     SWIFT or tax number (organisations also share a distinctive name word;
 *     persons' birth years are at most a year apart);
 *   - `name_and_birth_date`: a person's name (any word order) and a full
 *     birth date in common;
 *   - `name_and_position`: a person's name and a post in common (the same
 *     words; or, for the only DPRK record of that name in each list, posts
 *     naming the same body: two distinctive words in common);
 *   - `name_and_birth_years`: a person's name, the same birth years (OFAC's
 *     "circa 1967 to 1969" and UN's "1967, 1969"), both DPRK-related, and the
 *     only DPRK record of that name in each list;
 *   - `name_and_designation`: a seed-graph entity the seed says a list
 *     designated, and the one DPRK record of that list with its name;
 *   - `name_and_country`: an organisation's or vessel's name in common, both
 *     DPRK-related (or a country in common), the only such record of each list;
 *   - `implements_un_entry`: a UK row whose designation source is the UN, and
 *     the one DPRK entry of the UN list with its name (the UK summary gives a
 *     name and nothing else, so its own designations join no one).
 */
import { orgWordClass } from '../names/index.ts';
import { SEED_DATASET, type ResolveRecord } from './records.ts';

export const RULES = ['shared_identifier', 'name_and_birth_date', 'name_and_position', 'name_and_birth_years', 'name_and_designation', 'name_and_country', 'implements_un_entry'] as const;
export type RuleName = (typeof RULES)[number];

export interface RuleMatch {
  rule: RuleName;
  evidence: Record<string, unknown>;
}

/** How many records of each list bear a name key (by kind), to know whether a name picks one record. */
export type NameCounts = Map<string, number>;
const countKey = (dataset: string, kind: string, key: string) => `${dataset}|${kind}|${key}`;

export function nameCounts(records: readonly ResolveRecord[]): NameCounts {
  const out: NameCounts = new Map();
  for (const r of records) {
    if (r.dataset !== SEED_DATASET && !r.dprk) continue;
    for (const k of r.nameKeys) out.set(countKey(r.dataset, r.kind, k), (out.get(countKey(r.dataset, r.kind, k)) ?? 0) + 1);
  }
  return out;
}

const year = (d: string) => Number(d.slice(0, 4));
/** A full date of birth; 1 January and 31 December stand for a year (OFAC writes "circa 1967 to 1969" as 1967-01-01 and 1969-12-31). */
const full = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d) && !/-(01-01|12-31)$/.test(d);
const yearsOf = (r: ResolveRecord) => new Set(r.birthDates.map((d) => d.slice(0, 4)));

/** Two dates that can be the same day: equal, or one a prefix (year, month) of the other. */
function compatible(a: string, b: string): boolean {
  return a === b || a.startsWith(b) || b.startsWith(a);
}

/** Birth dates that cannot be one person's: both records give some, and no pair agrees. */
export function birthDatesContradict(a: ResolveRecord, b: ResolveRecord): boolean {
  if (!a.birthDates.length || !b.birthDates.length) return false;
  return !a.birthDates.some((x) => b.birthDates.some((y) => compatible(x, y)));
}

export function countriesContradict(a: ResolveRecord, b: ResolveRecord): boolean {
  if (!a.countries.size || !b.countries.size) return false;
  return ![...a.countries].some((c) => b.countries.has(c));
}

const shared = <T>(a: Iterable<T>, b: { has(v: T): boolean }) => [...a].filter((v) => b.has(v));

const COMMON_POST_WORDS = new Set(['representative', 'deputy', 'former', 'chief', 'director', 'official', 'general', 'member', 'korea', 'korean', 'vice', 'head', 'senior']);
const postWords = (t: string) => new Set(t.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length >= 4 && !COMMON_POST_WORDS.has(w)));
/** Posts that name the same body: two distinctive words in common ("Tanchon Commercial Bank Representative" / "… of Tanchon Commercial Bank"). */
export function postsAgree(a: ResolveRecord, b: ResolveRecord): string[] {
  for (const x of a.positionText) {
    const wx = postWords(x);
    for (const y of b.positionText) if ([...postWords(y)].filter((w) => wx.has(w)).length >= 2) return [x, y];
  }
  return [];
}

function distinctiveWords(r: ResolveRecord): Set<string> {
  return new Set([...r.nameKeys].flatMap((k) => k.split(' ')).filter((w) => w.length >= 3 && orgWordClass(w) === 'word'));
}

function identifierRule(a: ResolveRecord, b: ResolveRecord): RuleMatch | null {
  for (const [k, label] of a.identifiers) {
    const other = b.identifiers.get(k);
    if (!other) continue;
    if (a.kind === 'person') {
      const far = a.birthDates.length && b.birthDates.length && !a.birthDates.some((x) => b.birthDates.some((y) => Math.abs(year(x) - year(y)) <= 1));
      if (far) return null;
    }
    if (a.kind === 'org') {
      const words = shared(distinctiveWords(a), distinctiveWords(b));
      if (!words.length) return null;
      return { rule: 'shared_identifier', evidence: { identifier: [label, other], name_words: words } };
    }
    return { rule: 'shared_identifier', evidence: { identifier: [label, other] } };
  }
  return null;
}

/** Is `r` the one DPRK-related record of its list with one of these name keys? */
function onlyOne(counts: NameCounts, r: ResolveRecord, keys: readonly string[]): boolean {
  return keys.some((k) => (counts.get(countKey(r.dataset, r.kind, k)) ?? 0) === 1);
}

function personRules(a: ResolveRecord, b: ResolveRecord, names: string[], counts: NameCounts): RuleMatch | null {
  const dates = a.birthDates.filter((d) => full(d) && b.birthDates.includes(d));
  if (dates.length) return { rule: 'name_and_birth_date', evidence: { name: names[0], birth_dates: dates } };
  const positions = shared(a.positions, b.positions);
  if (positions.length) return { rule: 'name_and_position', evidence: { name: names[0], positions, birth_dates: [...a.birthDates, ...b.birthDates] } };
  const posts = postsAgree(a, b);
  if (posts.length && a.dprk && b.dprk && onlyOne(counts, a, names) && onlyOne(counts, b, names)) {
    return { rule: 'name_and_position', evidence: { name: names[0], posts, birth_dates: [...a.birthDates, ...b.birthDates], only_record_of_that_name: true } };
  }
  const ya = yearsOf(a), yb = yearsOf(b);
  if (ya.size && ya.size === yb.size && [...ya].every((y) => yb.has(y)) && a.dprk && b.dprk && onlyOne(counts, a, names) && onlyOne(counts, b, names)) {
    return { rule: 'name_and_birth_years', evidence: { name: names[0], birth_years: [...ya].sort(), only_record_of_that_name: true } };
  }
  return designationRule(a, b, names, counts);
}

/** A seed record the seed says list L designated, and the one DPRK record of L with its name. */
function designationRule(a: ResolveRecord, b: ResolveRecord, names: string[], counts: NameCounts): RuleMatch | null {
  const [seed, listed] = a.dataset === SEED_DATASET ? [a, b] : b.dataset === SEED_DATASET ? [b, a] : [null, null];
  if (!seed || !listed || !listed.dprk || !seed.designatedBy.has(listed.dataset)) return null;
  if (!onlyOne(counts, listed, names)) return null;
  return { rule: 'name_and_designation', evidence: { name: names[0], designated_by: listed.dataset, only_record_of_that_name: true } };
}

function orgRule(a: ResolveRecord, b: ResolveRecord, names: string[], counts: NameCounts): RuleMatch | null {
  const countries = shared(a.countries, b.countries);
  if (!countries.length && !(a.dprk && b.dprk)) return designationRule(a, b, names, counts);
  const distinctive = names.filter((n) => n.length >= 5 || !n.includes(' '));
  if (!distinctive.length) return null;
  if (!onlyOne(counts, a, distinctive) || !onlyOne(counts, b, distinctive)) return null;
  return { rule: 'name_and_country', evidence: { name: distinctive[0], countries, dprk: a.dprk && b.dprk } };
}

const UN_DATASET = 'un_sc_sanctions';
const UK_DATASET = 'gb_fcdo_sanctions';

/** A UK row the UK says comes from the UN, and the only DPRK UN entry with its name: the UK's implementation of that entry. */
function implementsUn(a: ResolveRecord, b: ResolveRecord, names: string[], counts: NameCounts): RuleMatch | null {
  const [uk, un] = a.dataset === UK_DATASET ? [a, b] : [b, a];
  if (uk.dataset !== UK_DATASET || un.dataset !== UN_DATASET || uk.designationSource !== 'UN' || !uk.dprk || !un.dprk) return null;
  if (!onlyOne(counts, un, names)) return null;
  return { rule: 'implements_un_entry', evidence: { name: names[0], designation_source: 'UN', only_un_entry_of_that_name: true } };
}

/** The rule that says a and b are one entity, with its evidence; null when none does. */
export function judgePair(a: ResolveRecord, b: ResolveRecord, counts: NameCounts): RuleMatch | null {
  if (a.id === b.id || a.dataset === b.dataset || a.kind !== b.kind) return null;
  const byId = identifierRule(a, b);
  if (byId) return byId;
  const names = shared(a.nameKeys, b.nameKeys);
  if (!names.length || countriesContradict(a, b)) return null;
  const uk = implementsUn(a, b, names, counts);
  if (uk) return uk;
  // The UK summary's own designations give a name and nothing else: a name alone joins no one.
  if ((a.dataset === UK_DATASET || b.dataset === UK_DATASET) && !a.birthDates.length && !b.birthDates.length && a.kind === 'person') return null;
  if (a.kind === 'person') return birthDatesContradict(a, b) ? null : personRules(a, b, names, counts);
  return orgRule(a, b, names, counts);
}
