/**
 * Search over the curated graph and the real official lists (OFAC, UN): how
 * people's searches rank once thousands of list entries stand beside the
 * graph's entities (src/store/search.ts, src/store/search-rank.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchEntities } from '../../src/store/search.ts';
import { searchWithCountries } from '../../src/store/country-search.ts';
import { searchClosest } from '../../src/store/search-closest.ts';
import { openTestServices, type TestServices } from '../support/services.ts';

describe('search beside the official lists', () => {
  let t: TestServices;
  beforeAll(async () => { t = await openTestServices(); }, 300_000);
  afterAll(async () => t?.dispose());

  it('finds Jon Il-chun first under his MR spelling and in Hangul, though two of his syllables sound alike', async () => {
    // 전일춘 romanises to Chon Il-chun, whose words' sounds repeat (con il con): counted once, the
    // UN's PAK CHUN IL and OFAC's JON, Il Ho answered as well as he did and came first.
    for (const q of ['Chon Il-chun', '전일춘', 'Jeon Il Chun']) {
      const hits = await searchEntities(t.services.db, q, { schema: 'Person' });
      expect(hits[0]?.id, q).toBe('r39-jon-il-chun');
      const pak = hits.find((h) => h.id === 'unsc-kpi-029');
      if (pak) expect(hits[0]!.score, q).toBeGreaterThan(pak.score);
    }
  });

  it('leads a subject search that names a country to that country, after the names that answer all of it', async () => {
    // No entity is named "Chinese seafood"; the seafood plants are documented on China's page, which comes first,
    // before the closest names, each without a word of the query.
    const seafood = await searchWithCountries(t.services.db, 'Chinese seafood');
    expect(seafood[0]?.id).toBe('country-cn');
    for (const h of seafood.slice(1)) expect(h.unmatched).toHaveLength(1);
    const russia = await searchWithCountries(t.services.db, 'Russia construction', { limit: 5 });
    expect(russia[0]?.id).toBe('r39-event-construction-troops-russia-2025');
    expect(russia.at(-1)).toMatchObject({ id: 'country-ru', schema: 'Country', matched: 'Russia' });
    expect(russia.at(-1)!.score).toBeLessThan(russia[0]!.score);
    // The name asked for stays the top hit, however few are asked for.
    expect((await searchWithCountries(t.services.db, 'Liaoning China Trade Industry', { limit: 1 })).map((h) => h.id)).toEqual(['r39-liaoning-china-trade-industry']);
    // A filter on another schema leaves the country out.
    expect((await searchWithCountries(t.services.db, 'Russia construction', { schema: 'Event' })).map((h) => h.schema)).not.toContain('Country');
  });

  it('finds a company under the abbreviations and plurals people write (Corp., Cos, Projects), wherever they stand', async () => {
    for (const [q, id] of [
      ['Korea General Corp. for External Construction', 'r39-genco'],
      ['Mansudae Overseas Project Group of Cos', 'r39-mansudae-overseas-project-group'],
      ['Mansudae Overseas Projects Group', 'r39-mansudae-overseas-project-group'],
      ['Korea Rungrado Gen. Trading Corp', 'r39-korea-rungrado-general-trading'],
    ] as const) {
      const hits = await searchEntities(t.services.db, q);
      expect(hits[0]?.id, q).toBe(id);
    }
  });

  it('answers a query no name holds all of with the closest names, a rare word weighing more than a common one', async () => {
    // OFAC lists NAMGANG CONSTRUCTION and KOREA NAMGANG TRADING CORPORATION; neither holds all three words.
    const db = t.services.db;
    expect(await searchEntities(db, 'Korea Namgang Construction')).toEqual([]);
    const hits = await searchWithCountries(db, 'Korea Namgang Construction', { limit: 5 });
    expect(hits.slice(0, 2).map((h) => [h.caption.toUpperCase(), h.unmatched])).toEqual([
      ['NAMGANG CONSTRUCTION', ['korea']],
      ['KOREA NAMGANG TRADING CORPORATION', ['construction']],
    ]);
    // Without the rare word, a name holding only the common ones ranks below both.
    const withoutNamgang = hits.findIndex((h) => h.unmatched?.[0] === 'namgang');
    if (withoutNamgang >= 0) expect(withoutNamgang).toBeGreaterThan(1);
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
    // A word no name holds (a typo) is left out; every hit says so.
    const typo = await searchWithCountries(db, 'Mansudae Zzzzq', { limit: 5 });
    expect(typo[0]?.id).toBe('r39-mansudae-overseas-project-group');
    expect(typo.every((h) => h.unmatched?.[0] === 'zzzzq')).toBe(true);
    // A query some name holds all of gets no closest names; one word has none to leave out; filters hold.
    expect((await searchWithCountries(db, 'Namgang Construction')).every((h) => h.unmatched === undefined)).toBe(true);
    expect(await searchClosest(db, 'Zzzzq')).toEqual([]);
    expect((await searchWithCountries(db, 'Korea Namgang Construction', { schema: 'Person' })).filter((h) => h.schema !== 'Person')).toEqual([]);
  });

  it('finds a company by its Korean name, in the English words the lists write it in', async () => {
    // OFAC and the UN list KOMID and Tanchon Commercial Bank in English only; 조선 is Korea, 광업 mining, 무역 trading.
    for (const [q, name] of [
      ['조선광업개발무역회사', 'KOREA MINING DEVELOPMENT TRADING CORPORATION'],
      ['조선광업개발무역회사의', 'KOREA MINING DEVELOPMENT TRADING CORPORATION'],
      ['단천상업은행', 'TANCHON COMMERCIAL BANK'],
    ] as const) {
      const hits = await searchEntities(t.services.db, q);
      expect(hits[0]?.matched.toUpperCase(), q).toBe(name);
    }
  });

  it('finds the bodies of the labour system by their Korean names: Office 39, the Workers’ Party, Mansudae Overseas', async () => {
    // 호실 room (Room 39 is Office 39), 로동당 (노동당 in the South's spelling) workers' party, 해외 overseas: words the romaniser does not part from the rest.
    for (const [q, id] of [
      ['39호실', 'r39-office-39'],
      ['조선로동당', 'r39-workers-party-of-korea'],
      ['조선노동당의', 'r39-workers-party-of-korea'],
      ['만수대해외개발회사', 'r39-mansudae-overseas-project-group'],
    ] as const) {
      const hits = await searchEntities(t.services.db, q);
      expect(hits.slice(0, 3).map((h) => h.id), q).toContain(id);
    }
  });
});
