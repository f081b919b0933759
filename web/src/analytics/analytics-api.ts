// Typed reads of the analytics API (docs/API.md, "Analytics") with their query keys.
import { currentAccessToken, withQuery } from '../api/client.ts';
import { api, unwrap } from '../api/typed-client.ts';
import type { ApiData } from '../api/types.ts';

export type ChannelOverview = ApiData<'/api/v1/analytics/channel'>;
export type Totals = ChannelOverview['totals'];
export type SeriesPoint = ChannelOverview['series'][number];
export type Breakdown = ChannelOverview['sources'][number];
export type VideoOverview = ApiData<'/api/v1/analytics/videos/{id}'>;
export type Retention = ApiData<'/api/v1/analytics/videos/{id}/retention'>;
export type Realtime = ApiData<'/api/v1/analytics/realtime'>;
export type PlatformStats = ApiData<'/api/v1/admin/analytics'>;

export type Period = 7 | 28 | 90;
export const PERIODS: { days: Period; label: string }[] = [
  { days: 7, label: 'Last 7 days' },
  { days: 28, label: 'Last 28 days' },
  { days: 90, label: 'Last 90 days' },
];

/** A period ending now, as the API's from/to; hourly points for a week, daily beyond. */
export function periodQuery(days: Period) {
  const to = new Date();
  return {
    from: new Date(to.getTime() - days * 86_400_000).toISOString(),
    to: to.toISOString(),
    granularity: days <= 7 ? ('hour' as const) : ('day' as const),
  };
}

const videoQuery = (id: string, days: Period) => ({ params: { path: { id }, query: periodQuery(days) } });

export const analyticsApi = {
  channel: (days: Period) => unwrap(api.GET('/api/v1/analytics/channel', { params: { query: periodQuery(days) } })),
  video: (id: string, days: Period) => unwrap(api.GET('/api/v1/analytics/videos/{id}', videoQuery(id, days))),
  retention: (id: string, days: Period) =>
    unwrap(api.GET('/api/v1/analytics/videos/{id}/retention', videoQuery(id, days))),
  sources: (id: string, days: Period) => unwrap(api.GET('/api/v1/analytics/videos/{id}/sources', videoQuery(id, days))),
  devices: (id: string, days: Period) => unwrap(api.GET('/api/v1/analytics/videos/{id}/devices', videoQuery(id, days))),
  realtime: () => unwrap(api.GET('/api/v1/analytics/realtime')),
  platform: (days: Period) => {
    const { from, to } = periodQuery(days);
    return unwrap(api.GET('/api/v1/admin/analytics', { params: { query: { from, to } } }));
  },
};

/** Downloads a table as CSV (the same endpoint with Accept: text/csv) with the signed-in token. */
export async function downloadCsv(path: string, query: Record<string, string>, filename: string): Promise<void> {
  const token = await currentAccessToken();
  const response = await fetch(withQuery(path, query), {
    headers: { accept: 'text/csv', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
  if (!response.ok) throw new Error(`Export failed (${response.status})`);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = `${filename}.csv`;
  link.click();
  URL.revokeObjectURL(url);
}

export function formatWatchTime(seconds: number): string {
  if (seconds < 60) return `${Math.round(seconds)} s`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${value.toFixed(value < 10 && unit > 0 ? 1 : 0)} ${units[unit]}`;
}
