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
    expect(await figures('Over 41-thousand North Korean labourers left the region last year.', 'worker_count')).toEqual([{ text: 'Over 41-thousand North Korean labourers', low: 41000, high: null, qualifier: 'at_least', of: null }]);
    expect((await figures('Officials put the total at about a hundred-thousand North Korean workers.', 'worker_count'))[0]).toMatchObject({ low: 100000, high: 100000 });
  });

  it('reads a range in shorthand with the scale of its second number', async () => {
    expect((await figures('Estimates run to about 30-40,000 labourers on building sites.', 'worker_count'))[0]).toMatchObject({ low: 30000, high: 40000, qualifier: 'range' });
    expect((await figures('Between 2 and 3 million workers were sent.', 'worker_count'))[0]).toMatchObject({ low: 2000000, high: 3000000 });
    // A real range stays as written.
    expect((await figures('Some 300-400 workers were sent home.', 'worker_count'))[0]).toMatchObject({ low: 300, high: 400 });
  });

  it('reads orders of magnitude with a bound, "more" or "several"', async () => {
    expect((await figures('The firm hired at least thousands of workers for its farms.', 'worker_count'))[0]).toMatchObject({ low: 1000, high: null, qualifier: 'at_least' });
    expect((await figures('Officials expect hundreds more North Korean workers at the port next year.', 'worker_count'))[0]).toMatchObject({ low: 100, high: 1000 });
    expect((await figures('The shipyard employs several hundred North Koreans, the inspectors found.', 'worker_count'))[0]).toMatchObject({ low: 100, high: 1000 });
    expect((await figures('Thousands of North Korean nationals work on farms there.', 'worker_count'))[0]).toMatchObject({ low: 1000, high: 10000 });
    expect((await figures('Each year the regime rotates thousands of its laborers through the mines.', 'worker_count'))[0]).toMatchObject({ low: 1000, high: 10000 });
    // Still not a count of workers: tens of thousands stays one figure; people with no work in the sentence.
    expect(await figures('It sent tens of thousands of workers.', 'worker_count')).toHaveLength(1);
    expect(await figures('Hundreds of people watched the parade.', 'worker_count')).toEqual([]);
  });

  it('does not read a country\'s population as workers', async () => {
    expect(await figures('The crews built apartments in a small nation of 2 million people.', 'worker_count')).toEqual([]);
  });
});

describe('shares, round 2', () => {
  it('reads "between X and Y percent" as one range with its whole', async () => {
    expect(await figures('Managers keep between 60 and 80 percent of each worker’s pay.', 'share')).toEqual([{ text: 'between 60 and 80 percent', low: 0.6, high: 0.8, qualifier: 'range', of: 'wages' }]);
  });
});

describe('host countries, round 2', () => {
  it('a North Korean state enterprise active in a country', async () => {
    expect(await hosts('Mansudae has been active in Benin for a decade.')).toEqual(['Benin']);
  });

  it('a list of countries introduced by "include" in a sentence about North Korean labour', async () => {
    expect(await hosts('Among the countries that took North Korean labourers, the list would include Poland, Malta and the Netherlands.')).toEqual(['Poland', 'Malta', 'the Netherlands']);
  });

  it('a country a figure leaves out is not a host', async () => {
    expect(await hosts('Some 9,000 North Korean workers were sent home from Kazakhstan; the count does not include Russia.')).toEqual(['Kazakhstan']);
  });
});
