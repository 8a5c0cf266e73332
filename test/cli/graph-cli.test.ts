import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadedDataDir } from '../support/services.ts';
import { cli, serve, type CliRun, type Served } from './local-server.ts';

let dataDir = '';
/** The first run of `search Mansudae --json`, made in beforeAll (the first test reads its answer). */
let first: CliRun;
let server: Served | null = null;

/** A command as a person runs it: a child process, through the `room39 serve` that holds the store (the same answers as on an unheld directory: local-socket-answers.test.ts). */
const room39 = (...args: string[]) => cli(dataDir, args);

beforeAll(async () => {
  dataDir = await loadedDataDir();
  server = await serve(dataDir);
  first = await await room39('search', 'Mansudae', '--json');
  expect(first.code, first.stderr).toBe(0);
}, 600_000);
afterAll(async () => {
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('room39 lists status', () => {
  it('calls a list never loaded "not loaded", not "stale", and says what to run for the missing and stale ones', async () => {
    const r = await room39('lists', 'status');
    expect(r.code).toBe(0);
    const row = (list: string) => r.stdout.split('\n').find((line) => line.startsWith(`${list} `)) ?? '';
    expect(row('eu_fsf')).toMatch(/\snot loaded$/);
    expect(row('gb_fcdo_sanctions')).toMatch(/\snot loaded$/);
    expect(row('us_ofac_sdn')).toMatch(/^us_ofac_sdn\s+2024-05-03\s.*\sstale$/);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('official lists not loaded: gb_fcdo_sanctions, eu_fsf; stale (older than 7 days, or undated): us_ofac_sdn, un_sc_sanctions: '
      + 'run `room39 lists update` or `room39 import FORMAT FILE`');
  });
});

describe('room39 search and entity (DESIGN.md contracts)', () => {
  it('search --json finds the Mansudae group with id, schema, caption, score, datasets', async () => {
    const r = first;
    expect(r.code).toBe(0);
    const body = JSON.parse(r.stdout) as { results: Record<string, unknown>[] };
    const hit = body.results.find((x) => x.id === 'r39-mansudae-overseas-project-group');
    expect(hit).toMatchObject({ schema: 'Company' });
    for (const key of ['id', 'schema', 'caption', 'score', 'datasets']) expect(hit).toHaveProperty(key);
  });

  it('search prints a readable table without --json', async () => {
    const r = await room39('search', 'Kim Won Hong', '--schema', 'Person', '--limit', '3');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/score\s+schema\s+caption/);
    expect(r.stdout).toMatch(/Kim Won-hong/);
  });

  it('entity prints every quote whole: wrapped to the width, or on one line with --wide', async () => {
    const doc = JSON.parse((await room39('entity', 'r39-mansudae-overseas-project-group', '--json')).stdout) as { statements: { quote: string | null }[] };
    const longest = doc.statements.map((s) => s.quote ?? '').sort((a, b) => b.length - a.length)[0]!;
    expect(longest.length).toBeGreaterThan(120);
    const wide = await room39('entity', 'r39-mansudae-overseas-project-group', '--wide');
    expect(wide.code).toBe(0);
    expect(wide.stdout).toContain(longest.replace(/[\r\n\t]+/g, ' '));
    const wrapped = await room39('entity', 'r39-mansudae-overseas-project-group');
    expect(wrapped.stdout.split('\n').every((line) => line.length <= 120)).toBe(true);
    // Every word of the quote is printed: nothing is cut with an ellipsis.
    expect(wrapped.stdout).not.toContain('…');
    for (const word of longest.split(/\s+/).filter((w) => w.length > 3)) expect(wrapped.stdout).toContain(word);
  });

  it('entity --json shows Kim Won-hong designated under EO 13687 with its quote', async () => {
    const r = await room39('entity', 'r39-kim-won-hong', '--json');
    expect(r.code).toBe(0);
    const body = JSON.parse(r.stdout) as {
      entity: { id: string; schema: string; caption: string; properties: Record<string, string[]> };
      statements: { prop: string; value: string; source: { id: string; title: string }; quote: string; reliability: string }[];
      relations: { id: string; schema: string; caption: string; role: string }[];
    };
    expect(body.entity).toMatchObject({ id: 'r39-kim-won-hong', schema: 'Person', caption: 'Kim Won-hong' });
    const sanctions = body.relations.filter((x) => x.schema === 'Sanction');
    expect(sanctions.length).toBeGreaterThan(0);
    const quotes = (await Promise.all(sanctions.map(async (sanction) => {
      const s = await room39('entity', sanction.id, '--json');
      const detail = JSON.parse(s.stdout) as { statements: { prop: string; value: string; quote: string | null }[] };
      return detail.statements.filter((x) => x.prop === 'program' && /13687/.test(x.value)).map((x) => x.quote);
    }))).flat();
    expect(quotes.length).toBeGreaterThan(0);
    for (const q of quotes) expect(q).toMatch(/13687|Executive Order/);
  });

  it('an unknown id exits non-zero with a message on stderr', async () => {
    const r = await room39('entity', 'r39-nobody', '--json');
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/no entity with id \\?"r39-nobody\\?"/);
  });

  it('a missing argument is a usage error', async () => {
    const r = await room39('search');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/give a name to search for/);
  });
  it('an unknown --schema or --dataset is an error naming it, not "no entity matches"; a schema in lower case is taken', async () => {
    const schema = await room39('search', 'Kim Won Hong', '--schema', 'Persn');
    expect(schema.code).not.toBe(0);
    expect(schema.stderr).toMatch(/--schema: unknown schema "Persn"; search by Person, Organization/);
    const dataset = await room39('search', 'Kim Won Hong', '--dataset', 'us_ofac');
    expect(dataset.code).not.toBe(0);
    expect(dataset.stderr).toMatch(/--dataset: no entity is in dataset "us_ofac"; the datasets here are .*us_ofac_sdn/);
    const lower = await room39('search', 'Kim Won Hong', '--schema', 'person', '--json');
    expect(lower.code, lower.stderr).toBe(0);
    expect((JSON.parse(lower.stdout) as { results: { id: string }[] }).results[0]?.id).toBe('r39-kim-won-hong');
  });

  it('entity does not show a list version as the date a designation was made', async () => {
    // The OFAC SDN CSV gives no listing dates: the Mansudae group's OFAC row has none, only the list version it is in.
    const doc = JSON.parse((await room39('entity', 'r39-mansudae-overseas-project-group', '--json')).stdout) as { designations: { record: string; listed_on: string | null; first_seen: string | null }[] };
    const ofac = doc.designations.find((d) => d.record.startsWith('ofac-'))!;
    expect(ofac.listed_on).toBeNull();
    expect(ofac.first_seen).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const text = (await room39('entity', 'r39-mansudae-overseas-project-group', '--wide')).stdout;
    const row = text.split('\n').find((l) => l.includes(ofac.record) && / current /.test(l))!;
    expect(row).toContain(`not given (in version ${ofac.first_seen})`);
    expect(text).toMatch(/\blisted\b/);
  });
});
