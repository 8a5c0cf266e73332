/**
 * A small history router: every page has a plain URL (path and query) that
 * can be shared; the server answers index.html for any path that is not a
 * file, so a shared link opens the same page.
 */
import { useCallback, useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent, type ReactNode } from 'react';

const listeners = new Set<() => void>();

function notify(): void {
  for (const l of listeners) l();
}

if (typeof window !== 'undefined') window.addEventListener('popstate', notify);

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const snapshot = () => window.location.pathname + window.location.search;

export interface RouteLocation {
  path: string;
  query: URLSearchParams;
  href: string;
}

export function useLocation(): RouteLocation {
  const href = useSyncExternalStore(subscribe, snapshot, snapshot);
  const url = new URL(href, window.location.origin);
  return { path: url.pathname, query: url.searchParams, href };
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === snapshot()) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  notify();
}

/** Builds a path with a query string, leaving out empty values. */
export function href(path: string, query: Record<string, string | number | null | undefined | readonly string[]> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v == null || v === '') continue;
    if (Array.isArray(v)) {
      if (v.length) params.set(k, v.join(','));
    } else params.set(k, String(v));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** Replaces some query parameters of the current URL (for filters: shareable, no new history entry). */
export function useQueryUpdater(): (changes: Record<string, string | number | null | undefined | readonly string[]>, options?: { push?: boolean }) => void {
  return useCallback((changes, options = {}) => {
    const url = new URL(window.location.href);
    for (const [k, v] of Object.entries(changes)) {
      if (v == null || v === '' || (Array.isArray(v) && v.length === 0)) url.searchParams.delete(k);
      else url.searchParams.set(k, Array.isArray(v) ? v.join(',') : String(v));
    }
    navigate(url.pathname + url.search, { replace: !options.push });
  }, []);
}

export interface LinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> {
  to: string;
  children: ReactNode;
}

export function Link({ to, children, onClick, ...rest }: LinkProps) {
  const handle = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} onClick={handle} {...rest}>
      {children}
    </a>
  );
}
