/**
 * Host-country roles of round 18 (issue 17), written from the misses of the fifteenth held-out set (scored once at
 * the start of the round, development material since): in sentences of our own that put things as those texts do.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/extract.ts';

const roles = async (text: string) => (await extract(text, { hostModel: false })).mentions.filter((m) => m.type === 'country').map((m) => `${m.text}:${m.role}`);

describe('host roles, round 18', () => {
  it('reads a country’s own workplaces, workers who operate from a country, a country that attracts or invites workers', async () => {
    expect(await roles('Russia’s companies buy seafood processed by North Korean workers in China.')).toEqual(['Russia:other', 'North Korean:other', 'China:host']);
    expect(await roles('Russia’s construction sites may attract up to 50,000 workers from North Korea, a minister said.')).toEqual(['Russia:host', 'North Korea:other']);
    expect(await roles('The regulator warned that these IT workers, who operate mainly from Russia and China, pose as other nationals.')).toEqual(['Russia:host', 'China:host']);
    expect(await roles('Mongolia is looking at inviting builders from North Korea to work on its railways.')).toEqual(['Mongolia:host', 'North Korea:other']);
    expect(await roles('Some 50,000 North Korean workers are abroad. Most of them are reportedly in Russia and China.')).toEqual(['North Korean:other', 'Russia:host', 'China:host']);
    expect(await roles('The case concerns a Togo based company employing North Korean medical staff.')).toEqual(['Togo:host', 'North Korean:other']);
  });

  it('does not take a buyer, an accused firm, a sanctioning state or another nation’s worker for a host', async () => {
    expect(await roles('A North Korean welder worked for a Polish shipyard, a supplier of a Dutch shipbuilding company.')).toEqual(['North Korean:other', 'Polish:host', 'Dutch:other']);
    expect(await roles('The complaint names a Dutch shipbuilder that profited from the forced labour of North Korean workers in Poland.')).toEqual(['Dutch:other', 'North Korean:other', 'Poland:host']);
    expect(await roles('Lawyers filed a complaint against the Dutch firm over North Korean workers.')).toEqual(['Dutch:other', 'North Korean:other']);
    expect(await roles('Sanctions were imposed against Russian companies employing North Korean workers.')).toEqual(['Russian:host', 'North Korean:other']);
    expect(await roles('The UK Office of Financial Sanctions Implementation warned about North Korean IT workers.')).toEqual(['UK:other', 'North Korean:other']);
    expect(await roles('Because of sanctions measures in the United Kingdom, firms that employ North Korean IT workers risk breaches.')).toEqual(['United Kingdom:other', 'North Korean:other']);
    expect(await roles('The productivity of a North Korean worker is twice that of a Russian worker.')).toEqual(['North Korean:other', 'Russian:other']);
    expect(await roles('Russia attracts foreign investment in its Far East, and invited Kim Jong Un to Moscow.')).toEqual(['Russia:other', 'Moscow:other']);
  });
});

describe('host roles and counts, round 19 (from the sixteenth set’s misses)', () => {
  const counts = async (text: string) => (await extract(text)).figures.filter((f) => f.kind === 'worker_count').map((f) => [f.low, f.high]);

  it('keeps a list whose first place has its abbreviation after it, and reads who has been in a country', async () => {
    expect(await roles('The workers were employed by firms located in the People’s Republic of China (PRC) and the Russian Federation.')).toEqual(['People’s Republic of China:host', 'Russian Federation:host']);
    expect(await roles('One North Korean who has been in Mongolia since 2011 said he works twelve hours a day.')).toEqual(['North Korean:other', 'Mongolia:host']);
  });

  it('does not take the clients’ country of remote workers, nor a think tank’s, for a host', async () => {
    expect(await roles('North Korean IT workers were charged with seeking employment in U.S. companies under false names.')).toEqual(['North Korean:other', 'U.S.:other']);
    expect(await roles('The number of North Korean labourers abroad may have grown, according to a South Korean government think tank.')).toEqual(['North Korean:other', 'South Korean:other']);
  });

  it('reads an estimate that puts "the number" at or between values, after a sentence about the workers', async () => {
    expect(await counts('North Korean workers are in demand. Estimates put the number at about 40,000.')).toEqual([[40_000, 40_000]]);
    expect(await counts('North Korean workers abroad are hard to count. Media estimates put the number somewhere between 50,000 and 100,000.')).toEqual([[50_000, 100_000]]);
  });
});
