/**
 * Links the same person or organisation across lists (a UN `KPi.`/`KPe.`
 * entry and its OFAC record) and to the seed dataset's `r39-…` entities.
 * Deliberately simple and explainable; each link says which rule made it:
 *   1. `shared_identifier`: the same passport, national ID, IMO, registration
 *      or SWIFT number (normalised), with compatible schemas;
 *   2. `name_and_birth_date`: a person's normalised name (word order ignored)
 *      equal, and a birth year in common;
 *   3. `name_and_country` : an organisation's or vessel's normalised name
 *      equal, and no contradicting countries;
 *   4. `name_and_position`: a person's normalised name equal, a position in
 *      common (OFAC's "Minister of State Security" and the seed's), and no
 *      contradicting birth years or countries.
 * Links are rows of entity_links with their evidence; undoLink marks one
 * undone, and a link once undone (or judged negative) is never re-created.
 * Fuzzy matching belongs to src/match; this uses src/names' normaliser only.
 */
import { Room39Error } from '../../errors.ts';
import type { Queryable } from '../../store/db.ts';
import { stableId } from '../../store/statements.ts';
import { normalizeName } from '../../names/normalize.ts';

export interface LinkReport {
  candidates: number;
  created: number;
  kept: number;
}

interface Rec {
  id: string;
  schema: string;
  dataset: string;
  names: Set<string>;
  display: string[];
  years: Set<string>;
  countries: Set<string>;
  ids: Map<string, string>;
  positions: Set<string>;
}

const ID_PROPS = ['passportNumber', 'idNumber', 'imoNumber', 'registrationNumber', 'swiftBic', 'taxNumber'];
const NAME_PROPS = ['name', 'alias', 'previousName'];
const COUNTRY_PROPS = ['nationality', 'country', 'citizenship', 'jurisdiction', 'flag'];
const PRIORITY = (id: string) => (id.startsWith('r39-') ? 0 : id.startsWith('unsc-') ? 1 : id.startsWith('ofac-') ? 2 : 3);

const kind = (schema: string) =>
  schema === 'Person' ? 'person' : schema === 'Vessel' ? 'vessel' : schema === 'Airplane' ? 'airplane'
    : ['Organization', 'Company', 'LegalEntity', 'PublicBody'].includes(schema) ? 'org' : null;

/** Name key: normalised, words sorted (so "YUN, Ho-Jin" = "YUN HO-JIN" = "Ho Jin Yun"). */
export function nameKey(name: string): string {
  return normalizeName(name).split(' ').filter(Boolean).sort().join(' ');
}

const positionKey = (v: string) => normalizeName(v).replace(/\b(the|of|and|for)\b/g, ' ').replace(/\s+/g, ' ').trim();

const idKey = (v: string) => v.toUpperCase().replace(/[^A-Z0-9]/g, '');

async function loadRecords(q: Queryable): Promise<Rec[]> {
  const rows = await q.query<{ entity_id: string; schema: string; prop: string; value: string; dataset: string }>(
    `SELECT s.entity_id, e.schema, s.prop, s.value, s.dataset
       FROM statements s JOIN entities e ON e.id = s.entity_id
      WHERE s.review_status = 'accepted' AND s.dataset <> 'dprk'
        AND e.schema IN ('Person', 'Organization', 'Company', 'LegalEntity', 'PublicBody', 'Vessel', 'Airplane')
        AND s.prop = ANY($1::text[])`,
    [[...ID_PROPS, ...NAME_PROPS, ...COUNTRY_PROPS, 'birthDate', 'position']],
  );
  const recs = new Map<string, Rec>();
  for (const r of rows) {
    let rec = recs.get(r.entity_id);
    if (!rec) {
      rec = { id: r.entity_id, schema: r.schema, dataset: r.dataset, names: new Set(), display: [], years: new Set(), countries: new Set(), ids: new Map(), positions: new Set() };
      recs.set(r.entity_id, rec);
    }
    if (NAME_PROPS.includes(r.prop)) {
      const k = nameKey(r.value);
      if (k.length >= 4) { rec.names.add(k); rec.display.push(r.value); }
    } else if (r.prop === 'birthDate') rec.years.add(r.value.slice(0, 4));
    else if (r.prop === 'position') {
      const k = positionKey(r.value);
      if (k.length >= 6) rec.positions.add(k);
    }
    else if (COUNTRY_PROPS.includes(r.prop)) rec.countries.add(r.value.toLowerCase());
    else {
      const k = idKey(r.value);
      if (k.length >= 5 && /\d/.test(k)) rec.ids.set(k, `${r.prop} ${r.value}`);
    }
  }
  return [...recs.values()];
}

interface Pair { a: Rec; b: Rec; rule: string; evidence: Record<string, unknown> }

