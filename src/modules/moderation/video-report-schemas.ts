import { z } from 'zod';
import { isoDate } from '../../platform/http/envelope.ts';
import { VIDEO_REPORT_ACTIONS, VIDEO_REPORT_REASONS } from './tables.ts';

const noteSchema = z.string().trim().max(1000, 'must be at most 1000 characters');

export const reportVideoBody = z
  .object({
    reason: z.enum(VIDEO_REPORT_REASONS),
    details: noteSchema.optional().describe('what the moderators should know, e.g. where in the video'),
  })
  .strict();

export const resolveVideoReportBody = z
  .object({
    action: z.enum(VIDEO_REPORT_ACTIONS).describe('dismiss: keep the video; remove_video: delete it'),
    note: noteSchema.optional(),
  })
  .strict();

export const videoReportSchema = z.object({
  id: z.string(),
  videoId: z.string(),
  reason: z.enum(VIDEO_REPORT_REASONS),
  details: z.string().nullable(),
  status: z.enum(['open', 'resolved']),
  resolution: z.enum(VIDEO_REPORT_ACTIONS).nullable(),
  resolutionNote: z.string().nullable(),
  resolvedBy: z.string().nullable(),
  resolvedAt: isoDate.nullable(),
  createdAt: isoDate,
});

const userSummary = z.object({ id: z.string(), username: z.string() });

/** A report as the admin queue shows it: with the video, its creator and the reporter. */
export const adminVideoReportSchema = videoReportSchema.extend({
  reporter: userSummary,
  video: z.object({
    id: z.string(),
    title: z.string(),
    isRemoved: z.boolean(),
    openReportCount: z.number().int().describe('open reports on this video, this one included'),
    creator: userSummary,
  }),
});

export const videoReportResolutionSchema = z.object({
  report: videoReportSchema,
  resolvedReports: z
    .number()
    .int()
    .describe('open reports of the same video closed by this decision, this one included'),
});
