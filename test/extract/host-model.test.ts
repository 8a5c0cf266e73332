/**
 * The host model (src/extract/host-model.ts) after the rules: it keeps the seeds' host countries, decides mentions no
 * cue decided, never overturns a cue's "other", and its weights are features the extractor produces, trained on no
 * set still held out.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/config/settings.ts';
import type { CountryMention } from '../../src/extract/countries.ts';
import { countryMentionsOf, extract, sentences } from '../../src/extract/extract.ts';
import { HOST_MODEL, decidesHost, hostFeatures, modelRoles, type HostModel } from '../../src/extract/host-model.ts';
import { countryVerdicts } from '../../src/extract/roles.ts';
import { HELD_OUT_SETS } from '../../bench/extract/host-model/held-out.ts';

const LABELS = path.join(REPO_ROOT, 'test/extract/labels');
const hostsOf = async (text: string, model?: HostModel | false) =>
  new Set((await extract(text, model === undefined ? {} : { hostModel: model })).mentions.filter((m) => m.type === 'country' && m.role === 'host').map((m) => m.country));
const verdictsOf = (text: string, countries: CountryMention[]) => countryVerdicts(text, countries, sentences(text));

describe('the host model', () => {
  it('finds each seed document’s host countries and no other', async () => {
    for (const file of fs.readdirSync(LABELS).filter((f) => f.endsWith('.json')).sort()) {
      const labels = JSON.parse(fs.readFileSync(path.join(LABELS, file), 'utf8')) as { document: string; host_countries: string[] };
      const text = fs.readFileSync(path.join(REPO_ROOT, labels.document), 'utf8');
      expect([...(await hostsOf(text))].sort(), file).toEqual([...labels.host_countries].sort());
    }
  });

  it('decides a mention no cue of the rules decided, from the words around it', async () => {
    const text = 'In Mongolia, North Korean seamstresses sew garments for export.';
    const countries = await countryMentionsOf(text);
    expect(verdictsOf(text, countries)).toEqual(['undecided', 'other']);
    expect([...(await hostsOf(text, false))]).toEqual([]);
    expect([...(await hostsOf(text))]).toEqual(['MN']);
  });

  it('never makes a host of a mention a cue made "other" (a customer), however sure it is', async () => {
    const text = 'Its customers in Canada buy the seafood processed by North Korean workers in China.';
    const countries = await countryMentionsOf(text);
    expect(verdictsOf(text, countries)).toEqual(['other', 'other', 'host']);
    const sure: HostModel = { bias: 20, threshold: 0.5, weights: {} };
    expect([...(await hostsOf(text, sure))].sort()).toEqual(['CN']);
    const never: HostModel = { bias: -20, threshold: 0.5, weights: {} };
    expect([...(await hostsOf(text, never))]).toEqual([]);
  });

  it('weighs each mention as its training reads it: the weighing by word gives the verdicts of the feature strings', async () => {
    let weighed = 0;
    for (const file of fs.readdirSync(path.join(REPO_ROOT, 'data/sources/seeds')).filter((f) => f.endsWith('.txt')).sort()) {
      const text = fs.readFileSync(path.join(REPO_ROOT, 'data/sources/seeds', file), 'utf8');
      const countries = await countryMentionsOf(text);
      const verdicts = verdictsOf(text, countries);
      const strings = hostFeatures(text, countries, sentences(text), verdicts).map((f, i) => (f !== null && decidesHost(HOST_MODEL, f, verdicts[i]!) ? 'host' : 'other'));
      expect(modelRoles(text, countries, sentences(text), verdicts), file).toEqual(strings);
      weighed += strings.length;
    }
    expect(weighed).toBeGreaterThan(1000);
  });

  it('weighs only features the extractor produces, and was trained on no set still held out', async () => {
    const text = fs.readFileSync(path.join(REPO_ROOT, 'data/sources/seeds/004_44246f2efce558ec.txt'), 'utf8');
    const countries = await countryMentionsOf(text);
    const produced = hostFeatures(text, countries, sentences(text), verdictsOf(text, countries)).flatMap((f) => f ?? []);
    const kind = (f: string) => f.split(':')[0];
    const kinds = new Set(produced.map(kind));
    const weights = Object.keys(HOST_MODEL.weights);
    expect(weights.length).toBeGreaterThan(1000);
    // Trained on the mentions extraction weighs, with how each is named (not on its output, which leaves that out).
    expect(weights.filter((f) => f.includes('undefined'))).toEqual([]);
    expect(weights).toContain('via:name:rule:undecided');
    expect(weights.filter((f) => !kinds.has(kind(f)))).toEqual([]);
    // Most of what a long report says has a weight: the model reads these features, not others of the same kinds.
    expect(produced.filter((f) => f in HOST_MODEL.weights).length / produced.length).toBeGreaterThan(0.5);
    const trainedOn = (HOST_MODEL.trained_on ?? '').split(':')[0]!.split(', ');
    expect(trainedOn.length).toBeGreaterThan(10);
    for (const set of HELD_OUT_SETS) expect(trainedOn).not.toContain(set);
  });
});
