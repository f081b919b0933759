import { z } from 'zod';
import { isoDate } from '../../platform/http/envelope.ts';

export const subjectQuery = z
  .object({ subjectKind: z.enum(['video', 'lesson']), subjectId: z.uuid('must be a video or lesson id') })
  .strict();
export const openNoteBody = subjectQuery.extend({ kind: z.enum(['team', 'personal']).default('personal') }).strict();
export const noteParams = z.object({ id: z.uuid('must be a note id') });
export const shareParams = noteParams.extend({ shareId: z.uuid('must be a share link id') });
export const revisionParams = noteParams.extend({ revisionId: z.uuid('must be a revision id') });
export const shareBody = z.object({ role: z.enum(['view', 'edit']) }).strict();
export const joinBody = z.object({ token: z.string().min(16).max(100) }).strict();
export const revisionBody = z
  .object({ name: z.string().trim().min(1, 'must not be empty').max(120, 'must be at most 120 characters') })
  .strict();

export const noteSchema = z.object({
  id: z.uuid(),
  subjectKind: z.enum(['video', 'lesson']),
  subjectId: z.uuid(),
  kind: z.enum(['team', 'personal']),
  ownerId: z.uuid(),
  title: z.string(),
  role: z.enum(['edit', 'view']).describe("the caller's rights on the note"),
  documentName: z.string().describe('the name to open over the notes socket (/api/v1/notes/socket)'),
  createdAt: isoDate,
});

export const shareSchema = z.object({
  id: z.uuid(),
  role: z.enum(['view', 'edit']),
  members: z.number().int(),
  createdAt: isoDate,
  revokedAt: isoDate.nullable(),
});

export const createdShareSchema = z.object({
  id: z.uuid(),
  role: z.enum(['view', 'edit']),
  token: z.string().describe('shown once: put it in the invitation link (/notes/join/<token>)'),
});

export const revisionSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  createdBy: z.string().nullable(),
  bytes: z.number().int(),
  createdAt: isoDate,
});

export const revisionContentSchema = z.object({ id: z.uuid(), markdown: z.string() });
