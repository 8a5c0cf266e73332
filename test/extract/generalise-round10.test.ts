/**
 * Round 10 of issue 17: what the ninth held-out set's misses named (scored
 * once, now development material), in sentences of our own: places where the
 * workers are that the gazetteer lacked, and modifiers of counts. The tenth
 * held-out set is gathered by someone else and was not run while these rules
 * were written.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/extract.ts';
import { hostRoles as roles } from './round-readers.ts';

async function counts(text: string) {
  return (await extract(text)).figures.filter((f) => f.kind === 'worker_count').map((f) => `${text.slice(f.start, f.end)} ${f.low}-${f.high}`);
}

describe('round 10', () => {
  it('knows more of the cities where the workers are', async () => {
    expect(await roles('North Korean laborers work on a building in Ussuriysk without safety gear.')).toEqual(['Ussuriysk:RU:host']);
    expect(await roles('North Korean workers live in a compound in Ouakam, Dakar.')).toEqual(['Ouakam:SN:host', 'Dakar:SN:host']);
    expect(await roles('Some 500 North Koreans were hired to work at construction sites in Minsk.')).toEqual(['Minsk:BY:host']);
  });

  it('reads counts whose noun has "forced" or "state" before it', async () => {
    expect(await counts('North Korea sends tens of thousands of forced laborers abroad.')).toEqual(['tens of thousands of forced laborers 10000-100000']);
    expect(await counts('About 300 North Korean state workers were sent home from Oman.')).toEqual(['About 300 North Korean state workers 300-300']);
  });
});
