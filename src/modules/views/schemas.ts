import { z } from 'zod';
import { isoDate } from '../../platform/http/envelope.ts';
import { videoSchema } from '../videos/schemas.ts';
import { SESSION_ID_PATTERN } from './viewer-identity.ts';

/** The longest single report of watch time we believe: a day of playback. */
const MAX_REPORTED_SECONDS = 24 * 3600;

export const historyVideoParams = z.object({ videoId: z.uuid('must be a UUID') });

export const viewHeaders = z.object({
  'x-session-id': z
    .string()
    .regex(SESSION_ID_PATTERN, 'must be 8-128 letters, digits, dashes or underscores')
    .optional()
    .describe('An anonymous player session; the same session counts one view per window'),
});

export const viewResultSchema = z.object({
  counted: z.boolean().describe('false when this viewer already counted within the de-duplication window'),
  views: z.number().describe('stored count plus views not yet flushed'),
});

export const progressBody = z
  .object({
    positionSeconds: z
      .number()
      .min(0, 'must not be negative')
      .max(MAX_REPORTED_SECONDS * 7, 'is too large')
      .describe('where playback is now, for resuming'),
    watchedSeconds: z
      .number()
      .min(0, 'must not be negative')
      .max(MAX_REPORTED_SECONDS, 'is too large')
      .describe('seconds played since your previous report for this video; added to the total'),
    completed: z.boolean().optional().describe('set when the viewer reached the end; omitted keeps the stored value'),
  })
  .strict();

export const progressSchema = z.object({
  videoId: z.string(),
  positionSeconds: z.number(),
  watchedSeconds: z.number().describe('total seconds watched'),
  completed: z.boolean(),
  lastWatchedAt: isoDate,
});

export const recordedProgressSchema = z.object({
  recorded: z.boolean().describe('false when your watch history is paused: nothing was stored'),
  progress: progressSchema.nullable().describe('what is stored now (the earlier position when paused)'),
});

export const historyEntrySchema = progressSchema.extend({ video: videoSchema });

export const historySettingsSchema = z.object({
  paused: z.boolean().describe('while paused, nothing new is recorded'),
});
export const historySettingsBody = historySettingsSchema.strict();

export type ProgressInput = z.infer<typeof progressBody>;
export type ProgressResponse = z.infer<typeof progressSchema>;
