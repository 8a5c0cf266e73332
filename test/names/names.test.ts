import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  normalizeName, koreanKey, strictKoreanKey, koreanNameKeys, romanizeHangulName, canonicalSurname, prepareName,
  splitNameVariants, acronymsOf, NameIndex, MAX_NAME_CHARS, isKoreanLooking,
} from '../../src/names/index.ts';

const keysOf = (name: string) => prepareName(name, 'person').tokens.map((t) => t.key).join(' ');

describe('normalizeName', () => {
  it('drops breves, apostrophes, hyphens and commas the way lists write MR names', () => {
    expect(normalizeName("KIM, Tong-Myo'ng")).toBe('kim tong myong');
    expect(normalizeName('Kim Tong-Myŏng')).toBe('kim tong myong');
    expect(normalizeName("P'il-hun")).toBe('pil hun');
    expect(normalizeName('Ch’oe Ch’un Sik')).toBe('choe chun sik');
    expect(normalizeName("CH'O'NGSONG YO'NHAP")).toBe('chongsong yonhap');
  });
  it('romanises Hangul (MR, no breves)', () => {
    expect(normalizeName('김원홍')).toBe('kim won hong');
    expect(normalizeName('최춘식')).toBe('choe chun sik');
    expect(normalizeName('남궁민')).toBe('namgung min');
  });
  it('never throws and stays bounded on hostile input', () => {
    expect(normalizeName('')).toBe('');
    expect(normalizeName('\u0000\u0007\u001b[31m')).toBe('31m');
    expect(normalizeName('x'.repeat(10_000)).length).toBeLessThanOrEqual(MAX_NAME_CHARS);
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (s) => {
      const n = normalizeName(s);
      return typeof n === 'string' && !/[\u0000-\u001f]/.test(n) && n === n.trim();
    }));
  });
});

describe('Hangul romanisation (McCune–Reischauer)', () => {
  it('writes surname then hyphenated given name, voicing medial consonants', () => {
    expect(romanizeHangulName('김원홍')).toBe('Kim Wŏn-hong');
    expect(romanizeHangulName('전명국')).toBe('Chŏn Myŏng-guk');
    expect(romanizeHangulName('최춘식')).toBe("Ch'oe Ch'un-sik");
    expect(romanizeHangulName('리제선', { breves: false })).toBe('Ri Che-son');
  });
});

describe('Korean phonetic keys', () => {
  it('merge MR, RR, DPRK and South Korean spellings of one name', () => {
    const same = [
      ['Kim Won-hong', 'Kim Won Hong', 'Gim Weonhong', '김원홍'],
      ['Ri Je Son', 'Rhee Je-son', 'Lee Je Son', 'Yi Je-son'],
      ['Pak Chang Ho', 'Park Chang-ho', 'Bak Chang Ho'],
      ['Choe Chun Sik', 'Choi Chun Sik', 'Chwe Chun-sik', "Ch'oe Ch'un-sik"],
      ['Jong Il Song', 'Chong Il Sung', 'Jeong Il Seong', 'Chung Il Sung'],
      ['Jon Il Chun', 'Jeon Il-chun', 'Chon Il Chun'],
      ['O Kuk Ryol', 'Oh Kuk Ryol'],
      ['Jo Yong Chol', 'Cho Yong Cheol', 'Cho Yong Chul'],
    ];
    for (const group of same) {
      const keys = group.map((n) => koreanNameKeys(n));
      for (const k of keys) expect(k.some((x) => keys[0]!.includes(x)), `${group.join(' / ')}: ${JSON.stringify(keys)}`).toBe(true);
    }
  });
  it('keep different names apart', () => {
    expect(keysOf('Kim Yong Chol')).not.toBe(keysOf('Kim Yong Su'));
    expect(keysOf('Pak')).not.toBe(keysOf('Paek'));
    expect(strictKoreanKey('chol')).not.toBe(strictKoreanKey('chul'));
    expect(koreanKey('chol')).toBe(koreanKey('chul'));
    expect(strictKoreanKey('ryong')).not.toBe(strictKoreanKey('yong'));
  });
  it('joined keys are the joins of the word keys', () => {
    expect(koreanKey('wonhong')).toBe(koreanKey('won') + koreanKey('hong'));
    expect(koreanKey('jonggon')).not.toBe(koreanKey('jong') + koreanKey('un'));
  });
  it('knows surname spellings', () => {
    expect(canonicalSurname('Park')).toBe('pak');
    expect(canonicalSurname('Rhee')).toBe('ri');
    expect(canonicalSurname('Tsoi')).toBe('choe');
    expect(canonicalSurname('Smith')).toBeNull();
  });
  it('tells romanised Korean from other words', () => {
    expect(isKoreanLooking('ryonbong')).toBe(true);
    expect(isKoreanLooking('electronics')).toBe(false);
  });
});

