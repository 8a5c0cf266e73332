import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { datasetRecord, type FigureRecord } from '../../src/ingest/dataset/records.ts';

/** The figures added for the model (data/dataset/model-inputs.jsonl): qualitative statements of the seeds as sourced shares. */
const records = readFileSync('data/dataset/model-inputs.jsonl', 'utf8').split('\n').filter((l) => l.trim()).map((l) => datasetRecord.parse(JSON.parse(l)));
const files = new Map<string, string>();
for (const r of readFileSync('data/dataset/sources.jsonl', 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; file: string })) files.set(r.id, r.file);
const figures = records.filter((r): r is FigureRecord & { type: 'figure' } => r.type === 'figure');

describe('model-inputs dataset', () => {
  it('cites only the seed documents, each quote exact and standing once in its seed', () => {
    expect(figures.length).toBeGreaterThanOrEqual(3);
    for (const f of figures) {
      const file = files.get(f.source);
      expect(file, `${f.id} cites ${f.source}`).toMatch(/^data\/sources\/seeds\//);
      const text = readFileSync(file as string, 'utf8');
      const quote = f.quote ?? '';
      expect(quote.length, `${f.id} quotes its seed`).toBeGreaterThan(3);
      expect(text.split(quote).length - 1, `${f.id}: "${quote}" in ${file}`).toBe(1);
    }
  });

  it('states the seeds\' words about where most workers are as worker shares, with the bound the words give', () => {
    const byQuote = (q: string) => figures.find((f) => f.quote === q);
    const most = byQuote('Most workers are sent to Russia or China');
    expect(most).toMatchObject({ metric: 'worker_share', countries: ['RU', 'CN'], country: null, qualifier: 'at_least', low: 0.5, high: null, unit: 'fraction', grade: 'C3', source: 'seed-001' });
    const primarily = byQuote('working overseas as forced laborers primarily in Russia and China');
    expect(primarily).toMatchObject({ metric: 'worker_share', countries: ['RU', 'CN'], qualifier: 'at_least', low: 0.5, period_start: '2017', grade: 'D2', source: 'seed-004' });
    const much = byQuote('with much of the labor going to Russian logging camps');
    expect(much).toMatchObject({ metric: 'worker_share', country: 'RU', sector: 'logging', qualifier: 'approximate', low: 0.25, high: 0.5, grade: 'F3', source: 'seed-000' });
    for (const f of figures) expect(f.note, f.id).toMatch(/src\/estimate\/README\.md/);
  });

  it('rejects a share record naming both a country and a group, or not a fraction', () => {
    const base = { ...figures[0], type: 'figure' };
    expect(datasetRecord.safeParse({ ...base, country: 'RU' }).success).toBe(false);
    expect(datasetRecord.safeParse({ ...base, unit: 'persons' }).success).toBe(false);
    expect(datasetRecord.safeParse({ ...base, countries: ['RU'] }).success).toBe(false);
  });
});
