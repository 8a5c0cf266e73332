/** Entry of the web app: routes to pages; the map, network, estimates and other heavy pages load on demand. */
import { StrictMode, Suspense, lazy, useEffect, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import 'virtual:hangul-font.css';
import './styles.css';
import { Layout } from './components/Layout.tsx';
import { Loading } from './components/Status.tsx';
import { useLocation } from './router.tsx';
import { HomePage } from './pages/Home.tsx';
import { ErrorBoundary } from './components/ErrorBoundary.tsx';

const SearchPage = lazy(() => import('./pages/Search.tsx'));
const EntityPage = lazy(() => import('./pages/Entity.tsx'));
const NetworkPage = lazy(() => import('./pages/Network.tsx'));
const TimelinePage = lazy(() => import('./pages/Timeline.tsx'));
const ScreenPage = lazy(() => import('./pages/Screen.tsx'));
const CasesPage = lazy(() => import('./pages/Cases.tsx'));
const CasePage = lazy(() => import('./pages/Case.tsx'));
const DocumentsPage = lazy(() => import('./pages/Documents.tsx'));
const EstimatesPage = lazy(() => import('./pages/Estimates.tsx'));
const ResolvePage = lazy(() => import('./pages/Resolve.tsx'));
const CountryPage = lazy(() => import('./pages/Country.tsx'));

function NotFound() {
  return (
    <section>
      <h1>Page not found</h1>
      <p>There is no page at this address. Use the search box above, or go back to the map.</p>
    </section>
  );
}

function route(path: string): { page: ReactNode; title: string } {
  const seg = path.split('/').filter(Boolean).map((s) => decodeURIComponent(s));
  switch (seg[0]) {
    case undefined:
      return { page: <HomePage />, title: 'Map' };
    case 'search':
      return { page: <SearchPage />, title: 'Search' };
    case 'entity':
      return seg[1] ? { page: <EntityPage id={seg[1]} />, title: 'Entity' } : { page: <NotFound />, title: 'Not found' };
    case 'network':
      return seg[1] ? { page: <NetworkPage id={seg[1]} />, title: 'Network' } : { page: <NotFound />, title: 'Not found' };
    case 'timeline':
      return { page: <TimelinePage />, title: 'Timeline' };
    case 'screen':
      return { page: <ScreenPage />, title: 'Screening' };
    case 'cases':
      return seg[1] ? { page: <CasePage name={seg[1]} />, title: 'Case' } : { page: <CasesPage />, title: 'Screening cases' };
    case 'documents':
      return { page: <DocumentsPage documentId={seg[1] ?? null} />, title: 'Documents' };
    case 'estimates':
      return { page: <EstimatesPage />, title: 'Estimates' };
    case 'resolve':
      return { page: <ResolvePage />, title: 'Resolve' };
    case 'country':
      return seg[1] && /^[a-z]{2}$/i.test(seg[1]) ? { page: <CountryPage cc={seg[1]} />, title: 'Country' } : { page: <NotFound />, title: 'Not found' };
    default:
      return { page: <NotFound />, title: 'Not found' };
  }
}

function App() {
  const { path } = useLocation();
  const { page, title } = route(path);
  useEffect(() => {
    document.title = `${title} · room39`;
  }, [title]);
  useEffect(() => {
    // The app shell is mounted: navigation and the search box answer from here on (read by bench/web).
    if (performance.getEntriesByName('room39:interactive').length === 0) performance.mark('room39:interactive');
  }, []);
  return (
    <Layout>
      <ErrorBoundary key={path}>
        <Suspense fallback={<Loading what="Opening the page" />}>{page}</Suspense>
      </ErrorBoundary>
    </Layout>
  );
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
