/**
 * Round 7 of issue 17: forms the sixth held-out set's misses named (scored
 * once, now development material), written as rules about how reports are
 * put, in sentences of our own. The seventh held-out set is gathered by
 * someone else and was not run while these rules were written.
 */
import { describe, expect, it } from 'vitest';
import { roles, figures } from './round-readers.ts';

describe('host countries, round 7: parties, markets and voices are not hosts', () => {
  it('does not read the states whose envoys speak, nor a state someone acts for', async () => {
    expect(await roles('The top envoys of South Korea, the U.S. and Japan called for the repatriation of all North Koreans working overseas.')).toEqual(['South Korea:other', 'U.S.:other', 'Japan:other']);
    expect(await roles('The licence covers work done on behalf of the U.S. government by North Korean workers’ lawyers.')).toEqual(['U.S.:other']);
  });

  it('does not read where goods are sold, a country’s market, or media based in a country', async () => {
    expect(await roles('Factories in Dandong that employ North Korean workers sell their goods to places like South Korea, Japan and the US rather than the Chinese market.')).toEqual([
      'Dandong:host', 'South Korea:other', 'Japan:other', 'US:other', 'Chinese:other',
    ]);
    expect(await roles('North Korean workers in China hand most of their wages over, a U.S.-based news outlet reported.')).toEqual(['China:host', 'U.S.:other']);
    // A list of three places where the workers are sent is still theirs.
    expect(await roles('North Korean workers are sent to Russia, China, Kuwait and Qatar.')).toEqual(['Russia:host', 'China:host', 'Kuwait:host', 'Qatar:host']);
  });

  it('keeps a host government acting on its workers', async () => {
    expect(await roles('North Korean workers built roads in Mongolia. The government of Mongolia expelled 200 North Korean workers.')).toEqual(['Mongolia:host', 'Mongolia:host']);
  });
});

describe('worker counts, round 7: counts that lean on the sentence before', () => {
  it('reads a list of counts that names its noun once, across sentences', async () => {
    expect(await figures('Altogether around 6,000 North Koreans work in the Gulf, 3,100 of them in Kuwait. Some 800 work in the UAE, with another 300 in Oman and 250 in Yemen.')).toEqual([
      'worker_count around 6,000 North Koreans 6000-6000',
      'worker_count 3,100 3100-3100',
      'worker_count Some 800 800-800',
      'worker_count another 300 300-300',
      'worker_count 250 250-250',
    ]);
    // With no count before, a number before "in" is no count of workers.
    expect(await figures('Some 800 delegates met in Geneva.')).toEqual([]);
  });

  it('reads "Fifty of them work" after a count, a bound in quotation marks, and not foreign labourers of other nations', async () => {
    expect(await figures('About eighty North Koreans live at the yard, at least at the end of 2017. Fifty of them work at the dockyard.')).toEqual([
      'worker_count About eighty North Koreans 80-80',
      'worker_count Fifty 50-50',
    ]);
    expect(await figures('Qatar said “less than 1,000” North Koreans are in the country and work there.')).toEqual(['worker_count less than 1,000” North Koreans null-1000']);
    expect(await figures('North Korean workers toil on the island. Around 30,000 foreign laborers live in the camps there.')).toEqual([]);
  });
});

describe('shares, round 7: wholes set off and fractions before a verb', () => {
  it('reads the whole named before a dash, before the share or as the amount before', async () => {
    expect(await figures('The rest of their income — upwards of 80 percent — is seized by the state.')).toEqual(['share upwards of 80 percent 0.8-null wages']);
    expect(await figures('Workers in the Gulf earn around $1,000 a month, with about half being kept by the state.')).toEqual(['share about half 0.5-0.5 wages']);
  });

  it('reads a whole with a number in it', async () => {
    expect(await figures('It sent home over half of the 94 workers registered there.')).toEqual(['share over half 0.5-null workforce', 'worker_count 94 workers 94-94']);
  });
});
