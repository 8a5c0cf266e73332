/**
 * The one rule between the layers (../shared/STYLE.md, README "Architecture"):
 * a file imports only from its own layer or below, and the web app reaches the
 * server's code through the wire module only. Read from the source files'
 * import statements, so a wrong-way import fails here before review.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/config/settings.ts';

/** Layer of each top-level part of src/, lowest first. */
const LAYER: Record<string, number> = {
  'errors.ts': 0, config: 0, model: 0, names: 0,
  match: 1, extract: 1, store: 1,
  ingest: 2, resolve: 2, screen: 2, cases: 2, estimate: 2, review: 2, testimony: 2, auth: 2, audit: 2, export: 2, 'services.ts': 2,
  server: 3, cli: 3,
};
const WIRE = 'src/server/wire.ts';

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) return d.name === 'node_modules' || d.name === 'dist' ? [] : sourceFiles(full);
    return /\.(ts|tsx)$/.test(d.name) ? [full] : [];
  });
}

/** Relative import specifiers of a file, resolved to repository paths. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'";]*?from\s+['"]([^'"]+)['"]/g), ...text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)]
    .map((m) => m[1]!)
    .filter((s) => s.startsWith('.'));
  return specs.map((s) => path.relative(REPO_ROOT, path.resolve(path.dirname(file), s)));
}

function partOf(repoPath: string): string | null {
  const [top, second] = repoPath.split('/');
  return top === 'src' && second ? second : null;
}

describe('imports run downward only', () => {
  const files = sourceFiles(path.join(REPO_ROOT, 'src'));

  it('finds the source tree and every part has a layer', () => {
    expect(files.length).toBeGreaterThan(100);
    const parts = new Set(files.map((f) => partOf(path.relative(REPO_ROOT, f))!));
    expect([...parts].filter((p) => LAYER[p] === undefined)).toEqual([]);
  });

  it('no file in src/ imports from a layer above its own', () => {
    const wrong: string[] = [];
    for (const file of files) {
      const from = path.relative(REPO_ROOT, file);
      const layer = LAYER[partOf(from)!]!;
      for (const target of importsOf(file)) {
        const part = partOf(target);
        if (part === null) continue;
        const targetLayer = LAYER[part];
        if (targetLayer === undefined || targetLayer > layer) wrong.push(`${from} → ${target}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('the web app imports server code through the wire module only', () => {
    const wrong: string[] = [];
    for (const file of sourceFiles(path.join(REPO_ROOT, 'web/src'))) {
      for (const target of importsOf(file)) {
        if (target.startsWith('src/') && target !== WIRE) wrong.push(`${path.relative(REPO_ROOT, file)} → ${target}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('files stay readable', () => {
  it('no source file in src/ is over ~400 lines', () => {
    const long = sourceFiles(path.join(REPO_ROOT, 'src'))
      .map((f) => ({ f: path.relative(REPO_ROOT, f), lines: fs.readFileSync(f, 'utf8').split('\n').length }))
      .filter((x) => x.lines > 440)
      .map((x) => `${x.f}: ${x.lines} lines`);
    expect(long).toEqual([]);
  });
});
