// Videos: one video, its stream, likes, progress and views, and the lists that show videos.
import { api, expectNoContent, unwrap, unwrapPage } from '../api/typed-client.ts';
import type { ApiBody, ApiQuery, Video } from '../api/types.ts';

export const videoKey = (videoId: string) => ['video', videoId] as const;
export const streamUrlKey = (videoId: string) => ['stream-url', videoId] as const;
export const progressKey = (videoId: string) => ['progress', videoId] as const;
export const trendingKey = (window: TrendingWindow) => ['trending', window] as const;
export const upNextKey = (videoId: string) => ['up-next', videoId] as const;
export const likedVideosKey = ['liked'] as const;

export type TrendingWindow = NonNullable<ApiQuery<'/api/v1/videos/trending'>['window']>;
export type VideoDetails = ApiBody<'/api/v1/videos', 'post'>;

const byId = (id: string) => ({ params: { path: { id } } });

export const fetchVideo = (id: string) => unwrap(api.GET('/api/v1/videos/{id}', byId(id)));
export const fetchStreamUrl = (id: string) => unwrap(api.GET('/api/v1/videos/{id}/stream-url', byId(id)));

/** Creating carries an Idempotency-Key so a retried click cannot make two videos. */
export const createVideo = (details: VideoDetails, idempotencyKey: string) =>
  unwrap(api.POST('/api/v1/videos', { body: details, headers: { 'idempotency-key': idempotencyKey } }));
export const updateVideo = (id: string, details: ApiBody<'/api/v1/videos/{id}', 'put'>) =>
  unwrap(api.PUT('/api/v1/videos/{id}', { ...byId(id), body: details }));
export const deleteVideo = (id: string) => expectNoContent(api.DELETE('/api/v1/videos/{id}', byId(id)));

export const setVideoLike = (id: string, like: boolean) =>
  unwrap(like ? api.POST('/api/v1/videos/{id}/like', byId(id)) : api.DELETE('/api/v1/videos/{id}/like', byId(id)));

export const fetchProgress = (id: string) => unwrap(api.GET('/api/v1/videos/{id}/progress', byId(id)));
/** keepalive: the last save is sent while the tab closes. */
export const saveProgress = (id: string, body: ApiBody<'/api/v1/videos/{id}/progress', 'put'>) =>
  unwrap(api.PUT('/api/v1/videos/{id}/progress', { ...byId(id), body, keepalive: true }));
export const recordView = (id: string) => unwrap(api.POST('/api/v1/videos/{id}/view', byId(id)));

export const fetchTrending = (window: TrendingWindow, limit: number) =>
  unwrap(api.GET('/api/v1/videos/trending', { params: { query: { window, limit } } }));
export const fetchChannelVideos = (
  channelId: string,
  query: { sort?: 'newest' | 'popular'; limit?: number; cursor?: string },
) => unwrapPage(api.GET('/api/v1/users/{id}/videos', { params: { path: { id: channelId }, query } }));
export const fetchLikedVideosPage = (cursor?: string) =>
  unwrapPage(api.GET('/api/v1/videos/liked', { params: { query: { cursor, limit: 24 } } }));

/** Videos like this one (by meaning, tags and channel), each with the reason it was picked. */
export const fetchSimilarVideos = (id: string, limit: number) =>
  unwrap(api.GET('/api/v1/videos/{id}/similar', { params: { path: { id }, query: { limit } } }));

/** The processing progress stream (SSE). EventSource cannot send headers, so the token rides in the URL. */
export const processingEventsUrl = (videoId: string, accessToken: string) =>
  `/api/v1/videos/${encodeURIComponent(videoId)}/processing/events?access_token=${encodeURIComponent(accessToken)}`;

export type { Video };

export type VideoReportReason = ApiBody<'/api/v1/videos/{id}/report', 'post'>['reason'];
export const reportVideo = (id: string, body: ApiBody<'/api/v1/videos/{id}/report', 'post'>) =>
  unwrap(api.POST('/api/v1/videos/{id}/report', { ...byId(id), body }));
