import { z } from 'zod';
import { isoDate } from '../../platform/http/envelope.ts';
import { DELIVERIES } from './kinds.ts';

export const notificationSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  text: z.string().describe('the sentence to show, e.g. "3 new videos from ada"'),
  link: z.string().describe('app path of the thing: the video (at a second), the comment thread, the studio row'),
  count: z.number().int().describe('events collapsed into this notification'),
  thumbnailUrl: z.string().nullable(),
  actor: z.object({ id: z.string(), username: z.string() }).nullable(),
  read: z.boolean(),
  createdAt: isoDate,
  updatedAt: isoDate,
});
export type NotificationResponse = z.infer<typeof notificationSchema>;

export const listQuery = z
  .object({
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1, 'must be at least 1').max(50, 'must be at most 50').default(20),
    unread: z
      .enum(['true', 'false'])
      .optional()
      .transform((value) => value === 'true'),
  })
  .strict();

export const idParams = z.object({ id: z.uuid('must be a notification id') });

export const readBody = z
  .object({ read: z.boolean().default(true) })
  .strict()
  .default({ read: true });

export const deliverySchema = z.enum(DELIVERIES);

export const preferenceSchema = z.object({
  kind: z.string(),
  label: z.string(),
  description: z.string(),
  delivery: deliverySchema,
  defaultDelivery: deliverySchema,
});

export const preferencesBody = z
  .object({
    preferences: z
      .array(z.object({ kind: z.string().min(1).max(64), delivery: deliverySchema }).strict())
      .min(1)
      .max(100),
  })
  .strict();

export const unsubscribeQuery = z.object({
  user: z.uuid('must be a user id'),
  kind: z.string().min(1).max(64),
  sig: z.string().min(1).max(200),
});

export const unsubscribeResult = z.object({ kind: z.string(), label: z.string(), unsubscribed: z.array(z.string()) });
