/**
 * Trains the host-country model of src/extract/role-model.ts on the annotated
 * out-of-sample texts present on this machine, and measures it out of sample
 * set by set: each set is scored with a model trained on the other sets only
 * (leave one set out), beside the rules alone. Then trains on every set given
 * and, with --write, writes src/extract/role-model.json.
 *
 *   npx tsx bench/extract/role-model/train.ts [--sets heldout7,heldout8,...] [--write]
 *
 * The examples are the mentions the rules leave undecided (the only ones the
 * model is asked about), labelled host where an annotated host mention of the
 * same country overlaps them. No text is kept: the model holds word weights.
 */
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../../src/config/settings.ts';
import { extract } from '../../../src/extract/extract.ts';
import { collectRoleQuestions, roleFeatures, setRoleModel, type RoleModel } from '../../../src/extract/role-model.ts';
import { bundledResolver } from '../../../src/ingest/documents/resolver.ts';
import { officialListFiles } from '../../../test/support/official.ts';
import { SETS, corpusDir, loadSet, readText, type Annotation, type CorpusSet } from '../out-of-sample/corpus.ts';
import { emptyTotals, predictedItems, scoreDoc, type Counts, type Row } from '../scoring.ts';

interface Example { set: CorpusSet; features: string[]; host: boolean }
interface Text { set: CorpusSet; id: string; text: string; gold: Annotation[] }

const argAt = process.argv.indexOf('--sets');
const wanted = argAt >= 0 ? (process.argv[argAt + 1] ?? '').split(',') : [...SETS];
const texts: Text[] = [];
for (const set of wanted) {
  if (!(SETS as readonly string[]).includes(set)) throw new Error(`--sets: ${set} is not one of ${SETS.join(', ')}`);
  for (const a of loadSet(set as CorpusSet)) {
    if (!fs.existsSync(path.join(corpusDir(a.set), `${a.id}.txt`))) continue;
    texts.push({ set: set as CorpusSet, id: a.id, text: readText(a), gold: a.annotations });
  }
}
const sets = [...new Set(texts.map((t) => t.set))];
if (sets.length < 2) throw new Error('fewer than two sets have their texts here: nothing to measure out of sample');
const resolver = await bundledResolver(REPO_ROOT, officialListFiles());

// The questions the rules leave open, with their labels.
const examples: Example[] = [];
setRoleModel(null);
for (const t of texts) {
  const asked: { features: string[]; start: number; end: number; country: string }[] = [];
  collectRoleQuestions((q) => asked.push({ features: roleFeatures(q), start: q.mention.start, end: q.mention.end, country: q.mention.country }));
  await extract(t.text, { resolver });
  collectRoleQuestions(null);
  for (const q of asked) {
    const host = t.gold.some((g) => g.type === 'host_country' && g.country === q.country && g.start < q.end && q.start < g.end);
    examples.push({ set: t.set, features: q.features, host });
  }
}

/** L2-regularised logistic regression by AdaGrad over binary features seen at least twice. */
function train(data: readonly Example[], sources: string[]): RoleModel {
  const seen = new Map<string, number>();
  for (const e of data) for (const f of e.features) seen.set(f, (seen.get(f) ?? 0) + 1);
  const keep = [...seen].filter(([, n]) => n >= 2).map(([f]) => f);
  const index = new Map(keep.map((f, k) => [f, k]));
  const rows = data.map((e) => ({ x: e.features.map((f) => index.get(f)).filter((k): k is number => k !== undefined), y: e.host ? 1 : 0 }));
  const w = new Float64Array(keep.length), g2 = new Float64Array(keep.length);
  let b = 0, gb2 = 0;
  const rate = 0.3, l2 = Number(process.env.L2 ?? 0.01);
  for (let epoch = 0; epoch < 60; epoch++) {
    for (const r of rows) {
      let z = b;
      for (const k of r.x) z += w[k]!;
      const err = 1 / (1 + Math.exp(-z)) - r.y;
      gb2 += err * err;
      b -= (rate * err) / Math.sqrt(gb2 + 1e-8);
      for (const k of r.x) {
        const grad = err + l2 * w[k]!;
        g2[k]! += grad * grad;
        w[k]! -= (rate * grad) / Math.sqrt(g2[k]! + 1e-8);
      }
    }
  }
  const weights: Record<string, number> = {};
  keep.forEach((f, k) => { if (Math.abs(w[k]!) >= 1e-3) weights[f] = Math.round(w[k]! * 1e4) / 1e4; });
  return {
    bias: Math.round(b * 1e4) / 1e4, threshold: 0.5, weights,
    trained: { sets: sources, examples: data.length, hosts: data.filter((e) => e.host).length, command: 'npx tsx bench/extract/role-model/train.ts --write' },
  };
}

async function hostScores(set: CorpusSet, model: RoleModel | null): Promise<Record<Row, Counts>> {
  setRoleModel(model);
  const totals = emptyTotals();
  for (const t of texts.filter((x) => x.set === set)) {
    scoreDoc({ id: t.id, text: t.text, gold: t.gold, hostsLabelled: true, sharesOfLabelled: true }, predictedItems(await extract(t.text, { resolver })), totals);
  }
  return totals;
}
const f1 = (c: Counts) => (c.tp === 0 ? 0 : (2 * c.tp) / (2 * c.tp + c.fp + c.fn));
const f3 = (x: number) => x.toFixed(3);

console.log(`${texts.length} texts of ${sets.join(', ')}; ${examples.length} undecided mentions, ${examples.filter((e) => e.host).length} of them annotated hosts\n`);
console.log('| set left out (texts) | hosts per mention: rules | rules + model trained without it | per document: rules | rules + model | P / R with the model |');
console.log('|---|---:|---:|---:|---:|---|');
for (const set of sets) {
  const model = train(examples.filter((e) => e.set !== set), sets.filter((s) => s !== set));
  const before = await hostScores(set, null);
  const after = await hostScores(set, model);
  const h = after.host_country;
  console.log(`| ${set} (${texts.filter((t) => t.set === set).length}) | ${f3(f1(before.host_country))} | **${f3(f1(after.host_country))}** | ${f3(f1(before['host_country (document)']))} | ${f3(f1(after['host_country (document)']))} | ${f3(h.tp / (h.tp + h.fp))} / ${f3(h.tp / (h.tp + h.fn))} |`);
}
setRoleModel(null);

const model = train(examples, sets);
console.log(`\nmodel on every set: ${Object.keys(model.weights).length} weights, ${model.trained.examples} examples (${model.trained.hosts} hosts)`);
if (process.argv.includes('--write')) {
  const file = path.join(REPO_ROOT, 'src/extract/role-model.json');
  fs.writeFileSync(file, JSON.stringify(model, null, 0) + '\n');
  console.log(`written: ${path.relative(process.cwd(), file)}`);
}
