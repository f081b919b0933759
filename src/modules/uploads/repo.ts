import { sql, type Insertable, type Selectable } from 'kysely';
import type { Executor } from '../../platform/db/transaction.ts';
import { isUniqueViolation } from '../../platform/db/pg-errors.ts';
import type { UploadsTable, UploadState } from './tables.ts';

export type UploadRow = Selectable<UploadsTable>;
export type NewUpload = Omit<Insertable<UploadsTable>, 'state' | 'created_at' | 'updated_at'>;

/** Another upload of the same video is pending or being finalised. */
export class ActiveUploadExistsError extends Error {
  constructor(readonly videoId: string) {
    super(`video ${videoId} already has an active upload`);
  }
}

function asKnownConflict(error: unknown, videoId: string): never {
  if (isUniqueViolation(error, 'uploads_one_active_per_video')) throw new ActiveUploadExistsError(videoId);
  throw error;
}

export const uploadRepo = {
  async insert(db: Executor, upload: NewUpload): Promise<UploadRow> {
    try {
      return await db.insertInto('uploads').values(upload).returningAll().executeTakeFirstOrThrow();
    } catch (error) {
      return asKnownConflict(error, upload.video_id);
    }
  },

  findById(db: Executor, id: string): Promise<UploadRow | undefined> {
    return db.selectFrom('uploads').selectAll().where('id', '=', id).executeTakeFirst();
  },

  findActiveForVideo(db: Executor, videoId: string): Promise<UploadRow | undefined> {
    return db
      .selectFrom('uploads')
      .selectAll()
      .where('video_id', '=', videoId)
      .where('state', 'in', ['pending', 'completing'])
      .executeTakeFirst();
  },

  /** How many uploads the user started since `since`, and when the oldest of them started. */
  async startedSince(db: Executor, userId: string, since: Date): Promise<{ count: number; oldest: Date | null }> {
    const row = await db
      .selectFrom('uploads')
      .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.min('created_at').as('oldest')])
      .where('user_id', '=', userId)
      .where('created_at', '>', since)
      .executeTakeFirstOrThrow();
    return { count: Number(row.count), oldest: row.oldest ? new Date(row.oldest) : null };
  },

  /**
   * Serialises quota checks of one user until the transaction ends, so two uploads started at the
   * same instant can't both take the last slot of the day.
   */
  async lockUserQuota(trx: Executor, userId: string): Promise<void> {
    await sql`select pg_advisory_xact_lock(hashtext(${`uploads-quota:${userId}`}))`.execute(trx);
  },

  /**
   * The finalisation lock: moves a pending upload (or one whose finaliser's lease ran out) to
   * 'completing' in one conditional UPDATE, so exactly one caller gets the row back.
   */
  claim(db: Executor, id: string, now: Date, leaseMs: number): Promise<UploadRow | undefined> {
    return db
      .updateTable('uploads')
      .set({ state: 'completing', lease_until: new Date(now.getTime() + leaseMs), updated_at: now })
      .where('id', '=', id)
      .where((eb) =>
        eb.or([eb('state', '=', 'pending'), eb.and([eb('state', '=', 'completing'), eb('lease_until', '<', now)])]),
      )
      .returningAll()
      .executeTakeFirst();
  },

  /** Ends a claim: `completing` to `to`. Undefined when the row was not (or no longer) completing. */
  settle(
    db: Executor,
    id: string,
    to: Exclude<UploadState, 'completing'>,
    failureReason: string | null = null,
  ): Promise<UploadRow | undefined> {
    return db
      .updateTable('uploads')
      .set({ state: to, lease_until: null, failure_reason: failureReason, updated_at: new Date() })
      .where('id', '=', id)
      .where('state', '=', 'completing')
      .returningAll()
      .executeTakeFirst();
  },

  async setMultipartUpload(db: Executor, id: string, multipartUploadId: string, partSize: number): Promise<UploadRow> {
    return db
      .updateTable('uploads')
      .set({ multipart_upload_id: multipartUploadId, part_size: partSize, updated_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  async delete(db: Executor, id: string): Promise<void> {
    await db.deleteFrom('uploads').where('id', '=', id).execute();
  },

  findExpiredPending(db: Executor, now: Date, limit: number): Promise<UploadRow[]> {
    return db
      .selectFrom('uploads')
      .selectAll()
      .where('state', '=', 'pending')
      .where('expires_at', '<', now)
      .orderBy('expires_at')
      .limit(limit)
      .execute();
  },
};
