/**
 * Which characters of a text are already taken by a kept mention or figure,
 * so that "does this span overlap anything kept?" costs the length of the
 * span, not the number of spans kept (extraction stays linear in the text).
 */
export class Occupancy {
  /**
   * Made when more than SPANS spans are taken: most sentences a finder looks at keep nothing or a few spans, and
   * allocating costs more than reading. Until then the spans taken, [from, to) as offsets, in `spans`.
   */
  private taken: Uint8Array | null = null;
  private spans: number[] | null = null;

  /** Covers [base, base + length). */
  constructor(private readonly length: number, private readonly base = 0) {}

  isFree(start: number, end: number): boolean {
    const taken = this.taken;
    if (!taken) {
      const spans = this.spans;
      if (!spans) return true;
      // The offsets the map below would read, [a, b): free when no span taken overlaps them.
      const a = Math.max(start - this.base, 0);
      const b = Math.min(end - this.base, Math.max(0, this.length));
      if (a >= b) return true;
      for (let k = 0; k < spans.length; k += 2) if (spans[k]! < b && a < spans[k + 1]!) return false;
      return true;
    }
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
    if (!this.taken) {
      const spans = (this.spans ??= []);
      if (spans.length < 2 * SPANS) {
        spans.push(from, to);
        return;
      }
      this.taken = new Uint8Array(n);
      for (let k = 0; k < spans.length; k += 2) this.taken.fill(1, spans[k], spans[k + 1]);
      this.spans = null;
    }
    this.taken.fill(1, from, to);
  }

  /** Takes the span when it is free; says whether it was. */
  claim(start: number, end: number): boolean {
    if (!this.isFree(start, end)) return false;
    this.take(start, end);
    return true;
  }
}

/** Spans kept as a list before the map is made. */
const SPANS = 8;
