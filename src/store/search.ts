/**
 * Search of the evidence graph by name and alias, ignoring case, accents,
 * hyphens and spacing, with every word of the query found in any order, and
 * Korean-aware: the words are compared on the phonetic keys of src/names, so
 * Kim Won Hong, Gim Won-hong, KIM Wonhong and 김원홍 find the same person.
 *
 * An in-memory index over `entity_names` is built lazily per database handle
 * and rebuilt when the entities change (the number of entities and names and
 * the latest `entities.updated_at`, looked at only when the database has
 * been written since the last search; on PGlite it is kept in the data directory for the next process,
 * snapshot-file.ts). A query is then a
 * scan of precomputed key strings (no SQL LIKE over every name), and one small
 * indexed query for the hits' rows.
 *
 * One result per canonical entity (store/resolver.ts): the hits of all its
 * records count as one, under the canonical id, with `referents` (every
 * record id behind it) and the datasets and topics of all of them, so an
 * entity whose UN entry was removed is still found through its OFAC record.
 */
import { writeGeneration, type Queryable } from './db.ts';
import { scanInChunks } from './batches.ts';
import { slicesOf, type Slices } from '../match/candidate-index.ts';
import { entitiesStamp } from './memo.ts';
import { indexInputFingerprint, keepSnapshot, readSnapshot, snapshotPath, writeSnapshot } from './snapshot-file.ts';
import { canonicalGroups, canonicalIndex, mergeRows, type CanonicalRow } from './canonical.ts';
import { entityLastSeen, latestListDates } from './list-seen.ts';
import { allClusters } from './resolver.ts';
import { ftmModel, ftmSchema, ROOM39_SCHEMA_NAMES } from './ftm.ts';
import { searchKey, searchTokens } from './normalize.ts';
import { englishOrgReadings, koreanKey, normalizeName, stripParticlesOnce, tokenize } from '../names/index.ts';
import { isFullWord, nameAcronyms, rankName } from './search-rank.ts';
import { invalidOption } from '../errors.ts';

export interface SearchHit {
  id: string;
  schema: string;
  caption: string;
  score: number;
  datasets: string[];
  topics: string[];
  /** The name or alias that matched. */
  matched: string;
  /** Countries the entity's records name (nationality, country, jurisdiction), as ISO codes where they are codes. */
  countries: string[];
  /** Every record id merged into this entity, the canonical one first. */
  referents: string[];
  /** Only on the closest names (store/search-closest.ts), when no name holds every word: the word of the query this name lacks. */
  unmatched?: string[];
}

export interface SearchOptions {
  schema?: string | null;
  limit?: number;
  /** Only entities in this dataset or collection (e.g. `room39_seeds`, `dprk`). */
  dataset?: string | null;
}

/** Schemas that are the given one or descend from it. */
export function schemaFamily(schema: string): string[] {
  if (ROOM39_SCHEMA_NAMES.includes(schema)) return [schema];
  const base = ftmSchema(schema);
  if (!base) return [schema];
  return ftmModel.getSchemata().filter((s) => s.isA(base)).map((s) => s.name);
}


/** Phonetic key string of a text: the Korean keys of its words, joined (`Kim Won-hong` → `kimwonhonk`). */
function phoneticKeys(text: string): string[] {
  return tokenize(normalizeName(text)).map(koreanKey).filter((k) => k !== '');
}

interface NameIndex {
  stamp: string;
  /** Per name: its entity, the name, its plain key (`norm`) and phonetic key string. */
  entity: number[];
  name: string[];
  norm: string[];
  phon: string[];
  /** Per name: its words, their phonetic keys, an organisation's acronyms (search-rank.ts). */
  words: string[][];
  sounds: string[][];
  acronyms: string[][];
  /** Acronym → the names that go by it (an acronym need share no trigram with the name). */
  byAcronym: Map<string, number[]>;
  /** Entity id → its position. */
  entityIndex: Map<string, number>;
  entityIds: string[];
  entitySchema: string[];
  entityDatasets: string[][];
  /** Per entity: its canonical id (whose `display` row has the datasets of all its records). */
  entityCanonical: string[];
  /** Canonical ids of the labour-export system's own entities: senders and hosts of North Korean workers (topics labour.export, labour.host). */
  labourSystem: Set<string>;
  /** Canonical id → how many records it joins (a tie goes to the better-documented entity). */
  canonicalSize: Map<string, number>;
  /** What a hit shows, per canonical id (store/canonical.ts), and the countries each record names: a search reads no row per query. */
  display: Map<string, CanonicalRow>;
  countries: Map<string, string[]>;
  /** Trigram → the names whose plain (`normGrams`) or phonetic (`phonGrams`) key holds it: a query only looks at names that can contain it. */
  normGrams: Map<string, number[]>;
  phonGrams: Map<string, number[]>;
}

