/**
 * Seedable pseudo-random numbers. Written by hand because Math.random cannot
 * be seeded and no installed package offers a small, fast, seedable generator.
 *
 * sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, 128-bit state,
 * passes PractRand) seeded through cyrb128 from a string. Every model input
 * draws from its own stream, keyed by the run's seed and the input's key, so
 * leaving a country out or overriding one input leaves every other input's
 * draws unchanged (common random numbers: scenario − baseline is then a clean,
 * per-draw difference).
 */

/** 128-bit string hash (cyrb128) giving four 32-bit seeds. */
export function hash128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

export class Stream {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: string) {
    [this.a, this.b, this.c, this.d] = hash128(seed);
    for (let i = 0; i < 15; i++) this.next(); // warm up past the hash's structure
  }

  /** Uniform in [0, 1), 32 bits of randomness. */
  next(): number {
    const a = this.a;
    const b = this.b;
    const c = this.c;
    const d = this.d;
    const t = (((a + b) | 0) + d) | 0;
    this.d = (d + 1) | 0;
    this.a = b ^ (b >>> 9);
    this.b = (c + (c << 3)) | 0;
    const r = (c << 21) | (c >>> 11);
    this.c = (r + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** Fills `out` with uniforms in [0, 1): the same numbers as calling next() out.length times, with the state in locals (several times faster). */
  fill(out: Float64Array, n = out.length): void {
    let a = this.a;
    let b = this.b;
    let c = this.c;
    let d = this.d;
    for (let i = 0; i < n; i++) {
      const t = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (((c << 21) | (c >>> 11)) + t) | 0;
      out[i] = (t >>> 0) / 4294967296;
    }
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
  }
}

/** The stream one input draws from in one run. */
export function streamFor(seed: string, inputKey: string): Stream {
  return new Stream(`room39-estimate\u0000${seed}\u0000${inputKey}`);
}
