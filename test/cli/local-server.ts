/**
 * For the local-socket tests: `room39 serve` on a data directory as a child
 * process, and room39 commands run as separate processes (several at once if
 * wanted), each with what it printed and its exit code.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from '../../src/config/settings.ts';

export const BIN = path.join(REPO_ROOT, 'bin/room39.js');

export interface Served {
  child: ChildProcess;
  pid: number;
  /** Everything the server printed so far. */
  output(): string;
  /** Resolves when the server has printed text matching `pattern`. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export async function serve(dataDir: string, env: Record<string, string> = {}, timeoutMs = 300_000): Promise<Served> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--data', dataDir], {
    env: { ...process.env, DATABASE_URL: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const listeners = new Set<() => void>();
  const onData = (d: Buffer) => {
    out += d.toString('utf8');
    for (const l of listeners) l();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const waitFor = (pattern: RegExp, ms = 60_000) => new Promise<void>((resolve, reject) => {
    const check = () => {
      if (pattern.test(out)) {
        clearTimeout(timer);
        listeners.delete(check);
        resolve();
      }
    };
    const timer = setTimeout(() => { listeners.delete(check); reject(new Error(`server did not print ${pattern}:\n${out}`)); }, ms);
    listeners.add(check);
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited ${code}:\n${out}`)); });
    check();
  });
  await waitFor(/serving http:/, timeoutMs);
  return {
    child,
    pid: child.pid!,
    output: () => out,
    waitFor,
    stop: (signal = 'SIGTERM') => new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill(signal);
    }),
  };
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliProcess {
  child: ChildProcess;
  done: Promise<CliRun>;
}

export function startCli(dataDir: string, args: string[], options: { env?: Record<string, string>; input?: string; cwd?: string } = {}): CliProcess {
  const child = spawn(process.execPath, [BIN, ...args, '--data', dataDir], {
    env: { ...process.env, DATABASE_URL: '', ...options.env }, cwd: options.cwd ?? REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  child.stdin!.end(options.input ?? '');
  const done = new Promise<CliRun>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  return { child, done };
}

export function cli(dataDir: string, args: string[], options: { env?: Record<string, string>; input?: string } = {}): Promise<CliRun> {
  return startCli(dataDir, args, options).done;
}