function addGrams(grams: Map<string, number[]>, text: string, i: number): void {
  const seen = new Set<string>();
  for (let k = 0; k + 3 <= text.length; k++) {
    const g = text.slice(k, k + 3);
    if (seen.has(g)) continue;
    seen.add(g);
    const list = grams.get(g);
    if (list) list.push(i);
    else grams.set(g, [i]);
  }
}

/** The shortest posting list among the trigrams of a string, or null when it has none (shorter than three characters). */
function rarest(grams: Map<string, number[]>, text: string): number[] | null {
  if (text.length < 3) return null;
  let best: number[] | null = null;
  for (let k = 0; k + 3 <= text.length; k++) {
    const list = grams.get(text.slice(k, k + 3)) ?? [];
    if (!best || list.length < best.length) best = list;
    if (best.length === 0) break;
  }
  return best;
}

/**
 * Names that may satisfy "contains the whole key, or contains every word":
 * the rarest trigram's postings of the key, united with those of the most
 * selective word (the word's alone when `key` is null). Null when the query
 * is too short to narrow (then scan all).
 */
function candidates(grams: Map<string, number[]>, key: string | null, words: string[]): number[] | null {
  let forWords: number[] | null = null;
  for (const w of words) {
    const list = rarest(grams, w);
    if (list && (!forWords || list.length < forWords.length)) forWords = list;
  }
  // No key: a word of the query may be written otherwise in the name; only the words narrow.
  if (key === null) return forWords;
  const forKey = rarest(grams, key);
  if (forKey === null || (forWords === null && words.length > 0)) return null;
  if (!forWords || forWords === forKey) return forKey;
  return [...new Set([...forKey, ...forWords])];
}

const INDEXES = new WeakMap<Queryable, NameIndex>();
/** How long one slice of the index build holds the thread before the event loop turns. */
const BUILD_SLICE_MS = 10;
const BUILDING = new WeakMap<Queryable, Promise<NameIndex>>();


interface EntityRow { id: string; schema: string; caption: string; datasets: string[]; topics: string[]; first_seen: string | null; last_seen: string | null }

/** Canonical rows of every canonical entity, as `canonicalRows` (store/canonical.ts) gives them one query at a time. */
async function displayRows(entities: readonly EntityRow[], groups: ReadonlyMap<string, readonly string[]>, slices: Slices): Promise<Map<string, CanonicalRow>> {
  const rows = new Map(entities.map((e) => [e.id, e]));
  const out = new Map<string, CanonicalRow>();
  for (const [id, records] of groups) {
    if (slices.due()) await slices.pause();
    const row = mergeRows(id, records, rows);
    if (row) out.set(id, row);
  }
  return out;
}

/** The countries each record names (nationality, citizenship, country, jurisdiction), upper-cased where they are ISO codes; a record's list may repeat one (a search dedupes). */
async function recordCountries(q: Queryable): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  const sql = (range: string) => `SELECT entity_id, value FROM statements WHERE ${range} AND review_status = 'accepted' AND prop IN ('nationality', 'citizenship', 'country', 'jurisdiction')`;
  await scanInChunks<{ entity_id: string; value: string }>(q, { table: 'statements', sql, params: [] }, Number.MAX_SAFE_INTEGER, (rows) => {
    for (const r of rows) {
      const list = out.get(r.entity_id) ?? [];
      const value = /^[a-z]{2}$/i.test(r.value) ? r.value.toUpperCase() : r.value;
      if (!list.includes(value)) list.push(value);
      out.set(r.entity_id, list);
    }
  });
  return out;
}

/**
 * Built in slices (src/store/batches.ts `scanInChunks`, match/candidate-index.ts `slicesOf`): in the server, PGlite's
 * queries and the loops over ~23,000 names held its one thread 2–3 s after every change to the entities, so every
 * request waited for the first search after a list update or an accepted claim.
 */
