import { z } from 'zod';
import { publicUserSchema, toPublicUser } from '../users/schemas.ts';
import { pageQuery } from '../../platform/pagination/page-query.ts';
import type { ChannelOverview } from './service.ts';

export const channelVideosQuery = pageQuery.extend({
  sort: z.enum(['newest', 'popular']).default('newest').describe('newest: upload time; popular: views'),
});

export const channelSchema = z.object({
  user: publicUserSchema,
  subscriberCount: z.number(),
  subscriptionCount: z.number().describe('channels this user subscribes to'),
  videoCount: z.number().describe('ready public videos'),
  totalViews: z.number().describe('views of the ready public videos'),
  isSubscribed: z.boolean().describe('whether the caller subscribes; false without a token'),
  notificationsEnabled: z.boolean().nullable().describe("the caller's notification setting; null when not subscribed"),
});

export function toChannel(overview: ChannelOverview): z.infer<typeof channelSchema> {
  return {
    user: toPublicUser(overview.user),
    subscriberCount: overview.subscriberCount,
    subscriptionCount: overview.subscriptionCount,
    videoCount: overview.videoCount,
    totalViews: overview.totalViews,
    isSubscribed: overview.isSubscribed,
    notificationsEnabled: overview.notificationsEnabled,
  };
}
