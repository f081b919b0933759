import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { LiveConfig } from '../../../config.ts';
import type { RoutedModeration } from '../../../platform/ai/routed-moderation-translation.ts';
import { topScore } from '../../../platform/ai/moderator.ts';
import type { DB } from '../../../platform/db/schema.ts';
import type { AuthenticatedUser } from '../../../platform/http/auth-guard.ts';
import type { PubSub } from '../../../platform/pubsub/pubsub.ts';
import type { RateLimiter } from '../../../platform/rate-limit/rate-limiter.ts';
import type { SubscriptionService } from '../../subscriptions/service.ts';
import type { LiveStreamRow, LiveStreamService } from '../live-streams.ts';
import type { ChatEvent } from './chat-hub.ts';
import { chatRepo, type ChatMessage } from './chat-repo.ts';
import { ChatWriter } from './chat-writer.ts';
import type { SlowModeGate } from './slow-mode.ts';
import { TtlCache } from './ttl-cache.ts';

/** A refusal the socket turns into an error frame; `code` is part of the chat protocol (docs/LIVE.md). */
export class ChatRefusal extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export interface ChatServiceDeps {
  db: Kysely<DB>;
  liveStreams: LiveStreamService;
  subscriptions: SubscriptionService;
  moderator: RoutedModeration;
  limiter: RateLimiter;
  slowMode: SlowModeGate;
  /** Carries bans, time-outs and moderator appointments and removals to every process (RESTRICTIONS_CHANNEL). */
  pubsub: PubSub;
  config: LiveConfig['chat'];
  moderationThreshold: number;
  logger: Logger;
}

/**
 * Another feature's extra rule for who may post in a stream's chat (live class booking: only the class's
 * confirmed attendees); answers a refusal, or undefined to let the author through.
 */
export type ChatPostingRule = (stream: LiveStreamRow, author: AuthenticatedUser) => Promise<ChatRefusal | undefined>;

/** Chat is open while a stream is live or coming up, and for a premiere's whole run. */
const OPEN_STATUSES = new Set(['scheduled', 'live']);

/** How long this process trusts what it read, when no event told it of a change (docs/LIVE.md). */
const STREAM_TTL_MS = 2000;
const PERMISSION_TTL_MS = 30_000;
/** A chatty room's sends never wait for these reads: they are renewed in the background (ttl-cache.ts). */
const REFRESH_AHEAD = { refreshAhead: true };

type Ban = { until: number | null } | null;

/**
 * Every process's cached bans and moderator flags listen here: a ban, a time-out or a moderator's
 * appointment or removal applies to all of a channel's chats at once, including on a process that holds no
 * socket of the room it was given in (and so does not get that room's events). A notice says that a
 * user's standing in a channel changed; a process drops both of its cached entries for them.
 */
const RESTRICTIONS_CHANNEL = 'live-chat:restrictions';
interface RestrictionNotice {
  channelId: string;
  userId: string;
}
const NEVER_ABORTED = new AbortController().signal;

export type AdmittedMessage = Omit<ChatMessage, 'id' | 'createdAt'>;

/** A signed-in chat user as the socket knows them (the name is read once, at sign-in). */
export interface ChatAuthor extends AuthenticatedUser {
  name: string;
}

/**
 * What a chat message must pass before it is stored and fanned out: the room is open, the author is
 * signed in, not banned or timed out, subscribed when the room asks it, within slow mode and the
 * per-user-per-room rate; then the moderator scores it and a toxic one is held (only its author sees it).
 *
 * The send path makes no database round trip of its own in the common case: the room, moderator
 * status, bans and subscriptions are cached in this process and dropped when a chat event says they
 * changed (`observe`; bans by a process-wide notice), slow-mode turns are taken from a SlowModeGate
 * (Redis in scale mode, shared by all processes), and the message is written by the group
 * committing ChatWriter, one INSERT for all the messages that arrived meanwhile.
 */
