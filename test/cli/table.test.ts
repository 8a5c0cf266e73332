import { describe, expect, it } from 'vitest';
import { forTerminal, table, wrapText } from '../../src/cli/table.ts';

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

  it('shares the cut between wide columns, so a caption keeps its words whole (the first results of `room39 search Mansudae` on the bundled graph)', () => {
    const caption = 'Mansudae Overseas Project Group of Companies';
    const datasets = 'dprk,room39_seeds,un_sc_sanctions,us_ofac_sdn';
    const headers = ['score', 'schema', 'caption', 'id', 'datasets', 'records'];
    const rows = [
      ['1.00', 'Company', caption, 'r39-mansudae-overseas-project-group', datasets, '3'],
      ['0.91', 'Organization', 'MANSUDAE OVERSEAS PROJECTS ARCHITECTURAL AND TECHNICAL SERVICES (PTY) LIMITED', 'ofac-22703', 'dprk,us_ofac_sdn', '1'],
      ['0.88', 'Event', 'Mansudae’s workers leave Angola', 'r39-event-angola-mansudae-workers-leave-2017', 'room39_public_record', '1'],
    ];
    const out = table(headers, rows, { width: 120 });
    const lines = out.split('\n');
    expect(lines.every((l) => l.length <= 120)).toBe(true);
    const widths = lines[1]!.split('  ').map((dashes) => dashes.length);
    /** The first row's lines of one column. */
    const column = (k: number): string[] => {
      const start = widths.slice(0, k).reduce((n, w) => n + w + 2, 0);
      const rowEnd = lines.findIndex((l, i) => i > 2 && l.startsWith('0.91'));
      return lines.slice(2, rowEnd).map((l) => l.slice(start, start + widths[k]!).trim()).filter(Boolean);
    };
    // Each word of the caption, and each dataset name, sits whole on one line.
    for (const word of caption.split(' ')) expect(column(2).some((l) => l.split(' ').includes(word))).toBe(true);
    for (const name of datasets.split(',')) expect(column(4).some((l) => l.split(',').includes(name))).toBe(true);
    expect(widths[2]).toBeGreaterThanOrEqual(20);
  });

  it('keeps one line per row when wide', () => {
    const out = table(['property', 'quote'], [['notes', QUOTE]], { width: 60, wide: true });
    expect(out.split('\n')[2]).toContain(QUOTE);
  });

  it('never hands the terminal an escape sequence from stored text (a viewer’s token label, read by an admin in `user token NAME --list`)', () => {
    // Any account may label its own tokens; this label would clear the admin's screen and print a fake line in red.
    const label = '\u001b[2J\u001b[31mFAKE: audit intact\r\nx\u009b31m\u0007\b';
    const out = table(['id', 'label'], [['tok-1', label]], { width: 80 });
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(out).toContain('\ufffd[2J\ufffd[31mFAKE: audit intact x\ufffd31m\ufffd\ufffd');
    // Whole text (`testimony show`): line breaks, CR LF and tabs are kept, a lone carriage return is not.
    expect(forTerminal('line one\r\nline\ttwo\nthree\rFAKE')).toBe('line one\r\nline\ttwo\nthree\ufffdFAKE');
  });
});

