import type { Redis } from 'ioredis';

const MINUTE_MS = 60_000;
/** A session counts as watching while its last report is younger than this (players report every 10–15 s). */
export const LIVE_WINDOW_MS = 45_000;
const MINUTES_KEPT = 60;

export interface RealtimeActivity {
  channelId: string;
  videoId: string;
  sessionId: string;
  views: number;
  watchSeconds: number;
  /** The session said it ended (ended event or page exit): no longer watching. */
  left: boolean;
  /** The batch shows playback (play or heartbeat): the session is watching now. */
  watching: boolean;
}

export interface RealtimeSnapshot {
  concurrentViewers: number;
  /** Watching right now, per video. */
  concurrentByVideo: { videoId: string; viewers: number }[];
  /** The last 60 minutes, oldest first; the current minute last. */
  perMinute: { minute: string; views: number; watchSeconds: number }[];
}

/**
 * Real-time counts per channel, fed at ingest (not by the rollup), so the studio sees an event within
 * seconds: views and watch seconds per minute for the last hour, and who is watching now. Embedded:
 * process memory. Scale-out: Redis, shared by every API replica.
 */
export interface RealtimeStore {
  record(activity: RealtimeActivity, now?: number): Promise<void>;
  snapshot(channelId: string, now?: number): Promise<RealtimeSnapshot>;
}

function minuteSeries(now: number, read: (minute: number) => { views: number; watchSeconds: number }) {
  const current = Math.floor(now / MINUTE_MS);
  return Array.from({ length: MINUTES_KEPT }, (_, index) => {
    const minute = current - MINUTES_KEPT + 1 + index;
    return { minute: new Date(minute * MINUTE_MS).toISOString(), ...read(minute) };
  });
}

function byVideo(members: string[]): RealtimeSnapshot['concurrentByVideo'] {
  const counts = new Map<string, number>();
  for (const member of members) {
    const videoId = member.slice(0, member.indexOf('/'));
    counts.set(videoId, (counts.get(videoId) ?? 0) + 1);
  }
  return [...counts].map(([videoId, viewers]) => ({ videoId, viewers })).sort((a, b) => b.viewers - a.viewers);
}

interface ChannelActivity {
  minutes: Map<number, { views: number; watchSeconds: number }>;
  live: Map<string, number>;
}

export class MemoryRealtimeStore implements RealtimeStore {
  private readonly channels = new Map<string, ChannelActivity>();

  async record(activity: RealtimeActivity, now = Date.now()): Promise<void> {
    let channel = this.channels.get(activity.channelId);
    if (!channel) this.channels.set(activity.channelId, (channel = { minutes: new Map(), live: new Map() }));
    const minute = Math.floor(now / MINUTE_MS);
    const slot = channel.minutes.get(minute) ?? { views: 0, watchSeconds: 0 };
    slot.views += activity.views;
    slot.watchSeconds += activity.watchSeconds;
    channel.minutes.set(minute, slot);
    const member = `${activity.videoId}/${activity.sessionId}`;
    if (activity.left) channel.live.delete(member);
    else if (activity.watching) channel.live.set(member, now);
    this.prune(channel, now);
  }

  async snapshot(channelId: string, now = Date.now()): Promise<RealtimeSnapshot> {
    const channel = this.channels.get(channelId);
    if (channel) this.prune(channel, now);
    const live = channel ? [...channel.live.keys()] : [];
    return {
      concurrentViewers: live.length,
      concurrentByVideo: byVideo(live),
      perMinute: minuteSeries(now, (minute) => channel?.minutes.get(minute) ?? { views: 0, watchSeconds: 0 }),
    };
  }

  private prune(channel: ChannelActivity, now: number): void {
    const oldestMinute = Math.floor(now / MINUTE_MS) - MINUTES_KEPT;
    for (const minute of channel.minutes.keys()) if (minute <= oldestMinute) channel.minutes.delete(minute);
    for (const [member, seen] of channel.live) if (seen < now - LIVE_WINDOW_MS) channel.live.delete(member);
  }
}

export class RedisRealtimeStore implements RealtimeStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private minuteKey(channelId: string, minute: number) {
    return `${this.prefix}analytics:rt:${channelId}:m:${minute}`;
  }
  private liveKey(channelId: string) {
    return `${this.prefix}analytics:rt:${channelId}:live`;
  }

  async record(activity: RealtimeActivity, now = Date.now()): Promise<void> {
    const minuteKey = this.minuteKey(activity.channelId, Math.floor(now / MINUTE_MS));
    const member = `${activity.videoId}/${activity.sessionId}`;
    const multi = this.redis.multi();
    if (activity.views) multi.hincrby(minuteKey, 'views', activity.views);
    if (activity.watchSeconds) multi.hincrbyfloat(minuteKey, 'watchSeconds', activity.watchSeconds);
    multi.expire(minuteKey, (MINUTES_KEPT + 2) * 60);
    if (activity.left) multi.zrem(this.liveKey(activity.channelId), member);
    else if (activity.watching) multi.zadd(this.liveKey(activity.channelId), now, member);
    multi.zremrangebyscore(this.liveKey(activity.channelId), 0, now - LIVE_WINDOW_MS);
    multi.expire(this.liveKey(activity.channelId), 3600);
    await multi.exec();
  }

  async snapshot(channelId: string, now = Date.now()): Promise<RealtimeSnapshot> {
    const current = Math.floor(now / MINUTE_MS);
    const pipeline = this.redis.pipeline();
    for (let minute = current - MINUTES_KEPT + 1; minute <= current; minute += 1)
      pipeline.hgetall(this.minuteKey(channelId, minute));
    pipeline.zrangebyscore(this.liveKey(channelId), now - LIVE_WINDOW_MS, '+inf');
    const results = (await pipeline.exec()) ?? [];
    const live = (results.at(-1)?.[1] ?? []) as string[];
    return {
      concurrentViewers: live.length,
      concurrentByVideo: byVideo(live),
      perMinute: minuteSeries(now, (minute) => {
        const hash = (results[minute - (current - MINUTES_KEPT + 1)]?.[1] ?? {}) as Record<string, string>;
        return { views: Number(hash.views ?? 0), watchSeconds: Number(hash.watchSeconds ?? 0) };
      }),
    };
  }
}
