/**
 * Summaries of simulated draws. Quantiles are exact nearest-rank values found
 * by bucketing rather than sorting (written by hand: sorting a dozen arrays of
 * a million draws alone would take most of the time budget): one pass for the
 * range, one to count draws into 4,096 equal-width buckets, one to collect the
 * few buckets that hold the wanted ranks, which are then sorted.
 */

export interface Summary {
  p5: number;
  p50: number;
  p95: number;
  mean: number;
}

const BUCKETS = 4096;

/**
 * Quantiles at the given probabilities: for each p, the value below which a
 * share p of the draws lie (the ceil(p·n)-th smallest). Does not modify `values`.
 */
export function quantiles(values: ArrayLike<number>, probs: readonly number[]): number[] {
  const n = values.length;
  if (n === 0) throw new Error('no values to summarise');
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (!(max > min)) return probs.map(() => min);
  const scale = BUCKETS / (max - min);
  if (!Number.isFinite(scale)) {
    // A range too narrow to bucket (subnormal): sort instead.
    const sorted = ArrayBuffer.isView(values) ? new Float64Array(values as unknown as ArrayLike<number>).sort() : Float64Array.from(values).sort();
    return probs.map((p) => sorted[Math.min(n - 1, Math.max(0, Math.ceil(p * n) - 1))] as number);
  }
  const top = BUCKETS - 1;
  const counts = new Uint32Array(BUCKETS);
  for (let i = 0; i < n; i++) {
    const b = Math.floor(((values[i] as number) - min) * scale);
    counts[b > top ? top : b]! += 1;
  }
  // For each wanted rank: its bucket and its rank inside the bucket.
  const wanted = probs.map((p) => Math.min(n - 1, Math.max(0, Math.ceil(p * n) - 1)));
  const where = wanted.map((k) => {
    let acc = 0;
    for (let b = 0; b < BUCKETS; b++) {
      const c = counts[b] as number;
      if (acc + c > k) return { bucket: b, rank: k - acc };
      acc += c;
    }
    return { bucket: top, rank: (counts[top] as number) - 1 };
  });
  const slot = new Int32Array(BUCKETS).fill(-1);
  const held: Float64Array[] = [];
  for (const w of where) {
    if ((slot[w.bucket] as number) < 0) {
      slot[w.bucket] = held.length;
      held.push(new Float64Array(counts[w.bucket] as number));
    }
  }
  const filled = new Int32Array(held.length);
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    const b = Math.floor((v - min) * scale);
    const h = slot[b > top ? top : b] as number;
    if (h < 0) continue;
    (held[h] as Float64Array)[filled[h] as number] = v;
    filled[h]! += 1;
  }
  for (const a of held) a.sort();
  return where.map((w) => (held[slot[w.bucket] as number] as Float64Array)[w.rank] as number);
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
