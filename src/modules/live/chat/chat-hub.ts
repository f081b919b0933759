import { randomUUID } from 'node:crypto';
import type { PubSub } from '../../../platform/pubsub/pubsub.ts';
import type { ChatMessage } from './chat-repo.ts';
import { compareIds, includesId } from './message-ids.ts';
import { textFrameOnWire } from './wire-frame.ts';
import { DEFAULT_TICK_MS, fanOutInSlices, flushDelay, tickLength, tickTurn, type TickTurn } from './delivery-pacing.ts';

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

/** What a room's sockets are sent: its events, and the presence count this process works out. */
export type RoomEvent = ChatEvent | { type: 'presence'; count: number };

/**
 * One tick of a room: the public events that arrived since the last one, serialised and framed once
 * for all of the room's members, so a busy room costs each socket one frame per tick, not one per event.
 */
export interface RoomBatch {
  events: RoomEvent[];
  /** Each event as JSON, for a socket that must leave some out (see chat-socket.ts). */
  texts: string[];
  /** `batchFrame(texts)` as UTF-8, sent as a text frame as it is. */
  frame: Buffer;
  /** `frame` with its WebSocket header: the bytes each socket is written (wire-frame.ts). */
  wire: Buffer;
}

/** The chat frame for events: a lone event as itself, several as {"type":"batch","events":[…]} (docs/LIVE.md). */
export function batchFrame(texts: readonly string[]): string {
  return texts.length === 1 ? texts[0]! : `{"type":"batch","events":[${texts.join(',')}]}`;
}

export interface ChatMember {
  /** Undefined for a signed-out viewer (reads only). */
  userId?: string;
  /** A tick's public events (visible messages, moderation, settings, presence). */
  deliver(batch: RoomBatch): void;
  /** A held message, sent at once and only to its author's sockets; `text` is the event as JSON. */
  deliverOwn(event: ChatEvent, text: string): void;
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
  /**
   * The room's latest visible messages: loaded once after subscribing, then kept up by its events.
   * Replaced, never changed in place, so joining sockets can keep the array they were given.
   */
  recent: readonly ChatMessage[];
  recentLoaded: Promise<boolean>;
  /** Events waiting for the room's next tick, with their JSON. */
  pending: RoomEvent[];
  pendingTexts: string[];
  flushTimer?: NodeJS.Timeout;
  /** A tick's frame is still going out to the members (in slices, see `flush`). */
  fanningOut: boolean;
  lastFlushAt: number;
  /** How long the last frame took to go to every member (ms): the next tick is a multiple of it. */
  lastFanoutMs: number;
  /** This process's turn among the instances holding the room's sockets (delivery-pacing.ts). */
  turn: TickTurn;
}

const REPORT_INTERVAL_MS = 5000;
const REPORT_STALE_MS = 3 * REPORT_INTERVAL_MS;
/** Joins and leaves are reported together at most this often, and presence sent at most this often. */
const REPORT_COALESCE_MS = 200;
const PRESENCE_MIN_INTERVAL_MS = 1000;
/** How many recent messages a room keeps in memory for joining sockets (the history a join gets). */
export const RECENT_MESSAGES = 200;

const byId = (a: ChatMessage, b: ChatMessage) => compareIds(a.id, b.id);
const channelOf = (streamId: string) => `live-chat:${streamId}`;

/**
 * The rooms of this process. Every event goes through the PubSub (Redis in scale mode, in memory
 * embedded), including to this process's own sockets, so all instances deliver the same events in the
 * same way. Presence is the sum of what each instance reports, refreshed every few seconds so an
 * instance that died drops out. A burst of joins is one report and one presence frame per second,
 * not one per join to every member (which is quadratic in the room size).
 *
 * Delivery is coalesced per room: events go out at once when the room has been quiet for a tick,
 * otherwise together at the next tick, as one frame built once for every socket. The tick follows the
 * room's last fan-out time, at most `tickMs` (delivery-pacing.ts): at 50 messages a second a
 * 5,000-socket room's socket gets 12–13 frames a second instead of 50, a small room's events wait at
 * most 20 ms; the frame's JSON, UTF-8 bytes and WebSocket header are made once per tick, not once per
 * socket.
 */
