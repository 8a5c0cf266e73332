/**
 * The home page's headline speaks of the whole programme: a figure about one
 * sector (the IT workers' revenue) or one site is not the regime's total,
 * though the bundled dataset holds such figures for all countries together.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headline } from '../../src/store/atlas/headline.ts';
import { openTestServices, type TestServices } from '../support/services.ts';

describe('the headline figures', () => {
  let t: TestServices;
  beforeAll(async () => { t = await openTestServices(); }, 300_000);
  afterAll(async () => { await t.dispose(); });

  it('leave out one sector\'s and one site\'s figures, which the store holds', async () => {
    const partial = await t.services.db.query<{ id: string }>(
      `SELECT id FROM figures WHERE review_status = 'accepted' AND country IS NULL AND metric = 'annual_revenue' AND (sector IS NOT NULL OR coverage = 'part') ORDER BY id`);
    expect(partial.map((f) => f.id)).toContain('r39-fig-pub-world-2020-it-revenue');
    const h = await headline(t.services.db);
    expect(h.revenue.length).toBeGreaterThan(0);
    for (const f of [...h.revenue, ...h.workers, ...h.state_share]) {
      expect(f.sector, f.id).toBeNull();
      expect(f.coverage, f.id).not.toBe('part');
    }
    expect(h.revenue.map((f) => f.id)).not.toContain('r39-fig-pub-world-2020-it-revenue');
    // The range the page shows starts at a whole-programme figure, not at the IT workers' $20.4 million.
    expect(Math.min(...h.revenue.slice(0, 3).map((f) => f.low ?? f.high ?? 0))).toBeGreaterThan(100_000_000);
  });
});
