/**
 * Round 14 of issue 17: recall of worker counts and host countries, from the
 * misses of the sets scored before (heldout7 … heldout13, now development
 * material), in sentences of our own written the way reports write them:
 * ranges given with a dash as an estimate's value, counts of "them" still
 * working, "in total" after a count. The fourteenth held-out set was not
 * opened while these rules were written.
 */
import { describe, expect, it } from 'vitest';
import { countsOf, hostRoles } from './round-readers.ts';

describe('round 14: worker counts', () => {
  it('reads a range written with a dash as the value of an estimate or a number', async () => {
    expect(await countsOf('A paper cites a figure of 40,000 workers. One institute put the number at 32,000-35,000.'))
      .toEqual(['40,000 workers 40000-40000 exact', '32,000-35,000 32000-35000 range']);
    expect(await countsOf('Some 50,000 North Korean workers are abroad. Another study arrived at a higher estimate of 61,000-67,000.'))
      .toEqual(['Some 50,000 North Korean workers 50000-50000 approximate', '61,000-67,000 61000-67000 range']);
    // A year span is no range of people.
    expect(await countsOf('The number of North Korean workers in Russia rose from 2016-2017.')).toEqual([]);
  });

  it('counts "N of them working" after a count, and "N in total" after the workers', async () => {
    expect(await countsOf('Some 9,000 North Korean laborers are in the region, with 2,500 of them working on farms.'))
      .toEqual(['Some 9,000 North Korean laborers 9000-9000 approximate', '2,500 2500-2500 exact']);
    expect(await countsOf('The factory hires hundreds of North Korean workers. It began employing them, 48 in total, in 2014.'))
      .toEqual(['hundreds of North Korean workers 100-1000 order_of_magnitude', '48 48-48 exact']);
  });

  it('reads earlier values a count is compared with, and "now there are" after a sentence about the workers', async () => {
    expect(await countsOf('Official data show that five North Koreans were living in Malta on work visas in June, down from 41 and 38 in March and April.'))
      .toEqual(['five North Koreans 5-5 exact', '41 41-41 exact', '38 38-38 exact']);
    expect(await countsOf('The plant employed North Korean seamstresses from 2001 on. The first arrived in 2001; now there are close to 250.'))
      .toEqual(['close to 250 250-250 approximate']);
    // Without workers before, "there are" counts nothing; nor does a number of years.
    expect(await countsOf('The museum opened in 2001. Now there are close to 250.')).toEqual([]);
    expect(await countsOf('North Korean workers came to the town. There were 12 years of quiet.')).toEqual([]);
  });

  it('reads "scores of" as tens, and estimates "in the hundreds" after a sentence about the workers', async () => {
    expect(await countsOf('They were a few of scores of North Korean doctors working in countries across Africa.'))
      .toEqual(['scores of North Korean doctors 10-100 order_of_magnitude']);
    expect(await countsOf('Reports put the number of North Korean workers in Mongolia at about 1,200. Elsewhere estimates are in the hundreds.'))
      .toEqual(['about 1,200 1200-1200 approximate', 'in the hundreds 100-1000 order_of_magnitude']);
    expect(await countsOf('North Korean workers earn little. The estimates run in the hundreds of dollars a month.')).toEqual([]);
  });

  it('reads "two or three workers" as a range, but not a few people seen in a scene', async () => {
    expect(await countsOf('The firm applied for four or five North Korean workers, but one visa was denied.'))
      .toEqual(['four or five North Korean workers 4-5 range']);
    expect(await countsOf('Through the gate, four or five Asian workers could be seen; they work for a North Korean company.')).toEqual([]);
  });

  it('counts professionals sent "from the North", and nationals named North Korean sent home under the sanctions', async () => {
    expect(await countsOf('The hospital relies on North Korean doctors working abroad. More than 40 surgeons and dentists are to be brought in from the North, the paper said.'))
      .toEqual(['More than 40 surgeons 40-null at_least']);
    expect(await countsOf('North Korean workers are sent abroad. Mongolia has repatriated 75 North Korean nationals to comply with UN sanctions.'))
      .toEqual(['75 North Korean nationals 75-75 exact']);
    // Without the sanctions, nationals repatriated are not counted as workers sent home.
    expect(await countsOf('North Korean workers are sent abroad. China repatriated 75 North Korean nationals last spring.')).toEqual([]);
    expect(await countsOf('North Korean labour abroad is growing: an estimated 4,000 North Korean are working in the region.'))
      .toEqual(['an estimated 4,000 North Korean 4000-4000 approximate']);
  });

  it('counts workers told by what they do after a count: arrive, hold permits', async () => {
    expect(await countsOf('200 North Koreans will work on building sites in the city, 40 arrive next month.'))
      .toEqual(['200 North Koreans 200-200 exact', '40 40-40 exact']);
    expect(await countsOf('Records show 120 North Koreans were employed at the mine, but only 25 had valid work permits.'))
      .toEqual(['120 North Koreans 120-120 exact', '25 25-25 exact']);
  });
});

