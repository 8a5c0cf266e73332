/**
 * Money and positions in a distribution, written for people: "$162m",
 * "$2.30bn", "$420k" (never "$0m" for a small positive amount), and "above
 * the model's whole range" rather than "the 100.0th percentile".
 */

/** Short form for tables: $2.30bn, $162m, $4.2m, $420k, $900. */
export function usdShort(v: number): string {
  if (v < 0) return `-${usdShort(-v)}`;
  if (v >= 1e9) return `$${(v / 1e9).toFixed(2)}bn`;
  if (v >= 1e8) return `$${(v / 1e6).toFixed(0)}m`;
  if (v >= 1e6) return `$${(v / 1e6).toFixed(1)}m`;
  if (v >= 1e3) return `$${(v / 1e3).toFixed(0)}k`;
  return `$${v.toFixed(0)}`;
}

/** Long form for sentences: $2.30 billion, $162 million, $4.2 million, $420 thousand. */
export function usdLong(v: number): string {
  if (v < 0) return `-${usdLong(-v)}`;
  if (v >= 1e9) return `$${(v / 1e9).toFixed(2)} billion`;
  if (v >= 1e8) return `$${Math.round(v / 1e6)} million`;
  if (v >= 1e6) return `$${(v / 1e6).toFixed(1)} million`;
  if (v >= 1e3) return `$${Math.round(v / 1e3)} thousand`;
  return `$${v.toFixed(0)}`;
}

/** Where a value stands among the model's draws, given its percentile rank (0–100). */
export function percentilePhrase(p: number): string {
  if (p >= 99.95) return "above the model's whole range";
  if (p <= 0.05) return "below the model's whole range";
  const rounded = p >= 99 || p <= 1 ? p.toFixed(1) : p.toFixed(0);
  const n = Number(rounded);
  const suffix = Number.isInteger(n) && ![11, 12, 13].includes(n % 100) ? (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th') : 'th';
  return `at the ${rounded}${suffix} percentile`;
}
