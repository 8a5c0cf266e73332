/**
 * Refused attempts at protected material, kept in the audit trail without
 * letting one client flood it. Each address may have a burst of refusals
 * recorded one by one (a token bucket, ROOM39_RATE_REFUSED); past it the
 * caller answers 429 and the refusal is only counted. Counted refusals are
 * written as one `access.refused_repeated` record per address and window
 * (default a minute): how many, first and last time, which actions and up to
 * ten targets. Memory is bounded: past `maxAddresses` the rest are counted
 * under `*`.
 */
import type { Db } from '../store/db.ts';
import type { RateSetting } from '../config/settings.ts';
import { RateLimiter } from '../auth/rate-limit.ts';
import { appendAudit, type AuditEntry } from './log.ts';

interface Tally {
  actor: string;
  count: number;
  first: string;
  last: string;
  actions: Set<string>;
  targets: Set<string>;
  since: number;
}

export type RefusalOutcome = { recorded: true } | { recorded: false; retryAfter: number };

export class RefusalLog {
  private readonly bucket: RateLimiter;
  private readonly tallies = new Map<string, Tally>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Db,
    setting: RateSetting,
    private readonly windowMs = 60_000,
    private readonly maxAddresses = 10_000,
    private readonly now: () => number = () => Date.now(),
  ) {
    this.bucket = new RateLimiter(setting, 100_000, now);
  }

  /** Records the refusal if the address has refusals to spare; otherwise counts it for the next aggregate record. */
  async refused(address: string, entry: AuditEntry): Promise<RefusalOutcome> {
    await this.flushDue();
    const take = this.bucket.take(`refused:${address}`);
    if (take.ok) {
      await appendAudit(this.db, entry);
      return { recorded: true };
    }
    this.count(address, entry);
    return { recorded: false, retryAfter: take.retryAfter };
  }

  private count(address: string, entry: AuditEntry): void {
    const key = this.tallies.has(address) || this.tallies.size < this.maxAddresses ? address : '*';
    const at = new Date(this.now()).toISOString();
    let t = this.tallies.get(key);
    if (!t) {
      t = { actor: key === '*' ? 'anonymous@*' : entry.actor, count: 0, first: at, last: at, actions: new Set(), targets: new Set(), since: this.now() };
      this.tallies.set(key, t);
    }
    t.count++;
    t.last = at;
    t.actions.add(entry.action);
    if (entry.target && t.targets.size < 10) t.targets.add(entry.target);
    this.timer ??= setInterval(() => void this.flushDue().catch(() => undefined), Math.min(this.windowMs, 60_000)).unref();
  }

  private async flushDue(): Promise<void> {
    const due = [...this.tallies].filter(([, t]) => this.now() - t.since >= this.windowMs);
    for (const [address] of due) this.tallies.delete(address);
    await this.write(due);
  }

  /** Writes every pending count now (at shutdown, and in tests). */
  async flush(): Promise<void> {
    const all = [...this.tallies];
    this.tallies.clear();
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.write(all);
  }

  private async write(tallies: [string, Tally][]): Promise<void> {
    for (const [address, t] of tallies) {
      await appendAudit(this.db, {
        actor: t.actor, action: 'access.refused_repeated', target: null,
        meta: { address, count: t.count, first: t.first, last: t.last, actions: [...t.actions].sort(), targets: [...t.targets] },
      });
    }
  }

  /** Addresses with refusals counted but not yet written. */
  get pending(): number {
    return this.tallies.size;
  }
}
