import fs from 'node:fs';
import { extract } from './src/extract/extract.ts';
const dir = 'data/sources/seeds';
const texts = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => fs.readFileSync(`${dir}/${f}`, 'utf8'));
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
const t: Record<string, number[]> = { rules: [], model: [] };
for (let r = 0; r < 24; r++) for (const k of r % 2 ? ['rules', 'model'] : ['model', 'rules']) {
  const c0 = process.cpuUsage();
  for (const x of texts) await extract(x, k === 'rules' ? { hostModel: false } : {});
  const c = process.cpuUsage(c0); t[k]!.push((c.user + c.system) / 1000);
}
for (const k of ['rules', 'model']) { const s = t[k]!.slice(4).sort((a, b) => a - b); console.log(k, 'median CPU ms', s[s.length >> 1]!.toFixed(1), 'best', s[0]!.toFixed(1), 'MB/s best', (bytes / 1e6 / (s[0]! / 1000)).toFixed(2)); }
