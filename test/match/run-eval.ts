/**
 * Prints the evaluation report: recall and false-positive rate at the default
 * threshold and around it, overall, per category and for Korean names alone.
 * Run: `npx tsx test/match/run-eval.ts [--misses]`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { readListFiles } from '../../src/ingest/lists/matchable.ts';
import { Matcher, DEFAULT_THRESHOLD } from '../../src/match/matcher.ts';
import { scoreCases, summarize, type EvalCase } from '../../src/match/evaluation.ts';
import { REPO_ROOT } from '../../src/config/settings.ts';
import { officialListFiles } from '../support/official.ts';

const { cases } = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'test/match/eval-set.json'), 'utf8')) as { cases: EvalCase[] };
const records = await readListFiles(officialListFiles());
const entities = records.map((r) => r.entity);
const matcher = new Matcher(entities);
const outcomes = scoreCases(matcher, cases, new Map(entities.map((e) => [e.id, e])));
for (const t of [0.7, 0.75, 0.78, 0.8, 0.82, 0.85, 0.88, 0.9]) {
  const s = summarize(outcomes, t);
  console.log(`${t === DEFAULT_THRESHOLD ? '*' : ' '} t=${t}  recall=${s.recall} variantRecall=${s.variantRecall} fpr=${s.falsePositiveRate}  korean: recall=${s.korean.recall} fpr=${s.korean.falsePositiveRate}  ${JSON.stringify(Object.fromEntries(Object.entries(s.byCategory).map(([k, v]) => [k, v.rate])))}`);
}
console.log(JSON.stringify(summarize(outcomes, DEFAULT_THRESHOLD), null, 2));
if (process.argv.includes('--misses')) {
  const t = DEFAULT_THRESHOLD;
  for (const o of outcomes) {
    const bad = o.c.expect ? o.score < t : o.score >= t;
    if (bad) console.log(o.c.category, o.score, JSON.stringify(o.c.query), '->', o.c.expect ?? o.top, o.c.expect ? `(names: ${entities.find((e) => e.id === o.c.expect)?.names.map((n) => n.value).join(' | ')})` : `(${entities.find((e) => e.id === o.top)?.caption})`);
  }
}
