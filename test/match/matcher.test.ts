import { describe, expect, it } from 'vitest';
import { Matcher, DEFAULT_THRESHOLD } from '../../src/match/matcher.ts';
import { fromListEntry } from '../../src/match/entity.ts';
import { parseQueryDate } from '../../src/match/score-birth-date.ts';
import { countryCodeOf } from '../../src/match/score-country.ts';
import { querySchemaOf } from '../../src/screen/query.ts';
import type { ListEntry } from '../../src/model/index.ts';
import type { MatchQuery } from '../../src/match/types.ts';

function entry(over: Partial<ListEntry> & Pick<ListEntry, 'entryId' | 'schema' | 'names'>): ListEntry {
  return {
    listId: 'test_list', birthDates: [], birthPlaces: [], nationalities: [], countries: [], identifiers: [], addresses: [],
    programs: ['DPRK3'], listedOn: null, remarks: null, positions: [], gender: null, linkedTo: [], ...over,
  };
}
const src = { id: 'test_list@1', title: 'Test list' };
const entities = [
  entry({ entryId: '1', schema: 'Person', names: [{ value: 'KIM, Won Hong', strength: 'primary' }], birthDates: ['1944-08-17'], nationalities: ['KP'], identifiers: [{ type: 'passport', value: '745310010', country: 'KP', note: null }] }),
  entry({ entryId: '2', schema: 'Person', names: [{ value: 'KIM, Yong Chol', strength: 'primary' }, { value: 'Kim Young-Cheol', strength: 'strong' }], birthDates: ['1946'] }),
  entry({ entryId: '3', schema: 'Person', names: [{ value: 'KIM, Yong Su', strength: 'primary' }], birthDates: ['1950'] }),
  entry({ entryId: '4', schema: 'Organization', names: [{ value: 'KOREA MINING DEVELOPMENT TRADING CORPORATION', strength: 'primary' }, { value: 'KOMID', strength: 'weak' }] }),
  entry({ entryId: '5', schema: 'Organization', names: [{ value: 'KOREA GENERAL CORPORATION FOR EXTERNAL CONSTRUCTION', strength: 'primary' }, { value: 'GENCO', strength: 'strong' }] }),
  entry({ entryId: '6', schema: 'Vessel', names: [{ value: 'KIM WON HONG', strength: 'primary' }] }),
  entry({ entryId: '7', schema: 'Organization', names: [{ value: 'DAEDONG CREDIT BANK (DCB)', strength: 'primary' }] }),
  entry({ entryId: '8', schema: 'Organization', names: [{ value: 'KOREA RYONBONG GENERAL CORPORATION', strength: 'primary' }] }),
  entry({ entryId: '9', schema: 'Organization', names: [{ value: 'PYONGSU CORPORATION', strength: 'primary' }, { value: 'Sobaeksu Trading', strength: 'strong' }] }),
  entry({ entryId: '10', schema: 'Organization', names: [{ value: 'HWASONG CORPORATION', strength: 'primary' }, { value: 'Sobaeksu Trading', strength: 'weak' }] }),
].map((e) => fromListEntry(e, { id: `t-${e.entryId}`, datasets: ['test_list'], source: src }));
const matcher = new Matcher(entities);
const q = (names: string | string[], more: Partial<MatchQuery> = {}): MatchQuery => ({
  names: Array.isArray(names) ? names : [names], schema: null, birthDates: [], countries: [], identifiers: [], ...more,
});
const ids = (query: MatchQuery) => matcher.match(query).filter((r) => r.match).map((r) => r.entity.id);

