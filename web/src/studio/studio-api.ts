// Studio: the creator's own videos.
import { api, unwrapPage } from '../api/typed-client.ts';

export const studioVideosKey = ['studio-videos'] as const;

export const fetchMyVideosPage = (cursor?: string) =>
  unwrapPage(api.GET('/api/v1/me/videos', { params: { query: { cursor, limit: 50 } } }));
