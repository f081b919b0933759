import { z } from 'zod';
import { isoDate, isoDateInput } from '../../platform/http/envelope.ts';
import { usernameSchema } from '../users/schemas.ts';

export const streamKeySchema = z.object({ id: z.uuid(), prefix: z.string(), createdAt: isoDate });
export const issuedStreamKeySchema = streamKeySchema.extend({
  key: z.string().describe('The stream key: shown this once, only its hash is stored'),
  rtmpUrl: z.string().describe('Server URL for the encoder (OBS: Settings → Stream → Server)'),
});
export const ingestInfoSchema = z.object({
  rtmpUrl: z.string(),
  segmentSeconds: z.number().int(),
  dvrWindowSeconds: z.number().int(),
  maxDurationSeconds: z.number().int(),
  reconnectGraceSeconds: z.number().int(),
});

export const chatMessageSchema = z.object({
  id: z.string().describe('Ordered message id (a decimal bigint)'),
  streamId: z.uuid(),
  authorId: z.uuid(),
  authorName: z.string(),
  body: z.string(),
  status: z.enum(['visible', 'held', 'deleted']),
  offsetMs: z.number().int().describe('Milliseconds since the stream started: replay position in the recording'),
  createdAt: isoDate,
});

export const liveStreamSchema = z.object({
  id: z.uuid(),
  kind: z.enum(['live', 'premiere']),
  channelId: z.uuid(),
  channelName: z.string(),
  title: z.string(),
  description: z.string(),
  status: z.enum(['scheduled', 'live', 'ended', 'processing', 'ready', 'failed']),
  scheduledAt: isoDate.nullable(),
  startedAt: isoDate.nullable(),
  endedAt: isoDate.nullable(),
  videoId: z.uuid().nullable().describe("The premiere's video, or the recording once the stream ended"),
  playbackUrl: z
    .string()
    .nullable()
    .describe('Live HLS master playlist while live (null for premieres: play the video)'),
  viewerCount: z.number().int(),
  chat: z.object({
    slowModeSeconds: z.number().int(),
    subscribersOnly: z.boolean(),
    pinned: chatMessageSchema.nullable(),
    socketPath: z.string().describe('WebSocket path of the chat room (protocol in docs/LIVE.md)'),
  }),
});

/** A client clock a little behind the server's must not turn "in five minutes" into an error. */
const CLOCK_SKEW_MS = 60_000;

export const scheduleBody = z
  .object({
    title: z.string().trim().min(1).max(200),
    description: z.string().max(5000).optional(),
    scheduledAt: isoDateInput
      .refine((at) => at.getTime() > Date.now() - CLOCK_SKEW_MS, 'must be in the future')
      .optional(),
  })
  .strict();

export const premiereBody = z
  .object({
    videoId: z.uuid(),
    scheduledAt: isoDateInput,
    title: z.string().trim().min(1).max(200).optional(),
  })
  .strict();

export const chatSettingsBody = z
  .object({
    slowModeSeconds: z.number().int().min(0).max(3600).optional(),
    subscribersOnly: z.boolean().optional(),
  })
  .strict();

export const moderatorBody = z.object({ userId: z.uuid() }).strict();
export const appointModeratorBody = z.object({ username: usernameSchema }).strict();
export const chatModeratorSchema = z.object({
  userId: z.uuid(),
  username: z.string(),
  appointedAt: isoDate,
});
export const channelModeratorParams = z.object({ id: z.uuid(), userId: z.uuid() });
export const idParams = z.object({ id: z.uuid() });
export const videoIdParams = z.object({ videoId: z.uuid() });
export const replayQuery = z.object({
  fromMs: z.coerce.number().int().min(0).default(0),
  toMs: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
