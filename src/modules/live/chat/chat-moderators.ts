import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { AuthenticatedUser } from '../../../platform/http/auth-guard.ts';
import { ErrorCode } from '../../../platform/http/error-codes.ts';
import { AppError, forbidden, notFound } from '../../../platform/http/errors.ts';
import { userQueries } from '../../users/user-queries.ts';
import { chatRepo, type ChatModeratorRow } from './chat-repo.ts';
import type { ChatService } from './chat-service.ts';

/**
 * Who moderates a channel's chats: its creator (or an admin, for any channel) lists, appoints and
 * removes the channel's chat moderators. The owner and admins moderate without an appointment.
 * Appointments and removals go through ChatService, which owns the per-process moderator caches and
 * tells every process at once.
 */
export class ChatModerators {
  constructor(private readonly deps: { db: Kysely<DB>; chat: ChatService }) {}

  async list(actor: AuthenticatedUser, channelId: string): Promise<ChatModeratorRow[]> {
    await this.assertManages(actor, channelId);
    return chatRepo.listModerators(this.deps.db, channelId);
  }

  /** The Studio's form: someone who already moderates is a 409, so the creator learns nothing changed. */
  async appointByUsername(actor: AuthenticatedUser, channelId: string, username: string): Promise<ChatModeratorRow> {
    await this.assertManages(actor, channelId);
    const user = await userQueries.findByUsername(this.deps.db, username);
    if (!user) throw new AppError(404, ErrorCode.NOT_FOUND, `No user is called "${username}"`);
    const appointedAt = await this.appointChecked(channelId, user.id);
    if (!appointedAt) {
      throw new AppError(
        409,
        ErrorCode.ALREADY_CHAT_MODERATOR,
        `${user.username} is already a chat moderator of this channel`,
      );
    }
    return { userId: user.id, username: user.username, appointedAt };
  }

  /** By user id, as the per-stream route always did: appointing a moderator again changes nothing. */
  async appoint(actor: AuthenticatedUser, channelId: string, userId: string): Promise<void> {
    await this.assertManages(actor, channelId);
    if (!(await userQueries.findById(this.deps.db, userId))) throw notFound('User');
    await this.appointChecked(channelId, userId);
  }

  async remove(actor: AuthenticatedUser, channelId: string, userId: string): Promise<void> {
    await this.assertManages(actor, channelId);
    if (!(await this.deps.chat.removeModerator(channelId, userId))) {
      throw new AppError(404, ErrorCode.NOT_CHAT_MODERATOR, "This user is not one of the channel's chat moderators");
    }
  }

  /** When the user was appointed, or undefined when they already were a moderator. */
  private async appointChecked(channelId: string, userId: string): Promise<Date | undefined> {
    if (userId === channelId) {
      throw new AppError(400, ErrorCode.OWNER_MODERATES_CHAT, "The channel's owner already moderates its chats");
    }
    return this.deps.chat.appointModerator(channelId, userId);
  }

  /** The channel's owner, or an admin acting for an existing channel. */
  private async assertManages(actor: AuthenticatedUser, channelId: string): Promise<void> {
    if (actor.id === channelId) return;
    if (actor.role !== 'admin') throw forbidden("Only the channel's creator and admins manage its chat moderators");
    if (!(await userQueries.findById(this.deps.db, channelId))) throw notFound('Channel');
  }
}
