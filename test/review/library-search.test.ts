/**
 * The library's full-text search on long documents. PostgreSQL keeps a
 * tsvector's word positions only up to 16,383, so a phrase ("Rite Mix", or a
 * hyphenated Korean name, which is a phrase too) past about the 16,000th word
 * of a document was never found, and nothing past the first 300,000
 * characters was found at all. The text is searched in overlapping passages
 * too (migration 053); a query that excludes a word is still judged on the
 * whole text.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, freshDb, type TestDb } from '../support/db.ts';
import { REPO_ROOT } from '../../src/config/settings.ts';
import { readDocumentBytes, readDocumentFile } from '../../src/ingest/documents/read.ts';
import { submitDocument } from '../../src/ingest/documents/service.ts';
import { excludedTerms, listDocuments } from '../../src/ingest/documents/library.ts';

const SEEDS = path.join(REPO_ROOT, 'data/sources/seeds');
const seed = (name: string) => fs.readFileSync(path.join(SEEDS, name), 'utf8');

describe.each(backends())('library search on long documents (%s)', (backend) => {
  let t: TestDb;
  let seed004: string;
  let compiled: string;
  let compiledText: string;

  beforeAll(async () => {
    t = await freshDb(backend);
    // Seed 004 (112 KB, about 18,000 words): "Rite Mix" and "Leisure Clothing" stand past its 16,383rd word.
    const doc = await readDocumentFile(path.join(SEEDS, '004_44246f2efce558ec.txt'));
    seed004 = (await submitDocument(t.db, doc, { submittedBy: 'cli:tester' })).sourceId;
    // A compilation of the seeds (as a researcher might keep them in one file): seed 003 starts past 300,000 characters.
    compiledText = [seed('004_44246f2efce558ec.txt'), seed('002_f37b5ce9e088c4eb.txt'), seed('004_44246f2efce558ec.txt').toUpperCase(), seed('000_f1b9ea9c34f2a41a.txt'), seed('001_ed61e6457cd6775b.txt'), seed('003_013e44e156a0b3b0.txt')].join('\n\n');
    const big = await readDocumentBytes(Buffer.from(compiledText), { filename: 'compiled.txt' });
    compiled = (await submitDocument(t.db, big, { submittedBy: 'cli:tester' })).sourceId;
  }, 300_000);

  afterAll(async () => {
    await t?.dispose();
  });

  const search = (q: string) => listDocuments(t.db, { q, limit: 50, offset: 0 });

  it('finds a phrase past the 16,383rd word, with the passage that holds it', async () => {
    const text = seed('004_44246f2efce558ec.txt');
    expect(text.slice(0, text.indexOf('Rite Mix')).split(/\s+/).length).toBeGreaterThan(16383);
    for (const phrase of ['"Rite Mix"', '"Leisure Clothing"']) {
      const r = await search(phrase);
      expect(r.documents.map((d) => d.id)).toEqual(expect.arrayContaining([seed004, compiled]));
      expect(r.total).toBe(2);
      const hits = r.documents.find((d) => d.id === seed004)!.snippet!.filter((p) => p.hit).map((p) => p.text.toLowerCase());
      expect(hits).toEqual(expect.arrayContaining(phrase.toLowerCase().replace(/"/g, '').split(' ')));
    }
  });

  it('finds words past the first 300,000 characters', async () => {
    expect(compiledText.indexOf('Olivia Enos')).toBeGreaterThan(300_000);
    const r = await search('"Olivia Enos"');
    expect(r.documents.map((d) => d.id)).toEqual([compiled]);
    expect(r.documents[0]!.snippet!.some((p) => p.hit && /enos/i.test(p.text))).toBe(true);
  });

  it('still judges a query that excludes a word on the whole text', async () => {
    // Both documents name Malaysia, only far from Rite Mix: excluded all the same.
    expect((await search('"Rite Mix" -Malaysia')).total).toBe(0);
    expect((await search('"Rite Mix" -zeppelin')).total).toBe(2);
    expect((await search('"Rite Mix" -"Leisure Clothing"')).total).toBe(0);
    expect(excludedTerms('"Rite Mix" -Malaysia -"Leisure Clothing" "not -this" Kim-Won-hong')).toBe('Malaysia or "Leisure Clothing"');
  });

  it('keeps every character of the text in its passages, and the migration indexes older documents as new ones are', async () => {
    const stored = async () => ({
      passages: await t.db.query<{ n: number; body: string; tsv: string }>('SELECT n, body, tsv::text AS tsv FROM document_passages WHERE source_id = $1 ORDER BY n', [compiled]),
      vectors: await t.db.query<{ id: string; tsv: string }>('SELECT source_id AS id, tsv::text AS tsv FROM documents ORDER BY source_id'),
    });
    const written = await stored();
    expect(written.passages.length).toBeGreaterThan(1);
    expect(written.vectors.every((v) => v.tsv.length > 0)).toBe(true);
    const [src] = await t.db.query<{ body: string }>('SELECT body FROM sources WHERE id = $1', [compiled]);
    // Characters as PostgreSQL counts them (code points): each passage starts 19,000 after the one before.
    const chars = [...src!.body];
    for (const p of written.passages) expect(p.body).toBe(chars.slice(p.n * 19000, p.n * 19000 + 20000).join(''));
    expect(written.passages.at(-1)!.n * 19000 + [...written.passages.at(-1)!.body].length).toBe(chars.length);
    // The migration's statements that index the documents stored before it, run again on this store.
    const sql = fs.readFileSync(path.join(REPO_ROOT, 'src/store/migrations/053_document_passages.sql'), 'utf8');
    const statement = (opening: string) => sql.slice(sql.indexOf(opening), sql.indexOf(';', sql.indexOf(opening)) + 1);
    await t.db.query('DELETE FROM document_passages');
    await t.db.query('UPDATE documents SET tsv = NULL');
    await t.db.exec(statement('INSERT INTO document_passages') + statement('UPDATE documents d SET tsv'));
    expect(await stored()).toEqual(written);
  });
});
