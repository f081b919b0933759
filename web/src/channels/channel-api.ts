// Channels: a creator's public page and subscriptions to it.
import { api, expectNoContent, unwrap } from '../api/typed-client.ts';

export const channelKey = (channelId: string) => ['channel', channelId] as const;
export const channelVideosKey = (channelId: string) => ['channel-videos', channelId] as const;

const byId = (id: string) => ({ params: { path: { id } } });

export const fetchChannel = (channelId: string) => unwrap(api.GET('/api/v1/users/{id}/channel', byId(channelId)));
/** `fromVideoId`: the video page the button is on, so the channel's analytics credit that video. */
export const subscribe = (channelId: string, fromVideoId?: string) =>
  unwrap(api.POST('/api/v1/users/{id}/subscribe', { ...byId(channelId), body: fromVideoId ? { fromVideoId } : {} }));
export const unsubscribe = (channelId: string, fromVideoId?: string) =>
  expectNoContent(
    api.DELETE('/api/v1/users/{id}/subscribe', {
      params: { path: { id: channelId }, query: fromVideoId ? { fromVideoId } : {} },
    }),
  );
