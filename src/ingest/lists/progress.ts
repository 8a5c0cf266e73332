/** A progress bar on stderr (cli-progress) for long imports, only when stderr is a terminal. */
import cliProgress from 'cli-progress';
import type { ImportProgress } from './import.ts';

export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): ImportProgress | undefined {
  if (!stream.isTTY) return undefined;
  let bar: cliProgress.SingleBar | null = null;
  return {
    start(total, label) {
      bar = new cliProgress.SingleBar({
        stream, format: `${label} [{bar}] {percentage}% | {value}/{total} bytes | {eta}s left`, hideCursor: true, clearOnComplete: true,
      }, cliProgress.Presets.shades_classic);
      bar.start(total, 0);
    },
    update(bytes) { bar?.update(bytes); },
    stop() { bar?.stop(); bar = null; },
  };
}
