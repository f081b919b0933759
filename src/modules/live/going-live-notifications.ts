import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { field } from '../notifications/kinds.ts';
import type { NotificationsModule } from '../notifications/module.ts';
import { subscriberQueries } from '../subscriptions/subscriber-queries.ts';
import { userQueries } from '../users/user-queries.ts';
import type { LiveStreamRow } from './live-streams.ts';

export const GOING_LIVE_KIND = 'live.started';
const BATCH_SIZE = 500;

/** The "going live" kind, registered with the notifications module like any feature's kind. */
export function registerGoingLiveKind(notifications: NotificationsModule): void {
  notifications.kinds.register({
    id: GOING_LIVE_KIND,
    label: 'Channels you follow going live',
    description: 'When a channel you subscribed to with notifications on starts a live stream or a premiere.',
    defaultDelivery: 'in_app',
    audience: 'everyone',
    render: (data) => ({
      text: `${field(data, 'channelName')} is live: ${field(data, 'title')}`,
      link: `/live/${field(data, 'streamId')}`,
    }),
  });
}

/**
 * Tells the channel's subscribers with notifications on, in batches. The stream id is the source key,
 * so an encoder reconnecting (the same stream) never notifies anyone twice.
 */
export async function notifyGoingLive(
  deps: { db: Kysely<DB>; notifications: NotificationsModule },
  stream: LiveStreamRow,
): Promise<number> {
  const channel = await userQueries.findById(deps.db, stream.channel_id);
  if (!channel || channel.banned_at) return 0;
  let notified = 0;
  await subscriberQueries.forEachBatch(
    deps.db,
    channel.id,
    BATCH_SIZE,
    async (userIds) => {
      notified += (
        await deps.notifications.notifier.notify({
          sourceKey: `live.started:${stream.id}`,
          kind: GOING_LIVE_KIND,
          recipients: userIds,
          actorId: channel.id,
          data: { streamId: stream.id, title: stream.title, channelId: channel.id, channelName: channel.username },
        })
      ).length;
    },
    { notificationsEnabledOnly: true },
  );
  return notified;
}
