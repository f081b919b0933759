/**
 * Registers the service worker (web/public/sw.js: app shell and static files cached, an offline page,
 * never API or media answers). Only in a production build: under Vite's dev server it would cache
 * modules that hot reload replaces.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  // After the page's own loading, so installing the worker never competes with the first paint.
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch((error: unknown) => {
      console.warn('StreamHub: the service worker could not be registered', error);
    });
  });
}
