import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../platform/http/auth-guard.ts';
import { envelope, isoDate, ok, toIso, toIsoOrNull } from '../../platform/http/envelope.ts';
import type { Services } from '../services.ts';
import { noteDocumentName } from './collab-server.ts';
import type { NoteView } from './note-service.ts';
import {
  createdShareSchema,
  joinBody,
  noteParams,
  noteSchema,
  openNoteBody,
  revisionBody,
  revisionContentSchema,
  revisionParams,
  revisionSchema,
  shareBody,
  shareParams,
  shareSchema,
  subjectQuery,
} from './schemas.ts';

const tags = ['notes'];

const present = ({ note, role }: NoteView) => ({
  id: note.id,
  subjectKind: note.subject_kind,
  subjectId: note.subject_id,
  kind: note.kind,
  ownerId: note.owner_id,
  title: note.title,
  role,
  documentName: noteDocumentName(note.id),
  createdAt: toIso(note.created_at),
});

const attachmentName = (title: string, extension: string) =>
  `${
    title
      .replace(/[^\w\- ]+/g, '')
      .trim()
      .replace(/\s+/g, '-')
      .slice(0, 80) || 'notes'
  }.${extension}`;

/** Shared notes over HTTP (the editing itself goes through the notes socket). Prefix: /api/v1. */
export async function noteRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const notes = services.notes.service;

  routes.get(
    '/notes',
    {
      config: { auth: 'optional' },
      schema: {
        tags,
        summary: "A video's or lesson's notes the caller can open (team notes, own notes, shared with them)",
        querystring: subjectQuery,
        response: { 200: envelope(z.array(noteSchema)) },
      },
    },
    async (request) =>
      ok((await notes.listForSubject(request.user, request.query.subjectKind, request.query.subjectId)).map(present)),
  );

  routes.post(
    '/notes',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: "Open (creating on first use) the caller's own notes, or the team notes, on a video or lesson",
        body: openNoteBody,
        response: { 200: envelope(noteSchema) },
      },
    },
    async (request) => {
      const { subjectKind, subjectId, kind } = request.body;
      return ok(present(await notes.open(requireUser(request), subjectKind, subjectId, kind)));
    },
  );

  routes.get(
    '/notes/:id',
    {
      config: { auth: 'optional' },
      schema: {
        tags,
        summary: 'A note and the caller’s role',
        params: noteParams,
        response: { 200: envelope(noteSchema) },
      },
    },
    async (request) => ok(present(await notes.get(request.user, request.params.id))),
  );

  routes.post(
    '/notes/join',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Join a study group through its link',
        body: joinBody,
        response: { 200: envelope(noteSchema.extend({ path: z.string().describe('the page the notes are on') })) },
      },
    },
    async (request) => {
      const joined = await notes.join(requireUser(request), request.body.token);
      return ok({ ...present(joined), path: joined.path });
    },
  );

  routes.post(
    '/notes/:id/shares',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Create a study-group link (view or edit) for a personal note',
        params: noteParams,
        body: shareBody,
        response: { 201: envelope(createdShareSchema) },
      },
    },
    async (request, reply) => {
      const { share, token } = await notes.createShare(requireUser(request), request.params.id, request.body.role);
      reply.status(201);
      return ok({ id: share.id, role: share.role, token });
    },
  );

  routes.get(
    '/notes/:id/shares',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: "A note's study-group links",
        params: noteParams,
        response: { 200: envelope(z.array(shareSchema)) },
      },
    },
    async (request) =>
      ok(
        (await notes.listShares(requireUser(request), request.params.id)).map((s) => ({
          id: s.id,
          role: s.role,
          members: Number(s.members ?? 0),
          createdAt: toIso(s.created_at),
          revokedAt: toIsoOrNull(s.revoked_at),
        })),
      ),
  );

  routes.delete(
    '/notes/:id/shares/:shareId',
    {
      config: { auth: 'required' },
      schema: { tags, summary: 'Revoke a link: everyone who joined with it loses access', params: shareParams },
    },
    async (request, reply) => {
      await notes.revokeShare(requireUser(request), request.params.id, request.params.shareId);
      return reply.status(204).send();
    },
  );

  routes.get(
    '/notes/:id/revisions',
    {
      config: { auth: 'optional' },
      schema: {
        tags,
        summary: 'Named versions, newest first',
        params: noteParams,
        response: { 200: envelope(z.array(revisionSchema)) },
      },
    },
    async (request) =>
      ok(
        (await notes.listRevisions(request.user, request.params.id)).map((r) => ({
          id: r.id,
          name: r.name,
          createdBy: r.username ?? null,
          bytes: Number(r.bytes),
          createdAt: toIso(r.created_at),
        })),
      ),
  );

  routes.post(
    '/notes/:id/revisions',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Save the current content as a named version',
        params: noteParams,
        body: revisionBody,
        response: { 201: envelope(z.object({ id: z.uuid(), name: z.string(), createdAt: isoDate })) },
      },
    },
    async (request, reply) => {
      const row = await notes.createRevision(requireUser(request), request.params.id, request.body.name);
      reply.status(201);
      return ok({ id: row.id, name: row.name, createdAt: toIso(row.created_at) });
    },
  );

  routes.get(
    '/notes/:id/revisions/:revisionId',
    {
      config: { auth: 'optional' },
      schema: {
        tags,
        summary: 'A past version, as Markdown',
        params: revisionParams,
        response: { 200: envelope(revisionContentSchema) },
      },
    },
    async (request) => {
      const { id, revisionId } = request.params;
      return ok({ id: revisionId, markdown: await notes.revisionMarkdown(request.user, id, revisionId) });
    },
  );

  routes.post(
    '/notes/:id/revisions/:revisionId/restore',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Restore a past version (as an edit every connected editor sees)',
        params: revisionParams,
      },
    },
    async (request, reply) => {
      await notes.restoreRevision(requireUser(request), request.params.id, request.params.revisionId);
      return reply.status(204).send();
    },
  );

  routes.get(
    '/notes/:id/export.md',
    { config: { auth: 'optional' }, schema: { tags, summary: 'The note as Markdown', params: noteParams } },
    async (request, reply) => {
      const { title, markdown } = await notes.exportMarkdown(request.user, request.params.id);
      reply.header('content-type', 'text/markdown; charset=utf-8');
      reply.header('content-disposition', `attachment; filename="${attachmentName(title, 'md')}"`);
      return reply.send(markdown);
    },
  );

  routes.get(
    '/notes/:id/export.pdf',
    { config: { auth: 'optional' }, schema: { tags, summary: 'The note as PDF (pdfkit)', params: noteParams } },
    async (request, reply) => {
      const { title, pdf } = await notes.exportPdf(request.user, request.params.id);
      reply.header('content-type', 'application/pdf');
      reply.header('content-disposition', `attachment; filename="${attachmentName(title, 'pdf')}"`);
      return reply.send(pdf);
    },
  );
}
