/**
 * Maps errors to HTTP answers: a person-readable message and a status; never a stack trace.
 * room39's own routes answer `{"error":{code,message,field}}`; the routes that speak
 * yente's API answer as yente (FastAPI) does: `{"detail": "…"}`, and for a query
 * parameter or body that does not validate, status 422 with the list of what failed
 * (room39's `error` object beside it, for room39's own clients).
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ZodError } from 'zod';
import { isRoom39Error, type Room39Error } from '../errors.ts';
import { serverLog } from './log.ts';

/** The paths of yente's API (`/search` alone is the web app's search page). */
const YENTE_PATH = /^\/(?:match|search|entities|catalog|algorithms|readyz|statements|manifest|updatez)(?:\/|$)|^\/search\/./;

/** yente's query parameters that FastAPI validates by type: a bad value is a 422 there. */
const TYPED_PARAMS = new Set(['threshold', 'cutoff', 'limit', 'offset', 'changed_since', 'exclude_entity_ids', 'target', 'fuzzy', 'simple', 'nested', 'facets', 'exclude_schema', 'sort']);

export function isYentePath(path: string): boolean {
  return path !== '/search' && YENTE_PATH.test(path);
}

interface Answer { status: ContentfulStatusCode; body: unknown }

/**
 * A request field's issue in words a person acts on: zod's own wording of a
 * number's type or bounds ("Too small: expected number to be >=1", "Invalid
 * input: expected number, received NaN") said plainly; a route's own message is kept.
 */
function issueText(issue: ZodError['issues'][number]): string {
  const i = issue as { code: string; message: string; expected?: string; origin?: string; minimum?: number | bigint; maximum?: number | bigint; inclusive?: boolean };
  const zodWords = /^(Invalid input: expected|Too small: expected|Too big: expected)/.test(i.message);
  if (!zodWords) return i.message;
  if (i.code === 'invalid_type' && i.expected === 'number') return 'must be a number';
  if (i.code === 'invalid_type' && i.expected === 'int') return 'must be a whole number';
  if (i.code === 'too_small' && i.origin === 'number') return `must be ${i.inclusive === false ? 'above' : 'at least'} ${String(i.minimum)}`;
  if (i.code === 'too_big' && i.origin === 'number') return `must be ${i.inclusive === false ? 'below' : 'at most'} ${String(i.maximum)}`;
  return i.message;
}

function room39Answer(err: unknown, c: Context): Answer {
  if (isRoom39Error(err)) {
    const error = err.field ? { code: err.code, message: `${err.field}: ${err.detail}`, field: err.field } : { code: err.code, message: err.message };
    return { status: err.httpStatus as ContentfulStatusCode, body: { error } };
  }
  if (err instanceof ZodError) {
    const issue = err.issues[0];
    const field = issue?.path.length ? issue.path.join('.') : null;
    const message = `${field ? `${field}: ` : ''}${issue ? issueText(issue) : 'invalid request'}`;
    return { status: 400, body: { error: field ? { code: 'invalid_input', message, field } : { code: 'invalid_input', message } } };
  }
  if (err instanceof SyntaxError) {
    return { status: 400, body: { error: { code: 'invalid_input', message: 'the request body is not valid JSON' } } };
  }
  return internal(err, c);
}

function yenteRoom39Error(err: Room39Error): Answer {
  if (err.field && TYPED_PARAMS.has(err.field)) {
    return { status: 422, body: { detail: [{ type: 'value_error', loc: ['query', err.field], msg: err.detail }] } };
  }
  return { status: err.httpStatus as ContentfulStatusCode, body: { detail: err.field ? `${err.field}: ${err.detail}` : err.message } };
}

function yenteAnswer(err: unknown): Answer {
  if (isRoom39Error(err)) return yenteRoom39Error(err);
  if (err instanceof ZodError) {
    return { status: 422, body: { detail: err.issues.slice(0, 20).map((i) => ({ type: i.code, loc: ['body', ...i.path.map(String)], msg: i.message })) } };
  }
  if (err instanceof SyntaxError) {
    return { status: 422, body: { detail: [{ type: 'json_invalid', loc: ['body'], msg: 'JSON decode error: the request body is not valid JSON' }] } };
  }
  return { status: 500, body: { detail: 'the server failed to answer this request; the failure has been logged' } };
}

function internal(err: unknown, c: Context): Answer {
  // One JSON line: the path is escaped inside it, so no request can forge a line of the log.
  const detail = process.env.ROOM39_DEBUG && err instanceof Error ? { stack: err.stack } : {};
  serverLog().error({ method: c.req.method, path: c.req.path, error: err instanceof Error ? err.name : 'error', ...detail }, 'unexpected error');
  return { status: 500, body: { error: { code: 'internal', message: 'the server failed to answer this request; the failure has been logged' } } };
}

export function errorResponse(c: Context, err: unknown) {
  const room39 = room39Answer(err, c);
  if (!isYentePath(c.req.path)) return c.json(room39.body, room39.status);
  const { status, body } = yenteAnswer(err);
  return c.json({ ...(body as object), ...(room39.body as object) }, status);
}
