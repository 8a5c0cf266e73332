/**
 * A "sanctioned" flag says whose word it is: an official list version is named as the list ("…: OFAC Specially
 * Designated Nationals (SDN) List, 2024-05-03"); a designation that a report or the curated graph states is
 * "according to" that source, so an article's title never reads as the sanctions list. Both ways of reading the
 * flags (a few records at once, and the whole store in ranges) are checked, on the loaded test store.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flagsOf } from '../../src/store/flags.ts';
import { openTestServices, type TestServices } from '../support/services.ts';

let t: TestServices;
beforeAll(async () => { t = await openTestServices(); }, 600_000);
afterAll(async () => { await t?.dispose(); });

const SEED = 'Sanctioned (programme EO 13687, listed 2017-01-11), according to: China finally pays a (symbolic) price for its North Korean slave trade';

describe('sanctioned flags name their source for what it is', () => {
  it('a list version as the list, a report as what it says', async () => {
    const db = t.services.db;
    const few = await flagsOf(db, (id) => id, ['r39-kim-won-hong']);
    const all = await flagsOf(db, (id) => id);
    for (const flags of [few, all]) {
      expect(flags.get('r39-kim-won-hong')?.filter((f) => f.kind === 'sanctioned').map((f) => f.label)).toContain(SEED);
    }
    const listed = [...all.values()].flat().filter((f) => f.kind === 'sanctioned' && f.source.id.startsWith('us_ofac_sdn-'));
    expect(listed.length).toBeGreaterThan(1000);
    for (const f of listed) expect(f.label).toMatch(/^Sanctioned( \([^)]*\))?: OFAC Specially Designated Nationals \(SDN\) List, 2024-05-03$/);
  }, 600_000);
});
