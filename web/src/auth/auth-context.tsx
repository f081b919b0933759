import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { PrivateUser, Role, Session } from '../api/types.ts';
import * as authApi from './auth-api.ts';
import { clearTokens, onTokensChange, readTokens, saveSession } from './token-store.ts';

export interface RegisterInput {
  username: string;
  email: string;
  password: string;
  role: Extract<Role, 'viewer' | 'creator'>;
}

interface AuthState {
  user: PrivateUser | null;
  /** True until the stored session (if any) has been checked. */
  loading: boolean;
  login(email: string, password: string): Promise<void>;
  register(input: RegisterInput): Promise<void>;
  logout(): Promise<void>;
  /** Opens a channel: a viewer becomes a creator, with a fresh token carrying the new role. */
  becomeCreator(): Promise<void>;
  /** Saves the name and About text; pages showing the old name read it again. */
  saveProfile(changes: authApi.ProfileChanges): Promise<void>;
  /** Changes the password; this tab goes on in the new session the API answers, every other one is signed out. */
  changePassword(currentPassword: string, newPassword: string): Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);
const ME_KEY = authApi.meKey;

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [signedIn, setSignedIn] = useState(() => readTokens() !== null);

  useEffect(() => onTokensChange((tokens) => setSignedIn(tokens !== null)), []);

  const me = useQuery({
    queryKey: ME_KEY,
    queryFn: authApi.fetchMe,
    enabled: signedIn,
    staleTime: 5 * 60_000,
    retry: false,
  });

  const startSession = useCallback(
    (session: Session) => {
      saveSession(session);
      queryClient.setQueryData(ME_KEY, session.user);
      // Lists carry per-user fields (hasLiked, isSubscribed): read them again as the new user.
      void queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== 'auth' });
    },
    [queryClient],
  );

  const login = useCallback(
    async (email: string, password: string) => {
      startSession(await authApi.login(email, password));
    },
    [startSession],
  );

  const register = useCallback(
    async (input: RegisterInput) => {
      startSession(await authApi.register(input));
    },
    [startSession],
  );

  const logout = useCallback(async () => {
    const tokens = readTokens();
    clearTokens();
    queryClient.clear();
    if (tokens) {
      await authApi.logout(tokens.refreshToken).catch(() => undefined);
    }
  }, [queryClient]);

  const becomeCreator = useCallback(async () => {
    const user = me.data;
    const tokens = readTokens();
    if (!user || !tokens) throw new Error('Sign in first');
    await authApi.setUserRole(user.id, 'creator');
    startSession(await authApi.refreshSession(tokens.refreshToken));
  }, [me.data, startSession]);

  const saveProfile = useCallback(
    async (changes: authApi.ProfileChanges) => {
      if (!me.data) throw new Error('Sign in first');
      queryClient.setQueryData(ME_KEY, await authApi.updateProfile(me.data.id, changes));
      void queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== 'auth' });
    },
    [me.data, queryClient],
  );

  const changePassword = useCallback(
    async (currentPassword: string, newPassword: string) => {
      startSession(await authApi.changePassword({ currentPassword, newPassword }));
    },
    [startSession],
  );

  const value = useMemo<AuthState>(
    () => ({
      user: signedIn ? (me.data ?? null) : null,
      loading: signedIn && me.isPending,
      login,
      register,
      logout,
      becomeCreator,
      saveProfile,
      changePassword,
    }),
    [signedIn, me.data, me.isPending, login, register, logout, becomeCreator, saveProfile, changePassword],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth must be used inside <AuthProvider>');
  return state;
}
