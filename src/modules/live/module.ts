import type { Config } from '../../config.ts';
import type { RoutedModeration } from '../../platform/ai/routed-moderation-translation.ts';
import type { Platform } from '../../platform/platform.ts';
import { createRateLimiter } from '../../platform/rate-limit/create-rate-limiter.ts';
import type { NotificationsModule } from '../notifications/module.ts';
import type { SubscriptionService } from '../subscriptions/service.ts';
import type { VideoService } from '../videos/service.ts';
import { ChatHub } from './chat/chat-hub.ts';
import { ChatModerators } from './chat/chat-moderators.ts';
import { chatRepo } from './chat/chat-repo.ts';
import { ChatService } from './chat/chat-service.ts';
import { createSlowModeGate } from './chat/slow-mode.ts';
import { notifyGoingLive, registerGoingLiveKind } from './going-live-notifications.ts';
import { LiveIngest } from './ingest/live-ingest.ts';
import { LiveStreamService } from './live-streams.ts';
import { publishRecording } from './recording.ts';
import { StreamKeyService } from './stream-keys.ts';
import { installLiveViewerMetric } from './live-metrics.ts';

export interface LiveModuleDeps {
  platform: Platform;
  notifications: NotificationsModule;
  subscriptions: SubscriptionService;
  videos: VideoService;
  moderator: RoutedModeration;
}

/**
 * The live module, built once per process by the composition root: stream keys, live streams and
 * premieres, the chat (service and this process's rooms) and, on demand, the RTMP ingest (`serve` in
 * embedded mode, `streamhub live` in scale mode).
 */
export function createLiveModule(deps: LiveModuleDeps) {
  const { platform } = deps;
  const { config, logger } = platform;
  const db = platform.database.db;
  registerGoingLiveKind(deps.notifications);
  const keys = new StreamKeyService(db);
  const liveStreams = new LiveStreamService({ db, config: config.live, storage: platform.storage });
  const hub = new ChatHub(
    platform.pubsub,
    (streamId) => chatRepo.history(db, streamId, undefined),
    config.live.chat.tickMs,
  );
  const chat = new ChatService({
    db,
    liveStreams,
    subscriptions: deps.subscriptions,
    moderator: deps.moderator,
    limiter: createRateLimiter(platform, {
      name: 'live-chat',
      capacity: config.live.chat.messagesPer10s,
      refillPerMinute: config.live.chat.messagesPer10s * 6,
    }),
    slowMode: createSlowModeGate(platform),
    pubsub: platform.pubsub,
    config: config.live.chat,
    moderationThreshold: config.moderation.threshold,
    logger,
  });
  hub.observe((streamId, event) => chat.observe(streamId, event));
  const moderators = new ChatModerators({ db, chat });
  installLiveViewerMetric(platform.metrics, hub);

  return {
    keys,
    liveStreams,
    hub,
    chat,
    moderators,
    /** The RTMP ingest; the caller starts and closes it. */
    createIngest(): LiveIngest {
      return new LiveIngest({
        config: config.live,
        dataDir: config.dataDir,
        storage: platform.storage,
        keys,
        liveStreams,
        logger,
        onLive: async (stream) => {
          const notified = await notifyGoingLive({ db, notifications: deps.notifications }, stream);
          logger.info({ streamId: stream.id, notified }, 'live stream started');
        },
        onEnded: async (stream, recordingPath) => {
          await hub.publish(stream.id, { type: 'ended' });
          const videoId = await publishRecording(
            { videos: deps.videos, storage: platform.storage, liveStreams },
            stream,
            recordingPath,
          );
          logger.info({ streamId: stream.id, videoId }, 'live recording handed to processing');
        },
      });
    },
  };
}

export type LiveModule = ReturnType<typeof createLiveModule>;

/** The public RTMP URL creators paste into their encoder (the key goes in OBS's "Stream Key" box). */
export function rtmpIngestUrl(config: Pick<Config, 'live' | 'publicUrl'>, listeningPort?: number): string {
  if (config.live.rtmpPublicUrl) return config.live.rtmpPublicUrl.replace(/\/+$/, '');
  const host = config.publicUrl ? new URL(config.publicUrl).hostname : 'localhost';
  return `rtmp://${host}:${listeningPort ?? config.live.rtmpPort}/live`;
}
