import { describe, expect, it } from 'vitest';
import { percentilePhrase, usdLong, usdShort } from '../../src/estimate/money.ts';

describe('money and positions for people', () => {
  it('never writes a small positive amount as $0m', () => {
    expect(usdShort(420_000)).toBe('$420k');
    expect(usdShort(4_200_000)).toBe('$4.2m');
    expect(usdShort(162_000_000)).toBe('$162m');
    expect(usdShort(2_300_000_000)).toBe('$2.30bn');
    expect(usdLong(420_000)).toBe('$420 thousand');
    expect(usdLong(350_000_000)).toBe('$350 million');
  });

  it('says a value is outside the whole range instead of naming the 100th percentile', () => {
    expect(percentilePhrase(100)).toBe("above the model's whole range");
    expect(percentilePhrase(0)).toBe("below the model's whole range");
    expect(percentilePhrase(42.3)).toBe('at the 42nd percentile');
    expect(percentilePhrase(99.5)).toBe('at the 99.5th percentile');
    expect(percentilePhrase(11)).toBe('at the 11th percentile');
  });
});