async function buildIndex(q: Queryable, stamp: string): Promise<NameIndex> {
  const slices = slicesOf(BUILD_SLICE_MS);
  const latest = await latestListDates(q);
  const entities: EntityRow[] = [];
  const entitySql = (range: string) => `SELECT id, schema, caption, datasets, topics, first_seen, last_seen FROM entities WHERE ${range}`;
  await scanInChunks<EntityRow>(q, { table: 'entities', sql: entitySql, params: [] }, Number.MAX_SAFE_INTEGER, (rows) => {
    for (const e of rows) entities.push({ ...e, last_seen: entityLastSeen(e.last_seen, e.datasets, latest) });
  });
  const names: { entity_id: string; name: string; norm: string }[] = [];
  const nameSql = (range: string) => `SELECT entity_id, name, norm FROM entity_names WHERE ${range}`;
  await scanInChunks<{ entity_id: string; name: string; norm: string }>(q, { table: 'entity_names', sql: nameSql, params: [] }, Number.MAX_SAFE_INTEGER, (rows) => {
    for (const n of rows) names.push(n);
  });
  const clusters = await allClusters(q);
  const canonical = canonicalIndex(clusters);
  const countries = await recordCountries(q);
  const idx: NameIndex = {
    stamp, entity: [], name: [], norm: [], phon: [], words: [], sounds: [], acronyms: [], byAcronym: new Map(), entityIndex: new Map(), entityIds: [], entitySchema: [], entityDatasets: [], entityCanonical: [], labourSystem: new Set(), canonicalSize: new Map(),
    display: await displayRows(entities, canonicalGroups(entities.map((e) => e.id), clusters, canonical), slices), countries,
    normGrams: new Map(), phonGrams: new Map(),
  };
  for (const e of entities) {
    // A row read twice (a write between two chunks of the scan) counts once; the changed stamp has the index read again.
    if (idx.entityIndex.has(e.id)) continue;
    if (slices.due()) await slices.pause();
    idx.entityIndex.set(e.id, idx.entityIds.length);
    idx.entityIds.push(e.id);
    idx.entitySchema.push(e.schema);
    idx.entityDatasets.push(e.datasets ?? []);
    const c = canonical.get(e.id) ?? e.id;
    idx.entityCanonical.push(c);
    idx.canonicalSize.set(c, (idx.canonicalSize.get(c) ?? 0) + 1);
    if ((e.topics ?? []).some((t) => t === 'labour.export' || t === 'labour.host')) idx.labourSystem.add(c);
  }
  for (const n of names) {
    if (slices.due()) await slices.pause();
    const e = idx.entityIndex.get(n.entity_id);
    if (e === undefined) continue;
    idx.entity.push(e);
    idx.name.push(n.name);
    idx.norm.push(n.norm);
    const sounds = phoneticKeys(n.name);
    const phon = sounds.join('');
    const i = idx.phon.length;
    addGrams(idx.normGrams, n.norm, i);
    addGrams(idx.phonGrams, phon, i);
    idx.phon.push(phon);
    const words = searchTokens(n.name);
    const acronyms = nameAcronyms(words, idx.entitySchema[e] === 'Person');
    idx.words.push(words);
    idx.sounds.push(sounds);
    idx.acronyms.push(acronyms);
    for (const a of acronyms) idx.byAcronym.set(a, [...(idx.byAcronym.get(a) ?? []), i]);
  }
  return idx;
}

const SNAPSHOT_FILE = 'search-index.snapshot';
const SNAPSHOT_MAGIC = 'room39 search index 1';

/**
 * The index from the snapshot beside an embedded store when that describes the store as it is now (snapshot-file.ts),
 * else built, and then kept as the snapshot for the next process (a `room39 search` without the server, a restart).
 */
async function readOrBuildIndex(q: Queryable, stamp: string): Promise<NameIndex> {
  const file = snapshotPath(q, SNAPSHOT_FILE);
  if (!file) return buildIndex(q, stamp);
  const slices = slicesOf(BUILD_SLICE_MS);
  const fingerprint = await indexInputFingerprint(q);
  const parts = await readSnapshot(file, SNAPSHOT_MAGIC, fingerprint, slices);
  if (parts) return { ...(Object.fromEntries(parts as [string, unknown][]) as unknown as NameIndex), stamp };
  const idx = await buildIndex(q, stamp);
  // One part a field, so no one of them holds the thread long.
  keepSnapshot(file, () => writeSnapshot(file, SNAPSHOT_MAGIC, fingerprint, Object.entries(idx), slices));
  return idx;
}

/** The snapshot's xmax: it moves only when some transaction has written since (reads take no transaction id). */
const XMAX_SQL = 'SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS x';
const SEEN_XMAX = new WeakMap<Queryable, string>();
/** The handle's own count of writes at the last look (db.ts `writeGeneration`: PGlite, whose one process does every write). */
const SEEN_WRITES = new WeakMap<Queryable, number>();

/**
 * The name index of this database handle. On PGlite, no write through the
 * handle since the last look: the index stands, with no query at all. Else
 * nothing written since (same xmax, 0.3 ms): the index stands. Something
 * written: the stamp (entity and name counts, latest `entities.updated_at`;
 * tens of ms) says whether the entities changed, and only then is the index rebuilt.
 */
