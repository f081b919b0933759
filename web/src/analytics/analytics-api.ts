// Typed reads of the analytics API (docs/API.md, "Analytics") with their query keys.
import { currentAccessToken, request, withQuery } from '../api/client.ts';

export interface Totals {
  views: number;
  uniqueViewers: number;
  watchSeconds: number;
  averageViewSeconds: number;
  likes: number;
  comments: number;
  subscribersGained: number;
  subscribersLost: number;
  rebufferRatio: number;
  startupP50Ms: number | null;
  startupP95Ms: number | null;
}
export interface SeriesPoint extends Totals {
  start: string;
}
export interface Breakdown {
  key: string;
  views: number;
  share: number;
}

export interface ChannelOverview {
  totals: Totals;
  previousTotals: Totals;
  change: Partial<Record<keyof Totals, number | null>>;
  series: SeriesPoint[];
  topVideos: { videoId: string; title: string; views: number; watchSeconds: number; averageViewSeconds: number }[];
  viewers: { new: number; returning: number };
  sources: Breakdown[];
  devices: Breakdown[];
}

export interface VideoOverview {
  totals: Totals;
  series: SeriesPoint[];
}
export interface Retention {
  durationSeconds: number | null;
  views: number;
  curve: { percent: number; viewers: number; retention: number }[];
}
export interface Realtime {
  concurrentViewers: number;
  concurrentByVideo: { videoId: string; title: string; viewers: number }[];
  perMinute: { minute: string; views: number; watchSeconds: number }[];
}
export interface PlatformStats {
  signups: number;
  uploads: number;
  views: number;
  watchHours: number;
  transcodingMinutes: number;
  aiSpendUsd: number;
  aiCalls: number;
  storage: {
    totalBytes: number;
    totalVideos: number;
    perUser: { userId: string; username: string; videos: number; bytes: number }[];
  };
}

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
    granularity: days <= 7 ? 'hour' : 'day',
  };
}

export const analyticsApi = {
  channel: (days: Period) => request<ChannelOverview>('/api/v1/analytics/channel', { query: periodQuery(days) }),
  video: (id: string, days: Period) =>
    request<VideoOverview>(`/api/v1/analytics/videos/${id}`, { query: periodQuery(days) }),
  retention: (id: string, days: Period) =>
    request<Retention>(`/api/v1/analytics/videos/${id}/retention`, { query: periodQuery(days) }),
  sources: (id: string, days: Period) =>
    request<{ sources: Breakdown[]; countries: Breakdown[] }>(`/api/v1/analytics/videos/${id}/sources`, {
      query: periodQuery(days),
    }),
  devices: (id: string, days: Period) =>
    request<{ devices: Breakdown[]; browsers: Breakdown[] }>(`/api/v1/analytics/videos/${id}/devices`, {
      query: periodQuery(days),
    }),
  realtime: () => request<Realtime>('/api/v1/analytics/realtime'),
  platform: (days: Period) => {
    const { from, to } = periodQuery(days);
    return request<PlatformStats>('/api/v1/admin/analytics', { query: { from, to } });
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
