/**
 * The period a figure is of, proposed from its sentence (src/extract/periods.ts), on real sentences: the
 * statements of the bundled dataset's figures (data/dataset/record-figures.jsonl), each with the period a person
 * gave it. Single sentences below come from the development half (even lines) only: the odd lines are held out
 * (bench/extract/periods.ts --set heldout). A document's worker count reaches the review queue with its period.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/config/settings.ts';
import { extract } from '../../src/extract/extract.ts';
import { readDocumentBytes } from '../../src/ingest/documents/read.ts';
import { submitDocument } from '../../src/ingest/documents/service.ts';
import { listReviewItems } from '../../src/review/queue.ts';
import { backends, freshDb, type TestDb } from '../support/db.ts';

interface RecordFigure { statement: string; low: number | null; high: number | null; period_start: string | null; period_end: string | null }
const RECORDS = fs.readFileSync(path.join(REPO_ROOT, 'data/dataset/record-figures.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as RecordFigure);
const DEV = RECORDS.filter((_, i) => i % 2 === 0);

/** The period proposed for the figure of `value` in `sentence`. */
async function periodOf(sentence: string, value: number): Promise<[string | null, string | null]> {
  const f = (await extract(sentence)).figures.find((x) => x.kind !== 'date' && (x.low === value || x.high === value));
  if (!f) throw new Error(`no figure ${value} in: ${sentence}`);
  return [f.period_start ?? null, f.period_end ?? null];
}

const dev = (start: string) => {
  const r = DEV.find((x) => x.statement.startsWith(start));
  if (!r) throw new Error(`no development statement starts "${start}"`);
  return r.statement;
};

describe('the period of a figure, read in its sentence', () => {
  it('reads a year, a month, a full date, a publication year, a closing bracket and a span', async () => {
    expect(await periodOf(dev('Russia reported 30,023'), 30_023)).toEqual(['2017', '2017']); // on 31 December 2017
    expect(await periodOf(dev('More than 1,700 North Korean workers were in Mongolia'), 1_700)).toEqual(['2013', '2013']); // mid-2013
    expect(await periodOf(dev('A 2015 UN report'), 50_000)).toEqual(['2015', '2015']);
    expect(await periodOf(dev('Statistics given to Malta’s parliament counted 11'), 11)).toEqual(['2011', '2011']); // (2011)
    expect(await periodOf(dev('Interior Ministry records'), 10_000)).toEqual(['2017', '2018']); // between September 2017 and August 2018
    expect(await periodOf(dev('Poland granted 2,783 work permits'), 2_783)).toEqual(['2008', '2015']); // in 2008–2015
    expect(await periodOf(dev('KDI counted 94,200'), 94_200)).toEqual(['2015', '2015']);
  });

  it('proposes no year that is a bound, a deadline or a title’s', async () => {
    expect(await periodOf('Resolution 2397 (2017) required states to send home all 100,000 North Korean workers by the end of 2019.', 100_000)).toEqual([null, null]);
    expect(await periodOf('Since 2017, 3,000 North Korean workers have been sent home under Council Regulation (EU) 2017/1509.', 3_000)).toEqual([null, null]);
    expect(await periodOf(dev('The interim reports of 47 states'), 23_000)).toEqual([null, null]); // sent home by early December 2019
    expect(await periodOf('About 5,000 North Korean workers were in the country.', 5_000)).toEqual([null, null]);
  });

  it('gives each of two counts the year nearest it', async () => {
    const s = 'Russia said the number of North Korean workers fell from 30,023 in 2017 to 11,490 in 2018.';
    expect(await periodOf(s, 30_023)).toEqual(['2017', '2017']);
    expect(await periodOf(s, 11_490)).toEqual(['2018', '2018']);
  });

  it('is right for nine proposals in ten of the dataset’s statements, and proposes a year for most that have one', async () => {
    // bench/extract/periods.ts --set all: precision 0.923, recall 0.673 when written (2026-12-07).
    let right = 0;
    let wrong = 0;
    let missed = 0;
    for (const r of RECORDS) {
      const value = r.low ?? r.high;
      const f = (await extract(r.statement)).figures.find((x) => x.kind !== 'date' && value !== null && (x.low === value || x.high === value));
      if (!f) continue;
      const [from, to] = [r.period_start?.slice(0, 4) ?? null, (r.period_end ?? r.period_start)?.slice(0, 4) ?? null];
      if (!f.period_start) {
        if (from && from === to) missed++;
      } else if (f.period_start === from && f.period_end === to) right++;
      else wrong++;
    }
    expect(right / (right + wrong)).toBeGreaterThanOrEqual(0.88);
    expect(right / (right + missed)).toBeGreaterThanOrEqual(0.6);
  });
});

describe.each(backends())('a submitted document’s figures come with their period (%s)', (backend) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await freshDb(backend);
  }, 300_000);
  afterAll(async () => {
    await t?.dispose();
  });

  it('puts the sentence’s year on the worker count in the review queue', async () => {
    const text = ['North Korean workers in Mongolia and Poland', '', dev('More than 1,700 North Korean workers were in Mongolia'), dev('Poland granted 2,783 work permits')].join('\n');
    const { sourceId } = await submitDocument(t.db, await readDocumentBytes(Buffer.from(text), { filename: 'periods.txt' }), { submittedBy: 'cli:tester' });
    const { items } = await listReviewItems(t.db, { status: 'pending', source: sourceId, limit: 100, offset: 0 });
    const figure = (text: RegExp) => (items.find((i) => i.kind === 'figure' && text.test(i.text))?.current as { figure?: { period_start: string | null; period_end: string | null } }).figure;
    expect(figure(/1,700/)).toMatchObject({ period_start: '2013', period_end: '2013' });
    expect(figure(/2,783/)).toMatchObject({ period_start: '2008', period_end: '2015' });
  });
});
