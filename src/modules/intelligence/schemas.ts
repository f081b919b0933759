import { z } from 'zod';
import { isoDate } from '../../platform/http/envelope.ts';

const modelSchema = z.object({ provider: z.enum(['local', 'remote']), name: z.string(), version: z.string() });
const seconds = z.number().min(0, 'must be at least 0').max(86_400, 'must be at most 86400 (24 h)');

export const segmentSchema = z.object({
  startSeconds: seconds,
  endSeconds: seconds,
  text: z.string().trim().min(1, 'must not be empty').max(1000, 'must be at most 1000 characters'),
});

export const transcriptSchema = z.object({
  language: z.string(),
  model: modelSchema.describe('the model that made it (kept after a creator edit: what the edit started from)'),
  editedAt: isoDate.nullable().describe('set once the creator edited it; model re-runs then leave it alone'),
  updatedAt: isoDate,
  captionsUrl: z.string().nullable().describe('WebVTT captions (also listed in the HLS master playlist)'),
  segments: z.array(segmentSchema.extend({ position: z.number().int() })),
});

/** Segments in time order, each ending after it starts: what captions and chapters need. */
export const putTranscriptBody = z
  .object({
    language: z
      .string()
      .regex(/^[a-z]{2}$/, 'must be an ISO 639-1 code such as "en"')
      .default('en'),
    segments: z.array(segmentSchema).max(5000, 'at most 5000 segments'),
  })
  .superRefine((body, context) => {
    body.segments.forEach((segment, index) => {
      if (segment.endSeconds < segment.startSeconds) {
        context.addIssue({
          code: 'custom',
          path: ['segments', index, 'endSeconds'],
          message: 'must not be before startSeconds',
        });
      }
      const previous = body.segments[index - 1];
      if (previous && segment.startSeconds < previous.startSeconds) {
        context.addIssue({
          code: 'custom',
          path: ['segments', index, 'startSeconds'],
          message: 'segments must be in time order',
        });
      }
    });
  });

export const chapterSchema = z.object({
  title: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
  startSeconds: seconds,
});

export const insightsSchema = z.object({
  summary: z.string(),
  keyPoints: z.array(z.string()),
  chapters: z.array(chapterSchema),
  model: modelSchema,
  editedAt: isoDate.nullable(),
  updatedAt: isoDate,
});

export const putInsightsBody = z.object({
  summary: z.string().trim().max(5000, 'must be at most 5000 characters'),
  keyPoints: z
    .array(z.string().trim().min(1, 'must not be empty').max(500, 'must be at most 500 characters'))
    .max(20, 'at most 20 key points'),
  chapters: z
    .array(chapterSchema)
    .max(100, 'at most 100 chapters')
    .refine(
      (chapters) =>
        chapters.every((chapter, index) => index === 0 || chapter.startSeconds > chapters[index - 1]!.startSeconds),
      'chapters must start at increasing times',
    ),
});
