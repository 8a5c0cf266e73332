/** The shape of one room39 command. Commands parse, call a capability, and shape the answer: no logic of their own. */
import type { ParseArgsConfig } from 'node:util';
import type { Settings } from '../config/settings.ts';
import type { Services } from '../services.ts';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface ParsedArgs {
  values: Record<string, string | boolean | string[] | boolean[] | undefined>;
  positionals: string[];
}

export interface CliContext {
  args: ParsedArgs;
  /** `--json` was given: print one JSON document on stdout. */
  json: boolean;
  settings: Settings;
  /**
   * The store (filled from the bundle on first start). When a `room39 serve`
   * holds the data directory, its queries run there, over the local socket;
   * the command does not know the difference. Closed by the runner after the command.
   */
  services(): Promise<Services>;
  /** Progress and notes for a person: stderr, never stdout. */
  log(message: string): void;
}

export interface CommandResult {
  /** What `--json` prints. */
  json: unknown;
  /** What a person reads without `--json`. */
  text: string;
  exitCode?: number;
}

export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  options: OptionSpec;
  /** The command must hold the data directory itself, never work through another process's socket (serve). */
  holdsDataDir?: boolean;
  /** Long-running commands (serve) return a promise that settles when they stop; they print their own output. */
  run(ctx: CliContext): Promise<CommandResult>;
}

/** Reads a string option, or null. */
export function optString(args: ParsedArgs, name: string): string | null {
  const v = args.values[name];
  return typeof v === 'string' ? v : null;
}

/** Reads a whole-number option within bounds, with a clear error otherwise. */
export function optInt(args: ParsedArgs, name: string, fallback: number, min = 1, max = Number.MAX_SAFE_INTEGER): number {
  const raw = optString(args, name);
  if (raw === null) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
  }
  return n;
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
