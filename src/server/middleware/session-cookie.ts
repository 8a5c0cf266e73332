/**
 * The session cookie: HttpOnly, SameSite=Strict, Path=/, and Secure with the
 * `__Host-` prefix unless ROOM39_COOKIE_SECURE is off (plain-HTTP set-ups
 * other than localhost). It holds the session's secret id; the store keeps
 * only its hash.
 */
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';

export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-room39_session' : 'room39_session';
}

export function setSessionCookie(c: Context, secure: boolean, id: string, expires: Date): void {
  setCookie(c, sessionCookieName(secure), id, { httpOnly: true, secure, sameSite: 'Strict', path: '/', expires });
}

export function clearSessionCookie(c: Context, secure: boolean): void {
  deleteCookie(c, sessionCookieName(secure), { httpOnly: true, secure, sameSite: 'Strict', path: '/' });
}
