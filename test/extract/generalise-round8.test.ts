/**
 * Round 8 of issue 17: forms the seventh held-out set's misses named (scored
 * once, now development material), written as rules about how reports are
 * put, in sentences of our own. The eighth held-out set is gathered by
 * someone else and was not run while these rules were written.
 */
import { describe, expect, it } from 'vitest';
import { roles, figures } from './round-readers.ts';

describe('shares, round 8: wholes from the clause, differences are no shares', () => {
  it('reads what they were supposed to earn or receive as pay', async () => {
    expect(await figures('The workers take home no more than 40% of what they are supposed to earn.')).toEqual(['share no more than 40% null-0.4 wages']);
    expect(await figures('The official paid less than 40% of what “K” was supposed to receive.')).toEqual(['share less than 40% null-0.4 wages']);
  });

  it('reads a share set beside "most of them" or "the vast majority" as a share of people', async () => {
    expect(await figures('Some 3,000 North Korean workers live in the city, most of them, about 85 percent, in construction.')).toEqual([
      'worker_count Some 3,000 North Korean workers 3000-3000',
      'share about 85 percent 0.85-0.85 workforce',
    ]);
  });

  it('does not read a difference or a saving as a share, nor a country’s total exports as revenue', async () => {
    expect(await figures('They earn $415 a month, 40 percent less than the average wage.')).toEqual([]);
    expect(await figures('Buyers can save as much as 75 % by ordering from North Korean factories.')).toEqual([]);
    expect(await figures('That would equal as much as 93% of North Korea’s total exports.')).toEqual(['share as much as 93% null-0.93 other']);
  });
});

describe('worker counts, round 8: numbers that refer back', () => {
  it('reads the value of "their numbers" or "the number" after a count of workers', async () => {
    expect(await figures('Russia grants 12,000 work visas to North Korean citizens a year, whose total numbers have peaked at 37,000.')).toEqual([
      'worker_count 12,000 work visas 12000-12000',
      'worker_count 37,000 37000-37000',
    ]);
    expect(await figures('In 2011 there were 239 North Korean workers in the country; the number in 2012 rose to 509.')).toEqual([
      'worker_count 239 North Korean workers 239-239',
      'worker_count 509 509-509',
    ]);
    // No count of workers before it: the number of something else.
    expect(await figures('The number of visitors rose to 509.')).toEqual([]);
  });

  it('reads "the low thousands" where a number of workers is estimated', async () => {
    expect(await figures('Estimates of the number of North Korean workers in the country placed them in the low thousands.')).toEqual(['worker_count low thousands 1000-10000']);
  });
});

describe('host countries, round 8', () => {
  it('reads where a share of the workers "are"', async () => {
    expect(await roles('At least 50,000 North Koreans work abroad. The vast majority, about 80 per cent, are in China and Russia.')).toEqual(['China:host', 'Russia:host']);
    expect(await roles('The leaders are in Japan for talks.')).toEqual(['Japan:other']);
  });

  it('does not read "host countries" as a verb, nor states persuading them', async () => {
    expect(await roles('The United States and South Korea tried to persuade host countries to stop taking North Korean workers.')).toEqual(['United States:other', 'South Korea:other']);
  });

  it('carries a host to a place where workers are seen labouring, not to people of that country', async () => {
    expect(await roles('North Korean workers are employed in China. In a small city in Liaoning province, young North Korean women were seen laboring beside elderly Chinese women.')).toEqual([
      'China:host', 'Liaoning:host', 'Chinese:other',
    ]);
  });
});