async function nameIndex(q: Queryable): Promise<NameIndex> {
  // A search while the index is being rebuilt waits for it (the server answers other requests meanwhile).
  const pending = BUILDING.get(q);
  if (pending) return pending;
  const have = INDEXES.get(q);
  const writes = writeGeneration(q);
  if (have && writes !== null && SEEN_WRITES.get(q) === writes) return have;
  const [{ x } = { x: '' }] = await q.query<{ x: string }>(XMAX_SQL);
  if (have && SEEN_XMAX.get(q) === x) {
    if (writes !== null) SEEN_WRITES.set(q, writes);
    return have;
  }
  const stamp = await entitiesStamp(q);
  SEEN_XMAX.set(q, x);
  if (writes !== null) SEEN_WRITES.set(q, writes);
  if (have && have.stamp === stamp) return have;
  let building = BUILDING.get(q);
  if (!building) {
    building = readOrBuildIndex(q, stamp).finally(() => BUILDING.delete(q));
    BUILDING.set(q, building);
  }
  const idx = await building;
  INDEXES.set(q, idx);
  return idx;
}

/** Brings the handle's index up to date now (after a list import, in the server), so the next search does not wait for it; a failure is left for that search to meet. */
export async function warmSearchIndex(q: Queryable): Promise<void> {
  await nameIndex(q).catch(() => undefined);
}

/** Whether the handle has a name index (`built`: perhaps older than the store, the next search looks), is building one, or has none. */
export function searchIndexState(q: Queryable): 'none' | 'building' | 'built' {
  return BUILDING.has(q) ? 'building' : INDEXES.has(q) ? 'built' : 'none';
}

/** Forget the index of a handle (the next search rebuilds it). */
export function invalidateSearchIndex(q: Queryable): void {
  INDEXES.delete(q);
  SEEN_XMAX.delete(q);
  SEEN_WRITES.delete(q);
}

/**
 * The entities a query names. A Hangul name copied from Korean prose carries its particle (김원홍이, 조선광업개발무역회사의,
 * Mansudae의): when the query as written finds nothing, it is tried again less one particle a word, up to three times
 * (a name that ends like a particle, 김정은, is found as written first). An organisation's Korean name that finds
 * nothing is then looked for in English (names/org-english.ts): all its words, then its distinctive ones. */
export async function searchEntities(q: Queryable, query: string, options: SearchOptions = {}): Promise<SearchHit[]> {
  let hits = await searchAsWritten(q, query, options);
  for (let i = 0, text = query; hits.length === 0 && i < 3; i++) {
    const less = stripParticlesOnce(text);
    if (less === text) break;
    text = less;
    hits = await searchAsWritten(q, text, options);
  }
  // An organisation's Korean name, as the lists write it in English (조선광업개발무역회사: Korea Mining Development Trading; 39호실: Room 39).
  for (const english of hits.length === 0 ? englishOrgReadings(stripParticlesOnce(query)) : []) {
    hits = await searchAsWritten(q, english, options);
    if (hits.length) break;
  }
  return hits;
}

async function searchAsWritten(q: Queryable, query: string, options: SearchOptions): Promise<SearchHit[]> {
  return (await searchRanked(q, query, options)).map((r) => r.hit);
}

