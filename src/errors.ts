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
  | 'too_large'
  | 'unauthorized'
  | 'forbidden'
  | 'rate_limited';

const HTTP_STATUS: Record<ErrorCode, number> = {
  not_found: 404,
  invalid_input: 400,
  invalid_data: 422,
  conflict: 409,
  database_unreachable: 503,
  too_large: 413,
  unauthorized: 401,
  forbidden: 403,
  rate_limited: 429,
};

export class Room39Error extends Error {
  readonly code: ErrorCode;
  readonly where: string | null;

  constructor(code: ErrorCode, message: string, where: string | null = null, options?: { cause?: unknown }) {
    super(where ? `${where}: ${message}` : message, options);
    this.name = 'Room39Error';
    this.code = code;
    this.where = where;
  }

  get httpStatus(): number {
    return HTTP_STATUS[this.code];
  }
}

export const notFound = (what: string) => new Room39Error('not_found', what);
export const invalidInput = (message: string, where: string | null = null) => new Room39Error('invalid_input', message, where);
export const invalidData = (message: string, where: string | null = null) => new Room39Error('invalid_data', message, where);

export function isRoom39Error(e: unknown): e is Room39Error {
  return e instanceof Room39Error;
}
