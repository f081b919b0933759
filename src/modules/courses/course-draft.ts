import { z } from 'zod';
import { questionInput } from './schemas.ts';

/**
 * A generated course before it is stored: what the local builder produces and what a configured
 * generator must answer (validated against this schema; anything else is retried once, then replaced
 * by the local result).
 */
export const draftLesson = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('video'),
    title: z.string().min(1).max(150),
    summary: z.string().max(5000),
    videoId: z.uuid(),
  }),
  z.object({
    kind: z.literal('reading'),
    title: z.string().min(1).max(150),
    summary: z.string().max(5000),
    bodyMarkdown: z.string().max(100_000),
  }),
  z.object({
    kind: z.literal('quiz'),
    title: z.string().min(1).max(150),
    summary: z.string().max(5000),
    questions: z.array(questionInput).min(1).max(50),
  }),
]);

export const courseDraftSchema = z.object({
  title: z.string().min(1).max(150),
  description: z.string().max(5000),
  keyTerms: z.array(z.string().max(100)).max(50),
  modules: z
    .array(z.object({ title: z.string().min(1).max(150), lessons: z.array(draftLesson).min(1).max(100) }))
    .min(1)
    .max(50),
});

export type CourseDraft = z.infer<typeof courseDraftSchema>;
export type DraftLesson = z.infer<typeof draftLesson>;