/** The hits of a query as written, in order, each with the rank that ordered it (its score and the labour-system bonus). */
export async function searchRanked(q: Queryable, query: string, options: SearchOptions): Promise<{ hit: SearchHit; rank: number }[]> {
  const limit = Math.max(1, Math.min(options.limit ?? 20, 500));
  const key = searchKey(query);
  const tokens = [...new Set(searchTokens(query))].filter((t) => t.length > 0);
  if (!key) return [];
  // Korean-aware form of the query: the phonetic key of each word, and of all of them joined.
  // Every word's key, repeats kept (Chon Il-chun sounds con il con): ranking compares the whole sequence.
  const sounds = phoneticKeys(query);
  const pTokens = [...new Set(sounds)];
  const pKey = sounds.join('');
  const idx = await nameIndex(q);
  const schemas = options.schema ? new Set(schemaFamily(options.schema)) : null;
  const dataset = options.dataset ?? null;
  if (dataset !== null && !datasetsOf(idx).has(dataset)) {
    throw invalidOption('dataset', `no entity is in dataset "${dataset}"; the datasets here are ${[...datasetsOf(idx)].sort().join(', ')}`);
  }

  const best = new Map<number, { score: number; name: number }>();
  // Names are looked for by the letters of a word they must hold as written; an abbreviation or a plural
  // (Corp, Cos, Projects) may stand in a name written otherwise, so it narrows nothing (search-rank.ts holds them loosely).
  const sure = tokens.filter(isFullWord);
  const plain = candidates(idx.normGrams, sure.length === tokens.length ? key : null, sure);
  const sounded = pKey === '' ? [] : candidates(idx.phonGrams, pKey, pTokens);
  const look: Iterable<number> = plain === null || sounded === null
    ? idx.name.keys()
    : new Set([...plain, ...sounded, ...(idx.byAcronym.get(key) ?? [])]);
  const rq = { key, tokens, sounds };
  for (const i of look) {
    const s = rankName(rq, { norm: idx.norm[i]!, words: idx.words[i]!, sounds: idx.sounds[i]!, acronyms: idx.acronyms[i]! });
    if (s < 0) continue;
    const e = idx.entity[i]!;
    if (schemas && !schemas.has(idx.entitySchema[e]!)) continue;
    if (dataset !== null && !(idx.display.get(idx.entityCanonical[e]!)?.datasets ?? idx.entityDatasets[e]!).includes(dataset)) continue;
    const prev = best.get(e);
    if (!prev || s > prev.score) best.set(e, { score: s, name: i });
  }
  if (best.size === 0) return [];

  // One result per canonical entity: the best hit among its records.
  const byCanonical = new Map<string, { score: number; matched: string }>();
  for (const [e, { score: s, name }] of best) {
    const id = idx.entityCanonical[e]!;
    const prev = byCanonical.get(id);
    if (!prev || s > prev.score) byCanonical.set(id, { score: s, matched: idx.name[name]! });
  }
  // On comparable scores, the labour-export system before unrelated list entries: its senders and hosts first,
  // then the rest of the curated graph and the DPRK designations. Ties: the entity joining more records,
  // then one of the curated graph (its facts cited), then by id.
  const weighed = [...byCanonical.entries()].map(([id, v]) => {
    const datasets = idx.display.get(id)?.datasets ?? idx.entityDatasets[idx.entityIndex.get(id) ?? -1] ?? [];
    const curated = datasets.some((d) => d.startsWith('room39')) ? 1 : 0;
    const bonus = idx.labourSystem.has(id) ? LABOUR_BONUS : curated || datasets.includes('dprk') ? SYSTEM_BONUS : 0;
    return { id, ...v, rank: v.score + bonus, size: idx.canonicalSize.get(id) ?? 1, curated };
  });
  const ranked = weighed.sort((a, b) => b.rank - a.rank || b.size - a.size || b.curated - a.curated || a.id.localeCompare(b.id)).slice(0, limit);
  return ranked.flatMap(({ id, score: s, matched, rank }) => {
    const e = idx.display.get(id);
    if (!e) return [];
    const cc = [...new Set(e.referents.flatMap((r) => idx.countries.get(r) ?? []))].sort();
    return [{ rank, hit: { id, schema: e.schema, caption: e.caption, score: Math.round(s * 1000) / 1000, datasets: [...e.datasets], topics: [...e.topics], matched, countries: cc, referents: [...e.referents] } }];
  });
}

/** How many names hold each word, counted once per index. */
const WORD_COUNTS = new WeakMap<NameIndex, Map<string, number>>();

/** How many names the index holds, and how many of them hold each of `words` as a word. */
export async function namesHolding(q: Queryable, words: readonly string[]): Promise<{ names: number; holding: number[] }> {
  const idx = await nameIndex(q);
  let counts = WORD_COUNTS.get(idx);
  if (!counts) {
    counts = new Map();
    for (const ws of idx.words) for (const w of new Set(ws)) counts.set(w, (counts.get(w) ?? 0) + 1);
    WORD_COUNTS.set(idx, counts);
  }
  return { names: idx.name.length, holding: words.map((w) => counts.get(w) ?? 0) };
}

/** Every dataset some entity is in (records' own and their canonical entity's), worked out once per index. */
const DATASETS = new WeakMap<NameIndex, Set<string>>();
function datasetsOf(idx: NameIndex): Set<string> {
  let set = DATASETS.get(idx);
  if (!set) {
    set = new Set([...idx.entityDatasets.flat(), ...[...idx.display.values()].flatMap((d) => d.datasets)]);
    DATASETS.set(idx, set);
  }
  return set;
}

/** Bonus that lifts an entity of the DPRK system over an unrelated list entry of about the same score. */
const SYSTEM_BONUS = 0.04;
/** Larger for the senders and hosts of workers, what room39 is about ("Rungrado": the labour-export company before the vessel RUNG RA DO). */
const LABOUR_BONUS = 0.08;
