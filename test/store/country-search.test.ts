import { describe, expect, it } from 'vitest';
import { searchCountry } from '../../src/store/country-search.ts';

describe('countries in search', () => {
  it('finds a country by its names, short forms and ISO codes, in any case', () => {
    for (const [q, cc] of [['Poland', 'PL'], ['kuwait', 'KW'], ['PL', 'PL'], ['kw', 'KW'], ['POL', 'PL'], ['Russian Federation', 'RU'], ['Russia', 'RU'],
      ['Czechia', 'CZ'], ['Czech Republic', 'CZ'], ['UAE', 'AE'], ['DPRK', 'KP'], ['North Korea', 'KP'], ['Laos', 'LA'], ['Côte d’Ivoire', 'CI']] as const) {
      expect(searchCountry(q)?.cc, q).toBe(cc);
    }
    expect(searchCountry('Qatar')).toMatchObject({ id: 'country-qa', schema: 'Country', caption: 'Qatar' });
  });

  it('needs the whole query to be a country: a name that contains one is not', () => {
    for (const q of ['Poland Sp. z o.o.', 'Korea Mining Development', 'Mansudae', 'x', 'Kim Jong Un']) expect(searchCountry(q), q).toBeNull();
  });
});
