// Where the session's tokens live between page loads. localStorage keeps a signed-in user signed in
// across tabs and reloads; the access token is short-lived and the refresh token rotates on every use.
import type { Session } from '../api/types.ts';

const STORAGE_KEY = 'streamhub.session';

export interface StoredTokens {
  accessToken: string;
  refreshToken: string;
}

type Listener = (tokens: StoredTokens | null) => void;
const listeners = new Set<Listener>();

export function readTokens(): StoredTokens | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as StoredTokens) : null;
  } catch {
    return null;
  }
}

export function saveSession(session: Pick<Session, 'accessToken' | 'refreshToken'>): void {
  const tokens = { accessToken: session.accessToken, refreshToken: session.refreshToken };
  localStorage.setItem(STORAGE_KEY, JSON.stringify(tokens));
  listeners.forEach((listener) => listener(tokens));
}

export function clearTokens(): void {
  localStorage.removeItem(STORAGE_KEY);
  listeners.forEach((listener) => listener(null));
}

export function onTokensChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

// Another tab signing in or out changes this tab's session too.
window.addEventListener('storage', (event) => {
  if (event.key === STORAGE_KEY) listeners.forEach((listener) => listener(readTokens()));
});
