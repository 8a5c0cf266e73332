/**
 * Numbers as English texts write them: "52,000", "2.3 billion", "Forty-nine",
 * "tens of thousands", "one third". No package parses number words inside
 * running text with their offsets, so this is written by hand.
 */

const UNITS: Readonly<Record<string, number>> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, a: 1, an: 1,
};
const TENS: Readonly<Record<string, number>> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALES: Readonly<Record<string, number>> = {
  hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, m: 1e6, mn: 1e6, bn: 1e9, k: 1e3,
};

const UNIT_WORDS = 'zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen';
const TENS_WORDS = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';

/** A cardinal number in digits or words, with an optional scale ("2.3 billion", "Forty-nine", "a hundred"). Case-insensitive use expected. */
export const NUMBER = String.raw`(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|(?:${TENS_WORDS})(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|(?:${UNIT_WORDS})(?:[- ]hundred)?|a hundred|hundred)(?:[ \u00a0-]?(?:thousand|million|billion|trillion)|(?:m|mn|bn|k)(?![\p{L}]))?`;

/** Parses a number matched by NUMBER; null when it is not one. */
export function parseNumber(raw: string): number | null {
  // "37-thousand", "a hundred-thousand": a hyphen before the scale word reads as a space.
  const s = raw.trim().toLowerCase().replace(/\u00a0/g, ' ').replace(/-(?=(?:thousand|million|billion|trillion)\b)/g, ' ');
  const m = /^((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s?([a-z]+)?$/.exec(s);
  if (m && m[1]) {
    const base = Number(m[1].replace(/,/g, ''));
    if (!Number.isFinite(base)) return null;
    const scale = m[2] ? SCALES[m[2]] : 1;
    if (scale === undefined) return null;
    return round(base * scale);
  }
  const words = s.split(/[\s-]+/).filter(Boolean);
  let total = 0;
  let current = 0;
  let seen = false;
  for (const w of words) {
    if (w in UNITS) {
      current += UNITS[w] ?? 0;
      seen = true;
    } else if (w in TENS) {
      current += TENS[w] ?? 0;
      seen = true;
    } else if (w === 'hundred') {
      current = (current || 1) * 100;
      seen = true;
    } else if (w in SCALES) {
      total += (current || 1) * (SCALES[w] ?? 1);
      current = 0;
      seen = true;
    } else if (w === 'and') {
      continue;
    } else {
      return null;
    }
  }
  return seen ? total + current : null;
}

/** Avoids 2.3 * 1e9 = 2299999999.9999995. */
function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/** "one third" → 1/3, "two-thirds" → 2/3, "a quarter" → 0.25, "half" → 0.5. */
export const FRACTION_WORDS = String.raw`(?:(?:one|a|two|three)[- ](?:third|quarter|fifth|tenth)s?|(?:one[- ])?half|two[- ]thirds|three[- ]quarters)`;

export function parseFraction(raw: string): number | null {
  const s = raw.toLowerCase().replace(/-/g, ' ').trim();
  if (s === 'half' || s === 'one half') return 0.5;
  const m = /^(one|a|two|three) (third|quarter|fifth|tenth)s?$/.exec(s);
  if (!m || !m[1] || !m[2]) return null;
  const num = m[1] === 'a' ? 1 : (UNITS[m[1]] ?? 1);
  const den = { third: 3, quarter: 4, fifth: 5, tenth: 10 }[m[2] as 'third' | 'quarter' | 'fifth' | 'tenth'];
  return round(num / den);
}
