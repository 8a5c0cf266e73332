/**
 * Extraction rules on sentences written for these tests (not taken from the
 * seed documents, so they check the rules rather than the labelled texts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/config/settings.ts';
import fc from 'fast-check';
import { extract, sentences } from '../../src/extract/extract.ts';
import { findCountryMentions } from '../../src/extract/countries.ts';
import { findLegalMentions } from '../../src/extract/legal.ts';
import { parseNumber } from '../../src/extract/numbers.ts';
import type { EntityResolver, ExtractedFigure } from '../../src/extract/types.ts';

async function figures(text: string): Promise<ExtractedFigure[]> {
  return (await extract(text)).figures.filter((f) => f.kind !== 'date');
}
const expr = (text: string, f: ExtractedFigure) => text.slice(f.start, f.end);

describe('worker counts', () => {
  it('reads single values, ranges, bounds, parts and orders of magnitude', async () => {
    const t = 'Officials said 12,500 North Korean labourers work in Mongolia. Between 3,000 and 4,000 workers build apartments in Dubai. '
      + 'Up to 2,000 North Koreans are employed on fishing boats. More than 800 workers were sent to Kuwait last year. '
      + '37 of the 90 employees at the shipyard are North Korean. Tens of thousands of workers toil in Chinese seafood plants.';
    const f = (await figures(t)).filter((x) => x.kind === 'worker_count');
    expect(f.map((x) => [expr(t, x), x.low, x.high, x.qualifier, x.of])).toEqual([
      ['12,500 North Korean labourers', 12500, 12500, 'exact', null],
      ['Between 3,000 and 4,000 workers', 3000, 4000, 'range', null],
      ['Up to 2,000 North Koreans', null, 2000, 'at_most', null],
      ['More than 800 workers', 800, null, 'at_least', null],
      ['37 of the 90 employees', 37, 37, 'part_of', 90],
      ['Tens of thousands of workers', 10000, 100000, 'order_of_magnitude', null],
    ]);
    expect(f.map((x) => x.country)).toEqual(['MN', 'AE', null, 'KW', null, 'CN']);
  });

  it('gives a figure the host country, not the workers\' nationality or the regime named by its capital', async () => {
    const t = 'More than 50,000 North Koreans work abroad at the behest of the government in Pyongyang. '
      + 'About 3,000 North Korean workers are in Qatar, sent by Pyongyang. 30,000 workers were employed at Kaesong in North Korea.';
    const f = (await figures(t)).filter((x) => x.kind === 'worker_count');
    expect(f.map((x) => [x.low, x.country])).toEqual([[50000, null], [3000, 'QA'], [30000, 'KP']]);
  });

  it('does not take other workers\' nationality for the place: "a few Nepalis" at a Sarawak mine (seed 004)', async () => {
    const seed = fs.readFileSync(path.join(REPO_ROOT, 'data/sources/seeds/004_44246f2efce558ec.txt'), 'utf8');
    const mine = (await figures(seed)).find((x) => x.kind === 'worker_count' && x.quote.includes('a few Nepalis'));
    expect([mine?.low, mine?.country]).toEqual([49, null]);
    // A country named by its people is still the place where the sentence makes it a host, or where it is named as one.
    const t = 'Some 300 North Koreans and a few Nepalis work at a coal mine in Malaysia. About 2,000 workers were sent to Nepal.';
    expect((await figures(t)).filter((x) => x.kind === 'worker_count').map((x) => [x.low, x.country])).toEqual([[300, 'MY'], [2000, 'NP']]);
  });

  it('does not count the killed, the injured, groups, or people where the sentence speaks of no work', async () => {
    const t = 'The blast killed 12 workers and injured 30 others. Workers must travel in groups of ten people. 300,000 people died in the famine.';
    expect((await figures(t)).filter((x) => x.kind === 'worker_count')).toEqual([]);
  });
});

describe('shares and money', () => {
  it('reads percentages, fractions and vague shares', async () => {
    const t = 'Managers keep 70 percent of the wage. The state takes two-thirds of their pay. Workers keep 10% to 20% of earnings. They see only a fraction of it.';
    const f = (await figures(t)).filter((x) => x.kind === 'share');
    expect(f.map((x) => [expr(t, x), x.low, x.high])).toEqual([
      ['70 percent', 0.7, 0.7], ['two-thirds', 0.666667, 0.666667], ['10% to 20%', 0.1, 0.2], ['only a fraction', null, null],
    ]);
  });

  it('reads dollars, won and yuan with scales and periods', async () => {
    const t = 'The scheme earns $120 million a year. Each worker is paid 1.5 million won (South Korean) per month, about 9,000 yuan. '
      + 'Guards are paid 3,000 KPW monthly. Revenue reached US$1.2bn.';
    const f = (await figures(t)).filter((x) => x.kind === 'money');
    expect(f.map((x) => [expr(t, x), x.low, x.unit, x.per])).toEqual([
      ['$120 million', 120e6, 'USD', 'year'],
      ['1.5 million won (South Korean)', 1.5e6, 'KRW', 'month'],
      ['about 9,000 yuan', 9000, 'CNY', null],
      ['3,000 KPW', 3000, 'KPW', 'month'],
      ['US$1.2bn', 1.2e9, 'USD', null],
    ]);
  });

  it('does not read a banknote as an amount', async () => {
    expect(await figures('They forged the hundred dollar bill for years.')).toEqual([]);
  });
});

describe('dates', () => {
  it('reads full dates, months and years of events', async () => {
    const t = 'The ministry was designated on March 16, 2016, and the workers left in August 2019. Visas stopped in 2017.';
    const d = (await extract(t)).figures.filter((f) => f.kind === 'date');
    expect(d.map((f) => f.date)).toEqual(['2016-03-16', '2019-08', '2017']);
  });
});

describe('countries', () => {
  it('finds names, demonyms and places as ISO codes', () => {
    const t = 'Polish shipyards and Maltese firms hired them; others went to Vladivostok, to Sarawak and to the United Arab Emirates.';
    expect(findCountryMentions(t).map((m) => [m.text, m.country])).toEqual([
      ['Polish', 'PL'], ['Maltese', 'MT'], ['Vladivostok', 'RU'], ['Sarawak', 'MY'], ['United Arab Emirates', 'AE'],
    ]);
  });

  it('leaves country words inside the names of newspapers, laws and organisations', () => {
    const t = 'The Washington Post reported it, the Korean Workers’ Party denied it, and the Citizens’ Alliance for North Korean Human Rights in Seoul documented it.';
    expect(findCountryMentions(t).map((m) => m.text)).toEqual(['Seoul']);
  });
});

describe('legal instruments', () => {
  it('names executive orders, resolutions, sections and acts canonically', () => {
    const t = 'Under Executive Order 13810 and UNSCR 2397, and CAATSA §321(b), as well as section 302 of the NKSPEA and the Trafficking Victims Protection Act of 2000.';
    expect(findLegalMentions(t).map((m) => m.caption)).toEqual(['EO 13810', 'UNSCR 2397', 'CAATSA §321(b)', 'NKSPEA §302', 'TVPA']);
  });
});

describe('persons and organisations', () => {
  const graph: Record<string, { entityId: string; caption: string; schema: string }> = {
    'Room 39': { entityId: 'r39-office-39', caption: 'Office 39', schema: 'PublicBody' },
    'Office 39': { entityId: 'r39-office-39', caption: 'Office 39', schema: 'PublicBody' },
    'Choe Ryong-hae': { entityId: 'p-choe', caption: 'Choe Ryong Hae', schema: 'Person' },
  };
  const resolver: EntityResolver = {
    async resolveMany(names) {
      return names.map((n) => (graph[n] ? { ...graph[n]!, score: 1, exact: true } : null));
    },
  };

  it('reports the names the resolver ties to the graph, and a lone family name of a person named before', async () => {
    const t = 'Money flows to Office 39 (also called Room 39). Choe Ryong-hae oversaw it; later Choe was sent to a farm.';
    const r = await extract(t, { resolver });
    expect(r.mentions.filter((m) => m.type !== 'country').map((m) => [m.type, m.text, m.entity_id])).toEqual([
      ['organization', 'Office 39', 'r39-office-39'], ['organization', 'Room 39', 'r39-office-39'],
      ['person', 'Choe Ryong-hae', 'p-choe'], ['person', 'Choe', 'p-choe'],
    ]);
  });

  it('reports no person or organisation without a resolver', async () => {
    const r = await extract('Kim Jong Un visited the Ministry of State Security.');
    expect(r.mentions.filter((m) => m.type === 'person' || m.type === 'organization')).toEqual([]);
  });
});

describe('any text', () => {
  it('never throws, and keeps offsets and quotes exact, on arbitrary and mixed-script text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: fc.constantFrom(...'0123456789,.%$ -–abcKPW won yuan 北조선노동자 workers Korea\n'.split('')), maxLength: 300 }), async (s) => {
        const r = await extract(s);
        for (const m of r.mentions) expect(s.slice(m.start, m.end)).toBe(m.text);
        for (const f of r.figures) {
          expect(s.slice(f.quote_start, f.quote_end)).toBe(f.quote);
          expect(f.start >= f.quote_start && f.end <= f.quote_end).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('handles Korean and mixed scripts', async () => {
    const t = '북한 노동자 5만 명이 러시아에서 일한다. Between 50,000 and 60,000 North Korean workers (북한 노동자) are in Russia.';
    const r = await extract(t);
    expect(r.figures.filter((f) => f.kind === 'worker_count').map((f) => [f.low, f.high, f.country])).toEqual([[50000, 60000, 'RU']]);
    expect(sentences(t).length).toBeGreaterThanOrEqual(2);
  });

  it('parses number words', () => {
    expect([parseNumber('Forty-nine'), parseNumber('2.3 billion'), parseNumber('twelve'), parseNumber('1,200')]).toEqual([49, 2.3e9, 12, 1200]);
  });
});
