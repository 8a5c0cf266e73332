/**
 * Round 12 of issue 17: what the eleventh held-out set's misses named (scored
 * once, now development material), in sentences of our own: bounds written
 * "a maximum" and "a minimum of", people counted as compatriots or as a team
 * of a size, what is left of a workforce; and, for host countries, datelines,
 * papers and informants named by their place, goods sent to a list of
 * places, a state that submits a resolution, a team sent somewhere "to work",
 * a host that stops taking workers in. The twelfth held-out set is gathered
 * by someone else and was not run while these rules were written.
 */
import { describe, expect, it } from 'vitest';
import { countsOf, figures, hostRoles } from './round-readers.ts';

describe('round 12', () => {
  it('reads the bounds "a maximum" and "a minimum of"', async () => {
    expect(await countsOf('At the time a maximum 462 North Korean citizens were working in Poland.')).toEqual(['a maximum 462 North Korean citizens null-462 at_most']);
    expect(await countsOf('Records show a minimum of 700 new work permits were issued to North Koreans in Russia.')).toEqual(['a minimum of 700 new work permits 700-null at_least']);
  });

  it('counts compatriots, a team of a size and what is left of a workforce', async () => {
    expect(await countsOf('A North Korean laborer waited with 60 compatriots for a flight home from Russia.')).toEqual(['60 compatriots 60-60 exact']);
    expect(await countsOf('A North Korean medical team came to work in a hospital. The 38-member team will stay a year.')).toEqual(['38-member team 38-38 exact']);
    expect(await countsOf('The 20-member delegation met officials in Moscow.')).toEqual([]);
    expect(await countsOf('North Korean laborers are leaving Russia, thinning out a workforce that once stood at 30,000. Only several thousand remain.'))
      .toEqual(['30,000 30000-30000 exact', 'several thousand 1000-10000 order_of_magnitude']);
  });

  it('reads "just a quarter what" others make as a share', async () => {
    expect(await figures('North Korean workers make just a quarter what their local counterparts make.')).toEqual(['share a quarter 0.25-0.25 other']);
  });

  it('does not take datelines, papers, informants or customers for hosts', async () => {
    expect(await hostRoles('VLADIVOSTOK, Russia—A North Korean laborer waited with others to fly home from the city.')).toEqual(['Russia:RU:other']);
    expect(await hostRoles('WARSAW, Poland -- Around 400 North Koreans are still working in Poland.')).toEqual(['Poland:PL:other', 'Poland:PL:host']);
    expect(await hostRoles('North Korean workers remain abroad, according to a Japanese newspaper.')).toEqual(['Japanese:JP:other']);
    expect(await hostRoles('North Koreans are working for textile firms, according to a source in China.')).toEqual(['China:CN:other']);
    expect(await hostRoles('A source in China told reporters that North Korean workers sew clothes.')).toEqual(['China:CN:other']);
    // A word between the preposition and the place (it was read as a host until round 18: no list of last words held it).
    expect(await hostRoles('Sources in northeastern China said that North Korean workers at seafood plants were not paid.')).toEqual(['China:CN:other']);
    expect(await hostRoles('According to sources from western China, North Korean workers were paid in food.')).toEqual(['China:CN:other']);
    expect(await hostRoles('North Korean restaurant workers were photographed by a source in Dandong in April.')).toEqual(['Dandong:CN:host']);
    expect(await hostRoles('Firms employ North Korean laborers, and their products are being exported to the United States, Europe and Japan.'))
      .toEqual(['the United States:US:other', 'Japan:JP:other']);
    expect(await hostRoles('Factories that receive orders from the United States, Europe and Japan are hiring North Korean workers.'))
      .toEqual(['the United States:US:other', 'Japan:JP:other']);
  });

  it('reads a host that stops taking workers in, a team sent "to work", workers in countries like …', async () => {
    expect(await hostRoles('Moscow and Beijing agreed to stop taking in new workers last year.')).toEqual(['Moscow:RU:host', 'Beijing:CN:host']);
    expect(await hostRoles('A North Korean medical team landed in Libya to work in a hospital.')).toEqual(['Libya:LY:host']);
    expect(await hostRoles('In countries like China and Syria, some workforce contracts have been renewed.')).toEqual(['China:CN:host', 'Syria:SY:host']);
    expect(await hostRoles('Libyan hospitals relied heavily on North Korean doctors.')).toEqual(['Libyan:LY:host']);
  });

  it('leaves a state that submits a resolution as other', async () => {
    expect(await hostRoles('China employs North Korean laborers. China and Russia submitted a draft resolution that would ease the sanctions on the workers.'))
      .toEqual(['China:CN:host', 'China:CN:other', 'Russia:RU:other']);
  });
});
