/**
 * The varied queries the /match benches send: a seeded pool of yente query
 * examples, half from the matcher's evaluation set (test/match/eval-set.json:
 * listed names and their spellings, initials, acronyms, unlisted Korean
 * names, similar and real company names, names of other programmes) and half
 * supplier-like names (bench/cli/suppliers.ts: companies and people of twelve
 * countries, with country, some with a date of birth or a registration
 * number). Deterministic: the same seed gives the same pool and the same
 * draws, so a run measures real screening (different names each request),
 * not one answer over and over.
 */
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../src/config/settings.ts';
import type { EvalCase } from '../../src/match/evaluation.ts';
import { makeSupplier } from '../cli/suppliers.ts';
import { mulberry32 } from '../support/random.ts';

/** One query of a yente /match body. */
export interface MatchExample { schema: string; properties: Record<string, string[]> }

/** `size` distinct examples (default 2,000), half evaluation-set names, half supplier-like. */
export function matchExamples(size = 2000, seed = 20261206): MatchExample[] {
  const rnd = mulberry32(seed);
  const { cases } = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'test/match/eval-set.json'), 'utf8')) as { cases: EvalCase[] };
  const listCases = cases.filter((c) => c.category !== 'other_programme');
  const out: MatchExample[] = [];
  const seen = new Set<string>();
  const add = (ex: MatchExample) => {
    const key = JSON.stringify(ex);
    if (!seen.has(key)) { seen.add(key); out.push(ex); }
  };
  for (let guard = 0; out.length < size && guard < size * 20; guard++) {
    if (out.length % 2 === 0) {
      const c = cases[Math.floor(rnd() * cases.length)]!;
      add({ schema: c.schema ?? 'Thing', properties: { name: [c.query] } });
    } else {
      const s = makeSupplier(rnd, listCases);
      const properties: Record<string, string[]> = { name: [s.name] };
      if (s.country) properties.country = [s.country];
      if (s.birth) properties.birthDate = [s.birth];
      if (s.id) properties.registrationNumber = [s.id];
      add({ schema: s.schema || 'LegalEntity', properties });
    }
  }
  return out;
}

/** A seeded stream of /match bodies of `perBody` queries each, drawn from the pool. */
export function matchBodies(pool: readonly MatchExample[], perBody = 2, seed = 7): () => string {
  const rnd = mulberry32(seed);
  return () => {
    const queries: Record<string, MatchExample> = {};
    for (let i = 0; i < perBody; i++) queries[`q${i + 1}`] = pool[Math.floor(rnd() * pool.length)]!;
    return JSON.stringify({ queries });
  };
}
