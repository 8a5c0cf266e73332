/**
 * The evaluation on the real lists (test/match/eval-set.json, built from
 * the official files in ../shared/data/official by build-eval-set.ts). The bounds are the measured figures less a
 * small margin: a change that costs recall or adds false positives fails here.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readListFiles } from '../../src/ingest/lists/matchable.ts';
import { Matcher, DEFAULT_THRESHOLD } from '../../src/match/matcher.ts';
import { scoreCases, summarize, type EvalCase, type EvalOutcome } from '../../src/match/evaluation.ts';
import type { MatchableEntity } from '../../src/match/types.ts';
import { REPO_ROOT } from '../../src/config/settings.ts';
import { officialListFiles } from '../support/official.ts';

let entities: MatchableEntity[];
let matcher: Matcher;
let outcomes: EvalOutcome[];

beforeAll(async () => {
  entities = (await readListFiles(officialListFiles())).map((r) => r.entity);
  matcher = new Matcher(entities);
  const { cases } = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'test/match/eval-set.json'), 'utf8')) as { cases: EvalCase[] };
  outcomes = scoreCases(matcher, cases, new Map(entities.map((e) => [e.id, e])));
});

describe('evaluation on the bundled official lists', () => {
  it('covers the DPRK programmes of OFAC and the UN', () => {
    expect(entities.filter((e) => e.datasets.includes('dprk')).length).toBeGreaterThan(700);
    expect(outcomes.filter((o) => o.c.expect).length).toBeGreaterThan(200);
    expect(outcomes.filter((o) => o.c.category === 'korean_person').length).toBe(1000);
  });
  it('keeps false positives under 1% at the default threshold, overall and on Korean names', () => {
    const s = summarize(outcomes, DEFAULT_THRESHOLD);
    expect(s.falsePositiveRate).toBeLessThanOrEqual(0.01);
    expect(s.korean.falsePositiveRate).toBeLessThanOrEqual(0.015);
    expect(s.byCategory['other_programme']?.rate).toBeLessThanOrEqual(0.002);
  });
  it('finds held-out spelling-variant aliases', () => {
    const s = summarize(outcomes, DEFAULT_THRESHOLD);
    expect(s.variantRecall).toBeGreaterThanOrEqual(0.92);
    expect(s.koreanVariant.recall).toBeGreaterThanOrEqual(0.95);
    expect(s.korean.recall).toBeGreaterThanOrEqual(0.7);
  });
  it('finds listed people from their Hangul and variant spellings', () => {
    const top = (name: string) => matcher.match({ names: [name], schema: 'Person', birthDates: [], countries: [], identifiers: [] })[0];
    expect(top('김원홍')?.entity.caption).toBe('KIM, Won Hong');
    expect(top('Gim Weonhong')?.entity.caption).toBe('KIM, Won Hong');
    expect(top('Cho Yong Chul')?.entity.caption).toMatch(/JO,? YONG CHOL/i);
  });
  it('reads DPRK and ROK spellings and Korean organisation words alike, and says so', () => {
    const best = (name: string) => matcher.match({ names: [name], schema: null, birthDates: [], countries: [], identifiers: [] }, { excludeNames: new Map() })[0];
    const ryonha = best('Chosun Yunha Machinery Joint Operation Company');
    expect(ryonha?.entity.id).toBe('unsc-kpe-016');
    const yonhap = best('Chongsong Yonhap Corporation');
    expect(yonhap?.entity.id).toBe('unsc-kpe-010');
    const hyoksin = matcher.match({ names: ['Korea Hyoksin Export and Import Corporation'], schema: null, birthDates: [], countries: [], identifiers: [] })[0];
    expect(hyoksin?.explanation[0]?.detail).toMatch(/export-import ~ trading \(same word in another language\)/);
  });
  it('reads initials and codes by their letters, not their sound: HSBC is not HSFZ, IBM not IPM', () => {
    const matched = (name: string) => matcher.match({ names: [name], schema: 'Company', birthDates: [], countries: [], identifiers: [] })
      .filter((r) => r.match).map((r) => r.entity.caption);
    // Each was a match (0.84–0.90) by a "same sound" voicing merge: HAMRIYAH STEEL FREE ZONE COMPANY's initials HSFZ,
    // IPM LIMITED, BONYAD TAAVON BASIJ's BTB and ISIL-SAUDI ARABIA's PTHP.
    expect(matched('HSBC')).toEqual([]);
    expect(matched('IBM')).toEqual([]);
    expect(matched('FTB')).not.toContain('BONYAD TAAVON BASIJ');
    expect(matched('FTB')).not.toContain('ISIL-SAUDI ARABIA');
    // The same letters still match, and Korean words and surnames still meet on their sound.
    expect(matched('KOMID')).toContain('KOREA MINING DEVELOPMENT TRADING CORPORATION');
    expect(matched('IPM')).toContain('IPM LIMITED');
    expect(matched('Daedong Credit Bank')).toContain('DAEDONG CREDIT BANK (DCB)');
    expect(matched('Taedong Credit Bank')).toContain('DAEDONG CREDIT BANK (DCB)');
    const people = (name: string) => matcher.match({ names: [name], schema: 'Person', birthDates: [], countries: [], identifiers: [] })
      .filter((r) => r.match).map((r) => r.entity.caption);
    expect(people('Park Bong Nam')).toContain('PAK BONG NAM');
    expect(people('Rhee Je Son')).toEqual(expect.arrayContaining([expect.stringMatching(/^RI,? JE.?SON$/i)]));
  });
  it('says that DPRK and Korea name the same country, not that they sound alike', () => {
    const [top] = matcher.match({ names: ['DPRK Ryonbong General Corporation'], schema: 'Company', birthDates: [], countries: [], identifiers: [] });
    expect(top?.entity.caption).toBe('KOREA RYONBONG GENERAL CORPORATION');
    // It said "dprk ~ korea (same sound)".
    expect(top?.explanation[0]?.detail).toMatch(/dprk ~ korea \(the same country\)/);
  });
  it('reads a Korean organisation name written in Hangul, joined as Korean writes it', () => {
    const top = (name: string, schema: string | null = 'Company') => matcher.match({ names: [name], schema, birthDates: [], countries: [], identifiers: [] })[0];
    // Each found no candidate at all: the joined word was romanised as one (Chosongwangopkaebalmuyokhoesa).
    const cases: [string, string][] = [
      ['조선광업개발무역회사', 'KOREA MINING DEVELOPMENT TRADING CORPORATION'],
      ['조선련봉총회사', 'KOREA RYONBONG GENERAL CORPORATION'],
      ['단천상업은행', 'TANCHON COMMERCIAL BANK'],
      ['청천강해운회사', 'CHONGCHONGANG SHIPPING COMPANY'],
      ['조선혁신무역회사', 'KOREA HYOKSIN TRADING CORPORATION'],
    ];
    for (const [hangul, caption] of cases) {
      const best = top(hangul);
      expect(best?.entity.caption, hangul).toBe(caption);
      expect(best?.match, hangul).toBe(true);
    }
    // Spaced as well; and 조선 before an organisation's words is Korea, not the person Cho Son.
    expect(top('조선 련봉 총회사')?.entity.caption).toBe('KOREA RYONBONG GENERAL CORPORATION');
    // People's names are read as before.
    expect(top('김원홍', 'Person')?.entity.caption).toBe('KIM, Won Hong');
    expect(top('최룡해', null)?.entity.caption).toBe('CHOE, Ryong Hae');
  });
});
