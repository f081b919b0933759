import { z } from 'zod';
import { isoDate, toIso } from '../../platform/http/envelope.ts';
import type { UserRow } from './repo.ts';

export const roleSchema = z.enum(['viewer', 'creator', 'admin']);

export const usernameSchema = z
  .string()
  .trim()
  .min(3, 'must be at least 3 characters')
  .max(30, 'must be at most 30 characters')
  .regex(/^[A-Za-z0-9_.-]+$/, 'may contain only letters, digits, dot, dash and underscore');

export const emailSchema = z
  .string()
  .trim()
  .max(254, 'must be at most 254 characters')
  .email('must be a valid email address');

export const userIdParams = z.object({ id: z.uuid('must be a UUID') });

/** What anyone may see about an account: never the email or any hash. */
export const publicUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  role: roleSchema,
  bio: z.string(),
  avatarUrl: z.string().nullable(),
  createdAt: isoDate,
});

/** The account holder's own view adds private fields. */
export const privateUserSchema = publicUserSchema.extend({ email: z.string() });

export const updateUserBody = z
  .object({
    username: usernameSchema.optional(),
    bio: z.string().max(1000, 'must be at most 1000 characters').optional(),
    avatarUrl: z
      .string()
      .trim()
      .max(2048)
      .url('must be a URL')
      .refine((url) => /^https?:\/\//.test(url), 'must be an http(s) URL')
      .nullable()
      .optional(),
    role: roleSchema.optional(),
  })
  .strict();

export function toPublicUser(user: UserRow): z.infer<typeof publicUserSchema> {
  return {
    id: user.id,
    username: user.username,
    role: user.role,
    bio: user.bio,
    avatarUrl: user.avatar_url,
    createdAt: toIso(user.created_at),
  };
}

export function toPrivateUser(user: UserRow): z.infer<typeof privateUserSchema> {
  return { ...toPublicUser(user), email: user.email };
}
