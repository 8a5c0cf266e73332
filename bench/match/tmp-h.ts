import { readBundledLists } from '../../src/match/from-lists.ts';
import { Matcher } from '../../src/match/matcher.ts';
const t0 = Date.now();
const recs = await readBundledLists(process.cwd());
const t1 = Date.now();
const m = new Matcher(recs.map((r) => r.entity));
const t2 = Date.now();
console.log('entities', recs.length, 'load ms', t1 - t0, 'index ms', t2 - t1, 'names', m.index.names.length);
const qs: [string, string|null][] = [['Kim Won Hong', 'Person'], ['김원홍', 'Person'], ['KOMID', null], ['Korea Mining Development Trading Corp', null], ['Ri Je Son', 'Person'], ['Rhee Je-son', null], ['Kim Yong Su', 'Person'], ['Samsung Electronics', null], ['Mansudae Overseas Projects', null], ['Namchongang', null], ['Nam Chon Gang Trading', null], ['Jang Song Thaek', 'Person'], ['Kim Jong Un', 'Person'], ['Ryonbong', null]];
for (const [n, s] of qs) {
  const r = m.match({ names: [n], schema: s, birthDates: [], countries: [], identifiers: [] }, { limit: 3 });
  console.log('\n#', n, s);
  for (const x of r) console.log(' ', x.score, x.match, x.entity.id, x.entity.caption, '|', x.explanation[0]?.detail);
}
