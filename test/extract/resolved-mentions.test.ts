/**
 * The speed work on entity resolution (issue 17: word-level fast paths in the
 * name filter and the tokenizer, the matcher without explanations, compact keys
 * of the graph's names computed once) must not change what is found: the
 * person and organisation mentions of the five seeds, resolved against the
 * bundled graph, are exactly those extraction gave before it
 * (fixtures/seed-resolved-mentions.json, written from commit c66fdbe), on a
 * first reading and again after the resolver has remembered its answers.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/config/settings.ts';
import { extract } from '../../src/extract/extract.ts';
import { bundledResolver, type MatcherResolver } from '../../src/ingest/documents/resolver.ts';
import { officialListFiles } from '../support/official.ts';

type Row = [number, number, string, string | null, number | null];
const fixture = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'test/extract/fixtures/seed-resolved-mentions.json'), 'utf8')) as { documents: Record<string, Row[]> };
const seedDir = path.join(REPO_ROOT, 'data/sources/seeds');

let resolver: MatcherResolver;
beforeAll(async () => {
  resolver = await bundledResolver(REPO_ROOT, officialListFiles());
});

async function resolvedRows(file: string): Promise<Row[]> {
  const r = await extract(fs.readFileSync(path.join(seedDir, file), 'utf8'), { resolver });
  return r.mentions.filter((m) => m.type === 'person' || m.type === 'organization').map((m) => [m.start, m.end, m.type, m.entity_id, m.score ?? null]);
}

describe('resolved mentions of the seeds', () => {
  it('cover the five seeds and hundreds of mentions', () => {
    expect(Object.keys(fixture.documents).sort()).toEqual(fs.readdirSync(seedDir).sort());
    expect(Object.values(fixture.documents).flat().length).toBeGreaterThan(250);
  });

  it('are those found before the speed work, on a first reading and with answers remembered', async () => {
    resolver.forget();
    for (const pass of ['first reading', 'remembered']) {
      for (const [file, rows] of Object.entries(fixture.documents)) {
        expect({ pass, file, rows: await resolvedRows(file) }).toEqual({ pass, file, rows });
      }
    }
  });
});
