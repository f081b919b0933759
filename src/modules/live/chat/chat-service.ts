import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { LiveConfig } from '../../../config.ts';
import type { RoutedModeration } from '../../../platform/ai/routed-moderation-translation.ts';
import { topScore } from '../../../platform/ai/moderator.ts';
import type { DB } from '../../../platform/db/schema.ts';
import type { AuthenticatedUser } from '../../../platform/http/auth-guard.ts';
import type { RateLimiter } from '../../../platform/rate-limit/rate-limiter.ts';
import type { SubscriptionService } from '../../subscriptions/service.ts';
import type { LiveStreamRow, LiveStreamService } from '../live-streams.ts';
import { chatRepo, type ChatMessage } from './chat-repo.ts';

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

/**
 * What a chat message must pass before it is stored and fanned out: the room is open, the author is
 * signed in, not banned or timed out, subscribed when the room asks it, within slow mode and the
 * per-user-per-room rate; then the moderator scores it and a toxic one is held (only its author sees it).
 */
export class ChatService {
  private readonly postingRules: ChatPostingRule[] = [];

  constructor(private readonly deps: ChatServiceDeps) {}

  /** Adds a rule every author but the creator, admins and chat moderators must pass. */
  addPostingRule(rule: ChatPostingRule): void {
    this.postingRules.push(rule);
  }

  async send(stream: LiveStreamRow, author: AuthenticatedUser, rawBody: string): Promise<ChatMessage> {
    const { db, config } = this.deps;
    const body = rawBody.trim();
    if (!body) throw new ChatRefusal('EMPTY_MESSAGE', 'A message needs some text');
    if (body.length > config.maxLength) {
      throw new ChatRefusal('MESSAGE_TOO_LONG', `Messages are at most ${config.maxLength} characters`);
    }
    if (!OPEN_STATUSES.has(stream.status)) throw new ChatRefusal('CHAT_CLOSED', 'This chat is closed');
    const privileged = await this.canModerate(stream, author);
    if (!privileged) await this.assertMayPost(stream, author);
    const limit = await this.deps.limiter.take(`${stream.id}:${author.id}`);
    if (!limit.allowed) {
      throw new ChatRefusal('RATE_LIMITED', 'You are sending messages too fast', limit.retryAfterSeconds);
    }
    const held = await this.isToxic(body, author.id);
    const offsetMs = stream.started_at ? Math.max(0, Date.now() - stream.started_at.getTime()) : 0;
    return chatRepo.insert(db, {
      streamId: stream.id,
      authorId: author.id,
      body,
      status: held ? 'held' : 'visible',
      offsetMs,
    });
  }

  /** Creator, admins and the channel's appointed chat moderators. */
  async canModerate(stream: LiveStreamRow, user: AuthenticatedUser): Promise<boolean> {
    if (user.id === stream.channel_id || user.role === 'admin') return true;
    return chatRepo.isModerator(this.deps.db, stream.channel_id, user.id);
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

  async appointModerator(stream: LiveStreamRow, actor: AuthenticatedUser, userId: string): Promise<void> {
    if (actor.id !== stream.channel_id && actor.role !== 'admin') {
      throw new ChatRefusal('FORBIDDEN', 'Only the creator appoints chat moderators');
    }
    await chatRepo.addModerator(this.deps.db, stream.channel_id, userId);
  }

  private async assertModerator(stream: LiveStreamRow, actor: AuthenticatedUser): Promise<void> {
    if (!(await this.canModerate(stream, actor))) {
      throw new ChatRefusal('FORBIDDEN', 'Only the creator, admins and chat moderators can do this');
    }
  }

  private async assertMayPost(stream: LiveStreamRow, author: AuthenticatedUser): Promise<void> {
    const { db } = this.deps;
    const ban = await chatRepo.activeBan(db, stream.channel_id, author.id);
    if (ban) {
      throw ban.until
        ? new ChatRefusal('TIMED_OUT', 'You are timed out in this chat', (ban.until.getTime() - Date.now()) / 1000)
        : new ChatRefusal('BANNED', "You are banned from this channel's chats");
    }
    for (const rule of this.postingRules) {
      const refusal = await rule(stream, author);
      if (refusal) throw refusal;
    }
    if (stream.subscribers_only) {
      const status = await this.deps.subscriptions.status(author, stream.channel_id);
      if (!status.isSubscribed) throw new ChatRefusal('SUBSCRIBERS_ONLY', 'Only subscribers can chat here');
    }
    if (stream.slow_mode_seconds > 0) {
      const last = await chatRepo.lastPostedAt(db, stream.id, author.id);
      const wait = last ? stream.slow_mode_seconds - (Date.now() - last.getTime()) / 1000 : 0;
      if (wait > 0)
        throw new ChatRefusal('SLOW_MODE', `Slow mode: one message every ${stream.slow_mode_seconds} s`, wait);
    }
  }

  /** The moderator may be a remote model that fails: the message then goes through, and the failure is logged. */
  private async isToxic(body: string, userId: string): Promise<boolean> {
    try {
      const result = await this.deps.moderator.moderateText(body, { userId });
      return topScore(result.scores).score >= this.deps.moderationThreshold;
    } catch (error) {
      this.deps.logger.warn({ err: error }, 'chat moderation unavailable; message not scored');
      return false;
    }
  }
}
