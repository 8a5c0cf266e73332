/**
 * Summaries of simulated draws. Quantiles use selection (Hoare's quickselect)
 * on a copy rather than a full sort: for a million draws and a dozen arrays,
 * sorting each would alone take most of the time budget.
 */

export interface Summary {
  p5: number;
  p50: number;
  p95: number;
  mean: number;
}

/** Rearranges `a[lo..hi]` so that a[k] holds the k-th smallest value (in place). */
function select(a: Float64Array, k: number, lo: number, hi: number): number {
  while (hi > lo) {
    // median of three as pivot
    const mid = (lo + hi) >>> 1;
    let x = a[lo] as number;
    let y = a[mid] as number;
    let z = a[hi] as number;
    if (x > y) [x, y] = [y, x];
    if (y > z) [y, z] = [z, y];
    if (x > y) [x, y] = [y, x];
    const pivot = y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((a[i] as number) < pivot) i++;
      while ((a[j] as number) > pivot) j--;
      if (i <= j) {
        const t = a[i] as number;
        a[i] = a[j] as number;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k] as number;
  }
  return a[k] as number;
}

/**
 * Quantiles at the given probabilities (ascending), nearest-rank on the
 * draws: the value below which a share p of the draws lie. Does not modify `values`.
 */
export function quantiles(values: ArrayLike<number>, probs: readonly number[]): number[] {
  const n = values.length;
  if (n === 0) throw new Error('no values to summarise');
  const a = ArrayBuffer.isView(values) ? new Float64Array(values as unknown as ArrayLike<number>) : Float64Array.from(values);
  const out: number[] = [];
  let lo = 0;
  for (const p of probs) {
    const k = Math.min(n - 1, Math.max(0, Math.ceil(p * n) - 1));
    out.push(select(a, k, Math.min(lo, k), n - 1));
    lo = k; // everything before k is now ≤ a[k]
  }
  return out;
}

export function mean(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i] as number;
  return s / values.length;
}

export function summarise(values: ArrayLike<number>): Summary {
  const [p5, p50, p95] = quantiles(values, [0.05, 0.5, 0.95]) as [number, number, number];
  return { p5, p50, p95, mean: mean(values) };
}

/** Percentage of draws at or below v (0–100). */
export function percentileRank(values: ArrayLike<number>, v: number): number {
  let c = 0;
  for (let i = 0; i < values.length; i++) if ((values[i] as number) <= v) c++;
  return (100 * c) / values.length;
}

export interface Histogram {
  /** bins + 1 ascending edges, in USD. */
  edges: number[];
  counts: number[];
  /** Draws below the first edge and above the last (the outer 0.5% each side). */
  below: number;
  above: number;
}

/** Equal-width bins between the 0.5th and 99.5th percentiles. */
export function histogram(values: ArrayLike<number>, bins = 40): Histogram {
  const [lo, hi] = quantiles(values, [0.005, 0.995]) as [number, number];
  const width = hi > lo ? (hi - lo) / bins : 1;
  const counts = new Array<number>(bins).fill(0);
  let below = 0;
  let above = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (v < lo) below++;
    else if (v > hi) above++;
    else counts[Math.min(bins - 1, Math.floor((v - lo) / width))]! += 1;
  }
  const edges = Array.from({ length: bins + 1 }, (_, i) => lo + i * width);
  return { edges, counts, below, above };
}
