import type { IncomingHttpHeaders } from 'node:http';
import { Metadata } from '@tus/server';
import { z } from 'zod';
import { badRequest, validationError } from '../../platform/http/errors.ts';

export interface TusCreation {
  videoId: string;
  sizeBytes: number;
  filename?: string;
  filetype?: string;
}

const creationMetadata = z.object({
  videoId: z.uuid('must be the id of a video you created with POST /api/v1/videos'),
  filename: z.string().max(255, 'must be at most 255 characters').optional(),
  filetype: z.string().max(255, 'must be at most 255 characters').optional(),
});

/**
 * Reads a tus creation request's Upload-Length and Upload-Metadata before any bytes are accepted,
 * so a bad request gets a precise 400 rather than an upload that fails later.
 */
export function parseTusCreation(headers: IncomingHttpHeaders): TusCreation {
  const length = headers['upload-length'];
  if (length === undefined) {
    throw badRequest(
      'Send Upload-Length: the size must be known up front (Upload-Defer-Length is not supported) because it counts against your upload limits',
    );
  }
  if (typeof length !== 'string' || !/^\d{1,16}$/.test(length))
    throw badRequest('Upload-Length must be a whole number of bytes');

  const header = headers['upload-metadata'];
  let metadata: Record<string, string | null> = {};
  try {
    if (header !== undefined) metadata = Metadata.parse(String(header));
  } catch {
    throw badRequest(
      'Upload-Metadata is malformed: send comma-separated "key base64(value)" pairs, e.g. "videoId <base64 id>,filename <base64 name>"',
    );
  }
  const parsed = creationMetadata.safeParse(
    Object.fromEntries(Object.entries(metadata).filter(([, value]) => value !== null)),
  );
  if (!parsed.success) {
    throw validationError(
      'Upload-Metadata must name the video to upload to',
      parsed.error.issues.map((issue) => ({
        field: `Upload-Metadata.${issue.path.join('.')}`,
        message: issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : issue.message,
      })),
    );
  }
  return { sizeBytes: Number(length), ...parsed.data };
}
