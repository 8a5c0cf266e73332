/**
 * Plain-text tables for people reading a terminal. Nothing is cut: a cell
 * wider than its column wraps onto more lines (at spaces or after commas where it can), and
 * the widest columns give way first until the table fits the terminal.
 * `wide` prints every row on one line, as long as it is.
 */
export interface TableOptions {
  /** Characters a line may take (default: the terminal's width, or 120 when not a terminal). */
  width?: number;
  /** One line per row, whatever its length. */
  wide?: boolean;
}

type Cell = string | number | null | undefined;

/** Control characters a terminal acts on (escape sequences, backspace, a lone carriage return …): C0 but tab, line feed and CR LF; DEL; C1. */
const TERMINAL_CONTROL = /\r(?!\n)|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/**
 * Text for a person's terminal: stored text (a token's label, a case's name, a
 * testimony, a list entry) may hold escape sequences that would clear the
 * screen, recolour or rewrite what an operator reads; each such character is
 * shown as U+FFFD instead. Line breaks and tabs are kept.
 */
export function forTerminal(text: string): string {
  return text.replace(TERMINAL_CONTROL, '\ufffd');
}

const GAP = 2;
const MIN_COLUMN = 8;

export function terminalWidth(): number {
  return process.stdout.isTTY && process.stdout.columns ? process.stdout.columns : 120;
}

/** Break text into lines of at most `width` characters, at spaces or after commas where possible. */
export function wrapText(text: string, width: number): string[] {
  if (text.length <= width) return [text];
  const lines: string[] = [];
  let rest = text;
  while (rest.length > width) {
    const at = Math.max(rest.lastIndexOf(' ', width), rest.lastIndexOf(',', width - 1) + 1);
    const cut = at > width / 3 ? at : width;
    lines.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) lines.push(rest);
  return lines;
}

/**
 * Column widths that fit `width`: the widest column gives way one character at a time, so wide columns end up
 * sharing the room evenly instead of one of them taking the whole cut; none goes below its header or MIN_COLUMN.
 */
function fitWidths(natural: number[], headers: string[], width: number): number[] {
  const widths = [...natural];
  const floor = headers.map((h) => Math.max(h.length, MIN_COLUMN));
  let total = widths.reduce((a, b) => a + b, 0) + GAP * (widths.length - 1);
  while (total > width) {
    let widest = -1;
    for (let i = 0; i < widths.length; i++) if (widths[i]! > floor[i]! && (widest < 0 || widths[i]! > widths[widest]!)) widest = i;
    if (widest < 0) break;
    widths[widest]!--;
    total--;
  }
  return widths;
}

export function table(headers: string[], rows: Cell[][], options: TableOptions = {}): string {
  const cells = rows.map((r) => headers.map((_, i) => {
    const c = r[i];
    return forTerminal((c === null || c === undefined ? '' : String(c)).replace(/[\r\n\t]+/g, ' '));
  }));
  const natural = headers.map((h, i) => Math.max(h.length, ...cells.map((r) => r[i]!.length)));
  const widths = options.wide ? natural : fitWidths(natural, headers, options.width ?? terminalWidth());
  const render = (r: string[]): string[] => {
    const wrapped = r.map((c, i) => (options.wide ? [c] : wrapText(c, widths[i]!)));
    const height = Math.max(1, ...wrapped.map((w) => w.length));
    const lines: string[] = [];
    for (let k = 0; k < height; k++) lines.push(wrapped.map((w, i) => (w[k] ?? '').padEnd(widths[i]!)).join(' '.repeat(GAP)).trimEnd());
    return lines;
  };
  return [...render(headers), widths.map((w) => '-'.repeat(w)).join(' '.repeat(GAP)), ...cells.flatMap(render)].join('\n');
}
