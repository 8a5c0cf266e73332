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
