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

export async function request<T>(url: string, init: RequestInit = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, headers: { Accept: 'application/json', ...(init.headers ?? {}) } });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network', 'the room39 server did not answer; is `room39 serve` still running?');
  }
  const type = res.headers.get('content-type') ?? '';
  const body: unknown = type.includes('json') ? await res.json().catch(() => null) : await res.text();
  if (!res.ok) {
    const err = (body as ErrorBody | null)?.error;
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
