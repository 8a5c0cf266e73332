/**
 * /match batches matched by worker threads (src/screen/match-pool.ts) answer byte for byte what the route's own
 * thread answers, on the real lists: 300 varied queries (evaluation-set and supplier-like names) with and without
 * filters, and through the HTTP door once the pool has started. The answer's text is what JSON.stringify of the
 * whole object writes, keys in the same order (integer-like ones first).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import { entityDates, parseScreeningOptions, screeningService, NO_FILTERS, yenteMatcherDocs, yenteResult, type EntityDates, type ScreeningService } from '../../src/screen/index.ts';
import { queryFromProperties, querySchemaOf } from '../../src/screen/query.ts';
import { yenteMatch } from '../../src/screen/yente-match.ts';
import { closeMatchPool, MatchPool, matchPoolFor, matchPoolOptions } from '../../src/screen/match-pool.ts';
import { yenteAnswer, yenteAnswerBytes, yenteEntries, type YenteBatch, type YenteExample } from '../../src/screen/yente-batch.ts';
import { matchExamples } from '../../bench/load/match-queries.ts';
import { openTestServices, type TestServices } from '../support/services.ts';

let ts: TestServices;
let service: ScreeningService;
let dates: Map<string, EntityDates>;
let pool: MatchPool;
const examples = matchExamples(300, 16);

beforeAll(async () => {
  ts = await openTestServices();
  service = await screeningService(ts.services.db);
  dates = await entityDates(ts.services.db, service);
  pool = new MatchPool(service, dates, 1);
  await pool.started;
}, 300_000);
afterAll(async () => {
  await pool?.close();
  await closeMatchPool();
  await ts?.dispose();
});

/** A worker's entries (UTF-8 bytes) as text, to compare with the route thread's. */
const text = (entries: Uint8Array[] | null) => entries?.map((e) => Buffer.from(e).toString('utf8')) ?? null;

const batchOf = (queries: YenteExample[], raw: Record<string, string> = {}, filters = NO_FILTERS): YenteBatch => ({
  queries: queries.map((q, i) => [`q${i}`, q]),
  options: parseScreeningOptions({ dataset: 'default', ...raw }, { maxLimit: 500 }),
  filters,
});

describe('a batch entry', () => {
  it('is what JSON.stringify of the entry writes, its results\' entity parts written once per entity', () => {
    const batch = batchOf(examples);
    const written = () => batch.queries.map(([, ex]) => {
      const { total, results } = yenteMatch(service, queryFromProperties(querySchemaOf(ex.schema) ?? null, ex.properties), batch.options, batch.filters, dates);
      return JSON.stringify({
        status: 200, results: results.map((r) => yenteResult(r, dates.get(r.entity.id))),
        total: { value: total, relation: 'eq' }, query: { id: ex.id ?? null, schema: ex.schema, properties: ex.properties },
      });
    });
    const expected = written();
    // Twice: the second time every entity's parts come from what the first wrote.
    expect(yenteEntries(service, batch, dates)).toEqual(expected);
    expect(yenteEntries(service, batch, dates)).toEqual(expected);
    // Not a vacuous comparison: the 300 queries find about one candidate each (299 since short codes no longer match by sound).
    expect(expected.reduce((n, e) => n + (JSON.parse(e) as { results: unknown[] }).results.length, 0)).toBeGreaterThan(250);
  });
});

