import { z } from 'zod';
import { isoDate } from '../../platform/http/envelope.ts';
import { REPORT_ACTIONS, REPORT_REASONS } from './tables.ts';
import { pageQuery } from '../../platform/pagination/page-query.ts';

const noteSchema = z.string().trim().max(1000, 'must be at most 1000 characters');

export const reportIdParams = z.object({ id: z.uuid('must be a UUID') });
export const userIdParams = z.object({ id: z.uuid('must be a UUID') });

export const reportCommentBody = z
  .object({
    reason: z.enum(REPORT_REASONS),
    details: noteSchema.optional().describe('what the moderators should know'),
  })
  .strict();

export const resolveReportBody = z
  .object({
    action: z
      .enum(REPORT_ACTIONS)
      .describe('dismiss: keep the comment; hide_comment: hide it; ban_user: suspend its author'),
    note: noteSchema.optional(),
  })
  .strict();

export const listReportsQuery = pageQuery.extend({
  status: z
    .enum(['open', 'resolved'])
    .default('open')
    .describe('open: oldest first (the queue); resolved: newest first'),
});

const userSummary = z.object({ id: z.string(), username: z.string() });

export const reportSchema = z.object({
  id: z.string(),
  commentId: z.string(),
  reason: z.enum(REPORT_REASONS),
  details: z.string().nullable(),
  status: z.enum(['open', 'resolved']),
  resolution: z.enum(REPORT_ACTIONS).nullable(),
  resolutionNote: z.string().nullable(),
  resolvedBy: z.string().nullable(),
  resolvedAt: isoDate.nullable(),
  createdAt: isoDate,
});
export type ReportResponse = z.infer<typeof reportSchema>;

/** A report as the admin queue shows it: with the comment (original text, even when deleted), its author and video. */
export const adminReportSchema = reportSchema.extend({
  reporter: userSummary,
  comment: z.object({
    id: z.string(),
    text: z.string(),
    isHidden: z.boolean(),
    isDeleted: z.boolean(),
    openReportCount: z.number().int().describe('open reports on this comment, this one included'),
    author: userSummary.extend({ isBanned: z.boolean() }),
    createdAt: isoDate,
  }),
  video: z.object({ id: z.string(), title: z.string() }),
});

export const resolutionSchema = z.object({
  report: reportSchema,
  resolvedReports: z
    .number()
    .int()
    .describe('open reports of the same comment closed by this decision, this one included'),
});

export const banSchema = z.object({ userId: z.string(), username: z.string(), bannedAt: isoDate.nullable() });
