// Where a viewer came from, for the analytics referrer class: the in-app page seen before the watch
// page (tracked on every route change), else the document referrer (another site), else "direct".
import { useEffect } from 'react';
import { useLocation } from 'react-router-dom';

export type ReferrerClass =
  'home' | 'search' | 'subscriptions' | 'channel' | 'playlist' | 'recommendations' | 'external' | 'direct';

let current: string | null = null;
let previous: string | null = null;

/** Call once inside the router: remembers the previous in-app location. */
export function useTrackNavigation(): void {
  const location = useLocation();
  useEffect(() => {
    const here = `${location.pathname}${location.search}`;
    if (here === current) return;
    previous = current;
    current = here;
  }, [location.pathname, location.search]);
}

export function classifyPath(path: string): ReferrerClass {
  if (/[?&]list=/.test(path) || path.startsWith('/playlist/') || path.startsWith('/library')) return 'playlist';
  if (path === '/' || path.startsWith('/?') || path.startsWith('/trending')) return 'home';
  if (path.startsWith('/search')) return 'search';
  if (path.startsWith('/subscriptions')) return 'subscriptions';
  if (path.startsWith('/channel/')) return 'channel';
  if (path.startsWith('/watch/')) return 'recommendations';
  return 'direct';
}

/** The referrer class of the page being watched now. */
export function referrerClass(): ReferrerClass {
  if (current && /[?&]list=/.test(current)) return 'playlist';
  if (previous) return classifyPath(previous);
  try {
    if (document.referrer && new URL(document.referrer).origin !== window.location.origin) return 'external';
  } catch {
    // An unparsable referrer says nothing.
  }
  return 'direct';
}
