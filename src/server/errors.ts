/** Maps errors to HTTP answers: a person-readable message and a status; never a stack trace. */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ZodError } from 'zod';
import { isRoom39Error } from '../errors.ts';

export function errorResponse(c: Context, err: unknown) {
  if (isRoom39Error(err)) {
    const error = err.field ? { code: err.code, message: `${err.field}: ${err.detail}`, field: err.field } : { code: err.code, message: err.message };
    return c.json({ error }, err.httpStatus as ContentfulStatusCode);
  }
  if (err instanceof ZodError) {
    const issue = err.issues[0];
    const field = issue?.path.length ? issue.path.join('.') : null;
    const message = `${field ? `${field}: ` : ''}${issue?.message ?? 'invalid request'}`;
    return c.json({ error: field ? { code: 'invalid_input', message, field } : { code: 'invalid_input', message } }, 400);
  }
  if (err instanceof SyntaxError) {
    return c.json({ error: { code: 'invalid_input', message: 'the request body is not valid JSON' } }, 400);
  }
  console.error(`[room39] unexpected error on ${c.req.method} ${c.req.path}: ${err instanceof Error ? err.name : 'error'}`);
  if (process.env.ROOM39_DEBUG && err instanceof Error) console.error(err.stack);
  return c.json({ error: { code: 'internal', message: 'the server failed to answer this request; the failure has been logged' } }, 500);
}
