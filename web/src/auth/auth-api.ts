// Accounts and sessions: sign in/up/out, the signed-in user, password reset and change, the profile,
// opening a channel.
import { api, unwrap } from '../api/typed-client.ts';
import type { ApiBody } from '../api/types.ts';

export const meKey = ['auth', 'me'] as const;

export type RegisterBody = ApiBody<'/api/v1/auth/register', 'post'>;

export const fetchMe = () => unwrap(api.GET('/api/v1/auth/me'));
export const login = (email: string, password: string) =>
  unwrap(api.POST('/api/v1/auth/login', { body: { email, password } }));
export const register = (body: RegisterBody) => unwrap(api.POST('/api/v1/auth/register', { body }));
export const logout = (refreshToken: string) => unwrap(api.POST('/api/v1/auth/logout', { body: { refreshToken } }));
export const refreshSession = (refreshToken: string) =>
  unwrap(api.POST('/api/v1/auth/refresh', { body: { refreshToken } }));
export const setUserRole = (userId: string, role: NonNullable<ApiBody<'/api/v1/users/{id}', 'put'>['role']>) =>
  unwrap(api.PUT('/api/v1/users/{id}', { params: { path: { id: userId } }, body: { role } }));
export type ProfileChanges = Pick<ApiBody<'/api/v1/users/{id}', 'put'>, 'username' | 'bio'>;
export const updateProfile = (userId: string, body: ProfileChanges) =>
  unwrap(api.PUT('/api/v1/users/{id}', { params: { path: { id: userId } }, body }));
export const changePassword = (body: ApiBody<'/api/v1/auth/change-password', 'post'>) =>
  unwrap(api.POST('/api/v1/auth/change-password', { body }));
export const requestPasswordReset = (email: string) =>
  unwrap(api.POST('/api/v1/auth/forgot-password', { body: { email } }));
export const resetPassword = (body: ApiBody<'/api/v1/auth/reset-password', 'post'>) =>
  unwrap(api.POST('/api/v1/auth/reset-password', { body }));
