import { describe, expect, it } from 'vitest';
import { table, wrapText } from '../../src/cli/table.ts';

const QUOTE = 'Kim Won-hong was designated for being the Minister of State Security, an organisation that carries out extrajudicial killings, enforced disappearances and forced labour';

describe('terminal tables', () => {
  it('wraps a long cell onto more lines instead of cutting it', () => {
    const out = table(['property', 'quote'], [['notes', QUOTE]], { width: 60 });
    const lines = out.split('\n');
    expect(lines.every((l) => l.length <= 60)).toBe(true);
    const column = lines.slice(2).map((l) => l.slice(10).trim()).join(' ');
    expect(column).toBe(QUOTE);
  });

  it('breaks a word longer than its column', () => {
    expect(wrapText('x'.repeat(25), 10)).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
  });

  it('keeps one line per row when wide', () => {
    const out = table(['property', 'quote'], [['notes', QUOTE]], { width: 60, wide: true });
    expect(out.split('\n')[2]).toContain(QUOTE);
  });
});
