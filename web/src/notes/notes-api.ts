import { api, expectNoContent, unwrap } from '../api/typed-client.ts';
import { readTokens } from '../auth/token-store.ts';

export type SubjectKind = 'video' | 'lesson';
export type Note = Awaited<ReturnType<typeof listNotes>>[number];

const byId = (id: string) => ({ params: { path: { id } } });
const revision = (id: string, revisionId: string) => ({ params: { path: { id, revisionId } } });

export const notesKey = (kind: SubjectKind, id: string) => ['notes', kind, id] as const;
export const listNotes = (subjectKind: SubjectKind, subjectId: string) =>
  unwrap(api.GET('/api/v1/notes', { params: { query: { subjectKind, subjectId } } }));
export const openNote = (subjectKind: SubjectKind, subjectId: string, kind: 'team' | 'personal') =>
  unwrap(api.POST('/api/v1/notes', { body: { subjectKind, subjectId, kind } }));
export const joinNote = (token: string) => unwrap(api.POST('/api/v1/notes/join', { body: { token } }));
export const createShare = (id: string, role: 'view' | 'edit') =>
  unwrap(api.POST('/api/v1/notes/{id}/shares', { ...byId(id), body: { role } }));
export const listShares = (id: string) => unwrap(api.GET('/api/v1/notes/{id}/shares', byId(id)));
export const revokeShare = (id: string, shareId: string) =>
  expectNoContent(api.DELETE('/api/v1/notes/{id}/shares/{shareId}', { params: { path: { id, shareId } } }));
export const listRevisions = (id: string) => unwrap(api.GET('/api/v1/notes/{id}/revisions', byId(id)));
export const saveRevision = (id: string, name: string) =>
  unwrap(api.POST('/api/v1/notes/{id}/revisions', { ...byId(id), body: { name } }));
export const fetchRevision = (id: string, revisionId: string) =>
  unwrap(api.GET('/api/v1/notes/{id}/revisions/{revisionId}', revision(id, revisionId)));
export const restoreRevision = (id: string, revisionId: string) =>
  expectNoContent(api.POST('/api/v1/notes/{id}/revisions/{revisionId}/restore', revision(id, revisionId)));

/** Downloads an export with the session's token (the links need it, so they are fetched, then saved). */
export async function downloadExport(id: string, format: 'md' | 'pdf'): Promise<void> {
  const token = readTokens()?.accessToken;
  const response = await fetch(`/api/v1/notes/${id}/export.${format}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  if (!response.ok) throw new Error('The export failed');
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download =
    /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? `notes.${format}`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The notes socket (Hocuspocus), on the page's own origin. */
export const notesSocketUrl = () =>
  `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/v1/notes/socket`;
