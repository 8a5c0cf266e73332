/**
 * A mistyped option value says which option and what is wrong with it, in
 * words, before the store is opened: `room39 review list --status bogus` said
 * "unexpected failure" and printed zod's issue list as JSON.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from './local-server.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'room39-option-errors-'));
// Never filled: each refusal below comes before the store would be opened.
const dataDir = path.join(tmp, 'data');

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function refusedInWords(r: { code: number | null; stderr: string }, line: RegExp): void {
  expect(r.stderr).not.toMatch(/unexpected failure|"code":|^\s*\[/m);
  expect(r.stderr.split('\n')[0]).toMatch(line);
  expect(r.code).not.toBe(0);
}

describe('room39 review with a mistyped option', { timeout: 120_000 }, () => {
  it('names --status, --kind and --reliability with the values they take', async () => {
    refusedInWords(await cli(dataDir, ['review', 'list', '--status', 'bogus']), /^room39 review: --status: .*"pending"\|"accepted"\|"rejected"/);
    refusedInWords(await cli(dataDir, ['review', 'list', '--kind', 'figures']), /^room39 review: --kind: .*"mention"\|"figure"/);
    refusedInWords(await cli(dataDir, ['review', 'accept', 'rv-1', '--reviewer', 'ana', '--reliability', 'Z9']), /^room39 review: --reliability: an Admiralty grade/);
  });

  it('names the field of --set, and lists the fields when there is no such field', async () => {
    refusedInWords(await cli(dataDir, ['review', 'correct', 'rv-1', '--reviewer', 'ana', '--set', 'period_start=2017/01']), /^room39 review: --set period_start: use YYYY, YYYY-MM or YYYY-MM-DD$/);
    refusedInWords(await cli(dataDir, ['review', 'correct', 'rv-1', '--reviewer', 'ana', '--set', 'lowx=5']), /^room39 review: --set: no field "lowx" to correct; the fields are metric, country, .*low, high/);
    expect(fs.existsSync(path.join(dataDir, 'room39.sock'))).toBe(false);
  });
});

describe('a command whose input file a schema refuses', { timeout: 120_000 }, () => {
  it('says each field and what is wrong with it (room39 testimony add)', async () => {
    const file = path.join(tmp, 'testimony.json');
    fs.writeFileSync(file, JSON.stringify({ pseudonym: 'W-1', narrative: 'text', consent: 'maybe' }));
    const r = await cli(dataDir, ['testimony', 'add', '--file', file]);
    refusedInWords(r, /^room39 testimony: consent: /);
    const json = await cli(dataDir, ['testimony', 'add', '--file', file, '--json']);
    expect(JSON.parse(json.stderr)).toMatchObject({ error: { code: 'invalid_input', message: expect.stringMatching(/^consent: /) } });
  });
});
