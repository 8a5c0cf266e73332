/**
 * Round 9 of issue 17: worker counts the eighth held-out set's misses named
 * (scored once, now development material), in sentences of our own. The ninth
 * held-out set is gathered by someone else and was not run while these rules
 * were written.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/extract.ts';
import { roles } from './round-readers.ts';

async function counts(text: string) {
  return (await extract(text)).figures.filter((f) => f.kind === 'worker_count').map((f) => `${text.slice(f.start, f.end)} ${f.low}-${f.high} ${f.qualifier}`);
}

describe('worker counts, round 9', () => {
  it('reads a four-digit count with a bound before it, though a year could be written so', async () => {
    expect(await counts('Around 2000 workers are working in Mongolia at the moment.')).toEqual(['Around 2000 workers 2000-2000 approximate']);
    expect(await counts('In 2016 workers left the site.')).toEqual([]);
  });

  it('reads "upto" as "up to", and the value after "the number of … workers are"', async () => {
    expect(await counts('Pyongyang promised to send upto 5000 workers.')).toEqual(['upto 5000 workers null-5000 at_most']);
    expect(await counts('The estimated number of North Korean workers abroad are 90000 in around 40 countries.')).toEqual(['90000 90000-90000 exact']);
  });

  it('reads "of these types of workers", "dozens of" and professions sent to earn', async () => {
    expect(await counts('There are approximately 40,000 of these types of workers in Russia alone.')).toEqual(['approximately 40,000 of these types of workers 40000-40000 approximate']);
    expect(await counts('Dozens of construction workers from North Korea were seen at the site.')).toEqual(['Dozens of construction workers 10-100 order_of_magnitude']);
    expect(await counts('North Korea earns hard currency from labour abroad. Mozambique says 97 North Korean doctors are still in the country.')).toEqual(['97 North Korean doctors 97-97 exact']);
    // Doctors of no North Korean labour: not a workforce.
    expect(await counts('The hospital says 97 doctors are on duty.')).toEqual([]);
  });

  it('does not count the dead', async () => {
    expect(await counts('North Korean fishermen work on squid boats. Dozens of these North Koreans have drifted ashore as corpses.')).toEqual([]);
  });
});

describe('host countries, round 9', () => {
  it('reads a list of countries where North Korea runs restaurants', async () => {
    expect(await roles('Seoul estimates that North Korea runs about 130 restaurants in some 12 countries, including China, Vietnam and Cambodia.')).toEqual(['Seoul:other', 'China:host', 'Vietnam:host', 'Cambodia:host']);
  });

  it('reads a country called the primary location of the workers, and North Korea’s operations in a country', async () => {
    expect(await roles('Workers go where they are taken, with Russia and China being the primary location.')).toEqual(['Russia:host', 'China:host']);
    expect(await roles('North Korea’s logging operations in Russia are now small.')).toEqual(['Russia:host']);
    expect(await roles('Russia is the largest market for phones.')).toEqual(['Russia:other']);
  });
});
