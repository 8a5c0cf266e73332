import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/config/settings.ts';
import { nearest, unknownOptions } from '../../src/cli/suggest.ts';

const room39 = (...args: string[]) => spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin/room39.js'), ...args], { encoding: 'utf8', timeout: 60_000 });

describe('did you mean', () => {
  it('suggests the nearest command and option, and nothing for a word far from all', () => {
    expect(nearest('serach', ['search', 'screen', 'serve'])).toBe('search');
    expect(nearest('enitty', ['entity', 'export'])).toBe('entity');
    expect(nearest('xyzzy', ['search', 'screen'])).toBeNull();
    expect(unknownOptions(['Kim', '--limt', '3', '--json'], ['limit', 'json', 'schema'])).toEqual([{ typed: '--limt', suggestion: 'limit' }]);
    expect(unknownOptions(['--', '--limt'], ['limit'])).toEqual([]);
  });

  it('the command line says what was meant before it touches any store', () => {
    const cmd = room39('serach', 'Mansudae');
    expect(cmd.status).toBe(2);
    expect(cmd.stderr).toContain('unknown command "serach"; did you mean "search"?');
    // Document ingestion is extract --save: the word a researcher reaches for says so.
    const ingest = room39('ingest', 'report.pdf');
    expect(ingest.status).toBe(2);
    expect(ingest.stderr).toContain('unknown command "ingest"; did you mean "extract FILE --save"?');
    const opt = room39('search', 'Mansudae', '--limt', '3');
    expect(opt.status).toBe(2);
    expect(opt.stderr).toMatch(/^room39 search: unknown option --limt; did you mean --limit\?\n/);
  });
});
