import { z } from 'zod';
import { isoDate, toIso } from '../../platform/http/envelope.ts';
import { visibilitySchema, videoSchema } from '../videos/schemas.ts';
import type { PlaylistRow } from './repo.ts';

const titleSchema = z.string().trim().min(1, 'must not be empty').max(150, 'must be at most 150 characters');
const descriptionSchema = z.string().max(5000, 'must be at most 5000 characters');
const positionSchema = z.number().int().nonnegative().describe('0-based; past the end means last');

export const createPlaylistBody = z
  .object({
    title: titleSchema,
    description: descriptionSchema.default(''),
    visibility: visibilitySchema.default('public'),
  })
  .strict();

export const updatePlaylistBody = z
  .object({
    title: titleSchema.optional(),
    description: descriptionSchema.optional(),
    visibility: visibilitySchema.optional(),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, 'send at least one field to change');

export const playlistIdParams = z.object({ id: z.uuid('must be a UUID') });
export const playlistVideoParams = playlistIdParams.extend({ videoId: z.uuid('must be a UUID') });
export const videoIdParams = z.object({ videoId: z.uuid('must be a UUID') });

export const addVideoBody = z
  .object({
    videoId: z.uuid('must be a UUID'),
    position: positionSchema.optional(),
  })
  .strict();

export const watchLaterAddBody = z.object({ videoId: z.uuid('must be a UUID') }).strict();

export const moveVideoBody = z.object({ position: positionSchema }).strict();

export function reorderBody(maxItems: number) {
  return z
    .object({
      videoIds: z
        .array(z.uuid('must be a UUID'))
        .max(maxItems, `at most ${maxItems} videos`)
        .refine((ids) => new Set(ids).size === ids.length, 'must not list a video twice')
        .describe('every video of the playlist, in the new order'),
    })
    .strict();
}

export const playlistSchema = z.object({
  id: z.string(),
  ownerId: z.string(),
  kind: z.enum(['regular', 'watch_later']),
  title: z.string(),
  description: z.string(),
  visibility: visibilitySchema,
  itemCount: z.number().describe('entries, including any the caller cannot see'),
  createdAt: isoDate,
  updatedAt: isoDate,
});

export const playlistEntrySchema = z.object({
  position: z.number().describe('0-based place in the playlist'),
  addedAt: isoDate,
  video: videoSchema,
});

export const playlistWithEntriesSchema = z.object({
  playlist: playlistSchema,
  items: z.array(playlistEntrySchema).describe('one page of the videos the caller may see, in playlist order'),
});

export const placementSchema = z.object({
  playlist: playlistSchema,
  videoId: z.string(),
  position: z.number(),
});

export function toPlaylist(row: PlaylistRow): z.infer<typeof playlistSchema> {
  return {
    id: row.id,
    ownerId: row.owner_id,
    kind: row.kind,
    title: row.title,
    description: row.description,
    visibility: row.visibility,
    itemCount: row.item_count,
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}
