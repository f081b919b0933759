import { api, expectNoContent, unwrap } from '../api/typed-client.ts';
import type { ApiBody } from '../api/types.ts';

export type LiveStream = Awaited<ReturnType<typeof fetchLiveStream>>;
export type ChatMessage = NonNullable<LiveStream['chat']['pinned']>;

const byId = (id: string) => ({ params: { path: { id } } });

export const liveStreamKey = (id: string) => ['live-stream', id] as const;
export const fetchLiveStream = (id: string) => unwrap(api.GET('/api/v1/live/streams/{id}', byId(id)));
export const fetchReplay = (id: string, fromMs: number, toMs: number) =>
  unwrap(
    api.GET('/api/v1/live/streams/{id}/chat/replay', { params: { path: { id }, query: { fromMs, toMs, limit: 500 } } }),
  );

export const fetchIngestInfo = () => unwrap(api.GET('/api/v1/live/ingest'));
export const fetchStreamKeys = () => unwrap(api.GET('/api/v1/live/keys'));
export const createStreamKey = () => unwrap(api.POST('/api/v1/live/keys'));
export const rotateStreamKey = (id: string) => unwrap(api.POST('/api/v1/live/keys/{id}/rotate', byId(id)));
export const revokeStreamKey = (id: string) => expectNoContent(api.DELETE('/api/v1/live/keys/{id}', byId(id)));
/** Title, description and the ISO time the stream is announced for (without one it starts when the encoder connects). */
export type StreamPlan = ApiBody<'/api/v1/live/streams', 'post'>;
export const scheduleStream = (plan: StreamPlan) => unwrap(api.POST('/api/v1/live/streams', { body: plan }));
export const fetchChannelStreams = (channelId: string) =>
  unwrap(api.GET('/api/v1/live/channels/{id}/streams', byId(channelId)));
export const fetchStreamOfVideo = (videoId: string) =>
  unwrap(api.GET('/api/v1/live/by-video/{videoId}', { params: { path: { videoId } } }));

export type ChatModerator = Awaited<ReturnType<typeof fetchChatModerators>>[number];
export const chatModeratorsKey = (channelId: string) => ['chat-moderators', channelId] as const;
export const fetchChatModerators = (channelId: string) =>
  unwrap(api.GET('/api/v1/live/channels/{id}/moderators', byId(channelId)));
export const appointChatModerator = (channelId: string, username: string) =>
  unwrap(api.POST('/api/v1/live/channels/{id}/moderators', { ...byId(channelId), body: { username } }));
export const removeChatModerator = (channelId: string, userId: string) =>
  expectNoContent(
    api.DELETE('/api/v1/live/channels/{id}/moderators/{userId}', { params: { path: { id: channelId, userId } } }),
  );
