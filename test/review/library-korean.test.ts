/**
 * Korean in the library's search (migration 054). Korean writes particles
 * joined to the word (러시아에 "in Russia", 러시아의 "Russia's"), and the
 * `english` configuration kept each such word whole: a search for 러시아 found
 * no document that wrote 러시아의. The document here is in Korean and states
 * what seed 004 and seed 001 state in English (15 North Koreans worked for
 * Rite Mix in Malta and left around late May; much of the labour goes to
 * Russian logging camps), with the English text of seed 004 beside it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, freshDb, type TestDb } from '../support/db.ts';
import { REPO_ROOT } from '../../src/config/settings.ts';
import { readDocumentBytes, readDocumentFile } from '../../src/ingest/documents/read.ts';
import { submitDocument } from '../../src/ingest/documents/service.ts';
import { listDocuments } from '../../src/ingest/documents/library.ts';
import { KOREAN_PARTICLES, particleStem } from '../../src/names/index.ts';

const SEEDS = path.join(REPO_ROOT, 'data/sources/seeds');
const MIGRATION = path.join(REPO_ROOT, 'src/store/migrations/054_korean_particles.sql');
const KOREAN = [
  '해외에 파견된 북한 노동자들에 관한 보고서',
  '해외에서 일하는 북한 노동자는 수만 명에 이르며, 그 상당수가 러시아의 벌목장으로 보내졌다.',
  '몰타에서는 건설회사 Rite Mix에서 일하던 북한 사람 약 15명이 5월 말경 모두 회사를 떠났다.',
  '이 노동자들이 번 돈은 평양으로 보내졌다.',
  '만수대해외개발회사는 나미비아 등 아프리카 여러 나라에서 사업을 해 왔다.',
].join('\n');
/** A note that names Indonesia (인도네시아), whose first two syllables are India (인도). */
const INDONESIA = '인도네시아에 관한 메모';

