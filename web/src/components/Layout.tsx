/** The frame of every page: skip link, header with search, navigation, and a main region that takes focus on navigation. */
import { useEffect, useRef, type ReactNode } from 'react';
import { Link, useLocation } from '../router.tsx';
import { SearchBox } from './SearchBox.tsx';
import { ListFreshness } from './ListFreshness.tsx';

const NAV = [
  { to: '/', label: 'Map' },
  { to: '/search', label: 'Search' },
  { to: '/timeline', label: 'Timeline' },
  { to: '/screen', label: 'Screening' },
  { to: '/documents', label: 'Documents' },
  { to: '/estimates', label: 'Estimates' },
  { to: '/resolve', label: 'Resolve' },
];

function current(path: string, to: string): boolean {
  if (to === '/') return path === '/';
  return path === to || path.startsWith(`${to}/`) || (to === '/search' && (path.startsWith('/entity/') || path.startsWith('/network/')));
}

export function Layout({ children }: { children: ReactNode }) {
  const { path } = useLocation();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  useEffect(() => {
    // Move focus to the new page (not on first load) so screen readers announce it.
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [path]);
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <div className="bar">
          <Link to="/" className="brand" aria-label="room39 home">
            <span className="brand-mark" aria-hidden="true">
              39
            </span>
            <span className="brand-name">room39</span>
          </Link>
          {path !== '/search' ? <SearchBox key={path} /> : null}
        </div>
        <nav aria-label="Main">
          <ul>
            {NAV.map((n) => (
              <li key={n.to}>
                <Link to={n.to} aria-current={current(path, n.to) ? 'page' : undefined}>
                  {n.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <ListFreshness />
        {children}
      </main>
      <footer className="site-footer">
        <p>
          room39 — an open evidence graph of North Korea's overseas forced labour. Every fact carries its source, the exact quote and an Admiralty
          grade (source A–F, information 1–6). <a href="/openapi.json">API</a>
        </p>
      </footer>
    </>
  );
}
