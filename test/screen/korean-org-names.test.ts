/**
 * Screening an organisation's Korean name (matcher.ts `prepare`, names/org-english.ts): the lists give these bodies in
 * English only, so a Hangul name is also read in the English words they are written in, as one more name of the
 * query, and the explanation shows that reading beside the name as typed. On the loaded test store (the curated graph
 * and the official OFAC and UN lists).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices, type TestServices } from '../support/services.ts';
import { screeningService, type ScreeningService } from '../../src/screen/service.ts';

describe('screening a Korean organisation name', () => {
  let t: TestServices;
  let svc: ScreeningService;
  beforeAll(async () => {
    t = await openTestServices();
    svc = await screeningService(t.services.db);
  }, 300_000);
  afterAll(async () => {
    await t?.dispose();
  });
  const best = (name: string) => svc.matcher.match({ names: [name], schema: null, birthDates: [], countries: [], identifiers: [] })[0];

  it('finds the Workers’ Party, Room 39 and Mansudae Art Studio by their Korean names, and says how it read them', async () => {
    for (const [hangul, id] of [['조선로동당', 'r39-workers-party-of-korea'], ['39호실', 'r39-office-39']] as const) {
      const top = best(hangul);
      expect(top?.entity.id, hangul).toBe(id);
      expect(top?.match, hangul).toBe(true);
      expect(top?.explanation[0]?.detail, hangul).toContain(`"${hangul} (read as "`);
    }
    // Mansudae Art Studio is a name of the Mansudae group the graph joins its list records into.
    const studio = best('만수대창작사');
    expect(studio?.explanation[0]?.candidate).toMatch(/^MANSUDAE ART STUDIO$/i);
    expect(studio?.match).toBe(true);
  });

  it('does not match a Korean name of generic words alone', async () => {
    // 조선무역회사: "Korea Trading Company", the words of many names and of none in full.
    expect(svc.matcher.match({ names: ['조선무역회사'], schema: 'Company', birthDates: [], countries: [], identifiers: [] }).filter((r) => r.match)).toEqual([]);
  });
});
