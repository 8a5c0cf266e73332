/**
 * Trains the host-role model (src/extract/host-model.ts) on the annotated
 * development texts of bench/extract/out-of-sample, or measures it by
 * leaving one set out at a time:
 *
 *   npx tsx bench/extract/host-model/train.ts                 # writes src/extract/host-model.json
 *   npx tsx bench/extract/host-model/train.ts --loso          # each development set scored by a model trained on the others
 *   npx tsx bench/extract/host-model/train.ts --context-only  # without the rules' verdicts as features (an ablation)
 *
 * A mention is a positive example when an annotated host-country span of the
 * same country overlaps it. Sets still held out (HELD_OUT) are never read.
 * Training is deterministic: the same texts give the same weights.
 */
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../../src/config/settings.ts';
import type { CountryMention } from '../../../src/extract/countries.ts';
import { countryMentionsOf, sentences } from '../../../src/extract/extract.ts';
import { decidesHost, hostFeatures, type HostModel } from '../../../src/extract/host-model.ts';
import { countryVerdicts, type RuleVerdict } from '../../../src/extract/roles.ts';
import { HELD_OUT_SETS } from './held-out.ts';
import { SETS, corpusDir, loadSet, readText, type CorpusSet } from '../out-of-sample/corpus.ts';

/** Sets never trained on: those still held out, or (HELD_OUT=a,b) others left out for a comparison. */
const HELD_OUT: readonly string[] = process.env.HELD_OUT ? process.env.HELD_OUT.split(',') : HELD_OUT_SETS;
const L2 = 0.003;
const EPOCHS = 30;
/**
 * Leaving one set out, 0.35 / 0.4 / 0.45 / 0.5 give F1 0.860 / 0.864 / 0.861 / 0.857 over 20 sets; 0.4 also makes a host of
 * "the Treasury in Washington said …" (test/extract/generalise.test.ts): a gain of 0.007 is not worth it.
 */
const THRESHOLD = 0.5;
/** Weights nearer zero than this are dropped: they change no verdict and would fill the file. */
const SMALLEST_WEIGHT = Number(process.env.SMALLEST ?? 0.02);
/** Features taken from the rules' verdicts; `--context-only` leaves them out. */
const RULE_FEATURE = /^(?:rule:|via:[a-z]+:rule:|dochost:|docHostsN:)/;

interface Example {
  set: CorpusSet | 'seeds';
  verdict: RuleVerdict;
  features: string[];
  host: boolean;
}

/** Each country mention of a text (North Korea aside) with the rules' verdict and its features, as extraction reads them. */
async function mentionsOf(text: string, contextOnly: boolean): Promise<{ mention: CountryMention; verdict: RuleVerdict; features: string[] }[]> {
  const countries = await countryMentionsOf(text);
  const sents = sentences(text);
  const verdicts = countryVerdicts(text, countries, sents);
  return hostFeatures(text, countries, sents, verdicts).flatMap((f, i) =>
    f === null ? [] : [{ mention: countries[i]!, verdict: verdicts[i]!, features: contextOnly ? f.filter((x) => !RULE_FEATURE.test(x)) : f }]);
}

async function examples(sets: readonly CorpusSet[], contextOnly: boolean): Promise<{ examples: Example[]; missing: string[] }> {
  const out: Example[] = [];
  const missing: string[] = [];
  for (const set of sets) {
    for (const a of loadSet(set)) {
      if (!fs.existsSync(path.join(corpusDir(a.set), `${a.id}.txt`))) { missing.push(`${set}/${a.id}`); continue; }
      const gold = a.annotations.filter((g) => g.type === 'host_country');
      for (const { mention: m, verdict, features } of await mentionsOf(readText(a), contextOnly)) {
        const host = gold.some((g) => g.start < m.end && m.start < g.end && 'country' in g && g.country === m.country);
        out.push({ set, verdict, features, host });
      }
    }
  }
  return { examples: out, missing };
}

