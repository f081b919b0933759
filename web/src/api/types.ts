// Shapes of the StreamHub API's answers that the web app reads. They are derived from schema.gen.ts
// (generated from the server's OpenAPI document, `npm run api:types`), so they follow the API by
// construction; docs/API.md explains every field.
import type { paths } from './schema.gen.ts';

type Method = 'get' | 'post' | 'put' | 'delete';
type JsonBody<Response> = Response extends { content: { 'application/json': infer Body } } ? Body : never;
type SuccessBody<Operation> = Operation extends { responses: infer Responses }
  ? JsonBody<Responses[Extract<keyof Responses, 200 | 201 | 202>]>
  : never;

/** The `data` of a route's successful envelope, e.g. `ApiData<'/api/v1/videos/{id}'>` is a Video. */
export type ApiData<Path extends keyof paths, M extends Method = 'get'> =
  SuccessBody<NonNullable<paths[Path][M]>> extends { data: infer Data } ? Data : never;
/** The JSON body a route takes. */
export type ApiBody<Path extends keyof paths, M extends Method> =
  NonNullable<paths[Path][M]> extends { requestBody?: { content: { 'application/json': infer Body } } } ? Body : never;
/** The query parameters a route takes. */
export type ApiQuery<Path extends keyof paths, M extends Method = 'get'> = NonNullable<
  NonNullable<paths[Path][M]> extends { parameters: { query?: infer Query } } ? Query : never
>;

type ItemOf<List> = List extends readonly (infer Item)[] ? Item : never;

export type PrivateUser = ApiData<'/api/v1/auth/me'>;
export type PublicUser = ApiData<'/api/v1/users/{id}'>;
export type Role = PrivateUser['role'];
export type Session = ApiData<'/api/v1/auth/login', 'post'>;

export type Video = ApiData<'/api/v1/videos/{id}'>;
export type Visibility = Video['visibility'];
export type VideoStatus = Video['status'];
export type Rendition = ItemOf<Video['renditions']>;
export type VideoInsights = NonNullable<Video['insights']>;

/** What every video card needs: full videos and search results both have it. */
export interface VideoSummary {
  id: string;
  title: string;
  duration: number | null;
  views: number;
  thumbnailUrl: string | null;
  creator: { id: string; username: string };
  uploadedAt: string | null;
}

export type SearchResult = ItemOf<ApiData<'/api/v1/search'>>;
export type SearchMode = NonNullable<ApiQuery<'/api/v1/search'>['mode']>;
export type Suggestion = ItemOf<ApiData<'/api/v1/search/autocomplete'>>;

export type Comment = ApiData<'/api/v1/comments/{id}', 'put'>;
export type ReportReason = ApiBody<'/api/v1/comments/{id}/report', 'post'>['reason'];
export const REPORT_REASONS = [
  'spam',
  'harassment',
  'hate',
  'misinformation',
  'other',
] as const satisfies readonly ReportReason[];
export type CommentTranslation = ApiData<'/api/v1/comments/{id}/translation'>;

export type Channel = ApiData<'/api/v1/users/{id}/channel'>;
export type Playlist = ApiData<'/api/v1/playlists', 'post'>;
export type PlaylistItem = ItemOf<ApiData<'/api/v1/playlists/{id}'>['items']>;
export type WatchProgress = NonNullable<ApiData<'/api/v1/videos/{id}/progress'>>;
export type HistoryEntry = ItemOf<ApiData<'/api/v1/me/history'>>;
export type HomeFeedEntry = ItemOf<ApiData<'/api/v1/feed/home'>>;
export type Recommendation = ItemOf<ApiData<'/api/v1/recommendations'>>;

export type Report = ItemOf<ApiData<'/api/v1/admin/reports'>>;
export type VideoReport = ItemOf<ApiData<'/api/v1/admin/video-reports'>>;
export type FailedJob = ItemOf<ApiData<'/api/v1/admin/jobs/failed'>>;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
