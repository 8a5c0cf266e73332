/**
 * Refuses, before anything else runs, a request whose path, query string or
 * header values hold a control character (NUL, line breaks, escape …), raw or
 * percent-encoded: 400, saying where, never echoing the value. Such a value
 * has no legitimate use there, and further in it could break a database
 * write (PostgreSQL text cannot hold NUL), a log line or an audit record.
 * Request bodies are not checked here: CSV and documents keep their line
 * breaks and tabs. Header values may hold a tab (HTTP allows it).
 */
import type { MiddlewareHandler } from 'hono';
import type { Services } from '../../services.ts';
import { Room39Error } from '../../errors.ts';
import { ANONYMOUS, actorOf } from '../../auth/principal.ts';
import { errorResponse } from '../errors.ts';
import { securityState } from '../security-state.ts';
import { clientAddress } from './client-address.ts';
import { PROTECTED_PATH } from './auth.ts';

/** C0 controls, DEL and C1 controls, as characters or percent-encoded (C1 in UTF-8 is %C2%80–%C2%9F). */
const CONTROL_IN_URL = /[\u0000-\u001f\u007f-\u009f]|%(?:[01][0-9a-f]|7f)|%c2%[89][0-9a-f]/i;
/** Header values: C0 controls except tab, and DEL (bytes ≥ 0x80 may be UTF-8 read as Latin-1, so C1 is left alone). */
const CONTROL_IN_HEADER = /[\u0000-\u0008\u000a-\u001f\u007f]/;

/** Where in the request a control character is, or null. */
export function controlCharacterIn(rawUrl: string, headers: Iterable<[string, string]>): string | null {
  const afterHost = rawUrl.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '');
  const q = afterHost.indexOf('?');
  const path = q < 0 ? afterHost : afterHost.slice(0, q);
  const query = q < 0 ? '' : afterHost.slice(q + 1);
  if (CONTROL_IN_URL.test(path)) return 'the path';
  if (CONTROL_IN_URL.test(query)) return 'the query string';
  for (const [name, value] of headers) if (CONTROL_IN_HEADER.test(value)) return `the ${name} header`;
  return null;
}

/** A refusal here at a protected path (testimony, users, audit) is recorded like any refused access (src/audit/refusals.ts). */
export function requestGuard(services: Services): MiddlewareHandler {
  return async (c, next) => {
    const where = controlCharacterIn(c.req.url, c.req.raw.headers.entries());
    if (where) {
      c.header('Cache-Control', 'no-store');
      const path = c.req.path;
      if (PROTECTED_PATH.test(path)) {
        const state = securityState(services);
        const address = clientAddress(c, state.security.trustProxy);
        const credentials = c.req.header('authorization') ? 'bearer' : c.req.header('cookie') ? 'cookie' : 'none';
        const kept = await state.refusals.refused(address, { actor: actorOf(ANONYMOUS(address)), action: 'access.refused', target: path.slice(0, 256), meta: { method: c.req.method, reason: 'control_character', where, credentials } });
        if (!kept.recorded) c.header('Retry-After', String(kept.retryAfter));
      }
      return errorResponse(c, new Room39Error('invalid_input', `${where} holds a control character (such as NUL or a line break); remove it`));
    }
    await next();
  };
}

/** An escaped NUL (`\u0000`) in JSON text: preceded by an even number of backslashes, so not itself the text `\\u0000`. */
const ESCAPED_NUL = /(?<!\\)(?:\\\\)*\\u0000/i;

/** The read-only doors: they store nothing, so a NUL there harms nothing, and one in a 100,000-row batch must not refuse it. */
const READ_ONLY_DOOR = /^\/(?:match|reconcile)(?:\/|$)|^\/api\/(?:screen|extract|estimate)(?:\/|$)/;

/** The path (`field.0.name`) of the first string, key or value, in `value` that holds a NUL, or null. */
export function nulPathIn(value: unknown, path: string[] = []): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? (path.join('.') || 'the body') : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = nulPathIn(value[i], [...path, String(i)]);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k.includes('\u0000')) return [...path, k.replace(/\u0000/g, '\ufffd')].join('.');
      const found = nulPathIn(v, [...path, k]);
      if (found) return found;
    }
  }
  return null;
}

/**
 * Refuses a JSON body with a NUL character in a string: PostgreSQL text cannot
 * hold it, so further in it would fail a write as a 500 (a token's label, a
 * testimony's sharing terms, a case's name). 400, naming the field, never
 * echoing the value. The route then reads the same body (Hono keeps it).
 * The read-only doors (screening, matching, reconciliation) are left alone.
 * A body that is not valid JSON is left for the route to refuse in its words.
 */
export function jsonBodyGuard(): MiddlewareHandler {
  return async (c, next) => {
    const m = c.req.method;
    const type = c.req.header('content-type') ?? '';
    // Routes read JSON whatever the content type says, so every body that looks like JSON is checked; forms are
    // left to their parser. The bytes are read as they are (Hono keeps them), so a route reading them gets them unchanged.
    if (!READ_ONLY_DOOR.test(c.req.path) && (m === 'POST' || m === 'PUT' || m === 'PATCH' || m === 'DELETE') && !/^\s*(?:multipart\/|application\/x-www-form-urlencoded)/i.test(type)) {
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      let i = 0;
      while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
      const text = bytes[i] === 0x7b || bytes[i] === 0x5b || bytes[i] === 0x22 ? new TextDecoder().decode(bytes) : '';
      if (ESCAPED_NUL.test(text)) {
        let field: string | null = null;
        try {
          field = nulPathIn(JSON.parse(text));
        } catch {
          field = null;
        }
        if (field) {
          c.header('Cache-Control', 'no-store');
          const where = field === 'the body' ? 'the request body' : `the field ${field}`;
          return errorResponse(c, new Room39Error('invalid_input', `${where} holds a NUL character (\\u0000), which cannot be stored; remove it`));
        }
      }
    }
    await next();
  };
}
