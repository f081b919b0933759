import { useCallback, useEffect, useState } from 'react';

export type Theme = 'dark' | 'light';
const STORAGE_KEY = 'streamhub.theme';
const CHANGED = 'streamhub:theme';
const LIGHT_QUERY = '(prefers-color-scheme: light)';

function preferredTheme(): Theme {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored === 'dark' || stored === 'light') return stored;
  return window.matchMedia(LIGHT_QUERY).matches ? 'light' : 'dark';
}

function apply(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
  // The browser's own UI (address bar on phones, installed app's title bar) follows the page.
  document.querySelector('meta[name="theme-color"]')?.setAttribute('content', theme === 'dark' ? '#0f0f10' : '#ffffff');
  window.dispatchEvent(new Event(CHANGED));
}

/** Sets the theme before the first render so the page never flashes the other one. */
export function applyStoredTheme(): void {
  apply(preferredTheme());
  // Without a choice of their own, people follow their system's setting, also when it changes (at dusk).
  window.matchMedia(LIGHT_QUERY).addEventListener('change', () => {
    if (!localStorage.getItem(STORAGE_KEY)) apply(preferredTheme());
  });
}

/** The current theme and a switch; every user of the hook (top bar, drawer) sees the same one. */
export function useTheme(): [Theme, () => void] {
  const [theme, setTheme] = useState<Theme>(preferredTheme);
  useEffect(() => {
    const read = () => setTheme(document.documentElement.dataset.theme === 'light' ? 'light' : 'dark');
    window.addEventListener(CHANGED, read);
    return () => window.removeEventListener(CHANGED, read);
  }, []);
  const toggle = useCallback(() => {
    const next: Theme = document.documentElement.dataset.theme === 'light' ? 'dark' : 'light';
    localStorage.setItem(STORAGE_KEY, next);
    apply(next);
  }, []);
  return [theme, toggle];
}
