/**
 * "Did you mean": the nearest known command or option to a mistyped one, by
 * optimal-string-alignment distance (a swap of two neighbouring letters,
 * "serach", counts as one edit). Written here: a dozen lines, over a few dozen
 * short words.
 */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/** The closest of `known` to `typed`, if it is close enough to be a slip (at most a third of the word, and 2 edits). */
export function nearest(typed: string, known: readonly string[]): string | null {
  let best: string | null = null;
  let bestD = Infinity;
  for (const k of known) {
    const dd = distance(typed.toLowerCase(), k.toLowerCase());
    if (dd < bestD) { bestD = dd; best = k; }
  }
  return best !== null && bestD <= Math.min(2, Math.max(1, Math.floor(typed.length / 3))) ? best : null;
}

/** Long options in `args` (before a lone `--`) that are not in `known`, each with its nearest known one. */
export function unknownOptions(args: readonly string[], known: readonly string[]): { typed: string; suggestion: string | null }[] {
  const out: { typed: string; suggestion: string | null }[] = [];
  for (const a of args) {
    if (a === '--') break;
    if (!a.startsWith('--')) continue;
    const name = a.slice(2).split('=')[0]!;
    if (!known.includes(name)) out.push({ typed: `--${name}`, suggestion: nearest(name, known) });
  }
  return out;
}
