/**
 * Which candidates the matcher scores: the `max` entities its query keys gave
 * most weight, chosen without sorting them all (a quickselect).
 */
/**
 * The `max` entities of `touched` with the most key weight, ties in the order
 * they were found (as a stable sort by weight would keep them), in any order:
 * the matcher ranks what it scores by score, strength and id.
 */
export function bestByWeight(touched: number[], acc: Float64Array, max: number): number[] {
  if (touched.length <= max) return touched.slice();
  const weights = new Float64Array(touched.length);
  for (let i = 0; i < touched.length; i++) weights[i] = acc[touched[i]!]!;
  const least = kthSmallest(weights, touched.length - max);
  const out: number[] = [];
  for (const e of touched) if (acc[e]! > least) out.push(e);
  for (let i = 0; i < touched.length && out.length < max; i++) if (acc[touched[i]!] === least) out.push(touched[i]!);
  return out;
}

/** The `k`-th smallest value of `xs` (0-based), as `xs.sort()[k]` would give; reorders `xs`. Quickselect: no full sort. */
export function kthSmallest(xs: Float64Array, k: number): number {
  let lo = 0;
  let hi = xs.length - 1;
  while (lo < hi) {
    const pivot = xs[(lo + hi) >>> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (xs[i]! < pivot) i++;
      while (xs[j]! > pivot) j--;
      if (i <= j) { const t = xs[i]!; xs[i] = xs[j]!; xs[j] = t; i++; j--; }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return xs[k]!;
  }
  return xs[k]!;
}
