/**
 * "What points at this entity" reads statements by value through the partial
 * index of migration 060, never by scanning every statement: on a store with
 * the official lists (about 220,000 statements) a scan cost 0.35 s of each
 * entity page, network and timeline. Counted with the transaction's own scan
 * statistics (pg_stat_xact_user_tables), which the planner's choice alone moves.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Queryable } from '../../src/store/db.ts';
import { getEntity } from '../../src/store/entities.ts';
import { network, timeline } from '../../src/store/atlas/index.ts';
import { openTestServices, type TestServices } from '../support/services.ts';

let t: TestServices;
beforeAll(async () => {
  t = await openTestServices();
}, 300_000);
afterAll(async () => t?.dispose());

/**
 * Runs read in a transaction and counts its sequential scans of statements: the transaction's view also holds
 * counts of earlier statements not yet flushed to the shared statistics, so the count is taken before and after.
 */
async function scansOf<T>(read: (q: Queryable) => Promise<T>): Promise<{ result: T; seqScans: number }> {
  return t.services.db.transaction(async (tx) => {
    const scans = async () =>
      (await tx.query<{ seq_scan: number }>(`SELECT seq_scan::int FROM pg_stat_xact_user_tables WHERE relname = 'statements'`))[0]?.seq_scan ?? 0;
    const before = await scans();
    const result = await read(tx);
    return { result, seqScans: (await scans()) - before };
  });
}

/** An entity that an Event names (`involved`), and that Event: found in the store, not written here. */
async function involvedInEvent(): Promise<{ entity: string; event: string }> {
  const [row] = await t.services.db.query<{ entity: string; event: string }>(
    `SELECT s.value AS entity, s.entity_id AS event FROM statements s JOIN entities e ON e.id = s.value
      WHERE s.schema = 'Event' AND s.prop = 'involved' AND s.review_status = 'accepted'
        AND EXISTS (SELECT 1 FROM statements d WHERE d.entity_id = s.entity_id AND d.prop IN ('date', 'startDate'))
      ORDER BY s.value LIMIT 1`,
  );
  expect(row, 'the curated dataset has Events that name an entity').toBeDefined();
  return row!;
}

describe('reverse references on a store with the official lists', () => {
  it('the store holds the lists: a scan would read every statement', async () => {
    const [row] = await t.services.db.query<{ n: number }>('SELECT count(*)::int AS n FROM statements');
    expect(row!.n).toBeGreaterThan(100_000);
  });

  it("an entity's page finds the edges that name it without scanning statements", async () => {
    const { entity, event } = await involvedInEvent();
    const { result, seqScans } = await scansOf((q) => getEntity(q, entity));
    expect(result.relations.map((r) => r.id)).toContain(event);
    expect(seqScans).toBe(0);
  });

  it('a designated entity of the lists: its Sanctions are found through the index', async () => {
    const [row] = await t.services.db.query<{ id: string }>(
      `SELECT s.value AS id FROM statements s JOIN entities e ON e.id = s.value
        WHERE s.schema = 'Sanction' AND s.prop = 'entity' AND s.dataset = 'un_sc_sanctions' ORDER BY s.value LIMIT 1`,
    );
    const { result, seqScans } = await scansOf((q) => getEntity(q, row!.id));
    expect(result.relations.filter((r) => r.schema === 'Sanction').length).toBeGreaterThan(0);
    expect(seqScans).toBe(0);
  });

  it('the network around an entity reaches the Event that names it without scanning statements', async () => {
    const { entity, event } = await involvedInEvent();
    const { result, seqScans } = await scansOf((q) => network(q, entity, 1));
    expect(result.nodes.map((n) => n.id)).toContain(event);
    expect(seqScans).toBe(0);
  });

  it("an entity's timeline finds the actions that name it without scanning statements", async () => {
    const { entity } = await involvedInEvent();
    const { result, seqScans } = await scansOf((q) => timeline(q, { entityId: entity, types: ['action'] }));
    expect(result.length).toBeGreaterThan(0);
    expect(seqScans).toBe(0);
  });
});