describe('round 14: host countries', () => {
  it('knows regions and cities of the host countries and capitals where workers are reported', async () => {
    expect(await hostRoles('Russia plans to recruit 8,000 workers from North Korea to assemble drones in Yelabuga, Tatarstan.'))
      .toEqual(['Russia:RU:host', 'Yelabuga:RU:host', 'Tatarstan:RU:host']);
    expect(await hostRoles('North Korean workers were found on building sites in Bintulu.')).toEqual(['Bintulu:MY:host']);
    expect(await hostRoles('North Korea began sending workers to logging camps in the Soviet Union in 1967.')).toEqual(['Soviet Union:RU:host']);
  });

  it('reads an ambiguous country name in a list joined by "and" alone', async () => {
    expect(await hostRoles('DPRK construction teams worked in Guinea and Sierra Leone.')).toEqual(['Guinea:GN:host', 'Sierra Leone:SL:host']);
    expect(await hostRoles('Michael Jordan and Scottie Pippen met North Korean workers.')).toEqual([]);
  });

  it('gives a place and the country it is in, named together, one role', async () => {
    expect(await hostRoles('North Korean waitresses work at a restaurant in Cambodia’s capital Phnom Penh.'))
      .toEqual(['Cambodia:KH:host', 'Phnom Penh:KH:host']);
    expect(await hostRoles('North Korean seamstresses sew in a factory in the Chinese border town of Tumen.'))
      .toEqual(['Chinese:CN:host', 'Tumen:CN:host']);
    // The named adjectives of before, in any case, still join: "the Russian Far-Eastern City of".
    expect(await hostRoles('North Korean builders work in the Russian Far-Eastern City of Khabarovsk.')).toEqual(['Russian:RU:host', 'Khabarovsk:RU:host']);
    expect(await hostRoles('North Korean doctors were working at a clinic in Kampala, the capital of Uganda.'))
      .toEqual(['Kampala:UG:host', 'Uganda:UG:host']);
  });

  it('reads workers sent "to help rebuild" a place, but not troops', async () => {
    expect(await hostRoles('Pyongyang will send 3,000 construction workers to help rebuild Russia’s war-torn Belgorod region.'))
      .toEqual(['Russia:RU:host', 'Belgorod:RU:host']);
    expect(await hostRoles('Pyongyang sent troops to help rebuild Russia’s Belgorod region.')).toEqual(['Russia:RU:other', 'Belgorod:RU:other']);
  });

  it('reads a country that opens its sentence as the one "the country" names later', async () => {
    expect(await hostRoles('Uganda says 40 North Korean doctors are still working in the country.')).toEqual(['Uganda:UG:host']);
    expect(await hostRoles('Uganda says it will review its ties with other states.')).toEqual(['Uganda:UG:other']);
  });
});

