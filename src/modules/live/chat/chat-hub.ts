import { randomUUID } from 'node:crypto';
import type { PubSub } from '../../../platform/pubsub/pubsub.ts';
import type { ChatMessage } from './chat-repo.ts';

/** What travels between instances about a room; every instance delivers it to its own sockets. */
export type ChatEvent =
  | { type: 'message'; message: ChatMessage }
  | { type: 'deleted'; messageId: string }
  | { type: 'pinned'; message: ChatMessage | null }
  | { type: 'settings'; slowModeSeconds: number; subscribersOnly: boolean }
  | { type: 'restricted'; userId: string; until: string | null }
  | { type: 'join' | 'leave'; user: { id: string; name: string } }
  | { type: 'ended' };

/** Presence reports are internal: each instance says how many sockets it holds in the room. */
type WireEvent = ChatEvent | { type: 'presence-report'; instance: string; count: number };

export interface ChatMember {
  /** Undefined for a signed-out viewer (reads only). */
  userId?: string;
  /** `text` is the event as JSON, serialised once for all of the room's members. */
  deliver(event: ChatEvent | { type: 'presence'; count: number }, text: string): void;
}

interface Room {
  members: Set<ChatMember>;
  unsubscribe: Promise<() => Promise<void>>;
  /** Latest count per instance, with when it was reported. */
  counts: Map<string, { count: number; at: number }>;
  lastPresence: number;
  lastPresenceAt: number;
  presenceTimer?: NodeJS.Timeout;
  reportTimer?: NodeJS.Timeout;
  /** The room's latest visible messages: loaded once after subscribing, then kept up by its events. */
  recent: ChatMessage[];
  recentLoaded: Promise<boolean>;
}

const REPORT_INTERVAL_MS = 5000;
const REPORT_STALE_MS = 3 * REPORT_INTERVAL_MS;
/** Joins and leaves are reported together at most this often, and presence sent at most this often. */
const REPORT_COALESCE_MS = 200;
const PRESENCE_MIN_INTERVAL_MS = 1000;
/** How many recent messages a room keeps in memory for joining sockets (the history a join gets). */
export const RECENT_MESSAGES = 200;

const byId = (a: ChatMessage, b: ChatMessage) => a.id.length - b.id.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const channelOf = (streamId: string) => `live-chat:${streamId}`;

/**
 * The rooms of this process. Every event goes through the PubSub (Redis in scale mode, in memory
 * embedded), including to this process's own sockets, so all instances deliver the same events in the
 * same way. Presence is the sum of what each instance reports, refreshed every few seconds so an
 * instance that died drops out. A burst of joins is one report and one presence frame per second,
 * not one per join to every member (which is quadratic in the room size).
 */
export class ChatHub {
  private readonly rooms = new Map<string, Room>();
  private readonly instance = randomUUID();
  private readonly timer: NodeJS.Timeout;

  /** Called with every room event this process receives, before its sockets get it (cache invalidation). */
  private readonly observers: Array<(streamId: string, event: ChatEvent) => void> = [];

  constructor(
    private readonly pubsub: PubSub,
    /** The latest visible messages of a room from storage (chatRepo.history for a signed-out viewer). */
    private readonly loadRecent?: (streamId: string) => Promise<ChatMessage[]>,
  ) {
    this.timer = setInterval(() => {
      for (const [streamId, room] of this.rooms) {
        void this.report(streamId, room);
        this.refreshPresence(room);
      }
    }, REPORT_INTERVAL_MS);
    this.timer.unref();
  }

  /** Resolves once the member receives the room's events; the returned function leaves. */
  async join(streamId: string, member: ChatMember): Promise<() => Promise<void>> {
    let room = this.rooms.get(streamId);
    if (!room) {
      const created: Room = {
        members: new Set(),
        counts: new Map(),
        lastPresence: -1,
        lastPresenceAt: 0,
        unsubscribe: Promise.resolve(async () => {}),
        recent: [],
        recentLoaded: Promise.resolve(false),
      };
      created.unsubscribe = this.pubsub.subscribe(channelOf(streamId), (event) =>
        this.receive(streamId, created, event as WireEvent),
      );
      // Loaded once the subscription is live: a message stored later arrives as an event, so none is missed.
      created.recentLoaded = created.unsubscribe.then(async () => {
        if (!this.loadRecent) return false;
        const stored = await this.loadRecent(streamId);
        const seen = new Set(created.recent.map((message) => message.id));
        created.recent = [...stored.filter((message) => !seen.has(message.id)), ...created.recent]
          .sort(byId)
          .slice(-RECENT_MESSAGES);
        return true;
      });
      created.recentLoaded.catch(() => undefined);
      this.rooms.set(streamId, created);
      room = created;
    }
    room.members.add(member);
    await room.unsubscribe;
    this.scheduleReport(streamId, room);
    const joined = room;
    return async () => {
      joined.members.delete(member);
      if (joined.members.size === 0 && this.rooms.get(streamId) === joined) {
        this.rooms.delete(streamId);
        clearTimeout(joined.reportTimer);
        clearTimeout(joined.presenceTimer);
        await this.report(streamId, joined);
        await (
          await joined.unsubscribe
        )();
        return;
      }
      this.scheduleReport(streamId, joined);
    };
  }

