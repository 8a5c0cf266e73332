/** Talking to room39's HTTP API: JSON in and out, errors a person can read. */
import { useEffect, useState } from 'react';

export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
    this.name = 'ApiError';
  }
  /** The endpoint is not on this server (yet): the page says so instead of failing. */
  get unavailable(): boolean {
    return this.status === 404 && this.code === 'not_found' && /no API endpoint/.test(this.message);
  }
}

interface ErrorBody {
  error?: { code?: string; message?: string };
}

export interface Session {
  user: { username: string; role: string } | null;
  csrf_token: string | null;
  public_read?: boolean;
  /** Anyone may suggest a document (the operator opened it). */
  public_suggest?: boolean;
}

let session: Session | null = null;
const sessionListeners = new Set<(s: Session | null) => void>();

/** Who is signed in (and the CSRF token state-changing requests must carry). */
export async function loadSession(): Promise<Session | null> {
  try {
    const res = await fetch('/api/auth/session', { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    session = res.ok ? ((await res.json()) as Session) : null;
  } catch {
    session = null;
  }
  for (const l of sessionListeners) l(session);
  return session;
}

let sessionInFlight: Promise<Session | null> | null = null;

/** The session, asked once however many components want it while no answer is at hand (a page mounts several). */
export function ensureSession(): Promise<Session | null> {
  if (session) return Promise.resolve(session);
  sessionInFlight ??= loadSession().finally(() => {
    sessionInFlight = null;
  });
  return sessionInFlight;
}

export function currentSession(): Session | null {
  return session;
}

export function onSession(listener: (s: Session | null) => void): () => void {
  sessionListeners.add(listener);
  return () => sessionListeners.delete(listener);
}

export async function signIn(username: string, password: string): Promise<Session | null> {
  await request<unknown>('/api/auth/login', { method: 'POST', body: JSON.stringify({ username, password }), headers: { 'Content-Type': 'application/json' } });
  return loadSession();
}

export async function signOut(): Promise<void> {
  await request<unknown>('/api/auth/logout', { method: 'POST' }).catch(() => undefined);
  await loadSession();
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export async function request<T>(url: string, init: RequestInit = {}, retried = false): Promise<T> {
  let res: Response;
  const method = (init.method ?? 'GET').toUpperCase();
  const headers: Record<string, string> = { Accept: 'application/json', ...((init.headers as Record<string, string> | undefined) ?? {}) };
  if (!SAFE.has(method) && session?.csrf_token) headers['X-CSRF-Token'] = session.csrf_token;
  try {
    res = await fetch(url, { ...init, headers, credentials: 'same-origin' });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network', 'the room39 server did not answer; is `room39 serve` still running?');
  }
  const type = res.headers.get('content-type') ?? '';
  const body: unknown = type.includes('json') ? await res.json().catch(() => null) : await res.text();
  if (!res.ok) {
    const err = (body as ErrorBody | null)?.error;
    if (res.status === 403 && err?.code === 'csrf_failed' && !retried) {
      await loadSession();
      return request<T>(url, init, true);
    }
    throw new ApiError(res.status, err?.code ?? 'http_' + res.status, err?.message ?? `the server answered ${res.status} ${res.statusText}`);
  }
  return body as T;
}

export function postJson<T>(url: string, payload: unknown, init: RequestInit = {}): Promise<T> {
  return request<T>(url, { ...init, method: 'POST', body: JSON.stringify(payload), headers: { 'Content-Type': 'application/json' } });
}

export interface Loaded<T> {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
}

/** GETs a URL whenever it changes (null: nothing to fetch); keeps the last data while the next loads. */
export function useApi<T>(url: string | null, refresh = 0): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ data: null, error: null, loading: url != null });
  useEffect(() => {
    if (url == null) {
      setState({ data: null, error: null, loading: false });
      return;
    }
    const ctrl = new AbortController();
    setState((s) => ({ data: s.data, error: null, loading: true }));
    request<T>(url, { signal: ctrl.signal }).then(
      (data) => setState({ data, error: null, loading: false }),
      (error: unknown) => {
        if (ctrl.signal.aborted) return;
        setState({ data: null, error: error instanceof ApiError ? error : new ApiError(0, 'client', String(error)), loading: false });
      },
    );
    return () => ctrl.abort();
  }, [url, refresh]);
  return state;
}
