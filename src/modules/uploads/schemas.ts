import { z } from 'zod';
import { isoDate } from '../../platform/http/envelope.ts';
import { videoStatusSchema } from '../videos/schemas.ts';

/** S3 numbers parts 1..10,000. */
export const MAX_PARTS = 10_000;

export const uploadUrlBody = z
  .object({
    videoId: z.uuid('must be the id of a video you created with POST /api/v1/videos'),
    filename: z.string().trim().min(1, 'must not be empty').max(255, 'must be at most 255 characters'),
    sizeBytes: z.number().int('must be a whole number of bytes').positive('must be at least 1 byte'),
    contentType: z
      .string()
      .trim()
      .max(255)
      .regex(/^[\w.+-]+\/[\w.+-]+$/, 'must be a MIME type such as video/mp4'),
  })
  .strict();

export const uploadUrlResponse = z.object({
  uploadId: z.string().describe('pass back to upload-complete'),
  partSize: z.number().describe('bytes per part; every part but the last must be exactly this long'),
  parts: z.array(
    z.object({
      partNumber: z.number(),
      url: z.string().describe("PUT this part's bytes here; keep the response's ETag header"),
    }),
  ),
  expiresAt: isoDate.describe('the part URLs and the upload itself expire then'),
});

export const uploadCompleteBody = z
  .object({
    uploadId: z.uuid('must be the uploadId returned by upload-url'),
    parts: z
      .array(
        z
          .object({
            partNumber: z.number().int().min(1).max(MAX_PARTS),
            etag: z.string().trim().min(1, "must be the ETag header of the part's PUT response").max(200),
          })
          .strict(),
      )
      .min(1, 'list every part you uploaded')
      .max(MAX_PARTS),
  })
  .strict();

export const uploadCompleteResponse = z.object({
  uploadId: z.string(),
  video: z.object({ id: z.string(), status: videoStatusSchema }),
});

export type UploadUrlBody = z.infer<typeof uploadUrlBody>;
export type UploadUrlResponse = z.infer<typeof uploadUrlResponse>;
export type UploadCompleteBody = z.infer<typeof uploadCompleteBody>;
