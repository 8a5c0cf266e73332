/**
 * Which characters of a text are already taken by a kept mention or figure,
 * so that "does this span overlap anything kept?" costs the length of the
 * span, not the number of spans kept (extraction stays linear in the text).
 */
export class Occupancy {
  /** Made at the first span taken: most sentences a finder looks at keep nothing, and allocating costs more than reading. */
  private taken: Uint8Array | null = null;

  /** Covers [base, base + length). */
  constructor(private readonly length: number, private readonly base = 0) {}

  isFree(start: number, end: number): boolean {
    const taken = this.taken;
    if (!taken) return true;
    for (let i = Math.max(start - this.base, 0), e = Math.min(end - this.base, taken.length); i < e; i++) if (taken[i]) return false;
    return true;
  }

  take(start: number, end: number): void {
    const n = Math.max(0, this.length);
    const from = Math.max(start - this.base, 0);
    // As TypedArray.fill reads its end: a negative one counts from the array's end.
    const e = Math.min(end - this.base, n);
    const to = e < 0 ? Math.max(n + e, 0) : e;
    if (from >= to) return;
    (this.taken ??= new Uint8Array(Math.max(0, this.length))).fill(1, from, to);
  }

  /** Takes the span when it is free; says whether it was. */
  claim(start: number, end: number): boolean {
    if (!this.isFree(start, end)) return false;
    this.take(start, end);
    return true;
  }
}
