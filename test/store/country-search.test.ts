import { describe, expect, it } from 'vitest';
import { countryInQuery, searchCountry } from '../../src/store/country-search.ts';

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

  it('finds the country some words of a longer query name, by name or by what its people are called', () => {
    for (const [q, cc, matched] of [['Chinese seafood', 'CN', 'Chinese'], ['Russia construction', 'RU', 'Russia'], ['North Korean workers in Russia', 'RU', 'Russia'],
      ['North Korean workers', 'KP', 'North Korean'], ['Qatar construction workers', 'QA', 'Qatar'],
      ['Democratic Republic of the Congo Mansudae', 'CD', 'Democratic Republic of the Congo'], ['Qatari', 'QA', 'Qatari']] as const) {
      expect(countryInQuery(q), q).toMatchObject({ cc, matched, schema: 'Country', id: `country-${cc.toLowerCase()}` });
    }
    // One word is the whole query's business (searchCountry); codes and "Korea" alone name no country inside a name.
    for (const q of ['China', 'Korea Rungrado', 'Korea Mining Development', 'Kim Jong Un', 'RU PL trading', 'Mansudae']) expect(countryInQuery(q), q).toBeNull();
  });
});