export class ChatHub {
  private readonly rooms = new Map<string, Room>();
  private readonly instance = randomUUID();
  private readonly timer: NodeJS.Timeout;
  /** Set by close: a fan-out still going out then sets no further tick. */
  private closed = false;

  /** Called with every room event this process receives, before its sockets get it (cache invalidation). */
  private readonly observers: Array<(streamId: string, event: ChatEvent) => void> = [];

  constructor(
    private readonly pubsub: PubSub,
    /** The latest visible messages of a room from storage (chatRepo.history for a signed-out viewer). */
    private readonly loadRecent?: (streamId: string) => Promise<ChatMessage[]>,
    private readonly tickMs = DEFAULT_TICK_MS,
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
        pending: [],
        pendingTexts: [],
        fanningOut: false,
        lastFlushAt: 0,
        lastFanoutMs: 0,
        turn: { phase: 0, holders: 1 },
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
        clearTimeout(joined.flushTimer);
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
  async recent(streamId: string): Promise<readonly ChatMessage[] | undefined> {
    const room = this.rooms.get(streamId);
    if (!room || !(await room.recentLoaded.catch(() => false))) return undefined;
    return room.recent;
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
    this.closed = true;
    clearInterval(this.timer);
    for (const room of this.rooms.values()) {
      clearTimeout(room.reportTimer);
      clearTimeout(room.presenceTimer);
      clearTimeout(room.flushTimer);
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
      room.turn = tickTurn(room.counts, this.instance);
      this.refreshPresence(room);
      return;
    }
    for (const observer of this.observers) observer(streamId, event);
    this.remember(room, event);
    const text = JSON.stringify(event);
    if (event.type === 'message' && event.message.status !== 'visible') {
      // A held message is shown to its author only (as held); everyone else never sees it.
      for (const member of room.members) if (member.userId === event.message.authorId) member.deliverOwn(event, text);
      return;
    }
    this.enqueue(room, event, text);
  }

  /** Queues a public event for the room's next tick: at once when the last tick is a tick ago. */
  private enqueue(room: Room, event: RoomEvent, text: string): void {
    room.pending.push(event);
    room.pendingTexts.push(text);
    this.scheduleFlush(room);
  }

  /** Sets the room's next tick, unless one is set or a frame is still going out (its end sets it). */
  private scheduleFlush(room: Room): void {
    if (this.closed || room.flushTimer || room.fanningOut || room.pending.length === 0) return;
    const tick = tickLength(this.tickMs, room.lastFanoutMs, room.turn.holders);
    room.flushTimer = setTimeout(
      () => {
        room.flushTimer = undefined;
        this.flush(room);
      },
      flushDelay(Date.now(), room.lastFlushAt, tick, room.turn),
    );
  }

  /**
   * Sends the waiting events as one frame to the members in the room as the tick begins (one that joins
   * during the fan-out has them in its history), in slices; the next tick waits for the end, so every
   * socket gets the frames in order.
   */
  private flush(room: Room): void {
    const frame = Buffer.from(batchFrame(room.pendingTexts));
    const batch: RoomBatch = { events: room.pending, texts: room.pendingTexts, frame, wire: textFrameOnWire(frame) };
    room.pending = [];
    room.pendingTexts = [];
    room.lastFlushAt = Date.now();
    room.fanningOut = true;
    fanOutInSlices(
      [...room.members],
      (member) => member.deliver(batch),
      (busyMs) => {
        room.fanningOut = false;
        room.lastFanoutMs = busyMs;
        this.scheduleFlush(room);
      },
    );
  }

  private remember(room: Room, event: ChatEvent): void {
    if (event.type === 'message' && event.message.status === 'visible') {
      if (includesId(room.recent, event.message.id)) return;
      const last = room.recent[room.recent.length - 1];
      const recent = [...room.recent, event.message];
      if (last && byId(last, event.message) > 0) recent.sort(byId);
      room.recent = recent.slice(-RECENT_MESSAGES);
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
    this.enqueue(room, event, JSON.stringify(event));
  }
}