  /**
   * The room's latest visible messages from memory, as a signed-out join without `after` gets them;
   * undefined when this process has not loaded them (the caller reads the database). A burst of
   * thousands of joins costs one query, not one each.
   */
  async recent(streamId: string): Promise<ChatMessage[] | undefined> {
    const room = this.rooms.get(streamId);
    if (!room || !(await room.recentLoaded.catch(() => false))) return undefined;
    return [...room.recent];
  }

  observe(observer: (streamId: string, event: ChatEvent) => void): void {
    this.observers.push(observer);
  }

  publish(streamId: string, event: ChatEvent): Promise<void> {
    return this.pubsub.publish(channelOf(streamId), event);
  }

  /** Viewers in the room across all instances, as last reported. */
  presence(streamId: string): number {
    const room = this.rooms.get(streamId);
    return room ? this.total(room) : 0;
  }

  /** Viewers connected to this process, per room with anyone in it (the live-viewers metric). */
  localViewers(): Map<string, number> {
    const viewers = new Map<string, number>();
    for (const [streamId, room] of this.rooms) if (room.members.size > 0) viewers.set(streamId, room.members.size);
    return viewers;
  }

  close(): void {
    clearInterval(this.timer);
    for (const room of this.rooms.values()) {
      clearTimeout(room.reportTimer);
      clearTimeout(room.presenceTimer);
    }
  }

  private scheduleReport(streamId: string, room: Room): void {
    if (room.reportTimer) return;
    room.reportTimer = setTimeout(() => {
      room.reportTimer = undefined;
      void this.report(streamId, room).catch(() => undefined);
    }, REPORT_COALESCE_MS);
    room.reportTimer.unref();
  }

  private report(streamId: string, room: Room): Promise<void> {
    return this.pubsub.publish(channelOf(streamId), {
      type: 'presence-report',
      instance: this.instance,
      count: room.members.size,
    } satisfies WireEvent);
  }

  private receive(streamId: string, room: Room, event: WireEvent): void {
    if (event.type === 'presence-report') {
      room.counts.set(event.instance, { count: event.count, at: Date.now() });
      this.refreshPresence(room);
      return;
    }
    for (const observer of this.observers) observer(streamId, event);
    this.remember(room, event);
    const text = JSON.stringify(event);
    for (const member of room.members) {
      // A held message is shown to its author only (as held); everyone else never sees it.
      if (event.type === 'message' && event.message.status !== 'visible' && member.userId !== event.message.authorId)
        continue;
      member.deliver(event, text);
    }
  }

  private remember(room: Room, event: ChatEvent): void {
    if (event.type === 'message' && event.message.status === 'visible') {
      const last = room.recent[room.recent.length - 1];
      if (room.recent.some((message) => message.id === event.message.id)) return;
      room.recent.push(event.message);
      if (last && byId(last, event.message) > 0) room.recent.sort(byId);
      if (room.recent.length > RECENT_MESSAGES) room.recent.shift();
    } else if (event.type === 'deleted') {
      room.recent = room.recent.filter((message) => message.id !== event.messageId);
    }
  }

  private total(room: Room): number {
    const now = Date.now();
    let sum = 0;
    for (const [instance, report] of room.counts) {
      if (now - report.at > REPORT_STALE_MS) room.counts.delete(instance);
      else sum += report.count;
    }
    return sum;
  }

  private refreshPresence(room: Room): void {
    const wait = room.lastPresenceAt + PRESENCE_MIN_INTERVAL_MS - Date.now();
    if (wait > 0) {
      room.presenceTimer ??= setTimeout(() => {
        room.presenceTimer = undefined;
        this.refreshPresence(room);
      }, wait);
      room.presenceTimer.unref();
      return;
    }
    const count = this.total(room);
    if (count === room.lastPresence) return;
    room.lastPresence = count;
    room.lastPresenceAt = Date.now();
    const event = { type: 'presence' as const, count };
    const text = JSON.stringify(event);
    for (const member of room.members) member.deliver(event, text);
  }
}
