import { normalizeName } from '../../src/names/normalize.ts';
import { koreanKey } from '../../src/names/korean.ts';
import { koreanNameKeys, prepareName } from '../../src/names/tokens.ts';
import { romanizeHangulName } from '../../src/names/hangul.ts';
for (const n of ["KIM, Tong-Myo'ng", '김원홍', 'Kim Won-hong', "P'il-hun", 'Pil Hun', 'Wonhong KIM', 'Gim Weonhong', '최춘식', '리제선', 'Ch’oe Ch’un Sik', 'Rhee Je-son', 'Park Chang-ho', 'Chung Il-sung', 'Kim Il Sung','Kim Il-sŏng', '남궁민', 'Kim Young-Cheol']) {
  console.log(n, '|', normalizeName(n), '|', romanizeHangulName(n), '|', koreanNameKeys(n).join(' / '));
}
console.log(prepareName('Korea Kwangson Banking Corp. (KKBC)', 'org').tokens);
