/**
 * The page's own name in the document title ("Kim Won-hong · Entity · room39"),
 * so a tab, a bookmark, the history and a screen reader's announcement say which
 * entity or country it is, not only the kind of page. The app shell sets the
 * kind (main.tsx); a page adds its name once it is loaded and takes it away when it goes.
 */
import { useEffect } from 'react';

export function usePageTitle(name: string | null | undefined): void {
  useEffect(() => {
    if (!name) return;
    const before = document.title;
    document.title = `${name} · ${before}`;
    return () => {
      document.title = before;
    };
  }, [name]);
}
