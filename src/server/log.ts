/**
 * The server's log: one JSON object per line on stderr (pino), so a value
 * taken from a request (a path with %0a in it, a header) is escaped inside
 * its JSON string and can never start a line of its own. Every part of the
 * server that logs uses this logger; protected material (testimony) is never
 * passed to it. `ROOM39_LOG_LEVEL` sets the level (default `info`).
 */
import { pino, type Logger } from 'pino';

let logger: Logger | null = null;

export function serverLog(): Logger {
  logger ??= pino(
    {
      level: process.env.ROOM39_LOG_LEVEL ?? 'info',
      base: { pid: process.pid, name: 'room39' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    // Synchronous writes: a line is on stderr before the process can die, and start-up lines come in order.
    pino.destination({ dest: 2, sync: true }),
  );
  return logger;
}