describe('matching workers', () => {
  it('answer 300 varied queries as the route thread does', async () => {
    let results = 0;
    for (let i = 0; i < examples.length; i += 3) {
      const batch = batchOf(examples.slice(i, i + 3));
      const inThread = yenteEntries(service, batch, dates);
      const inWorker = await pool.run(batch);
      expect(text(inWorker)).toEqual(inThread);
      results += inThread.reduce((n, e) => n + (JSON.parse(e) as { results: unknown[] }).results.length, 0);
    }
    expect(results).toBeGreaterThan(250);
  }, 120_000);

  it('answer with limits, thresholds and filters as the route thread does', async () => {
    const filters = { ...NO_FILTERS, excludeSchemas: ['Vessel'], topics: ['sanction'], excludeDatasets: ['gb_fcdo_sanctions'] };
    for (const [raw, f] of [[{ limit: '40', threshold: '0.7', cutoff: '0.3' }, NO_FILTERS], [{ limit: '5' }, filters], [{ dataset: 'dprk' }, NO_FILTERS]] as const) {
      for (let i = 0; i < 60; i += 3) {
        const batch = batchOf(examples.slice(i, i + 3), raw, f);
        expect(text(await pool.run(batch))).toEqual(yenteEntries(service, batch, dates));
      }
    }
  }, 120_000);
});

describe('the /match answer text', () => {
  it('is JSON.stringify of the whole answer, keys in its order', () => {
    const entries = ['{"a":1}', '{"b":[2]}', '{}', '{"c":"x"}'];
    const keys = Object.keys({ b: 0, 2: 0, a: 0, 1: 0 });
    expect(keys).toEqual(['1', '2', 'b', 'a']);
    const whole = { responses: Object.fromEntries(keys.map((k, i) => [k, JSON.parse(entries[i]!) as unknown])), matcher: yenteMatcherDocs(), limit: 5 };
    expect(yenteAnswer(keys, entries, 5)).toBe(JSON.stringify(whole));
    // The same bytes when the entries come from a worker as bytes.
    expect(Buffer.from(yenteAnswerBytes(keys, entries.map((e) => Buffer.from(e)), 5)).toString('utf8')).toBe(JSON.stringify(whole));
  });

  it('is the same through the HTTP door before and after the workers start', async () => {
    const saved = { ...process.env };
    process.env.ROOM39_MATCH_WORKERS = '1';
    process.env.ROOM39_MATCH_WORKERS_AFTER = '3';
    try {
      const app = createApp(ts.services);
      const body = JSON.stringify({ queries: { 2: examples[0], b: examples[1], 1: examples[2], a: examples[3] } });
      const post = async () => {
        const res = await app.request('/match/default?limit=7', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        expect(res.status).toBe(200);
        expect(res.headers.get('x-batch-size')).toBe('4');
        return res.text();
      };
      const inThread = await post();
      expect(Object.keys((JSON.parse(inThread) as { responses: object }).responses)).toEqual(['1', '2', 'b', 'a']);
      for (let i = 0; i < 3; i++) expect(await post()).toBe(inThread);
      expect(matchPoolOptions().after).toBe(3);
      // The fourth batch started the pool; once its worker is ready the batches go to it.
      const started = matchPoolFor(service, dates);
      expect(started).not.toBeNull();
      await started!.started;
      const sent: YenteBatch[] = [];
      const run = started!.run.bind(started);
      started!.run = (b) => { sent.push(b); return run(b); };
      expect(await post()).toBe(inThread);
      expect(sent).toHaveLength(1);
    } finally {
      process.env = saved;
    }
  }, 120_000);
});

describe('closing the services', () => {
  it('stops the matching workers, so a process that screened can exit', async () => {
    const own = await openTestServices();
    let disposed = false;
    try {
      const ownService = await screeningService(own.services.db);
      const ownDates = await entityDates(own.services.db, ownService);
      const started = matchPoolFor(ownService, ownDates, { workers: 1, after: 0 });
      expect(started).not.toBeNull();
      await started!.started;
      expect(started!.size).toBe(1);
      await own.dispose();
      disposed = true;
      expect(started!.size).toBe(0);
      // The pool is forgotten too: the next batch counts from zero again.
      expect(matchPoolFor(ownService, ownDates, { workers: 1, after: 5 })).toBeNull();
    } finally {
      if (!disposed) await own.dispose();
    }
  }, 120_000);
});
