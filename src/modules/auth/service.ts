import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { Config } from '../../config.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { AuthenticatedUser } from '../../platform/http/auth-guard.ts';
import { inTransaction, type Executor } from '../../platform/db/transaction.ts';
import { conflict, forbidden, unauthorized, validationError } from '../../platform/http/errors.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import type { AccessTokenSigner } from '../../platform/security/jwt.ts';
import {
  DUMMY_PASSWORD_HASH,
  hashPassword,
  passwordWeakness,
  verifyPassword,
} from '../../platform/security/passwords.ts';
import { hashToken, newOpaqueToken } from '../../platform/security/tokens.ts';
import { DuplicateUserError, userRepo, type UserRow } from '../users/repo.ts';
import { toPrivateUser } from '../users/schemas.ts';
import type { changePasswordBody, registerBody, sessionSchema } from './schemas.ts';
import { tokenRepo } from './token-repo.ts';
import { ErrorCode } from '../../platform/http/error-codes.ts';

type Session = z.infer<typeof sessionSchema>;
interface ClientInfo {
  userAgent?: string;
  ip?: string;
}

export class AuthService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly signer: AccessTokenSigner,
    private readonly mailer: Mailer,
    private readonly config: Pick<Config, 'auth' | 'publicUrl' | 'port' | 'host'>,
    private readonly logger: Pick<Logger, 'warn'>,
  ) {}

  async register(input: z.infer<typeof registerBody>, client: ClientInfo): Promise<Session> {
    this.assertStrongPassword(input.password, [input.username, input.email.split('@')[0] ?? '']);
    const passwordHash = await hashPassword(input.password);
    try {
      const user = await userRepo.insert(this.db, {
        username: input.username,
        email: input.email,
        passwordHash,
        role: input.role,
      });
      return await this.openSession(user, randomUUID(), client);
    } catch (error) {
      if (error instanceof DuplicateUserError) {
        throw conflict(`An account with this ${error.field} already exists`, [
          { field: error.field, message: 'is already taken' },
        ]);
      }
      throw error;
    }
  }

  async login(identifier: string, password: string, client: ClientInfo): Promise<Session> {
    const user = identifier.includes('@')
      ? await userRepo.findByEmail(this.db, identifier)
      : await userRepo.findByUsername(this.db, identifier);
    // Verify against a dummy hash for unknown accounts so response time does not reveal which emails exist.
    const valid = await verifyPassword(password, user?.password_hash ?? DUMMY_PASSWORD_HASH);
    if (!user || !valid) throw unauthorized('Email or password is incorrect', ErrorCode.INVALID_CREDENTIALS);
    if (user.banned_at) throw forbidden('This account is suspended');
    return this.openSession(user, randomUUID(), client);
  }

  /**
   * Rotates a refresh token. Presenting a token that was already rotated or revoked means it leaked
   * (or a client replayed it): the whole family is revoked so the thief's copy dies with it.
   */
  async refresh(refreshToken: string, client: ClientInfo): Promise<Session> {
    const stored = await tokenRepo.findRefreshToken(this.db, hashToken(refreshToken));
    if (!stored) throw unauthorized('Refresh token is not valid', ErrorCode.INVALID_REFRESH_TOKEN);
    if (stored.rotated_at || stored.revoked_at) {
      await tokenRepo.revokeFamily(this.db, stored.family_id);
      throw unauthorized(
        'Refresh token was already used; all sessions from that login were signed out',
        ErrorCode.REFRESH_TOKEN_REUSED,
      );
    }
    if (stored.expires_at.getTime() <= Date.now())
      throw unauthorized('Refresh token expired', ErrorCode.REFRESH_TOKEN_EXPIRED);
    const user = await userRepo.findById(this.db, stored.user_id);
    if (!user || user.banned_at) {
      await tokenRepo.revokeFamily(this.db, stored.family_id);
      throw unauthorized('Account is no longer active', ErrorCode.INVALID_REFRESH_TOKEN);
    }
    return inTransaction(this.db, async (trx) => {
      if (!(await tokenRepo.markRotated(trx, stored.id))) {
        await tokenRepo.revokeFamily(trx, stored.family_id);
        throw unauthorized(
          'Refresh token was already used; all sessions from that login were signed out',
          ErrorCode.REFRESH_TOKEN_REUSED,
        );
      }
      return this.openSession(user, stored.family_id, client, trx);
    });
  }

  /** Logout ends the login the refresh token belongs to; it is idempotent. */
  async logout(refreshToken: string): Promise<void> {
    const stored = await tokenRepo.findRefreshToken(this.db, hashToken(refreshToken));
    if (stored) await tokenRepo.revokeFamily(this.db, stored.family_id);
  }

  /** Always succeeds from the caller's view, so the endpoint cannot be used to discover accounts. */
  async forgotPassword(email: string): Promise<void> {
    const user = await userRepo.findByEmail(this.db, email);
    if (!user || user.banned_at) return;
    const token = newOpaqueToken();
    await inTransaction(this.db, async (trx) => {
      await tokenRepo.expireResetTokensForUser(trx, user.id);
      await tokenRepo.insertResetToken(trx, {
        userId: user.id,
        hash: hashToken(token),
        expiresAt: new Date(Date.now() + this.config.auth.passwordResetTtlSeconds * 1000),
      });
    });
    const minutes = Math.round(this.config.auth.passwordResetTtlSeconds / 60);
    await this.mailer.send({
      to: user.email,
      subject: 'Reset your StreamHub password',
      text:
        `Hello ${user.username},\n\nSomeone asked to reset the password of your StreamHub account.\n` +
        `Open this link within ${minutes} minutes to choose a new one:\n\n${this.baseUrl()}/reset-password?token=${token}\n\n` +
        `If it was not you, ignore this message; your password stays as it is.\n`,
    });
  }

  async resetPassword(token: string, password: string): Promise<void> {
    const invalid = () =>
      unauthorized('This reset link is invalid, already used or expired', ErrorCode.INVALID_RESET_TOKEN);
    const hash = hashToken(token);
    const userId = await tokenRepo.findUsableResetToken(this.db, hash);
    const user = userId ? await userRepo.findById(this.db, userId) : undefined;
    if (!user) throw invalid();
    // Checked before the token is spent, so a refused password does not burn the emailed link.
    this.assertStrongPassword(password, [user.username, user.email.split('@')[0] ?? '']);
    const passwordHash = await hashPassword(password);
    await inTransaction(this.db, async (trx) => {
      if (!(await tokenRepo.consumeResetToken(trx, hash))) throw invalid();
      await userRepo.update(trx, user.id, { password_hash: passwordHash });
      // A reset is often the answer to a stolen account: every existing session ends.
      await tokenRepo.revokeAllForUser(trx, user.id);
      await tokenRepo.expireResetTokensForUser(trx, user.id);
    });
  }

  /**
   * A signed-in user changes their password, proving it with the current one. Every session ends, as
   * after a reset (a change is often the answer to a leaked password); the caller's continues in the
   * new session this answers, and a mail tells the owner, in case it was not them.
   */
  async changePassword(
    actor: AuthenticatedUser,
    input: z.infer<typeof changePasswordBody>,
    client: ClientInfo,
  ): Promise<Session> {
    const user = await userRepo.findById(this.db, actor.id);
    if (!user) throw unauthorized();
    if (!(await verifyPassword(input.currentPassword, user.password_hash)))
      throw validationError('Your current password is not right', [
        { field: 'currentPassword', message: 'is not your current password' },
      ]);
    if (input.newPassword === input.currentPassword)
      throw validationError('Choose a password you do not use now', [
        { field: 'newPassword', message: 'is your current password' },
      ]);
    this.assertStrongPassword(input.newPassword, [user.username, user.email.split('@')[0] ?? ''], 'newPassword');
    const passwordHash = await hashPassword(input.newPassword);
    const session = await inTransaction(this.db, async (trx) => {
      await userRepo.update(trx, user.id, { password_hash: passwordHash });
      await tokenRepo.revokeAllForUser(trx, user.id);
      await tokenRepo.expireResetTokensForUser(trx, user.id);
      return this.openSession(user, randomUUID(), client, trx);
    });
    // The change stands whether or not the notice goes out: a mail server that is down must not leave the
    // caller signed out with no session to continue in.
    await this.mailer
      .send({
        to: user.email,
        subject: 'Your StreamHub password was changed',
        text:
          `Hello ${user.username},\n\nThe password of your StreamHub account was just changed, and every other ` +
          `device was signed out.\n\nIf it was not you, choose a new password at once:\n\n` +
          `${this.baseUrl()}/forgot-password\n`,
      })
      .catch((error: unknown) => this.logger.warn({ err: error, userId: user.id }, 'password change notice not sent'));
    return session;
  }

  private assertStrongPassword(password: string, personal: string[], field = 'password'): void {
    const weakness = passwordWeakness(password, personal);
    if (weakness) throw validationError('The password is too weak', [{ field, message: weakness }]);
  }

  private async openSession(
    user: UserRow,
    familyId: string,
    client: ClientInfo,
    db: Executor = this.db,
  ): Promise<Session> {
    const refreshToken = newOpaqueToken();
    await tokenRepo.insertRefreshToken(db, {
      userId: user.id,
      familyId,
      hash: hashToken(refreshToken),
      expiresAt: new Date(Date.now() + this.config.auth.refreshTokenTtlSeconds * 1000),
      userAgent: client.userAgent,
      ip: client.ip,
    });
    const access = await this.signer.sign({ userId: user.id, role: user.role });
    return {
      user: toPrivateUser(user),
      accessToken: access.token,
      refreshToken,
      tokenType: 'Bearer',
      expiresIn: access.expiresIn,
    };
  }

  private baseUrl(): string {
    return this.config.publicUrl ?? `http://${this.config.host}:${this.config.port}`;
  }
}
