/**
 * Round 2 of issue 17: forms reports use that the rules of round 1 did not
 * read, written from how reports put figures and places (these sentences are
 * ours), checked on the development texts and the seeds only.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/extract.ts';

async function figures(text: string, kind: string) {
  return (await extract(text)).figures.filter((f) => f.kind === kind).map((f) => ({ text: text.slice(f.start, f.end), low: f.low, high: f.high, qualifier: f.qualifier, of: f.share_of ?? null }));
}
async function hosts(text: string) {
  return (await extract(text)).mentions.filter((m) => m.type === 'country' && m.role === 'host').map((m) => m.text);
}

describe('worker counts, round 2', () => {
  it('reads a scale written with a hyphen', async () => {
    expect(await figures('Over 23-thousand North Korean workers have been sent home.', 'worker_count')).toEqual([{ text: 'Over 23-thousand North Korean workers', low: 23000, high: null, qualifier: 'at_least', of: null }]);
    expect((await figures('There were about a hundred-thousand North Korean workers worldwide.', 'worker_count'))[0]).toMatchObject({ low: 100000, high: 100000 });
  });

  it('reads a range in shorthand with the scale of its second number', async () => {
    expect((await figures('The state sent about 50-60,000 laborers abroad to work.', 'worker_count'))[0]).toMatchObject({ low: 50000, high: 60000, qualifier: 'range' });
    expect((await figures('Between 2 and 3 million workers were sent.', 'worker_count'))[0]).toMatchObject({ low: 2000000, high: 3000000 });
    // A real range stays as written.
    expect((await figures('Some 300-400 workers were sent home.', 'worker_count'))[0]).toMatchObject({ low: 300, high: 400 });
  });

  it('reads orders of magnitude with a bound, "more" or "several"', async () => {
    expect((await figures('At least thousands of workers were sent to building sites.', 'worker_count'))[0]).toMatchObject({ low: 1000, high: null, qualifier: 'at_least' });
    expect((await figures('Hundreds more North Korean workers may be coming to the country.', 'worker_count'))[0]).toMatchObject({ low: 100, high: 1000 });
    expect((await figures('Several hundred North Koreans are working there.', 'worker_count'))[0]).toMatchObject({ low: 100, high: 1000 });
    expect((await figures('Thousands of North Korean nationals work on farms there.', 'worker_count'))[0]).toMatchObject({ low: 1000, high: 10000 });
    expect((await figures('The regime sends thousands of its laborers abroad to work.', 'worker_count'))[0]).toMatchObject({ low: 1000, high: 10000 });
    // Still not a count of workers: tens of thousands stays one figure; people with no work in the sentence.
    expect(await figures('It sent tens of thousands of workers.', 'worker_count')).toHaveLength(1);
    expect(await figures('Hundreds of people watched the parade.', 'worker_count')).toEqual([]);
  });

  it('does not read a country\'s population as workers', async () => {
    expect(await figures('They worked in the vast country of 3 million people for years.', 'worker_count')).toEqual([]);
  });
});

describe('shares, round 2', () => {
  it('reads "between X and Y percent" as one range with its whole', async () => {
    expect(await figures('The state takes between 70 and 90 percent of their monthly wages.', 'share')).toEqual([{ text: 'between 70 and 90 percent', low: 0.7, high: 0.9, qualifier: 'range', of: 'wages' }]);
  });
});

describe('host countries, round 2', () => {
  it('a North Korean state enterprise active in a country', async () => {
    expect(await hosts('The Mansudae Overseas Development Group has been active in Senegal.')).toEqual(['Senegal']);
  });

  it('a list of countries introduced by "include" in a sentence about North Korean labour', async () => {
    expect(await hosts('European countries in which North Korean workers are deployed include Poland, Malta and the Netherlands.')).toEqual(['Poland', 'Malta', 'the Netherlands']);
  });

  it('a country a figure leaves out is not a host', async () => {
    expect(await hosts('Over 20,000 North Korean workers were sent home from Russia, but this figure does not include China.')).toEqual(['Russia']);
  });
});