describe.each(backends())('library search in Korean (%s)', (backend) => {
  let t: TestDb;
  let korean: string;
  let seed004: string;
  let indonesia: string;

  beforeAll(async () => {
    t = await freshDb(backend);
    seed004 = (await submitDocument(t.db, await readDocumentFile(path.join(SEEDS, '004_44246f2efce558ec.txt')), { submittedBy: 'cli:tester' })).sourceId;
    korean = (await submitDocument(t.db, await readDocumentBytes(Buffer.from(KOREAN), { filename: 'korean.txt' }), { submittedBy: 'cli:tester' })).sourceId;
    indonesia = (await submitDocument(t.db, await readDocumentBytes(Buffer.from(INDONESIA), { filename: 'indonesia.txt' }), { submittedBy: 'cli:tester' })).sourceId;
  }, 300_000);

  afterAll(async () => {
    await t?.dispose();
  });

  const ids = async (q: string) => (await listDocuments(t.db, { q, limit: 50, offset: 0 })).documents.map((d) => d.id);

  it('finds a Hangul word whatever particle follows it, and whatever particle the query gives it', async () => {
    // The text writes 러시아의, 벌목장으로, 노동자는/노동자들이, 몰타에서는, 평양으로, 회사를: never the bare word.
    for (const word of ['러시아', '벌목장', '노동자', '몰타', '평양', '회사']) {
      expect(KOREAN.split(/[\s,.]+/)).not.toContain(word);
      expect(await ids(word), word).toEqual([korean]);
    }
    for (const q of ['러시아에서', '러시아로', '몰타의', '평양에', '노동자들']) expect(await ids(q), q).toEqual([korean]);
  });

  it('finds a compound by a word of three syllables or more that begins it (migration 061), not by two', async () => {
    // The text writes only the compound 만수대해외개발회사는 (Mansudae Overseas Development Company).
    expect(KOREAN.split(/[\s,.]+/).filter((w) => w.startsWith('만수대'))).toEqual(['만수대해외개발회사는']);
    for (const q of ['만수대', '만수대의', '만수대해외개발회사', '"만수대 나미비아"', '나미비아 만수대']) expect(await ids(q), q).toEqual([korean]);
    const [doc] = (await listDocuments(t.db, { q: '만수대', limit: 5, offset: 0 })).documents;
    expect(doc!.snippet!.filter((p) => p.hit).map((p) => p.text)).toContain('만수대해외개발회사는');
    // 인도 (India) is two syllables: it does not find 인도네시아 (Indonesia); the whole word does.
    expect(await ids('인도')).toEqual([]);
    expect(await ids('인도네시아')).toEqual([indonesia]);
    expect(await ids('만수대 -나미비아')).toEqual([]);
  });

  it('keeps phrases, exclusions and Latin words with a particle', async () => {
    expect(await ids('"러시아 벌목장"')).toEqual([korean]); // 러시아의 벌목장으로
    expect(await ids('"북한 노동자"')).toEqual([korean]);
    expect(await ids('러시아 -몰타')).toEqual([]); // 몰타에서는 excludes it
    expect((await ids('"Rite Mix"')).sort()).toEqual([korean, seed004].sort()); // Rite Mix에서
    expect(await ids('"Rite Mix" 몰타')).toEqual([korean]);
  });

  it('marks the word as the text writes it in the passage shown', async () => {
    const [doc] = (await listDocuments(t.db, { q: '러시아', limit: 5, offset: 0 })).documents;
    expect(doc!.snippet!.filter((p) => p.hit).map((p) => p.text)).toContain('러시아의');
  });

  it('leaves English search as it was: a text without Hangul keeps the vector of the english configuration', async () => {
    const text = fs.readFileSync(path.join(SEEDS, '001_ed61e6457cd6775b.txt'), 'utf8');
    const [row] = await t.db.query<{ same: boolean }>(`SELECT room39_tsvector($1)::text = to_tsvector('english', $1)::text AS same`, [text]);
    expect(row!.same).toBe(true);
    expect(await ids('Maltese firms')).toEqual([seed004]);
  });

  it('strips particles in SQL as src/names does, from the same list', async () => {
    const sqlList = [...fs.readFileSync(MIGRATION, 'utf8').match(/ARRAY\[([^\]]*)\]/)![1]!.matchAll(/'([^']*)'/g)].map((m) => m[1]);
    expect(sqlList).toEqual([...KOREAN_PARTICLES]);
    // room39_ko_strip looks at the last three, two and one syllables.
    expect(Math.max(...KOREAN_PARTICLES.map((p) => p.length))).toBe(3);
    const words = [...new Set(KOREAN.match(/[\uac00-\ud7a3]+/g)!)];
    const rows = await t.db.query<{ w: string; stem: string }>('SELECT w, room39_ko_stem(w) AS stem FROM unnest($1::text[]) AS w', [words]);
    expect(Object.fromEntries(rows.map((r) => [r.w, r.stem]))).toEqual(Object.fromEntries(words.map((w) => [w, particleStem(w)])));
  });

  it('keeps the english vector of a text whose words and stems would pass the 1 MB of lexemes a tsvector holds', async () => {
    // 300,000 characters of 55,000 distinct three-syllable words, each with a particle: about 700 KB of lexemes, and
    // 500 KB of stems. The english vector fits; with the stems it would not, and the vector must still be made (the document goes in).
    const words = Array.from({ length: 55_000 }, (_, i) => String.fromCharCode(0xac00 + (i % 11172), 0xac00 + 100 + Math.floor(i / 11172), 0xac00 + ((i * 13) % 11172)) + ['에서', '의', '를', '이'][i % 4]);
    expect(new Set(words).size).toBe(words.length);
    const text = words.join(' ');
    const [row] = await t.db.query<{ same: boolean }>(`SELECT room39_tsvector($1)::text = to_tsvector('english', $1)::text AS same`, [text]);
    expect(row!.same).toBe(true);
    // A fifth of it has its stems.
    const [part] = await t.db.query<{ stems: boolean }>(`SELECT room39_tsvector($1) @@ room39_tsquery($2) AS stems`, [words.slice(0, 11_000).join(' '), words[123]!.slice(0, 3)]);
    expect(part!.stems).toBe(true);
  }, 120_000);

  it('indexes again the Korean documents a store held before migration 054', async () => {
    // As migration 053 left them: the english vectors.
    await t.db.query(`UPDATE documents d SET tsv = to_tsvector('english', coalesce(s.title, '') || ' ' || s.body) FROM sources s WHERE s.id = d.source_id`);
    await t.db.query(`UPDATE document_passages SET tsv = to_tsvector('english', body)`);
    // 몰타 (two syllables, written only as 몰타에서는): not found in those vectors (러시아 would be, since migration 061, as the start of 러시아의).
    expect(await ids('몰타')).toEqual([]);
    const sql = fs.readFileSync(MIGRATION, 'utf8');
    for (const statement of sql.split(/;\s*$/m).map((s) => s.trim()).filter((s) => /^UPDATE/m.test(s))) await t.db.query(statement.replace(/^(--[^\n]*\n)+/, ''));
    expect(await ids('몰타')).toEqual([korean]);
    expect(await ids('"Leisure Clothing"')).toEqual([seed004]);
  });
});