export class ChatService {
  private readonly streams: TtlCache<LiveStreamRow | undefined>;
  private readonly moderators = new TtlCache<boolean>(PERMISSION_TTL_MS, REFRESH_AHEAD);
  private readonly bans = new TtlCache<Ban>(PERMISSION_TTL_MS, REFRESH_AHEAD);
  private readonly subscribed = new TtlCache<boolean>(PERMISSION_TTL_MS, REFRESH_AHEAD);
  private readonly writer: ChatWriter;
  /** Set on the first message this process checks; every ban cache entry is dropped by its notice. */
  private restrictionsFeed?: Promise<unknown>;
  private readonly postingRules: ChatPostingRule[] = [];
  /** Authors every posting rule let through lately, so a chatty attendee costs the rules one check a TTL. */
  private readonly passedRules = new TtlCache<boolean>(PERMISSION_TTL_MS);
  /** Signed-in sockets of this process by user id, told when that user's standing in a channel changes. */
  private readonly standingWatchers = new Map<string, Set<(channelId: string) => void>>();

  constructor(private readonly deps: ChatServiceDeps) {
    this.streams = new TtlCache(STREAM_TTL_MS, REFRESH_AHEAD);
    this.writer = new ChatWriter(deps.db);
  }

  /** Adds a rule every author but the creator, admins and chat moderators must pass. */
  addPostingRule(rule: ChatPostingRule): void {
    this.postingRules.push(rule);
  }

  /** The room's stream as recently read (premiere status follows the clock, so it is short-lived). */
  room(streamId: string): Promise<LiveStreamRow | undefined> {
    return this.streams.get(streamId, () => this.deps.liveStreams.findById(streamId).catch(() => undefined));
  }

  /** Every room event this process receives passes here, so what it changed is read again. */
  observe(streamId: string, event: ChatEvent): void {
    if (event.type === 'settings' || event.type === 'ended' || event.type === 'pinned') this.streams.delete(streamId);
    if (event.type === 'restricted') this.bans.deleteEndingWith(`:${event.userId}`);
  }

  /**
   * A message's checks; it is stored by `store`. A socket starts each message's admission as the frame
   * arrives and stores the admitted ones in arrival order, so a fast sender's checks and writes
   * overlap instead of costing a round trip each, and its messages keep their order.
   */
  async admit(streamId: string, author: ChatAuthor, rawBody: string): Promise<AdmittedMessage> {
    const { config } = this.deps;
    const body = rawBody.trim();
    if (!body) throw new ChatRefusal('EMPTY_MESSAGE', 'A message needs some text');
    if (body.length > config.maxLength) {
      throw new ChatRefusal('MESSAGE_TOO_LONG', `Messages are at most ${config.maxLength} characters`);
    }
    const stream = await this.room(streamId);
    if (!stream) throw new ChatRefusal('UNKNOWN_ROOM', 'The stream is gone');
    if (!OPEN_STATUSES.has(stream.status)) throw new ChatRefusal('CHAT_CLOSED', 'This chat is closed');
    const [privileged, limit] = await Promise.all([
      this.canModerate(stream, author),
      this.deps.limiter.take(`${stream.id}:${author.id}`),
    ]);
    if (!privileged) {
      await this.listenForRestrictions();
      await this.assertMayPost(stream, author);
    }
    if (!limit.allowed) {
      throw new ChatRefusal('RATE_LIMITED', 'You are sending messages too fast', limit.retryAfterSeconds);
    }
    const held = await this.isToxic(body, author.id);
    // Offsets are into the recording: from going live, or for a premiere from its start (its video's 0).
    const origin = stream.started_at ?? (stream.kind === 'premiere' ? stream.scheduled_at : null);
    const offsetMs = origin ? Math.max(0, Date.now() - origin.getTime()) : 0;
    const status = held ? ('held' as const) : ('visible' as const);
    return { streamId: stream.id, authorId: author.id, authorName: author.name, body, status, offsetMs };
  }

  /** Queues an admitted message's write (group commit); resolves with it as stored. */
  async store(message: AdmittedMessage): Promise<ChatMessage> {
    const { authorName, ...row } = message;
    return { ...(await this.writer.write(row)), ...row, authorName };
  }

