// What StreamHub understands about videos: transcripts, insights, analysis status, similar videos,
// Q&A (also streamed), moderation cases and appeals, and the admin's AI usage.
import { ApiError } from '../api/api-error.ts';
import { currentAccessToken, refreshAccessToken } from '../api/client.ts';
import { api, unwrap, unwrapPage } from '../api/typed-client.ts';
import type { ApiBody, ApiData } from '../api/types.ts';

export type Transcript = ApiData<'/api/v1/videos/{id}/transcript'>;
export type TranscriptSegment = Transcript['segments'][number];
export type AnalysisStatus = ApiData<'/api/v1/videos/{id}/analysis'>;
export type Answer = ApiData<'/api/v1/videos/{id}/ask', 'post'>;
export type Passage = Answer['passages'][number];
export type ModerationCase = ApiData<'/api/v1/videos/{id}/moderation'>;
export type QueueCase = ApiData<'/api/v1/admin/moderation/cases'>[number];
export type AiUsage = ApiData<'/api/v1/admin/ai/usage'>;
export type ModerationStatus = ApiData<'/api/v1/admin/moderation/status'>;
export type InsightsEdit = ApiBody<'/api/v1/videos/{id}/insights', 'put'>;
export type TranscriptEdit = ApiBody<'/api/v1/videos/{id}/transcript', 'put'>;

export const transcriptKey = (videoId: string) => ['transcript', videoId] as const;
export const analysisKey = (videoId: string) => ['analysis', videoId] as const;
export const similarKey = (videoId: string) => ['similar', videoId] as const;
export const videoModerationKey = (videoId: string) => ['moderation', 'video', videoId] as const;
export const commentModerationKey = (commentId: string) => ['moderation', 'comment', commentId] as const;
export const moderationQueueKey = (status: 'pending' | 'decided') => ['admin-moderation', status] as const;
export const aiUsageKey = (days: number) => ['admin-ai-usage', days] as const;
export const moderationStatusKey = ['admin-moderation-status'] as const;

const byId = (id: string) => ({ params: { path: { id } } });

export const fetchTranscript = (videoId: string) => unwrap(api.GET('/api/v1/videos/{id}/transcript', byId(videoId)));
export const saveTranscript = (videoId: string, body: TranscriptEdit) =>
  unwrap(api.PUT('/api/v1/videos/{id}/transcript', { ...byId(videoId), body }));
export const saveInsights = (videoId: string, body: InsightsEdit) =>
  unwrap(api.PUT('/api/v1/videos/{id}/insights', { ...byId(videoId), body }));
export const fetchAnalysis = (videoId: string) => unwrap(api.GET('/api/v1/videos/{id}/analysis', byId(videoId)));
export const rerunAnalysis = (videoId: string) => unwrap(api.POST('/api/v1/videos/{id}/analysis', byId(videoId)));

export const fetchVideoModeration = (videoId: string) =>
  unwrap(api.GET('/api/v1/videos/{id}/moderation', byId(videoId)));
export const appealVideo = (videoId: string, message: string) =>
  unwrap(api.POST('/api/v1/videos/{id}/appeal', { ...byId(videoId), body: { message } }));
export const fetchCommentModeration = (commentId: string) =>
  unwrap(api.GET('/api/v1/comments/{id}/moderation', byId(commentId)));
export const appealComment = (commentId: string, message: string) =>
  unwrap(api.POST('/api/v1/comments/{id}/appeal', { ...byId(commentId), body: { message } }));

export const fetchModerationQueuePage = (status: 'pending' | 'decided', cursor?: string) =>
  unwrapPage(api.GET('/api/v1/admin/moderation/cases', { params: { query: { status, cursor, limit: 50 } } }));
export const decideCase = (id: string, decision: 'approve' | 'reject', note: string) => {
  const options = { ...byId(id), body: note.trim() ? { note: note.trim() } : {} };
  return unwrap(
    decision === 'approve'
      ? api.POST('/api/v1/admin/moderation/cases/{id}/approve', options)
      : api.POST('/api/v1/admin/moderation/cases/{id}/reject', options),
  );
};
export const fetchModerationStatus = () => unwrap(api.GET('/api/v1/admin/moderation/status'));
export const fetchAiUsage = (days: number) =>
  unwrap(api.GET('/api/v1/admin/ai/usage', { params: { query: { days } } }));

export interface StreamHandlers {
  onPassages(passages: Passage[]): void;
  onToken(text: string): void;
}

/** One server-sent event block: `event: name` and `data: json` lines. */
function parseEvent(block: string): { event: string; data: unknown } | null {
  let event = 'message';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith('event:')) event = line.slice(6).trim();
    else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
  }
  if (data.length === 0) return null;
  return { event, data: JSON.parse(data.join('\n')) };
}

async function postAsk(
  videoId: string,
  question: string,
  token: string | null,
  signal: AbortSignal,
): Promise<Response> {
  return fetch(`/api/v1/videos/${encodeURIComponent(videoId)}/ask/stream`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'text/event-stream',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ question }),
    signal,
  });
}

/**
 * Asks over SSE (`POST …/ask/stream`; EventSource cannot POST, so the stream is read from fetch):
 * passages first, then the answer token by token, then the whole answer. Refusals before the stream
 * (400, 404 no transcript, 429 quota) arrive as a JSON envelope and become an ApiError.
 */
export async function askStream(
  videoId: string,
  question: string,
  handlers: StreamHandlers,
  signal: AbortSignal,
): Promise<Answer> {
  let response = await postAsk(videoId, question, await currentAccessToken(), signal);
  if (response.status === 401) response = await postAsk(videoId, question, await refreshAccessToken(), signal);
  if (!response.ok || !response.body) {
    const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
    const retryAfter = response.headers.get('retry-after');
    const message = body?.error?.message ?? `The question could not be asked (status ${response.status})`;
    throw new ApiError(
      response.status,
      body?.error?.code ?? 'HTTP_ERROR',
      retryAfter && response.status === 429 ? `${message} Try again in ${formatWait(Number(retryAfter))}.` : message,
    );
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const parsed = parseEvent(buffer.slice(0, end));
      buffer = buffer.slice(end + 2);
      if (!parsed) continue;
      if (parsed.event === 'passages') handlers.onPassages(parsed.data as Passage[]);
      else if (parsed.event === 'token') handlers.onToken((parsed.data as { text: string }).text);
      else if (parsed.event === 'done') return parsed.data as Answer;
      else if (parsed.event === 'error')
        throw new ApiError(502, 'ANSWER_BROKE_OFF', (parsed.data as { message: string }).message);
    }
  }
  throw new ApiError(502, 'ANSWER_BROKE_OFF', 'The answer stream ended before the answer was complete.');
}

function formatWait(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds <= 0) return 'a moment';
  if (seconds < 90) return `${Math.ceil(seconds)} seconds`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} minutes`;
  return `${Math.round(seconds / 3600)} hours`;
}
