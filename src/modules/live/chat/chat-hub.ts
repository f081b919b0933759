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
  deliver(event: ChatEvent | { type: 'presence'; count: number }): void;
}

interface Room {
  members: Set<ChatMember>;
  unsubscribe: Promise<() => Promise<void>>;
  /** Latest count per instance, with when it was reported. */
  counts: Map<string, { count: number; at: number }>;
  lastPresence: number;
}

const REPORT_INTERVAL_MS = 5000;
const REPORT_STALE_MS = 3 * REPORT_INTERVAL_MS;
const channelOf = (streamId: string) => `live-chat:${streamId}`;

/**
 * The rooms of this process. Every event goes through the PubSub (Redis in scale mode, in memory
 * embedded), including to this process's own sockets, so all instances deliver the same events in the
 * same way. Presence is the sum of what each instance reports, refreshed every few seconds so an
 * instance that died drops out.
 */
export class ChatHub {
  private readonly rooms = new Map<string, Room>();
  private readonly instance = randomUUID();
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly pubsub: PubSub) {
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
        unsubscribe: Promise.resolve(async () => {}),
      };
      created.unsubscribe = this.pubsub.subscribe(channelOf(streamId), (event) =>
        this.receive(created, event as WireEvent),
      );
      this.rooms.set(streamId, created);
      room = created;
    }
    room.members.add(member);
    await room.unsubscribe;
    await this.report(streamId, room);
    const joined = room;
    return async () => {
      joined.members.delete(member);
      if (joined.members.size === 0 && this.rooms.get(streamId) === joined) {
        this.rooms.delete(streamId);
        await (
          await joined.unsubscribe
        )();
      }
      await this.report(streamId, joined);
    };
  }

  publish(streamId: string, event: ChatEvent): Promise<void> {
    return this.pubsub.publish(channelOf(streamId), event);
  }

  /** Viewers in the room across all instances, as last reported. */
  presence(streamId: string): number {
    const room = this.rooms.get(streamId);
    return room ? this.total(room) : 0;
  }

  close(): void {
    clearInterval(this.timer);
  }

  private report(streamId: string, room: Room): Promise<void> {
    return this.pubsub.publish(channelOf(streamId), {
      type: 'presence-report',
      instance: this.instance,
      count: room.members.size,
    } satisfies WireEvent);
  }

  private receive(room: Room, event: WireEvent): void {
    if (event.type === 'presence-report') {
      room.counts.set(event.instance, { count: event.count, at: Date.now() });
      this.refreshPresence(room);
      return;
    }
    for (const member of room.members) {
      // A held message is shown to its author only (as held); everyone else never sees it.
      if (event.type === 'message' && event.message.status !== 'visible' && member.userId !== event.message.authorId)
        continue;
      member.deliver(event);
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
    const count = this.total(room);
    if (count === room.lastPresence) return;
    room.lastPresence = count;
    for (const member of room.members) member.deliver({ type: 'presence', count });
  }
}
