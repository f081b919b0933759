import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../platform/db/schema.ts';
import { toIsoOrNull } from '../../platform/http/envelope.ts';
import { userQueries } from '../users/user-queries.ts';
import { chatRepo } from './chat/chat-repo.ts';
import type { ChatHub } from './chat/chat-hub.ts';
import { liveHlsPrefix } from './ingest/segment-publisher.ts';
import type { LiveStreamRow } from './live-streams.ts';
import type { liveStreamSchema } from './schemas.ts';

export const LIVE_MEDIA_PATH = '/media/live';
export const chatSocketPath = (streamId: string) => `/api/v1/live/streams/${streamId}/chat`;

/** The playback URL of a live stream's HLS: the same /media delivery as videos, under /media/live. */
export const livePlaybackUrl = (streamId: string) =>
  `${LIVE_MEDIA_PATH}/${streamId}/${liveHlsPrefix(streamId).split('/').pop()}/master.m3u8`;

export async function presentLiveStream(
  deps: { db: Kysely<DB>; hub: ChatHub },
  stream: LiveStreamRow,
): Promise<z.infer<typeof liveStreamSchema>> {
  const [channel, pinned] = await Promise.all([
    userQueries.findById(deps.db, stream.channel_id),
    stream.pinned_message_id ? chatRepo.find(deps.db, String(stream.pinned_message_id)) : undefined,
  ]);
  return {
    id: stream.id,
    kind: stream.kind,
    channelId: stream.channel_id,
    channelName: channel?.username ?? '',
    title: stream.title,
    description: stream.description,
    status: stream.status,
    scheduledAt: toIsoOrNull(stream.scheduled_at),
    startedAt: toIsoOrNull(stream.started_at),
    endedAt: toIsoOrNull(stream.ended_at),
    videoId: stream.video_id,
    playbackUrl: stream.kind === 'live' && stream.status === 'live' ? livePlaybackUrl(stream.id) : null,
    viewerCount: deps.hub.presence(stream.id),
    chat: {
      slowModeSeconds: stream.slow_mode_seconds,
      subscribersOnly: stream.subscribers_only,
      pinned: pinned && pinned.status === 'visible' ? pinned : null,
      socketPath: chatSocketPath(stream.id),
    },
  };
}
