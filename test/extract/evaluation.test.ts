/**
 * Extraction against the hand labels of the five seed documents
 * (test/extract/labels, guidelines in its README), with persons and
 * organisations resolved against the bundled graph. Fails under the goals of
 * issue 5: F1 ≥ 0.90 for mentions, ≥ 0.85 for figures, and no figure whose
 * quote is not an exact substring of the text.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/config/settings.ts';
import { extract } from '../../src/extract/extract.ts';
import { bundledResolver, type MatcherResolver } from '../../src/ingest/documents/resolver.ts';
import { GOALS, SCORED_FIELDS, scoreDocument, summarize, type DocumentLabels, type DocumentScore } from '../../src/extract/evaluate.ts';
import type { ExtractionResult } from '../../src/extract/types.ts';
import { officialListFiles } from '../support/official.ts';

const dir = path.join(REPO_ROOT, 'test/extract/labels');
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
const docs = files.map((f) => {
  const labels = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as DocumentLabels;
  return { file: f, labels, text: fs.readFileSync(path.join(REPO_ROOT, labels.document), 'utf8') };
});

let resolver: MatcherResolver;
const results = new Map<string, ExtractionResult>();
const scores: DocumentScore[] = [];

beforeAll(async () => {
  resolver = await bundledResolver(REPO_ROOT, officialListFiles());
  for (const d of docs) {
    const r = await extract(d.text, { resolver });
    results.set(d.file, r);
    scores.push(scoreDocument(d.text, d.labels, r));
  }
});

describe('hand labels', () => {
  it('cover the five seed documents, every field, with exact text at their offsets', () => {
    expect(files).toEqual(['seed-000.json', 'seed-001.json', 'seed-002.json', 'seed-003.json', 'seed-004.json']);
    const kinds = new Set<string>();
    for (const d of docs) {
      for (const m of d.labels.mentions) {
        expect(d.text.slice(m.start, m.end), `${d.file} @${m.start}`).toBe(m.text);
        kinds.add(m.type);
      }
      for (const f of d.labels.figures) {
        expect(d.text.slice(f.start, f.end), `${d.file} @${f.start}`).toBe(f.text);
        kinds.add(f.kind);
      }
    }
    for (const field of SCORED_FIELDS) expect(kinds.has(field), field).toBe(true);
  });
});

describe('extraction on the seed documents', () => {
  it('meets the goals: mentions F1 ≥ 0.90, figures F1 ≥ 0.85', () => {
    const s = summarize(scores);
    const report = SCORED_FIELDS.map((f) => `${f}: P=${s.fields[f].precision.toFixed(3)} R=${s.fields[f].recall.toFixed(3)} F1=${s.fields[f].f1.toFixed(3)}`).join('\n');
    expect(s.mentions.f1, report).toBeGreaterThanOrEqual(GOALS.mentionsF1);
    expect(s.figures.f1, report).toBeGreaterThanOrEqual(GOALS.figuresF1);
    // No single field may sink far below the goal behind a good average.
    for (const f of SCORED_FIELDS) expect(s.fields[f].f1, `${f}\n${report}`).toBeGreaterThanOrEqual(0.8);
  });

  it('gives every figure a quote that is the exact text at its offsets and holds the figure', () => {
    for (const d of docs) {
      for (const f of results.get(d.file)!.figures) {
        expect(d.text.slice(f.quote_start, f.quote_end)).toBe(f.quote);
        expect(f.start).toBeGreaterThanOrEqual(f.quote_start);
        expect(f.end).toBeLessThanOrEqual(f.quote_end);
      }
    }
    expect(summarize(scores).badQuotes).toBe(0);
  });

  it('gives the same output whether the resolver remembers its answers from earlier documents or reads afresh', async () => {
    // The answers of the first pass (beforeAll) are remembered: reading again uses them.
    for (const d of docs.slice(0, 3)) expect(await extract(d.text, { resolver })).toEqual(results.get(d.file));
    resolver.forget();
    for (const d of docs.slice(3)) expect(await extract(d.text, { resolver })).toEqual(results.get(d.file));
  });

  it('resolves aliases and romanisation variants to one graph entity', () => {
    const byText = (file: string, text: string) => results.get(file)!.mentions.filter((m) => m.text === text).map((m) => m.entity_id);
    const office39 = [...byText('seed-000.json', 'Room 39'), ...byText('seed-001.json', 'Bureau 39')];
    expect(office39.length).toBe(5);
    expect(new Set(office39)).toEqual(new Set(['r39-office-39']));
    const kwh = new Set([...byText('seed-004.json', 'Kim Won-hong'), ...byText('seed-004.json', 'Kim Won Hong'), ...byText('seed-004.json', 'Kim Wong Hong')]);
    expect(kwh.size).toBe(1);
    expect([...kwh][0]).not.toBeNull();
    expect(new Set(byText('seed-004.json', 'MSS'))).toEqual(new Set(byText('seed-004.json', 'State Security Department')));
  });
});
