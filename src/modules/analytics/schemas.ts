import { z } from 'zod';
import { PLAYER_EVENT_TYPES } from './tables.ts';

export const MAX_EVENTS_PER_BATCH = 100;
export const MAX_EVENT_AGE_MS = 24 * 3600 * 1000;

export const REFERRER_CLASSES = [
  'home',
  'search',
  'subscriptions',
  'channel',
  'playlist',
  'recommendations',
  'external',
  'direct',
] as const;

const seconds = z
  .number()
  .min(0, 'must be 0 or more')
  .max(7 * 24 * 3600, 'is beyond any video length');

/** One thing that happened in the player; which fields are required depends on the type. */
export const playerEventSchema = z
  .object({
    type: z.enum(PLAYER_EVENT_TYPES),
    /** When it happened, on the client's clock (epoch ms); corrected with the batch's sentAt. */
    at: z.number().int().positive(),
    /** The playhead after the event (seconds). */
    position: seconds.optional(),
    /** heartbeat/pause/ended: where the played stretch began; seek: the playhead before the seek. */
    from: seconds.optional(),
    /** heartbeat/pause/ended: seconds actually played since the previous report. */
    secondsPlayed: z
      .number()
      .min(0, 'must be 0 or more')
      .max(600, 'cannot exceed 600 s between two reports')
      .optional(),
    /** play: startup time to the first frame; rebuffer: how long playback stalled. */
    durationMs: z.number().int().min(0).max(600_000, 'cannot exceed 10 minutes').optional(),
    /** The rendition playing, e.g. "720p". */
    rendition: z
      .string()
      .max(32)
      .regex(/^[\w.-]*$/, 'letters, digits, . - _ only')
      .optional(),
  })
  .superRefine((event, context) => {
    const need = (field: 'position' | 'from' | 'secondsPlayed' | 'durationMs') => {
      if (event[field] === undefined)
        context.addIssue({ code: 'custom', path: [field], message: `is required for a ${event.type} event` });
    };
    if (['heartbeat', 'pause', 'ended'].includes(event.type)) {
      need('position');
      need('from');
      need('secondsPlayed');
    }
    if (event.type === 'seek') {
      need('position');
      need('from');
    }
    if (event.type === 'play') need('position');
    if (event.type === 'rebuffer') need('durationMs');
    if (
      event.type !== 'seek' &&
      event.from !== undefined &&
      event.position !== undefined &&
      event.from > event.position
    ) {
      context.addIssue({
        code: 'custom',
        path: ['from'],
        message: 'a played stretch cannot start after the position it ends at',
      });
    }
  });

export const eventBatchSchema = z.object({
  /** A random id the player keeps for the tab; the server stores only a keyed hash that changes daily. */
  sessionId: z.string().regex(/^[A-Za-z0-9_-]{8,128}$/, '8-128 letters, digits, - or _'),
  videoId: z.string().uuid(),
  referrer: z.enum(REFERRER_CLASSES).default('direct'),
  /** The client's clock when it sent the batch (epoch ms): the offset to the server clock corrects every event. */
  sentAt: z.number().int().positive(),
  events: z
    .array(playerEventSchema)
    .min(1, 'must hold at least one event')
    .max(MAX_EVENTS_PER_BATCH, `at most ${MAX_EVENTS_PER_BATCH} events per batch`),
});
export type EventBatch = z.infer<typeof eventBatchSchema>;
export type PlayerEvent = z.infer<typeof playerEventSchema>;

export const ingestResultSchema = z.object({ accepted: z.number().int() });

const dateParam = z.string().regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/, 'a date such as 2026-12-06 or an ISO timestamp');

export const rangeQuery = z.object({
  from: dateParam.optional().describe('Start (inclusive); default 28 days before `to`'),
  to: dateParam.optional().describe('End (exclusive); default now'),
  granularity: z.enum(['hour', 'day']).default('day'),
});
export type RangeQuery = z.infer<typeof rangeQuery>;

export const channelQuery = rangeQuery.extend({
  channelId: z.string().uuid().optional().describe('Admins only: another channel'),
});

export const seriesPointSchema = z.object({
  start: z.string(),
  views: z.number(),
  uniqueViewers: z.number(),
  watchSeconds: z.number(),
  averageViewSeconds: z.number(),
  likes: z.number(),
  comments: z.number(),
  subscribersGained: z.number(),
  subscribersLost: z.number(),
  startupP50Ms: z.number().nullable(),
  startupP95Ms: z.number().nullable(),
  rebufferRatio: z.number(),
});

export const totalsSchema = z.object({
  views: z.number(),
  uniqueViewers: z.number(),
  watchSeconds: z.number(),
  averageViewSeconds: z.number(),
  likes: z.number(),
  comments: z.number(),
  subscribersGained: z.number(),
  subscribersLost: z.number(),
  rebufferRatio: z.number(),
  startupP50Ms: z.number().nullable(),
  startupP95Ms: z.number().nullable(),
});

export const breakdownSchema = z.array(z.object({ key: z.string(), views: z.number(), share: z.number() }));