describe('organisation names', () => {
  it('classes company forms, country words and abbreviations', () => {
    const p = prepareName('Korea Ansan SHPG Co. Ltd', 'org');
    expect(p.tokens.map((t) => `${t.text}:${t.cls}`)).toEqual(['korea:country', 'ansan:word', 'shipping:generic', 'company:legal', 'limited:legal']);
    expect(prepareName('Chosun Ryonha Machinery J/V Corp', 'org').normalized).toBe('choson ryonha machinery jv corporation');
    expect(prepareName("Democratic People's Republic of Korea Mining", 'org').tokens[0]?.text).toBe('dprk');
  });
  it('splits bracketed acronyms and builds initials', () => {
    expect(splitNameVariants('DAEDONG CREDIT BANK (DCB)')).toEqual({ name: 'DAEDONG CREDIT BANK', bracketed: ['DCB'] });
    expect(splitNameVariants('"KOMID"').name).toBe('KOMID');
    expect(acronymsOf(['korea', 'kwangson', 'banking', 'corporation'])).toEqual(['kkbc', 'kkb']);
  });
});

describe('NameIndex: names in running text', () => {
  const index = new NameIndex([
    { id: 'r39-kim-won-hong', name: 'Kim Won-hong', kind: 'person' },
    { id: 'r39-mansudae', name: 'Mansudae Overseas Project Group of Companies', kind: 'org' },
    { id: 'r39-genco', name: 'Korea General Corporation for External Construction', kind: 'org' },
  ]);
  it('finds spelling variants with offsets into the text as given', () => {
    const text = 'In 2016 KIM Wonhong and Kim Won Hong (김원홍) ran the Ministry. The Mansudae Overseas Project Group of Companies sent workers.';
    const found = index.find(text);
    expect(found.map((f) => f.id)).toEqual(['r39-kim-won-hong', 'r39-kim-won-hong', 'r39-kim-won-hong', 'r39-mansudae']);
    for (const f of found) expect(text.slice(f.start, f.end)).toBe(f.text);
    expect(found[2]?.text).toBe('김원홍');
  });
  it('finds organisations without their trailing company-form words, and not lower-case prose', () => {
    expect(index.find('workers of Mansudae Overseas Project were seen').map((f) => f.id)).toEqual(['r39-mansudae']);
    expect(index.find('the kim won hong case')).toEqual([]);
  });
});

describe('Korean sound rules (두음법칙, aspirates, assimilation) and organisation words', () => {
  it('reads the initial r the DPRK keeps and the South drops or writes n', () => {
    expect(koreanKey('ryonha')).toBe(koreanKey('yonha'));
    expect(koreanKey('rodong')).toBe(koreanKey('nodong'));
    expect(strictKoreanKey('rodong')).not.toBe(strictKoreanKey('nodong'));
  });
  it('merges the DPRK aspirate spellings and tense doubles', () => {
    expect(koreanKey('thae')).toBe(koreanKey('tae'));
    expect(koreanKey('kkot')).toBe(koreanKey('kot'));
  });
  it('meets assimilated and letter-by-letter spellings on the sound', () => {
    expect(koreanKey('chollima')).toBe(koreanKey('chonrima'));
    expect(koreanKey('rungrado')).toBe(koreanKey('nungnado'));
    expect(koreanKey('tongnip')).toBe(koreanKey('tokrip'));
    expect(koreanKey('amnok')).toBe(koreanKey('aprok'));
  });
  it('glosses Korean organisation words and treats joint operation as a joint venture', () => {
    const p = prepareName('Chongsong Yonhap Muyok Hoesa', 'org');
    expect(p.tokens.map((t) => t.gloss)).toEqual([null, 'united', 'trading', 'company']);
    expect(prepareName('Chosun Yunha Machinery Joint Operation Company', 'org').normalized).toBe('choson yunha machinery jv company');
    expect(prepareName('Kore Kuryonggang Trading', 'org').tokens[0]?.cls).toBe('country');
    expect(prepareName('Korea Hyoksin Export and Import Corporation', 'org').normalized).toBe('korea hyoksin export-import corporation');
  });
});