/** Logistic regression by stochastic gradient descent with L2 shrinkage, in a fixed order per epoch. */
function train(data: readonly Example[]): HostModel {
  const w = new Map<string, number>();
  let bias = 0;
  let rate = 0.2;
  const order = data.slice();
  for (let e = 0; e < EPOCHS; e++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = (i * 7919 + e * 104729) % (i + 1);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const x of order) {
      let z = bias;
      for (const f of x.features) z += w.get(f) ?? 0;
      const g = 1 / (1 + Math.exp(-z)) - (x.host ? 1 : 0);
      bias -= rate * g;
      for (const f of x.features) {
        const v = w.get(f) ?? 0;
        w.set(f, v - rate * (g + L2 * v));
      }
    }
    rate *= 0.9;
  }
  const weights: Record<string, number> = {};
  for (const [f, v] of [...w.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) if (Math.abs(v) >= SMALLEST_WEIGHT) weights[f] = Math.round(v * 1e4) / 1e4;
  return { bias: Math.round(bias * 1e4) / 1e4, threshold: THRESHOLD, weights };
}

interface Counts { tp: number; fp: number; fn: number }
const f1 = (c: Counts) => (c.tp === 0 ? 0 : (2 * c.tp) / (2 * c.tp + c.fp + c.fn));
function tally(c: Counts, predicted: boolean, host: boolean): void {
  if (predicted && host) c.tp++;
  else if (predicted) c.fp++;
  else if (host) c.fn++;
}

/**
 * The seeds (test/extract/labels) name each document's host countries, not each mention's role: a mention of a
 * country that is not one of its document's hosts is an example of `other`; mentions of the hosts teach nothing.
 */
async function seedExamples(contextOnly: boolean): Promise<Example[]> {
  const dir = path.join(REPO_ROOT, 'test/extract/labels');
  const out: Example[] = [];
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const labels = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as { document: string; host_countries: string[] };
    const text = fs.readFileSync(path.join(REPO_ROOT, labels.document), 'utf8');
    for (const { mention, verdict, features } of await mentionsOf(text, contextOnly)) {
      if (!labels.host_countries.includes(mention.country)) out.push({ set: 'seeds', verdict, features, host: false });
    }
  }
  return out;
}

const contextOnly = process.argv.includes('--context-only');
const trainSets = SETS.filter((s) => !HELD_OUT.includes(s));
const { examples: corpus, missing } = await examples(trainSets, contextOnly);
const data = [...corpus, ...(await seedExamples(contextOnly))];
if (missing.length) console.log(`(${missing.length} texts missing, left out: ${missing.join(', ')})`);
console.log(`${data.length} country mentions (North Korea aside) from ${trainSets.length} sets, ${data.filter((x) => x.host).length} of them hosts${contextOnly ? '; context only, without the rules\u2019 verdicts' : ''}`);

if (process.argv.includes('--loso')) {
  const all: Counts = { tp: 0, fp: 0, fn: 0 };
  console.log('\n| set left out | mentions | F1 (model trained on the others) |\n|---|---:|---:|');
  for (const s of trainSets) {
    const test = corpus.filter((x) => x.set === s);
    if (!test.length) continue;
    const model = train(data.filter((x) => x.set !== s));
    const c: Counts = { tp: 0, fp: 0, fn: 0 };
    for (const x of test) {
      const p = decidesHost(model, x.features, x.verdict);
      tally(c, p, x.host);
      tally(all, p, x.host);
    }
    console.log(`| ${s} | ${test.length} | ${f1(c).toFixed(3)} |`);
  }
  console.log(`| all | ${data.length} | ${f1(all).toFixed(3)} (P ${(all.tp / (all.tp + all.fp)).toFixed(3)}, R ${(all.tp / (all.tp + all.fn)).toFixed(3)}) |`);
  console.log('\n(Over the mentions the extractor finds; an annotated host it does not find as a country at all is missed by either.)');
} else {
  const model: HostModel = { ...train(data), trained_on: `${trainSets.join(', ')}: ${data.length} mentions${contextOnly ? ', context only' : ''}` };
  const out = process.argv.includes('--out') ? process.argv[process.argv.indexOf('--out') + 1]! : path.join(REPO_ROOT, 'src/extract/host-model.json');
  fs.writeFileSync(out, `${JSON.stringify(model, null, 0).replace(/,"/g, ',\n"')}\n`);
  console.log(`${out}: ${Object.keys(model.weights).length} weights`);
}
