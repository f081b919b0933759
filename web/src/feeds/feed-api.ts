// Feeds: the home page mix, the subscriptions feed and the viewer's watch history.
import { api, unwrap, unwrapPage } from '../api/typed-client.ts';

/** Every feed lives under this key, so a subscription change refreshes them all. */
export const feedsKey = ['feed'] as const;
export const homeFeedKey = ['feed', 'home'] as const;
export const subscriptionsFeedKey = ['feed', 'subscriptions'] as const;
export const historyKey = ['history'] as const;
/** Under feedsKey too: a subscription change refreshes "For you" with the other feeds. */
export const recommendationsKey = ['feed', 'for-you'] as const;

export const fetchHomeFeed = (limit: number) => unwrap(api.GET('/api/v1/feed/home', { params: { query: { limit } } }));
export const fetchSubscriptionsFeedPage = (cursor?: string) =>
  unwrapPage(api.GET('/api/v1/feed/subscriptions', { params: { query: { cursor, limit: 24 } } }));
export const fetchHistoryPage = (cursor?: string) =>
  unwrapPage(api.GET('/api/v1/me/history', { params: { query: { cursor, limit: 24 } } }));
export const fetchRecommendationsPage = (cursor?: string) =>
  unwrapPage(api.GET('/api/v1/recommendations', { params: { query: { cursor, limit: 24 } } }));
export const markNotInterested = (videoId: string) =>
  unwrap(api.POST('/api/v1/videos/{id}/not-interested', { params: { path: { id: videoId } } }));
export const undoNotInterested = (videoId: string) =>
  unwrap(api.DELETE('/api/v1/videos/{id}/not-interested', { params: { path: { id: videoId } } }));
