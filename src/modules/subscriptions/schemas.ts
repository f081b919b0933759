import { z } from 'zod';
import { isoDate, toIso } from '../../platform/http/envelope.ts';
import { publicUserSchema, toPublicUser } from '../users/schemas.ts';
import type { SubscriptionWithUser } from './repo.ts';
import type { SubscriptionState } from './service.ts';

export const notificationsBody = z
  .object({
    notificationsEnabled: z.boolean().describe('whether new uploads of this channel notify you'),
  })
  .strict();

const fromVideoId = z
  .uuid()
  .optional()
  .describe("the video whose page the button is on, if any: the channel's analytics credit that video");

/** Where a subscribe happened (optional body: a bare POST still subscribes). */
export const subscriptionSourceBody = z.object({ fromVideoId }).strict().nullish();

/** Where an unsubscribe happened. */
export const subscriptionSourceQuery = z.object({ fromVideoId }).strict();

export const subscriptionStateSchema = z.object({
  channelId: z.string(),
  subscribed: z.literal(true),
  notificationsEnabled: z.boolean(),
  subscribedAt: isoDate,
  subscriberCount: z.number().describe("the channel's subscribers after this change"),
});

/** A follower, or a followed channel: the other account's public profile and when the subscription began. */
export const subscriptionEntrySchema = z.object({
  user: publicUserSchema,
  subscribedAt: isoDate,
});

export const mySubscriptionSchema = subscriptionEntrySchema.extend({ notificationsEnabled: z.boolean() });

export function toSubscriptionState({
  subscription,
  subscriberCount,
}: SubscriptionState): z.infer<typeof subscriptionStateSchema> {
  return {
    channelId: subscription.channel_id,
    subscribed: true,
    notificationsEnabled: subscription.notifications_enabled,
    subscribedAt: toIso(subscription.created_at),
    subscriberCount,
  };
}

export function toSubscriptionEntry(row: SubscriptionWithUser): z.infer<typeof subscriptionEntrySchema> {
  return { user: toPublicUser(row), subscribedAt: toIso(row.subscribed_at) };
}

export function toMySubscription(row: SubscriptionWithUser): z.infer<typeof mySubscriptionSchema> {
  return { ...toSubscriptionEntry(row), notificationsEnabled: row.notifications_enabled };
}
