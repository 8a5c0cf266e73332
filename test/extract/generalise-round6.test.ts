/**
 * Round 6 of issue 17: forms the fifth held-out set's misses named (scored
 * once, now development material), written as rules about how reports are
 * put, in sentences of our own. The sixth held-out set (bench/extract/
 * out-of-sample/heldout6) was gathered by someone else and not run while
 * these rules were written.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/extract.ts';
import { roles } from './round-readers.ts';
import { findLegalMentions } from '../../src/extract/legal.ts';

async function shares(text: string) {
  return (await extract(text)).figures.filter((f) => f.kind === 'share').map((f) => ({ text: text.slice(f.start, f.end), low: f.low, high: f.high, qualifier: f.qualifier, of: f.share_of }));
}
const legal = (text: string) => findLegalMentions(text).map((m) => `${m.text} => ${m.caption}`);

describe('host countries, round 6', () => {
  it('carries a host to a workplace placed in it, though its sentence names no worker', async () => {
    expect(await roles('North Korean workers were sent to Qatar. One of them was seen outside a construction site in Doha last week.')).toEqual(['Qatar:host', 'Doha:host']);
    // Not a place named for something else in the same words.
    expect(await roles('North Korean workers were sent to Qatar. The talks in Doha ended last week.')).toEqual(['Qatar:host', 'Doha:other']);
  });

  it('reads a demonym before "workers" as those workers’ nationality, and an employer’s nationality where the site is placed elsewhere', async () => {
    expect(await roles('North Korean labourers may pose as Chinese workers on a Chinese construction site in Algeria.')).toEqual(['Chinese:other', 'Chinese:other', 'Algeria:host']);
    expect(await roles('North Korean workers work for a Chinese firm in Angola.')).toEqual(['Chinese:other', 'Angola:host']);
    // With no other place named, the employer's country is where they work.
    expect(await roles('North Korean workers were found at a Russian construction company.')).toEqual(['Russian:host']);
  });
});

describe('host countries, round 6: lists after a region, chief examples, returnees, trades', () => {
  it('reads a list of countries after a region as the places the workers were sent', async () => {
    expect(await roles('The workers are typically sent to work on sites in the Middle East, Russia and China.')).toEqual(['Russia:host', 'China:host']);
  });

  it('reads the country given as the chief example of "other countries"', async () => {
    expect(await roles('North Korea has despatched workers to other countries - principally Russia - for decades.')).toEqual(['Russia:host']);
  });

  it('reads the country a returnee came back from, and a trade named for the worker', async () => {
    expect(await roles('He is a North Korean returnee from Namibia who was never paid.')).toEqual(['Namibia:host']);
    expect(await roles('A typical North Korean woodcutter in Siberia receives $500 a month.')).toEqual(['Siberia:host']);
    // Returning from a place with no worker named: a visit.
    expect(await roles('The delegation returned from Namibia on Monday.')).toEqual(['Namibia:other']);
  });
});

describe('host countries, round 6: diplomacy and people are not carried', () => {
  it('does not carry a host into dealings between states, nor to its people', async () => {
    expect(await roles('North Korean workers build dams in Malaysia. Officials said little, given the fragile relationship between Malaysia and North Korea.')).toEqual(['Malaysia:host', 'Malaysia:other']);
    expect(await roles('North Korean workers build dams in Malaysia. The nine Malaysians held in Pyongyang were freed as North Koreans waited.')).toEqual(['Malaysia:host', 'Malaysians:other']);
  });
});

describe('round 6: destinations and visas', () => {
  it('reads a country called the destination or the employer of the workers as their host', async () => {
    expect(await roles('Russia has become the main destination for North Korean workers.')).toEqual(['Russia:host']);
    expect(await roles('China is the largest employer of North Korean laborers.')).toEqual(['China:host']);
    expect(await roles('Russia is a destination for North Korean coal.')).toEqual(['Russia:other']);
    // "workers from North Korea" are North Korean workers.
    expect(await roles('Russia received 12,000 workers from North Korea in 2024.')).toEqual(['Russia:host']);
    expect(await roles('Russia received 12,000 tonnes of coal from North Korea in 2024.')).toEqual(['Russia:other']);
  });

  it('counts visas issued to North Koreans in a text about their labour, not to athletes', async () => {
    const counts = async (t: string) => (await extract(t)).figures.filter((f) => f.kind === 'worker_count').map((f) => t.slice(f.start, f.end));
    expect(await counts('Pyongyang sends workers abroad to earn money. Russian authorities issued 13,000 visas to North Koreans last year.')).toEqual(['13,000 visas']);
    expect(await counts('Russian authorities issued 13,000 visas to North Koreans last year.')).toEqual([]);
    expect(await counts('Pyongyang sends workers abroad to earn money. Russia issued 300 visas to North Korean athletes.')).toEqual([]);
  });
});

describe('shares, round 6', () => {
  it('reads "pct" as percent', async () => {
    expect(await shares('Workers forfeit up to 90 pct of pay.')).toEqual([{ text: 'up to 90 pct', low: null, high: 0.9, qualifier: 'at_most', of: 'wages' }]);
  });

  it('reads a fraction before "the" or a possessive as a fraction of it, and "not even half" as at most', async () => {
    expect(await shares('He could not collect even half the compensation owed to him.')).toEqual([{ text: 'half', low: null, high: 0.5, qualifier: 'at_most', of: 'wages' }]);
    expect(await shares('The state takes half their wages.')).toEqual([{ text: 'half', low: 0.5, high: 0.5, qualifier: 'exact', of: 'wages' }]);
    expect(await shares('That half the story is true.')).toEqual([]);
  });
});

describe('legal instruments, round 6: EU acts by number', () => {
  it('reads regulations, implementing regulations, decisions and directives', () => {
    expect(legal('The EU adopted Council Regulation (EU) 2017/1858 and Council Implementing Regulation (EU) 2017/1859, amending Regulation (EU) No 267/2012, Council Decision (CFSP) 2016/849 and Directive 2011/36/EU.')).toEqual([
      'Council Regulation (EU) 2017/1858 => Council Regulation (EU) 2017/1858',
      'Council Implementing Regulation (EU) 2017/1859 => Council Implementing Regulation (EU) 2017/1859',
      'Regulation (EU) No 267/2012 => Regulation (EU) 267/2012',
      'Council Decision (CFSP) 2016/849 => Council Decision (CFSP) 2016/849',
      'Directive 2011/36/EU => Directive 2011/36/EU',
    ]);
    expect(legal('The EU’s Regulation 2017/1509 and Council Decision 2013/183/CFSP apply.')).toEqual([
      'Regulation 2017/1509 => Regulation 2017/1509',
      'Council Decision 2013/183/CFSP => Council Decision 2013/183/CFSP',
    ]);
    expect(legal('Regulation 3/4 and the regulation of 12/2017 are not.')).toEqual([]);
    // A regulation named without its number is no instrument here.
    expect(legal('The regulation (EU) was debated.')).toEqual([]);
  });
});
