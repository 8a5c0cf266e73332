/**
 * Extraction speed of this checkout against another one (a worktree at an
 * earlier commit). Each checkout runs in a process of its own
 * (compare-child.ts; in one process the checkout loaded second read 6–15 %
 * slower with the same code), and their passes are interleaved (before,
 * after; after, before; …) so both see the same load on a shared machine. CPU
 * time per pass over the texts, fastest and median pass, for the modes of
 * throughput.ts: `cold` (with the graph resolver, every answer and word
 * forgotten first: a first reading), `remembered` (the same texts again, every
 * answer kept), `none` (no resolver). The texts: the five seeds (default), or
 * `corpus`: the out-of-sample texts present (texts.ts: every set's folder; 88
 * texts on the machine of rounds 1–8, 103 on that of round 14), which the
 * curated graph was not written from. The output of two checkouts is compared
 * by dump-output.ts, not here. Run:
 *
 *   git worktree add --detach /tmp/before <commit> && (cd /tmp/before && npm ci --no-audit --no-fund)
 *   npx tsx bench/extract/compare.ts /tmp/before [rounds] [modes, e.g. cold,none,remembered] [seeds|corpus]
 */
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT } from '../../src/config/settings.ts';

const other = process.argv[2];
if (!other || !fs.existsSync(path.join(other, 'src/extract/extract.ts'))) {
  console.error('usage: npx tsx bench/extract/compare.ts <other checkout> [rounds] [modes] [seeds|corpus]');
  process.exit(2);
}
const rounds = Number(process.argv[3] ?? 30);
const modes = (process.argv[4] ?? 'cold,none,remembered').split(',');
const set = process.argv[5] ?? 'seeds';

interface Side { child: ChildProcess; buildMs: number; bytes: number; count: number }
type Reply = { ready: true; buildMs: number; bytes: number; count: number } | { ms: number };

function next(child: ChildProcess): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const exited = (code: number | null) => reject(new Error(`a compare child exited (${code})`));
    child.once('exit', exited);
    child.once('message', (m) => {
      child.off('exit', exited);
      resolve(m as Reply);
    });
  });
}

async function start(root: string): Promise<Side> {
  const child = fork(fileURLToPath(new URL('./compare-child.ts', import.meta.url)), [path.resolve(root), set]);
  const m = await next(child);
  if (!('ready' in m)) throw new Error('a compare child did not start');
  return { child, buildMs: m.buildMs, bytes: m.bytes, count: m.count };
}

async function pass(side: Side, mode: string): Promise<number> {
  const reply = next(side.child);
  side.child.send(mode);
  const m = await reply;
  if (!('ms' in m)) throw new Error('a compare child answered out of turn');
  return m.ms;
}

const before = await start(other);
const after = await start(REPO_ROOT);
if (!after.count) {
  console.error(`no texts found for set "${set}"`);
  process.exit(2);
}
const bytes = after.bytes;

const mbs = (ms: number) => (bytes / 1024 / 1024 / (ms / 1000)).toFixed(2);
const describe = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const min = s[0]!;
  const med = s[s.length >> 1]!;
  return `${min.toFixed(1)} ms (${mbs(min)} MB/s) | ${med.toFixed(1)} ms (${mbs(med)} MB/s)`;
};

console.log(`${set === 'corpus' ? `Corpus: ${after.count} texts` : 'Seeds'}: ${(bytes / 1024).toFixed(1)} kB; ${rounds} interleaved passes each; load average ${fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')} (2 cores).`);
console.log(`Resolver built in ${before.buildMs.toFixed(0)} ms (before), ${after.buildMs.toFixed(0)} ms (after).\n`);
console.log('| mode | before: fastest | before: median | after: fastest | after: median |');
console.log('|---|---:|---:|---:|---:|');
for (const mode of modes) {
  for (const v of [before, after]) for (let i = 0; i < 3; i++) await pass(v, mode); // warm-up
  const a: number[] = [];
  const b: number[] = [];
  // The order alternates (before, after; after, before; …).
  for (let r = 0; r < rounds; r++) {
    if (r % 2 === 0) {
      a.push(await pass(before, mode));
      b.push(await pass(after, mode));
    } else {
      b.push(await pass(after, mode));
      a.push(await pass(before, mode));
    }
  }
  console.log(`| ${mode} | ${describe(a)} | ${describe(b)} |`);
}
before.child.disconnect();
after.child.disconnect();
