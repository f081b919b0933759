/**
 * GET routes whose reads may come from a read replica (a second or so behind the primary): public
 * video pages, lists, search, feeds, channel pages and analytics dashboards. A user who just wrote
 * still reads their own write (read-your-writes, platform/db/replicas/write-marks.ts). Everything not
 * listed reads from the primary. A test checks that each entry is a registered route.
 */
export const STALE_TOLERANT_ROUTES: readonly string[] = [
  '/api/v1/videos/:id',
  '/api/v1/videos/:id/comments',
  '/api/v1/videos/:id/similar',
  '/api/v1/videos/trending',
  '/api/v1/comments/:id/replies',
  '/api/v1/users/:id',
  '/api/v1/users/:id/channel',
  '/api/v1/users/:id/videos',
  '/api/v1/users/:id/playlists',
  '/api/v1/users/:id/followers',
  '/api/v1/users/:id/following',
  '/api/v1/playlists/:id',
  '/api/v1/search',
  '/api/v1/search/autocomplete',
  '/api/v1/search/suggestions',
  '/api/v1/feed/home',
  '/api/v1/feed/subscriptions',
  '/api/v1/analytics/channel',
  '/api/v1/analytics/videos/:id',
  '/api/v1/analytics/videos/:id/retention',
  '/api/v1/admin/analytics',
];
