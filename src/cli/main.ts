/** The room39 command line: parses the command and its options, runs it, prints JSON or text, maps errors to exit codes. */
import { parseArgs } from 'node:util';
import { readSettings } from '../config/settings.ts';
import { isRoom39Error } from '../errors.ts';
import type { Services } from '../services.ts';
import { UsageError, type CliCommand, type CliContext } from './command.ts';
import { nearest, unknownOptions } from './suggest.ts';
import { forTerminal } from './table.ts';
import { commands } from './commands/index.ts';
import type { RemoteServices } from './remote.ts';
import { openCliServices } from './store-access.ts';
import { baselineWasmOnly } from '../store/db.ts';

const COMMON_OPTIONS = {
  json: { type: 'boolean', default: false },
  data: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** Words a user reaches for that name a door another command opens ("document ingestion" is `extract --save`). */
const ANOTHER_NAME: Record<string, string> = {
  ingest: 'extract FILE --save', submit: 'extract FILE --save', upload: 'extract FILE --save',
};

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'room39: an evidence graph of North Korea\'s overseas forced-labour system.',
    '',
    'Usage: room39 <command> [options]   (every command takes --json and --data DIR)',
    '',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'room39 <command> --help shows a command\'s options.',
  ].join('\n');
}

/** The option a service field is given by: `maxRows` → `--max-rows`. */
function optionName(field: string): string {
  return `--${field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/** The issues of a schema's refusal (a ZodError, told by its name: zod is not loaded for every command), or null. */
function schemaIssues(e: unknown): { path: PropertyKey[]; message: string }[] | null {
  if (!(e instanceof Error) || e.name !== 'ZodError') return null;
  const issues = (e as { issues?: unknown }).issues;
  return Array.isArray(issues) && issues.length ? (issues as { path: PropertyKey[]; message: string }[]) : null;
}

export async function runCli(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${help()}\n`);
    return name ? 0 : 2;
  }
  const command: CliCommand | undefined = commands.find((c) => c.name === name);
  if (!command) {
    const guess = ANOTHER_NAME[name.toLowerCase()] ?? nearest(name, commands.map((c) => c.name));
    process.stderr.write(`room39: unknown command "${name}"${guess ? `; did you mean "${guess}"?` : ''}\n\n${help()}\n`);
    return 2;
  }
  const typo = unknownOptions(rest, Object.keys({ ...COMMON_OPTIONS, ...command.options }))[0];
  if (typo) {
    process.stderr.write(`room39 ${name}: unknown option ${typo.typed}${typo.suggestion ? `; did you mean --${typo.suggestion}?` : ''}\nUsage: room39 ${command.usage}\n`);
    return 2;
  }
  let services: Services | null = null;
  const wantsJson = rest.includes('--json');
  try {
    const parsed = parseArgs({ args: rest, options: { ...COMMON_OPTIONS, ...command.options }, allowPositionals: true, strict: true });
    if (parsed.values.help) {
      process.stdout.write(`Usage: room39 ${command.usage}\n${command.summary}\n`);
      return 0;
    }
    const settings = readSettings({ dataDir: typeof parsed.values.data === 'string' ? parsed.values.data : undefined });
    const log = (message: string) => void process.stderr.write(`${message}\n`);
    const progress = (m: string) => process.stderr.isTTY && log(m);
    const ctx: CliContext = {
      args: { values: parsed.values as CliContext['args']['values'], positionals: parsed.positionals },
      json: parsed.values.json === true,
      settings,
      log,
      // The store: through the running server's local socket when one holds the data directory (serve itself always holds it).
      services: async () => (services ??= command.holdsDataDir ? await (await import('../services.ts')).openServices(settings, progress) : await openCliServices(settings, argv, log, progress)),
    };
    const result = await command.run(ctx);
    const lost = (services as RemoteServices | null)?.server?.lost();
    if (lost) throw lost;
    process.stdout.write(ctx.json ? `${JSON.stringify(result.json)}\n` : result.text ? `${forTerminal(result.text)}\n` : '');
    return result.exitCode ?? 0;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (e instanceof UsageError || (e instanceof TypeError && 'code' in e && String((e as { code: unknown }).code).startsWith('ERR_PARSE_ARGS'))) {
      process.stderr.write(`room39 ${name}: ${message}\nUsage: room39 ${command.usage}\n`);
      return 2;
    }
    if (isRoom39Error(e)) {
      // A service names the field at fault; the command line words it as the option a person typed.
      const worded = e.field ? `${optionName(e.field)}: ${e.detail}` : message;
      process.stderr.write(wantsJson ? `${JSON.stringify({ error: { code: e.code, message: worded } })}\n` : `room39 ${name}: ${forTerminal(worded)}\n`);
      return e.code === 'not_found' ? 3 : 1;
    }
    const issues = schemaIssues(e);
    if (issues) {
      // Input a schema refused and the command did not word itself: each field and what is wrong with it, not zod's JSON.
      const worded = issues.slice(0, 5).map((i) => `${i.path.length ? `${i.path.map(String).join('.')}: ` : ''}${i.message}`).join('; ');
      process.stderr.write(wantsJson ? `${JSON.stringify({ error: { code: 'invalid_input', message: worded } })}\n` : `room39 ${name}: ${forTerminal(worded)}\n`);
      return 1;
    }
    process.stderr.write(`room39 ${name}: unexpected failure: ${message}\n`);
    if (process.env.ROOM39_DEBUG) process.stderr.write(`${(e as Error).stack ?? ''}\n`);
    return 1;
  } finally {
    if (services) await (services as Services).close().catch(() => undefined);
  }
}

// A reader that stops early (`room39 screen … | head`) is not a failure.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
});

/**
 * A server and a whole-file import run long enough for V8's optimising compiler to pay back (store/db.ts); every
 * other command, `lists update` too (mostly a small change to a list), runs on the baseline compiler.
 */
if (process.argv[2] !== 'serve' && process.argv[2] !== 'import') baselineWasmOnly();
const code = await runCli(process.argv.slice(2));
process.exitCode = code;
