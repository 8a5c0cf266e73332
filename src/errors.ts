/**
 * The one place room39's errors are defined. Each carries a message a person
 * can act on; `where` says which file, line, row or URL it concerns. Doors
 * (CLI, HTTP) map them to exit codes and status codes; nothing else does.
 */
export type ErrorCode =
  | 'not_found'
  | 'invalid_input'
  | 'invalid_data'
  | 'conflict'
  | 'database_unreachable'
  /** The server is up but not ready to answer this yet (its screening index is being built). */
  | 'not_ready'
  | 'too_large'
  | 'unsupported_type'
  | 'unauthorized'
  | 'forbidden'
  | 'csrf_failed'
  | 'rate_limited'
  /** A publisher's server failed or sent something that is not its list (src/ingest/lists/fetch.ts). */
  | 'upstream_failed';

const HTTP_STATUS: Record<ErrorCode, number> = {
  not_found: 404,
  invalid_input: 400,
  invalid_data: 422,
  conflict: 409,
  database_unreachable: 503,
  not_ready: 503,
  too_large: 413,
  unsupported_type: 415,
  unauthorized: 401,
  forbidden: 403,
  csrf_failed: 403,
  rate_limited: 429,
  upstream_failed: 502,
};

export interface Room39ErrorOptions {
  cause?: unknown;
  /**
   * The option or request field at fault, by the service's own name
   * (`threshold`, `draws`); each door words it its own way (`--draws` in the
   * CLI, `draws` in an HTTP answer).
   */
  field?: string;
}

export class Room39Error extends Error {
  readonly code: ErrorCode;
  readonly where: string | null;
  readonly field: string | null;
  /** The message without the place: what a door puts after its own wording of `field`. */
  readonly detail: string;

  constructor(code: ErrorCode, message: string, where: string | null = null, options: Room39ErrorOptions = {}) {
    super(where ? `${where}: ${message}` : message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'Room39Error';
    this.code = code;
    this.where = where;
    this.field = options.field ?? null;
    this.detail = message;
  }

  get httpStatus(): number {
    return HTTP_STATUS[this.code];
  }
}

export const notFound = (what: string) => new Room39Error('not_found', what);
export const invalidInput = (message: string, where: string | null = null) => new Room39Error('invalid_input', message, where);
/** A bad option or request field, named by the service (`draws`, not `--draws`). */
export const invalidOption = (field: string, message: string) => new Room39Error('invalid_input', message, null, { field });
export const invalidData = (message: string, where: string | null = null) => new Room39Error('invalid_data', message, where);

export function isRoom39Error(e: unknown): e is Room39Error {
  return e instanceof Room39Error;
}