function judge(a: Rec, b: Rec): Pair | null {
  if (a.dataset === b.dataset || kind(a.schema) === null || kind(a.schema) !== kind(b.schema)) return null;
  for (const [k, label] of a.ids) {
    const other = b.ids.get(k);
    if (other) return { a, b, rule: 'shared_identifier', evidence: { identifier: [label, other] } };
  }
  const shared = [...a.names].filter((n) => b.names.has(n));
  if (!shared.length) return null;
  const countriesAgree = !a.countries.size || !b.countries.size || [...a.countries].some((c) => b.countries.has(c));
  if (kind(a.schema) === 'person') {
    if (!countriesAgree) return null;
    const years = [...a.years].filter((y) => b.years.has(y));
    if (years.length) {
      return { a, b, rule: 'name_and_birth_date', evidence: { name: shared[0], birth_years: years, countries: [...a.countries].filter((c) => b.countries.has(c)) } };
    }
    const yearsDisagree = a.years.size > 0 && b.years.size > 0;
    const positions = [...a.positions].filter((p) => b.positions.has(p));
    if (positions.length && !yearsDisagree) return { a, b, rule: 'name_and_position', evidence: { name: shared[0], positions } };
    return null;
  }
  if (!countriesAgree) return null;
  return { a, b, rule: 'name_and_country', evidence: { name: shared[0], countries: [...a.countries].filter((c) => b.countries.has(c)) } };
}

/** Finds link candidates among all stored list and seed entities and records the new ones. */
export async function linkEntities(q: Queryable, opts: { createdBy: string }): Promise<LinkReport> {
  const recs = await loadRecords(q);
  // Index by name key and identifier so only records sharing one are compared.
  const buckets = new Map<string, Rec[]>();
  for (const r of recs) {
    for (const key of [...[...r.names].map((n) => `n:${n}`), ...[...r.ids.keys()].map((i) => `i:${i}`)]) {
      const list = buckets.get(key);
      if (list) list.push(r);
      else buckets.set(key, [r]);
    }
  }
  const pairs = new Map<string, Pair>();
  for (const list of buckets.values()) {
    if (list.length < 2 || list.length > 50) continue;
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const [a, b] = PRIORITY(list[i]!.id) <= PRIORITY(list[j]!.id) ? [list[i]!, list[j]!] : [list[j]!, list[i]!];
        const key = `${a.id}|${b.id}`;
        if (pairs.has(key)) continue;
        const p = judge(a, b);
        if (p) pairs.set(key, p);
      }
    }
  }
  const existing = await q.query<{ canonical_id: string; member_id: string; judgement: string; undone_at: string | null }>(
    'SELECT canonical_id, member_id, judgement, undone_at FROM entity_links');
  const blocked = new Set(existing.filter((l) => l.undone_at !== null || l.judgement === 'negative').flatMap((l) => [`${l.canonical_id}|${l.member_id}`, `${l.member_id}|${l.canonical_id}`]));
  const canonicalOf = new Map<string, string>();
  for (const l of existing) if (l.undone_at === null && l.judgement === 'positive') canonicalOf.set(l.member_id, l.canonical_id);
  const root = (id: string) => canonicalOf.get(id) ?? id;

  let created = 0;
  let kept = 0;
  const repoint: [string, string][] = [];
  const rows: unknown[][] = [[], [], [], [], []];
  for (const p of [...pairs.values()].sort((x, y) => PRIORITY(x.a.id) - PRIORITY(y.a.id) || x.a.id.localeCompare(y.a.id))) {
    if (blocked.has(`${p.a.id}|${p.b.id}`)) continue;
    const ra = root(p.a.id);
    const rb = root(p.b.id);
    if (ra === rb) { kept++; continue; }
    // The member joins the canonical entity of higher priority; a member already linked elsewhere is left alone.
    const [canonical, member] = PRIORITY(ra) <= PRIORITY(rb) ? [ra, rb] : [rb, ra];
    if (canonicalOf.has(member)) continue;
    const evidence = { rule: p.rule, ...p.evidence, records: [p.a.id, p.b.id], names: [p.a.display[0] ?? null, p.b.display[0] ?? null] };
    [stableId('link-', canonical, member), canonical, member, JSON.stringify(evidence), opts.createdBy].forEach((v, k) => rows[k]!.push(v));
    canonicalOf.set(member, canonical);
    for (const [m, c] of canonicalOf) if (c === member) { canonicalOf.set(m, canonical); repoint.push([member, canonical]); }
    created++;
  }
  if (rows[0]!.length) {
    await q.query(
      `INSERT INTO entity_links (id, canonical_id, member_id, judgement, evidence, created_by)
       SELECT u.id, u.c, u.m, 'positive', u.ev::jsonb, u.by FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS u(id, c, m, ev, by)
       ON CONFLICT (id) DO NOTHING`,
      rows,
    );
  }
  // Records that were canonical and have joined another entity take their members along (no chains of links).
  for (const [from, to] of new Map(repoint)) {
    await q.query('UPDATE entity_links SET canonical_id = $2 WHERE canonical_id = $1 AND undone_at IS NULL', [from, to]);
  }
  return { candidates: pairs.size, created, kept };
}

/** Marks a link undone; the records show as separate entities again. */
export async function undoLink(q: Queryable, linkId: string): Promise<void> {
  const rows = await q.query<{ id: string }>('UPDATE entity_links SET undone_at = now() WHERE id = $1 AND undone_at IS NULL RETURNING id', [linkId]);
  if (!rows.length) throw new Room39Error('not_found', `no active link with id "${linkId}"`);
}
