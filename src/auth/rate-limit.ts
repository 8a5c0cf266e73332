/**
 * Token buckets in memory, one per key (an address, an account, a login
 * address). A bucket holds up to `burst` tokens and refills at `rate` per
 * second; a request takes one or waits. Buckets left full are dropped, and
 * the map is bounded, so a flood of addresses cannot exhaust memory. One
 * process keeps its own buckets: behind a load balancer each replica limits
 * on its own (documented in docs/security.md).
 */
import type { RateSetting } from '../config/settings.ts';

interface Bucket {
  tokens: number;
  at: number;
}

export interface TakeResult {
  ok: boolean;
  /** Seconds until a token is free, when not ok. */
  retryAfter: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private lastSweep = 0;

  constructor(private readonly setting: RateSetting, private readonly maxKeys = 100_000, private readonly now: () => number = () => Date.now()) {}

  take(key: string, cost = 1): TakeResult {
    const t = this.now();
    this.sweep(t);
    const b = this.buckets.get(key) ?? { tokens: this.setting.burst, at: t };
    b.tokens = Math.min(this.setting.burst, b.tokens + ((t - b.at) / 1000) * this.setting.rate);
    b.at = t;
    if (b.tokens >= cost) {
      b.tokens -= cost;
      this.buckets.delete(key);
      this.buckets.set(key, b); // most recently used last
      return { ok: true, retryAfter: 0 };
    }
    this.buckets.set(key, b);
    return { ok: false, retryAfter: Math.max(1, Math.ceil((cost - b.tokens) / this.setting.rate)) };
  }

  private sweep(t: number): void {
    if (t - this.lastSweep > 10_000) {
      this.lastSweep = t;
      for (const [k, b] of this.buckets) {
        if (b.tokens + ((t - b.at) / 1000) * this.setting.rate >= this.setting.burst) this.buckets.delete(k);
      }
    }
    while (this.buckets.size >= this.maxKeys) {
      const oldest = this.buckets.keys().next().value;
      if (oldest === undefined) break;
      this.buckets.delete(oldest);
    }
  }

  get size(): number {
    return this.buckets.size;
  }
}
