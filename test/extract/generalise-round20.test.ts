/**
 * Worker counts, shares and legal instruments of rounds 20 and 21 (issue 17), written from the misses of the
 * eighteenth and nineteenth held-out sets (each scored once, then development material) and of the fourteenth: in
 * sentences of our own that put things as those texts do.
 */
import { describe, expect, it } from 'vitest';
import { findLegalMentions } from '../../src/extract/legal.ts';
import { countsOf, figures } from './round-readers.ts';

describe('worker counts, round 20', () => {
  it('counts a group of workers, not the size of each of several groups', async () => {
    expect(await countsOf('A month earlier a group of 35 North Korean workers went home because their permits lapsed.')).toEqual(['35 North Korean workers 35-35 exact']);
    expect(await countsOf('North Korean workers abroad must move in groups of at least fifteen people.')).toEqual([]);
  });

  it('reads "N of his M employees" and "the M total North Koreans" as parts of a workforce', async () => {
    expect(await countsOf('The plant manager says 82 of his 750 employees are North Korean.')).toEqual(['82 of his 750 employees 82-82 part_of']);
    expect(await countsOf('Only five of the 20 total North Koreans working at the restaurant stayed.')).toEqual(['five of the 20 total North Koreans 5-5 part_of']);
  });

  it('reads "one or two thousand" as a range of thousands', async () => {
    expect(await countsOf('Every month one or two thousand North Korean workers are sent to Jilin.')).toEqual(['one or two thousand North Korean workers 1000-2000 range']);
  });

  it('counts the people "of whom" some work somewhere, and a count a place "gets" after a count of workers', async () => {
    expect(await countsOf('There were about 40,000 North Korean nationals in Russia, some 9,000 of whom work on farms in the Far East.'))
      .toEqual(['about 40,000 North Korean nationals 40000-40000 approximate', 'some 9,000 9000-9000 approximate']);
    expect(await countsOf('Russia will get 12,000 North Korean workers, while China gets 2,100 and Laos receives 300.'))
      .toEqual(['12,000 North Korean workers 12000-12000 exact', '2,100 2100-2100 exact', '300 300-300 exact']);
    // Without a count of workers before it, what a country gets is no count.
    expect(await countsOf('China gets 2,100 tonnes of coal while Laos receives 300.')).toEqual([]);
  });

  it('counts those "working in" a trade where the sentence speaks of the workers, and "the 200 North Korean employed"', async () => {
    expect(await countsOf('Few North Koreans are allowed to work in the country, but there are currently some 150 working in construction.')).toEqual(['some 150 150-150 approximate']);
    expect(await countsOf('The workers rest on Sundays. There are 200 working days in a year.')).toEqual([]);
    expect(await countsOf('The 190 North Korean employed by the fishing fleet in 2016 have all left.')).toEqual(['190 North Korean 190-190 exact']);
  });
});

describe('worker counts, round 20: two counts, and a range after "estimated at"', () => {
  it('reads "20,000 and 19,000 workers respectively" as two counts, not a range downwards', async () => {
    expect(await countsOf('Most are in Russia and China, numbering 21,000 and 18,000 workers respectively.'))
      .toEqual(['21,000 21000-21000 exact', '18,000 workers 18000-18000 exact']);
    expect(await countsOf('Between 50,000 and 60,000 workers are abroad.')).toEqual(['Between 50,000 and 60,000 workers 50000-60000 range']);
  });

  it('reads "the number … is estimated at between 50,000 to 60,000" as one range', async () => {
    expect(await countsOf('The number of North Koreans working abroad is estimated at between 40,000 to 70,000, the ministry said.'))
      .toEqual(['between 40,000 to 70,000 40000-70000 range']);
    expect(await countsOf('The number of North Korean workers in Russia fell from 30,023 to 11,490.')).toEqual(['30,023 30023-30023 exact', '11,490 11490-11490 exact']);
  });
});

describe('shares, round 20', () => {
  it('reads a split of pay as the first party’s share, and not the southern half of a peninsula', async () => {
    expect(await figures('The footballer’s salary is split 50:50 with the state.')).toEqual(['share 50:50 0.5-0.5 other']);
    expect(await figures('Earnings are divided in a 70:30 split between the state and the workers.')).toEqual(['share 70:30 0.7-0.7 other']);
    expect(await figures('Many North Korean workers came from families in the southern half of the peninsula.')).toEqual([]);
    expect(await figures('The match stood at 3:1 at half time.')).toEqual([]);
  });
});

describe('legal instruments, round 20', () => {
  it('reads the United States Code written without full stops', () => {
    expect(findLegalMentions('Goods were detained under 19 USC 1307 at the border.').map((m) => `${m.text} => ${m.caption}`)).toEqual(['19 USC 1307 => 19 U.S.C. §1307']);
    expect(findLegalMentions('The USC 2024 games were held in May.')).toEqual([]);
  });
});

describe('round 21: from the nineteenth set', () => {
  it('reads resolutions listed with their dates', () => {
    expect(findLegalMentions('UNSCRs 2321 (November 2016) and 2397 (December 2017) tightened the measures.').map((m) => m.caption)).toEqual(['UNSCR 2321', 'UNSCR 2397']);
  });

  it('reads "50 percent or more" as a lower bound', async () => {
    expect(await figures('Entities owned 50 percent or more by a designated person are blocked.')).toEqual(['share 50 percent or more 0.5-null other']);
  });

  it('counts "41 working at" a firm after a count, visas "granted to North Koreans", and those who "may be working in" a place', async () => {
    expect(await countsOf('80 North Koreans are currently working legally in Malta. These include 43 working at a clothing factory.'))
      .toEqual(['80 North Koreans 80-80 exact', '43 43-43 exact']);
    expect(await countsOf('North Korean workers in Malta\n\nThe minister said 60 visas had been granted to North Koreans since March.')).toEqual(['60 visas 60-60 exact']);
    expect(await countsOf('About 50,000 North Koreans work abroad, and up to 900 may be working in the EU, the report said.'))
      .toEqual(['About 50,000 North Koreans 50000-50000 approximate', 'up to 900 null-900 at_most']);
    // Still: "4,000 of them working in construction".
    expect(await countsOf('As many as 15,000 North Korean laborers are in Russia, with 4,000 of them working in construction.'))
      .toEqual(['As many as 15,000 North Korean laborers null-15000 at_most', '4,000 4000-4000 exact']);
  });
});
