/**
 * Round 5 of issue 17: forms the fourth held-out set's misses named (now
 * development material), written as rules about how reports are put, in
 * sentences of our own. The fifth held-out set (bench/extract/out-of-sample/
 * heldout5) was committed by someone else before these rules and was not run
 * while they were written.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/extract.ts';
import { roles } from './round-readers.ts';

async function figures(text: string, kind: 'worker_count' | 'share') {
  return (await extract(text)).figures
    .filter((f) => f.kind === kind)
    .map((f) => ({ text: text.slice(f.start, f.end), low: f.low, high: f.high, qualifier: f.qualifier, ...(kind === 'share' ? { of: f.share_of } : {}) }));
}

describe('host countries, round 5: a host stays a host through its text', () => {
  it('reads a country already placed as a host again where its sentence speaks of the workers', async () => {
    expect(await roles('North Korean workers were sent to Laos last year. Laos is now bringing in more North Korean labourers for its dams.')).toEqual(['Laos:host', 'Laos:host']);
    // The same sentence alone decides nothing: the text has not placed workers in Laos.
    expect(await roles('Laos is now bringing in more North Korean labourers for its dams.')).toEqual(['Laos:other']);
  });

  it('does not carry the role to a sentence that does not speak of the workers', async () => {
    expect(await roles('North Korean workers were sent to Laos last year. Laos also signed a trade deal with Vietnam.')).toEqual(['Laos:host', 'Laos:other', 'Vietnam:other']);
  });

  it('carries the role where the sentence names North Koreans or their visas without a word of work', async () => {
    expect(await roles('North Korean workers build flats in Russia. Russia may try to get around the ban by issuing student visas to North Koreans.')).toEqual(['Russia:host', 'Russia:host']);
    expect(await roles('North Korean labourers are employed in Russia. Few people in Vladivostok care how the North Koreans came.')).toEqual(['Russia:host', 'Vladivostok:host']);
  });

  it('does not carry it into a list that names a place as geography, nor to an investigation', async () => {
    expect(await roles('North Korean workers were sent to Mongolia. The 1,000 North Koreans living in the country wedged between Russia and China must leave.')).toEqual(['Mongolia:host', 'Russia:other', 'China:other']);
    expect(await roles('North Korean welders work in Poland. The Polish investigation found that the North Korean workers lacked suits.')).toEqual(['Poland:host', 'Polish:other']);
  });

  it('leaves datelines, people of the country, cities standing for states, speakers and flights as they were', async () => {
    expect(await roles('North Korean workers build towers in Qatar.\nDOHA, Qatar (AP) — As talks go on, the Gulf state keeps its North Korean labourers.')).toEqual(['Qatar:host', 'Qatar:other']);
    expect(await roles('North Korean labourers work in Russia. A Russian envoy said the North Korean workers would stay.')).toEqual(['Russia:host', 'Russian:other']);
    expect(await roles('North Korean workers are employed in Russia. Moscow and Pyongyang deny that the workers break sanctions.')).toEqual(['Russia:host', 'Moscow:other']);
    expect(await roles('North Korean workers build flats in Mongolia. A source in Mongolia told us the North Korean workers were leaving.')).toEqual(['Mongolia:host', 'Mongolia:other']);
    expect(await roles('North Korean workers were sent to Kuwait. The airline ran direct flights to Kuwait, carrying North Korean workers.')).toEqual(['Kuwait:host', 'Kuwait:other']);
  });
});

describe('shares, round 5: rates of change, verbs with "over", and their wholes', () => {
  it('does not read a rate of change as a share', async () => {
    expect(await figures('Inflation – 7.5% in May – drove up the wages of North Korean workers.', 'share')).toEqual([]);
    expect(await figures('Their pay grew by 6.1% last year, up from 4.0% the year before.', 'share')).toEqual([]);
    // A level reached is a share: the jobless rate is a share of a workforce.
    expect(await figures('The jobless rate fell to 3.1% as North Korean workers arrived.', 'share')).toEqual([{ text: '3.1%', low: 0.031, high: 0.031, qualifier: 'exact', of: 'workforce' }]);
  });

  it('reads "over" after a verb of handing as part of the verb, not a bound', async () => {
    expect(await figures('The workers fork over 60% of their earnings to the state.', 'share')).toEqual([{ text: '60%', low: 0.6, high: 0.6, qualifier: 'exact', of: 'wages' }]);
    // "over 60% more than": a difference, no share at all (round 7).
    expect(await figures('The workers earn over 60% more than at home.', 'share')).toEqual([]);
    expect(await figures('The state keeps over 60% of the pay.', 'share')).toEqual([{ text: 'over 60%', low: 0.6, high: null, qualifier: 'at_least', of: 'wages' }]);
  });

  it('tells the whole: a singular earning is pay, a venture’s net income is revenue, those sent home are a workforce, exports of goods are other', async () => {
    expect((await figures('Some give up to 90% of their earning to the party.', 'share'))[0]?.of).toBe('wages');
    expect((await figures('The managers keep 40% of the net income of the restaurant.', 'share'))[0]?.of).toBe('revenue');
    expect((await figures('Eighty per cent of those sent home were women.', 'share'))[0]?.of).toBe('workforce');
    expect((await figures('The cap covers nearly 90 percent of refined petroleum product exports.', 'share'))[0]?.of).toBe('other');
    // Money earned from exports is still revenue.
    expect((await figures('Labour brought in 20 percent of the regime’s exports.', 'share'))[0]?.of).toBe('revenue');
  });
});

describe('worker counts, round 5: totals and North Koreans in a text about their labour', () => {
  it('reads the value a total may pass after a count of workers', async () => {
    expect(await figures('Officials said 6,000 laborers came last year, and the total may exceed 20,000.', 'worker_count')).toEqual([
      { text: '6,000 laborers', low: 6000, high: 6000, qualifier: 'exact' },
      { text: 'exceed 20,000', low: 20000, high: null, qualifier: 'at_least' },
    ]);
    // No count of workers before it: a total of something else.
    expect(await figures('The total may exceed 20,000 by May.', 'worker_count')).toEqual([]);
  });

  it('counts North Koreans in a text about North Korean labour, but not soldiers or a crowd', async () => {
    expect(await figures('Local officials plan to bring in 3,000 North Koreans to rebuild the port, where North Korean workers already build ships.', 'worker_count')).toEqual([
      { text: '3,000 North Koreans', low: 3000, high: 3000, qualifier: 'exact' },
    ]);
    expect(await figures('North Korean workers build ships in the port. Officials plan to bring in 3,000 North Koreans next year.', 'worker_count')).toEqual([
      { text: '3,000 North Koreans', low: 3000, high: 3000, qualifier: 'exact' },
    ]);
    expect(await figures('3,000 North Koreans watched the parade.', 'worker_count')).toEqual([]);
    expect(await figures('North Korean workers stayed home. About 11,000 North Koreans were sent to fight in the war.', 'worker_count')).toEqual([]);
  });
});

describe('round 5: "N. Korea" in headlines, and troops sent to fight', () => {
  it('does not end a sentence at the abbreviated North or South, and counts "N. Korean workers"', async () => {
    expect(await figures('4,000 N. Koreans working in Kuwait', 'worker_count')).toEqual([{ text: '4,000 N. Koreans', low: 4000, high: 4000, qualifier: 'exact' }]);
    expect(await figures('Kuwait hosts 4,000 N. Korean workers, officials say.', 'worker_count')).toEqual([{ text: '4,000 N. Korean workers', low: 4000, high: 4000, qualifier: 'exact' }]);
  });

  it('reads "sent to fight …" as a purpose, not a destination', async () => {
    expect(await roles("In November 11,000 North Korean troops were sent to fight Ukrainians occupying Russia's Kursk region.")).toEqual(['Ukrainians:other', 'Russia:other', 'Kursk:other']);
    expect(await roles('North Korean workers were sent to Russia to help rebuild Kursk.')).toEqual(['Russia:host', 'Kursk:host']);
  });
});
