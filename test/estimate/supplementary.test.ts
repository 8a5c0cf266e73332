import { readFileSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { datasetRecord } from '../../src/ingest/dataset/records.ts';

const lines = readFileSync('data/dataset/supplementary.jsonl', 'utf8').split('\n').filter((l) => l.trim());
const records = lines.map((l) => datasetRecord.parse(JSON.parse(l)));
const files = new Map<string, string>();
for (const r of readFileSync('data/dataset/sources.jsonl', 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; file: string })) files.set(r.id, r.file);
for (const r of records) if (r.type === 'source') files.set(r.id, r.file);

describe('supplementary dataset', () => {
  it('gives every supplementary source a stored excerpt with its URL and retrieval note', () => {
    const sources = records.filter((r) => r.type === 'source');
    expect(sources.length).toBeGreaterThanOrEqual(10);
    for (const s of sources) {
      expect(s.url, s.id).toMatch(/^https?:\/\//);
      expect(existsSync(s.file), s.file).toBe(true);
      const text = readFileSync(s.file, 'utf8');
      expect(text).toContain(`URL: ${s.url}`);
      expect(text).toContain('Retrieval note:');
    }
  });

  it('quotes every figure exactly from the file of the source it cites', () => {
    const figures = records.filter((r) => r.type === 'figure');
    expect(figures.length).toBeGreaterThanOrEqual(25);
    for (const f of figures) {
      const file = files.get(f.source);
      expect(file, `${f.id} cites unknown source ${f.source}`).toBeDefined();
      expect(readFileSync(file as string, 'utf8').includes(f.quote), `${f.id}: quote not in ${file}`).toBe(true);
    }
  });

  it('fills the gaps the seeds leave: worker counts for Russia and China in 2017', () => {
    const ru = records.filter((r) => r.type === 'figure' && r.metric === 'workers' && r.country === 'RU' && r.period_start?.startsWith('2017'));
    const cn = records.filter((r) => r.type === 'figure' && r.metric === 'workers' && r.country === 'CN' && r.period_start?.startsWith('2017'));
    expect(ru.map((r) => (r.type === 'figure' ? r.low : null))).toContain(30023);
    expect(cn.length).toBeGreaterThanOrEqual(2);
  });
});