  /** Creator, admins and the channel's appointed chat moderators. */
  async canModerate(stream: LiveStreamRow, user: AuthenticatedUser): Promise<boolean> {
    if (user.id === stream.channel_id || user.role === 'admin') return true;
    // Listening before anything is cached: an appointment made elsewhere then always drops it.
    await this.listenForRestrictions();
    return this.moderators.get(`${stream.channel_id}:${user.id}`, () =>
      chatRepo.isModerator(this.deps.db, stream.channel_id, user.id),
    );
  }

  async deleteMessage(stream: LiveStreamRow, actor: AuthenticatedUser, messageId: string): Promise<void> {
    await this.assertModerator(stream, actor);
    if (!(await chatRepo.markDeleted(this.deps.db, stream.id, messageId))) {
      throw new ChatRefusal('UNKNOWN_MESSAGE', 'No such message in this chat');
    }
  }

  /** A time-out (seconds) or, without seconds, a ban from all of the channel's chats. */
  async restrict(stream: LiveStreamRow, actor: AuthenticatedUser, userId: string, seconds?: number): Promise<void> {
    await this.assertModerator(stream, actor);
    if (userId === stream.channel_id) throw new ChatRefusal('FORBIDDEN', 'The channel owner cannot be restricted');
    const until = seconds ? new Date(Date.now() + seconds * 1000) : null;
    await chatRepo.ban(this.deps.db, stream.channel_id, userId, until, actor.id);
    this.bans.set(`${stream.channel_id}:${userId}`, { until: until ? until.getTime() : null });
    await this.announceStandingChange(stream.channel_id, userId);
  }

  /**
   * Tells every process that a user's standing in a channel changed (ban, time-out, appointment,
   * removal): each drops its cached entries for them instead of trusting them until their TTL.
   */
  private async announceStandingChange(channelId: string, userId: string): Promise<void> {
    await this.deps.pubsub.publish(RESTRICTIONS_CHANNEL, { channelId, userId } satisfies RestrictionNotice);
  }

  /**
   * Calls `watcher` with the channel whenever the user's standing in one changes on any process (an
   * appointment or removal as moderator, a ban): an open chat page then learns it without reloading.
   * Returns the function that stops watching.
   */
  async watchStanding(userId: string, watcher: (channelId: string) => void): Promise<() => void> {
    await this.listenForRestrictions();
    const watchers = this.standingWatchers.get(userId) ?? new Set();
    this.standingWatchers.set(userId, watchers);
    watchers.add(watcher);
    return () => {
      watchers.delete(watcher);
      if (watchers.size === 0 && this.standingWatchers.get(userId) === watchers) this.standingWatchers.delete(userId);
    };
  }

  /** Subscribes once; a failed subscription is tried again by the next message. */
  private listenForRestrictions(): Promise<unknown> {
    this.restrictionsFeed ??= this.deps.pubsub
      .subscribe(RESTRICTIONS_CHANNEL, (message) => {
        const notice = message as RestrictionNotice;
        this.bans.delete(`${notice.channelId}:${notice.userId}`);
        this.moderators.delete(`${notice.channelId}:${notice.userId}`);
        for (const watcher of this.standingWatchers.get(notice.userId) ?? []) watcher(notice.channelId);
      })
      .catch((error: unknown) => {
        this.restrictionsFeed = undefined;
        throw error;
      });
    return this.restrictionsFeed;
  }

  async pin(stream: LiveStreamRow, actor: AuthenticatedUser, messageId: string | null): Promise<ChatMessage | null> {
    await this.assertModerator(stream, actor);
    const message = messageId ? await chatRepo.find(this.deps.db, messageId) : undefined;
    if (messageId && (!message || message.streamId !== stream.id || message.status !== 'visible')) {
      throw new ChatRefusal('UNKNOWN_MESSAGE', 'No such message in this chat');
    }
    await this.deps.liveStreams.setPinned(stream.id, messageId);
    return message ?? null;
  }

