/**
 * Which characters of a text are already taken by a kept mention or figure,
 * so that "does this span overlap anything kept?" costs the length of the
 * span, not the number of spans kept (extraction stays linear in the text).
 */
export class Occupancy {
  private readonly taken: Uint8Array;

  /** Covers [base, base + length). */
  constructor(length: number, private readonly base = 0) {
    this.taken = new Uint8Array(Math.max(0, length));
  }

  isFree(start: number, end: number): boolean {
    for (let i = Math.max(start - this.base, 0), e = Math.min(end - this.base, this.taken.length); i < e; i++) if (this.taken[i]) return false;
    return true;
  }

  take(start: number, end: number): void {
    this.taken.fill(1, Math.max(start - this.base, 0), Math.min(end - this.base, this.taken.length));
  }

  /** Takes the span when it is free; says whether it was. */
  claim(start: number, end: number): boolean {
    if (!this.isFree(start, end)) return false;
    this.take(start, end);
    return true;
  }
}
