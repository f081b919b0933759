// The courses API as the studio's builder uses it: the creator's courses, the editable outline (answers
// included), modules, lessons, order, publishing, source documents and generation with its progress stream.
import { ApiError } from '../api/api-error.ts';
import { currentAccessToken, refreshAccessToken } from '../api/client.ts';
import { api, unwrap, unwrapEnvelope } from '../api/typed-client.ts';
import type { ApiBody } from '../api/types.ts';

export type NewLesson = ApiBody<'/api/v1/courses/{id}/modules/{moduleId}/lessons', 'post'>;
export type LessonChanges = ApiBody<'/api/v1/courses/{id}/lessons/{lessonId}', 'put'>;
export type CourseOrder = ApiBody<'/api/v1/courses/{id}/order', 'put'>;
export type CourseChanges = ApiBody<'/api/v1/courses/{id}', 'put'>;

export const builderApi = {
  mine: () => unwrap(api.GET('/api/v1/courses', { params: { query: { limit: 50, mine: 'true' } } })),
  create: (title: string, description: string) => unwrap(api.POST('/api/v1/courses', { body: { title, description } })),
  editable: (id: string) => unwrap(api.GET('/api/v1/courses/{id}/edit', { params: { path: { id } } })),
  updateCourse: (id: string, changes: CourseChanges) =>
    unwrap(api.PUT('/api/v1/courses/{id}', { params: { path: { id } }, body: changes })),
  renameModule: (id: string, moduleId: string, title: string) =>
    unwrap(api.PUT('/api/v1/courses/{id}/modules/{moduleId}', { params: { path: { id, moduleId } }, body: { title } })),
  removeModule: (id: string, moduleId: string) =>
    unwrap(api.DELETE('/api/v1/courses/{id}/modules/{moduleId}', { params: { path: { id, moduleId } } })),
  removeLesson: (id: string, lessonId: string) =>
    unwrap(api.DELETE('/api/v1/courses/{id}/lessons/{lessonId}', { params: { path: { id, lessonId } } })),
  publish: (id: string, published: boolean) =>
    unwrap(api.POST('/api/v1/courses/{id}/publish', { params: { path: { id } }, body: { published } })),
  addModule: (id: string, title: string) =>
    unwrap(api.POST('/api/v1/courses/{id}/modules', { params: { path: { id } }, body: { title } })),
  addLesson: (id: string, moduleId: string, lesson: NewLesson) =>
    unwrap(
      api.POST('/api/v1/courses/{id}/modules/{moduleId}/lessons', { params: { path: { id, moduleId } }, body: lesson }),
    ),
  updateLesson: (id: string, lessonId: string, changes: LessonChanges) =>
    unwrap(api.PUT('/api/v1/courses/{id}/lessons/{lessonId}', { params: { path: { id, lessonId } }, body: changes })),
  reorder: (id: string, order: CourseOrder) =>
    unwrap(api.PUT('/api/v1/courses/{id}/order', { params: { path: { id } }, body: order })),
  generationOptions: () => unwrap(api.GET('/api/v1/course-generation-options')),
  generate: async (body: ApiBody<'/api/v1/course-generations', 'post'>) => {
    const call = api.POST('/api/v1/course-generations', { body });
    const { response } = await call;
    try {
      return (await unwrapEnvelope(call)).data;
    } catch (error) {
      throw response.status === 429 && error instanceof ApiError ? QuotaSpentError.from(error, response) : error;
    }
  },
};

/** The daily generator quota is spent: how long until it resets and what is left (from the 429's headers). */
export class QuotaSpentError extends ApiError {
  constructor(
    source: ApiError,
    readonly retryAfterSeconds: number,
    readonly remainingTokens: number,
  ) {
    super(source.status, source.code, source.message, source.details);
  }

  static from(error: ApiError, response: Response): QuotaSpentError {
    const number = (header: string) => Math.max(0, Number(response.headers.get(header)) || 0);
    return new QuotaSpentError(error, number('retry-after'), number('x-quota-remaining'));
  }
}

/** The upload's Content-Type, from the file's extension. */
const documentType = (name: string) =>
  name.toLowerCase().endsWith('.pdf')
    ? 'application/pdf'
    : name.toLowerCase().endsWith('.epub')
      ? 'application/epub+zip'
      : 'text/markdown';

/** Uploads a PDF (scans are OCR'd), EPUB or Markdown source; an unreadable file comes back as an ApiError with the reason. */
export async function uploadDocument(file: File): Promise<{ id: string; filename: string }> {
  const type = documentType(file.name);
  const send = (token: string | null) =>
    fetch(`/api/v1/course-documents?filename=${encodeURIComponent(file.name)}`, {
      method: 'POST',
      headers: { 'content-type': type, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: file,
    });
  let response = await send(await currentAccessToken());
  if (response.status === 401) response = await send(await refreshAccessToken());
  const body = (await response.json().catch(() => null)) as {
    data?: { id: string; filename: string };
    error?: { code?: string; message?: string };
  } | null;
  if (!response.ok || !body?.data)
    throw new ApiError(response.status, body?.error?.code ?? 'HTTP_ERROR', body?.error?.message ?? 'Upload failed');
  return body.data;
}

export interface GenerationState {
  status: 'queued' | 'running' | 'completed' | 'failed';
  stage: string;
  progress: number;
  failureReason: string | null;
  courseId: string | null;
}

/**
 * Follows a generation over its SSE stream (read from fetch so the bearer token can be sent) until it
 * completes or fails; every event is handed to `onEvent`, and the final state is returned.
 */
export async function followGeneration(
  id: string,
  onEvent: (state: GenerationState) => void,
  signal: AbortSignal,
): Promise<GenerationState> {
  const open = (token: string | null) =>
    fetch(`/api/v1/course-generations/${encodeURIComponent(id)}/events`, {
      headers: { accept: 'text/event-stream', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      signal,
    });
  let response = await open(await currentAccessToken());
  if (response.status === 401) response = await open(await refreshAccessToken());
  if (!response.ok || !response.body)
    throw new ApiError(response.status, 'HTTP_ERROR', `The progress stream failed (status ${response.status})`);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const data = buffer
        .slice(0, end)
        .split('\n')
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).trimStart())
        .join('\n');
      buffer = buffer.slice(end + 2);
      if (!data) continue;
      const state = JSON.parse(data) as GenerationState;
      onEvent(state);
      if (state.status === 'completed' || state.status === 'failed') return state;
    }
  }
  throw new ApiError(502, 'STREAM_ENDED', 'The progress stream ended before the generation finished.');
}
