import { z } from 'zod';
import { isoDate } from '../../platform/http/envelope.ts';
import { videoSchema } from '../videos/schemas.ts';

export const likeStateSchema = z.object({
  liked: z.boolean(),
  likes: z.number().describe('stored count plus likes not yet flushed'),
});

export const likedVideoSchema = z.object({
  likedAt: isoDate,
  video: videoSchema,
});
