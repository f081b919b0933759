import { z } from 'zod';
import { emailSchema, privateUserSchema, usernameSchema } from '../users/schemas.ts';

// Bounded so a multi-megabyte "password" cannot be used to burn CPU in the hash function.
const passwordSchema = z.string().min(1, 'is required').max(128, 'must be at most 128 characters');

export const registerBody = z
  .object({
    username: usernameSchema,
    email: emailSchema,
    password: passwordSchema,
    role: z.enum(['viewer', 'creator']).default('viewer').describe('creator to open a channel and upload'),
  })
  .strict();

export const loginBody = z
  .object({
    email: z.string().trim().min(1, 'is required').max(254).describe('email address or username'),
    password: passwordSchema,
  })
  .strict();

export const refreshBody = z.object({ refreshToken: z.string().min(10).max(200) }).strict();

export const forgotPasswordBody = z.object({ email: emailSchema }).strict();

export const resetPasswordBody = z
  .object({
    token: z.string().min(10).max(200),
    password: passwordSchema,
  })
  .strict();

export const changePasswordBody = z
  .object({
    currentPassword: passwordSchema,
    newPassword: passwordSchema,
  })
  .strict();

export const sessionSchema = z.object({
  user: privateUserSchema,
  accessToken: z.string(),
  refreshToken: z.string(),
  tokenType: z.literal('Bearer'),
  expiresIn: z.number().describe('access token lifetime in seconds'),
});

export const messageSchema = z.object({ message: z.string() });