describe('matcher', () => {
  it('matches spelling variants, word order and Hangul, with an explanation', () => {
    for (const name of ['Kim Won Hong', 'KIM Wonhong', 'Gim Weon-hong', 'Won Hong KIM', '김원홍']) {
      const [top] = matcher.match(q(name, { schema: 'Person' }));
      expect(top?.entity.id, name).toBe('t-1');
      expect(top?.match).toBe(true);
      expect(top?.explanation[0]?.feature).toBe('name');
      expect(top?.explanation[0]?.detail).toContain('KIM, Won Hong');
    }
  });
  it('does not match a person to a vessel', () => {
    expect(ids(q('Kim Won Hong', { schema: 'Person' }))).not.toContain('t-6');
    expect(ids(q('Kim Won Hong', { schema: 'Vessel' }))).toEqual(['t-6']);
  });
  it('keeps near names below the threshold', () => {
    expect(ids(q('Kim Yong Su', { schema: 'Person' }))).toEqual(['t-3']);
    expect(ids(q('Kim Yong Sok', { schema: 'Person' }))).toEqual([]);
  });
  it('ranks exact above variant and does not tie distinct candidates at 1.0', () => {
    const rs = matcher.match(q('Kim Yong Chol'));
    expect(rs[0]?.entity.id).toBe('t-2');
    expect(rs[0]?.score).toBe(1);
    const variant = matcher.match(q('Kim Young Chul'))[0];
    expect(variant?.entity.id).toBe('t-2');
    expect(variant?.score).toBeLessThan(1);
    expect(variant?.score).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    const scores = rs.filter((r) => r.score === 1);
    expect(scores).toHaveLength(1);
  });
  it('weak aliases count less than strong ones; acronyms are weak', () => {
    const [strong, weak] = matcher.match(q('Sobaeksu Trading'));
    expect(strong?.entity.id).toBe('t-9');
    expect(weak?.entity.id).toBe('t-10');
    expect(weak!.score).toBeLessThan(strong!.score);
    expect(weak?.explanation[0]?.detail).toContain('weak alias');
    const komid = matcher.match(q('KOMID'))[0];
    expect(komid?.entity.id).toBe('t-4');
    expect(komid?.match).toBe(true);
    expect(komid!.score).toBeLessThan(1);
    expect(matcher.match(q('GENCO'))[0]?.entity.id).toBe('t-5');
  });
  it('uses bracketed acronyms and organisation word classes', () => {
    expect(ids(q('DCB'))).toEqual(['t-7']);
    expect(ids(q('Ryonbong General Corp.'))).toEqual(['t-8']);
    expect(ids(q('Chosun Yonbong General Corporation'))).toEqual(['t-8']);
    expect(ids(q('Korea Kumsong General Corporation'))).toEqual([]);
  });
  it('moves the score with date of birth, country and identifiers', () => {
    const base = matcher.match(q('Kim Won Hong'))[0]!.score;
    const name = 'Kim Won Hung';
    const plain = matcher.match(q(name))[0]!;
    const exactDob = matcher.match(q(name, { birthDates: ['17 Aug 1944'] }))[0]!;
    const wrongDob = matcher.match(q(name, { birthDates: ['1971'] }))[0];
    expect(base).toBe(1);
    expect(exactDob.score).toBeGreaterThan(plain.score);
    expect(exactDob.explanation.find((e) => e.feature === 'birth_date')?.detail).toContain('exact');
    expect(wrongDob?.score ?? 0).toBeLessThan(plain.score);
    const country = matcher.match(q(name, { countries: ['North Korea'] }))[0]!;
    expect(country.score).toBeGreaterThan(plain.score);
    const byId = matcher.match(q('Kim Wan Hyon', { identifiers: ['745-310-010'] }))[0];
    expect(byId?.entity.id).toBe('t-1');
    expect(byId?.match).toBe(true);
    expect(byId?.explanation.some((e) => e.feature === 'identifier')).toBe(true);
  });
  it('explains input it could not use instead of failing', () => {
    const r = matcher.match(q('Kim Won Hong', { birthDates: ['sometime'], countries: ['Atlantis'] }))[0]!;
    expect(r.explanation.map((e) => e.detail).join(' ')).toMatch(/not understood.*not recognised/);
    expect(matcher.match(q(''))).toEqual([]);
    expect(matcher.match(q('\u0000\u0001'))).toEqual([]);
    expect(matcher.match(q('x'.repeat(10_000)))).toEqual([]);
  });
});

describe('joined words and the initial r/l', () => {
  const ships = new Matcher([
    entry({ entryId: 'ina', schema: 'Vessel', names: [{ value: 'INA', strength: 'primary' }] }),
    entry({ entryId: 'lina', schema: 'Person', names: [{ value: 'LINA', strength: 'primary' }] }),
  ].map((e) => fromListEntry(e, { id: `j-${e.entryId}`, datasets: ['test_list'], source: src })));
  it('does not read Li Na as INA (the loose key drops the l), and still joins Li Na into Lina', () => {
    // Before: "Li Na" matched the vessel INA at 0.95, "joined or split differently" (found screening a supplier list).
    const results = ships.match(q('Li Na'));
    expect(results.find((r) => r.entity.id === 'j-ina')?.match ?? false).toBe(false);
    expect(results.find((r) => r.entity.id === 'j-lina')).toMatchObject({ match: true });
  });
});

describe('ties', () => {
  it('puts the entity more lists name first: the joined OFAC/curated Kim Won-hong before the lone UK summary row (the UK gives a name only)', () => {
    const uk = fromListEntry(entry({ entryId: 'DPR0043', schema: 'Person', names: [{ value: 'Kim Won-Hong', strength: 'primary' }] }), { id: 'gb-dpr0043', datasets: ['dprk', 'gb_fcdo_sanctions'], source: src });
    const joined = fromListEntry(entry({ entryId: '21443', schema: 'Person', names: [{ value: 'KIM, Won Hong', strength: 'primary' }] }), { id: 'r39-kim-won-hong', datasets: ['dprk', 'room39_seeds', 'us_ofac_sdn'], source: src });
    const results = new Matcher([uk, joined]).match(q('Kim Won Hong', { schema: 'Person' }));
    expect(results.map((r) => [r.entity.id, r.score])).toEqual([['r39-kim-won-hong', 1], ['gb-dpr0043', 1]]);
  });
});

describe('feature parsing', () => {
  it('reads dates as spreadsheets write them', () => {
    expect(parseQueryDate('1944-08-17')).toBe('1944-08-17');
    expect(parseQueryDate('17.08.1944')).toBe('1944-08-17');
    expect(parseQueryDate('Aug 17, 1944')).toBe('1944-08-17');
    expect(parseQueryDate('1944')).toBe('1944');
    expect(parseQueryDate('31/31/1944')).toBeNull();
  });
  it('reads countries as codes or names', () => {
    expect(countryCodeOf('KP')).toBe('kp');
    expect(countryCodeOf('PRK')).toBe('kp');
    expect(countryCodeOf('Korea, North')).toBe('kp');
    expect(countryCodeOf('Russian Federation')).toBe('ru');
    expect(countryCodeOf('Narnia')).toBeNull();
  });

  it('takes a word that is also a property of every JavaScript object ("constructor") as a word', () => {
    // Before: prepareName('Constructor Company', 'org') threw "s.replace is not a function", so a supplier file with
    // such a row could not be screened.
    for (const name of ['Constructor Company', 'Constructors Trading', 'Korea Constructor General Corporation']) {
      expect(() => matcher.match(q(name, { schema: 'Organization' })), name).not.toThrow();
    }
    expect(ids(q('Korea General Corporation for External Construction', { schema: 'Organization' }))).toContain('t-5');
    expect(countryCodeOf('constructor')).toBeNull();
    expect(querySchemaOf('constructor')).toBeUndefined();
  });
});

