/** The row keys and the rarity-chosen entity keys that decide which rows a list change re-screens. */
import { describe, expect, it } from 'vitest';
import { rowKeys, selectiveNameKeys, identifierKeys } from '../../src/cases/keys.ts';
import { Matcher } from '../../src/match/matcher.ts';
import { fromListEntry } from '../../src/match/entity.ts';
import type { ListEntry } from '../../src/model/index.ts';

const entry = (id: string, name: string, schema: ListEntry['schema'] = 'Organization'): ListEntry => ({
  listId: 't', entryId: id, schema, names: [{ value: name, strength: 'primary' }], birthDates: [], birthPlaces: [], nationalities: [], countries: [], identifiers: [], addresses: [], programs: [], listedOn: null, remarks: null, positions: [], gender: null, linkedTo: [],
});

describe('which rows a changed entry reaches', () => {
  const names = ['KOREA KWANGSON BANKING CORPORATION', 'KOREA TRADING CORPORATION', 'KIM WON HONG'];
  const matcher = new Matcher(names.map((n, i) => fromListEntry(entry(String(i), n, i === 2 ? 'Person' : 'Organization'), { id: `t-${i}`, datasets: ['t'], source: { id: 's', title: 's' } })));
  const rows = ['Korea Kwangson Banking Corp', 'Kwangsson Banking Corporation', 'Korea Trading Corporation Ltd', 'Korea Electronics Corporation', 'Kim Wonhong', 'Kim Jong Su'];
  const keysOf = rows.map((name) => new Set(rowKeys({ name })));
  const counts = new Map<string, number>();
  for (const ks of keysOf) for (const k of ks) counts.set(k, (counts.get(k) ?? 0) + 1);
  // As if the case had many rows with "Korea", "Corporation" and "Kim" in them.
  for (const k of rowKeys({ name: 'Korea Corporation Kim' })) counts.set(k, 5000);
  const reached = (name: string, share = 0.35) => {
    const names = matcher.index.names.filter((n) => n.prepared.original === name);
    expect(names.length).toBeGreaterThan(0);
    const [keys] = selectiveNameKeys(names, (k) => counts.get(k) ?? 0, [share]);
    return rows.filter((_, i) => [...keys!].some((k) => keysOf[i]!.has(k)));
  };
  it('finds rows by the rare words of the name, misspelt by one letter too, and joined given names', () => {
    expect(reached('KOREA KWANGSON BANKING CORPORATION')).toEqual(['Korea Kwangson Banking Corp', 'Kwangsson Banking Corporation']);
    expect(reached('KIM WON HONG')).toEqual(['Kim Wonhong']);
  });
  it('a name of common words only still reaches the rows that carry them all', () => {
    expect(reached('KOREA TRADING CORPORATION')).toContain('Korea Trading Corporation Ltd');
  });
  it('a larger share takes the common words too', () => {
    expect(reached('KOREA TRADING CORPORATION', 1)).toEqual(rows.slice(0, 4));
  });
  it('identifiers reach a row whatever its name', () => {
    const keys = identifierKeys(['PP-123 456']);
    expect(rowKeys({ name: 'Other', id_number: 'pp123456' }).some((k) => keys.includes(k))).toBe(true);
  });
});
