/**
 * How the commands that read a supplier file (`room39 screen`, `room39 case create|preview`) take the reading options
 * (--map, --encoding, --delimiter, --sheet) and say how the file was read, so a person can confirm or correct it.
 */
import { optString, type ParsedArgs } from './command.ts';
import { parseMappingText } from '../screen/input-detect.ts';
import type { FileReadOptions } from '../screen/file-input.ts';
import type { InputInfo } from '../screen/csv-input.ts';

export const INPUT_OPTIONS = { map: { type: 'string' }, encoding: { type: 'string' }, delimiter: { type: 'string' }, sheet: { type: 'string' } } as const;

export function inputReadOptions(args: ParsedArgs, onInfo: (i: InputInfo) => void): FileReadOptions {
  const map = optString(args, 'map');
  return { encoding: optString(args, 'encoding'), delimiter: optString(args, 'delimiter'), sheet: optString(args, 'sheet'), mapping: map ? parseMappingText(map) : undefined, onInfo };
}

/** `Supplier Name → name; Vendor ID → (not read); …`, a guessed column marked. */
export const mappingText = (info: InputInfo | null) => (info ? info.mapping.map((m) => `${m.header} → ${m.field ?? '(not read)'}${m.how === 'partial' ? ' (guessed)' : ''}`).join('; ') : '');

/** `csv, utf-8, comma-separated` or `xlsx, sheet "Suppliers"`. */
export const readHow = (info: InputInfo | null) => (info ? `${info.format}${info.encoding ? `, ${info.encoding}` : ''}${info.delimiter ? `, ${info.delimiter}-separated` : ''}${info.sheet ? `, sheet "${info.sheet}"` : ''}` : '');
