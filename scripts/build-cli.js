#!/usr/bin/env node
// `npm run build:cli`: compiles src/ to JavaScript in dist/ (tsc, without type checks: `npm run typecheck` and the
// test suite check types), copies the files src/ reads beside its modules (SQL migrations, worker bootstraps), and
// stamps dist/ with the listing of src/ it was made from. bin/room39.js runs dist/ only while that listing still holds.
// The listing is taken before compiling, so a file edited during the build sends the command back to the sources.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { STAMP, sourceListing } from '../bin/compiled-build.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = path.join(root, 'dist');
const next = path.join(root, `dist.next-${process.pid}`);
const listing = sourceListing(root);
const tsc = path.join(path.dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin/tsc');

fs.rmSync(next, { recursive: true, force: true });
try {
  execFileSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json'), '--outDir', next], { cwd: root, stdio: 'inherit' });
  const copyBeside = (dir) => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = path.join(dir, entry.name);
      if (entry.isDirectory()) copyBeside(rel);
      else if (/\.(sql|mjs)$/.test(entry.name)) {
        fs.mkdirSync(path.join(next, dir), { recursive: true });
        fs.copyFileSync(path.join(root, rel), path.join(next, rel));
      }
    }
  };
  copyBeside('src');
  if (!fs.existsSync(path.join(next, 'src/cli/main.js'))) throw new Error(`the compiler wrote no ${path.join(next, 'src/cli/main.js')}`);
  fs.writeFileSync(path.join(next, STAMP), listing);
  // Swapped in whole: a command starting meanwhile sees the old build or the new one, never half of one.
  const old = path.join(root, `dist.old-${process.pid}`);
  if (fs.existsSync(dist)) fs.renameSync(dist, old);
  fs.renameSync(next, dist);
  fs.rmSync(old, { recursive: true, force: true });
} catch (error) {
  fs.rmSync(next, { recursive: true, force: true });
  console.error(`build:cli failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