  /**
   * Makes the user a chat moderator of all the channel's chats, at once on every process (who may do
   * it is ChatModerators' rule). Answers when, or undefined when they already were one.
   */
  async appointModerator(channelId: string, userId: string): Promise<Date | undefined> {
    const appointedAt = await chatRepo.addModerator(this.deps.db, channelId, userId);
    this.moderators.set(`${channelId}:${userId}`, true);
    // Other processes drop a cached "not a moderator" now instead of trusting the appointment after its TTL.
    await this.announceStandingChange(channelId, userId);
    return appointedAt;
  }

  /** Ends a chat moderator's appointment; false when they were not one. Their next action is refused everywhere. */
  async removeModerator(channelId: string, userId: string): Promise<boolean> {
    const removed = await chatRepo.removeModerator(this.deps.db, channelId, userId);
    this.moderators.set(`${channelId}:${userId}`, false);
    // A removed moderator's cached "moderator" would let them delete and ban for up to 30 s elsewhere.
    if (removed) await this.announceStandingChange(channelId, userId);
    return removed;
  }

  private async assertModerator(stream: LiveStreamRow, actor: AuthenticatedUser): Promise<void> {
    if (!(await this.canModerate(stream, actor))) {
      throw new ChatRefusal('FORBIDDEN', 'Only the creator, admins and chat moderators can do this');
    }
  }

  private async assertMayPost(stream: LiveStreamRow, author: AuthenticatedUser): Promise<void> {
    const { db } = this.deps;
    const key = `${stream.channel_id}:${author.id}`;
    const ban = await this.bans.get(key, async () => {
      const row = await chatRepo.activeBan(db, stream.channel_id, author.id);
      return row ? { until: row.until ? row.until.getTime() : null } : null;
    });
    if (ban && (ban.until === null || ban.until > Date.now())) {
      throw ban.until
        ? new ChatRefusal('TIMED_OUT', 'You are timed out in this chat', (ban.until - Date.now()) / 1000)
        : new ChatRefusal('BANNED', "You are banned from this channel's chats");
    }
    // Only passes are remembered: someone refused (not yet booked) may post as soon as they are let in.
    const ruleKey = `${stream.id}:${author.id}`;
    if (this.postingRules.length > 0 && !this.passedRules.peek(ruleKey)) {
      for (const rule of this.postingRules) {
        const refusal = await rule(stream, author);
        if (refusal) throw refusal;
      }
      this.passedRules.set(ruleKey, true);
    }
    if (stream.subscribers_only) {
      const subscribed = await this.subscribed.get(
        key,
        async () => (await this.deps.subscriptions.status(author, stream.channel_id)).isSubscribed,
      );
      if (!subscribed) throw new ChatRefusal('SUBSCRIBERS_ONLY', 'Only subscribers can chat here');
    }
    if (stream.slow_mode_seconds > 0) {
      const wait = await this.deps.slowMode.take(
        stream.id,
        author.id,
        stream.slow_mode_seconds,
        async () => (await chatRepo.lastPostedAt(db, stream.id, author.id))?.getTime() ?? null,
      );
      if (wait > 0)
        throw new ChatRefusal('SLOW_MODE', `Slow mode: one message every ${stream.slow_mode_seconds} s`, wait);
    }
  }

  /**
   * The moderator may be a remote model that fails: the message then goes through, and the failure is
   * logged. With only the local classifier configured it is called directly: it answers in well under
   * a millisecond and costs nothing, so chat messages are not metered one ai_usage row each.
   */
  private async isToxic(body: string, userId: string): Promise<boolean> {
    const { moderator } = this.deps;
    try {
      const chain = moderator.router.chain;
      const only = chain.length === 1 && chain[0]!.model.provider === 'local' ? chain[0] : undefined;
      const scores = only
        ? (await only.classify(body, NEVER_ABORTED)).value.scores
        : (await moderator.moderateText(body, { userId })).scores;
      return topScore(scores).score >= this.deps.moderationThreshold;
    } catch (error) {
      this.deps.logger.warn({ err: error }, 'chat moderation unavailable; message not scored');
      return false;
    }
  }
}
