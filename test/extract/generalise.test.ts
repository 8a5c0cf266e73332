/**
 * The rules of issue 17 on sentences written for these tests (not taken from
 * the seeds or the out-of-sample corpus): the role of each country mention,
 * legal instruments in their written forms, worker counts from "the number
 * of …" and bracketed counts, and what a share is a share of.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/extract.ts';
import { findLegalMentions } from '../../src/extract/legal.ts';

async function roles(text: string): Promise<Record<string, string>> {
  const r = await extract(text);
  return Object.fromEntries(r.mentions.filter((m) => m.type === 'country' && m.country !== 'KP').map((m) => [`${m.text}@${m.start}`, m.role ?? '']));
}

describe('country roles', () => {
  it('marks where workers are sent, employed or found as host, and other namings as other', async () => {
    const t = [
      'Pyongyang sent some 2,000 labourers to Laos and Cambodia last year.',
      'The Treasury in Washington said the firms employ North Korean workers in Uzbekistan.',
      'A Belarusian construction company hired the North Korean crews.',
      'Japan urged Mongolia to stop issuing permits to North Korean workers.',
      'Officials met at the embassy in Thailand.',
    ].join(' ');
    const r = await roles(t);
    const role = (word: string) => Object.entries(r).find(([k]) => k.startsWith(`${word}@`))?.[1];
    expect(role('Laos')).toBe('host');
    expect(role('Cambodia')).toBe('host');
    expect(role('Uzbekistan')).toBe('host');
    expect(role('Belarusian')).toBe('host');
    expect(role('Washington')).toBe('other');
    expect(role('Japan')).toBe('other');
    expect(role('Mongolia')).toBe('host');
    expect(role('Thailand')).toBe('other');
  });

  it('keeps customers, datelines and sanctioning states out, and North Korea is never a host', async () => {
    const r = await extract('SEOUL — The coders serve customers in Canada and Brazil. Sweden sanctioned the firm. North Korea sent the coders abroad.');
    for (const m of r.mentions.filter((x) => x.type === 'country')) expect(m.role, m.text).toBe('other');
  });

  it('reads a country as subject: hosting, sending home, issuing permits', async () => {
    const r = await roles('Oman currently hosts 900 North Korean labourers. Bulgaria said it had sent back 40 North Koreans. Fiji will not renew work permits for North Korean workers.');
    expect(Object.values(r)).toEqual(['host', 'host', 'host']);
  });

  it('gives every non-country mention a null role', async () => {
    const r = await extract('Under Executive Order 13722, workers in Russia were named.');
    expect(r.mentions.find((m) => m.type === 'legal_instrument')?.role).toBeNull();
    expect(r.mentions.find((m) => m.type === 'country')?.role).toBe('host');
  });
});

describe('legal instruments in their written forms', () => {
  it('finds each form with one caption per instrument', () => {
    const t = 'EO 13722, Executive Order 13722, Executive Order (E.O.) 13722, resolution 2397 (2017), UNSCR 2397, S/RES/2397 (2017), section 321(b) of CAATSA, 22 U.S.C. 9241a, 22 U.S.C. § 9241a, Public Law 115-44.';
    expect(findLegalMentions(t).map((m) => m.caption)).toEqual([
      'EO 13722', 'EO 13722', 'EO 13722', 'UNSCR 2397', 'UNSCR 2397', 'UNSCR 2397', 'CAATSA §321(b)', '22 U.S.C. §9241a', '22 U.S.C. §9241a', 'Pub. L. 115-44',
    ]);
  });

  it('splits lists of resolutions, keeps articles with their instrument, learns defined acronyms', () => {
    const t = 'It breaches Resolutions 2270 (2016), 2321 (2016) and 2371 and paragraph 8 of resolution 2397; the Forced Labour Import Ban Act (FLIBA) applies, and FLIBA cases rose under the Charter of Fundamental Rights.';
    const m = findLegalMentions(t);
    expect(m.map((x) => x.text)).toEqual(['Resolutions 2270 (2016)', '2321 (2016)', '2371', 'paragraph 8 of resolution 2397', 'Forced Labour Import Ban Act', 'FLIBA', 'FLIBA', 'Charter of Fundamental Rights']);
    expect(m[3]?.caption).toBe('UNSCR 2397 para. 8');
  });

  it('reads two acts joined by "of the" as two', () => {
    const m = findLegalMentions('Title III, the Alpha Relief Act of the Beta Sanctions Act, applies.');
    expect(m.map((x) => x.text)).toEqual(['Alpha Relief Act', 'Beta Sanctions Act']);
  });
});

describe('worker counts', () => {
  it('reads the values of "the number of … workers" and counts in brackets after places', async () => {
    const r = await extract('The number of North Korean workers in the region fell from 12,400 to 3,100 by 2019. Most work in Laos (6,000) and Vietnam (2,500).');
    const counts = r.figures.filter((f) => f.kind === 'worker_count').map((f) => [f.low, f.high]);
    expect(counts).toEqual([[12400, 12400], [3100, 3100], [6000, 6000], [2500, 2500]]);
  });

  it('takes its cue from the sentence before for a count of North Koreans, not for individuals', async () => {
    const r = await extract('Oman sent home 300 North Korean workers. Bahrain also sent back about 120 North Koreans. The two individuals were named.');
    expect(r.figures.filter((f) => f.kind === 'worker_count').map((f) => f.low)).toEqual([300, 120]);
  });

  it('does not count prisoners held in camps', async () => {
    const r = await extract('Many laboured in the camps. Some 90,000 North Koreans are held in prison camps.');
    expect(r.figures.filter((f) => f.kind === 'worker_count')).toEqual([]);
  });
});

describe('what a share is a share of', () => {
  it('names wages, workforce, revenue or other', async () => {
    const r = await extract([
      'The state keeps 60 percent of their monthly pay.',
      'About 70% of the North Korean workers abroad are in two countries.',
      'Each crew earns $900 a month, two-thirds of which goes to the party.',
      'The firm lost 10% of its revenue.',
      'Turnout was 55 percent.',
      '30% of our wages went to the ministry, 50% to the company and the remaining 20% to us.',
    ].join(' '));
    expect(r.figures.filter((f) => f.kind === 'share').map((f) => f.share_of)).toEqual(['wages', 'workforce', 'wages', 'revenue', 'other', 'wages', 'wages', 'wages']);
  });
});
