import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { isUniqueViolation } from '../../platform/db/pg-errors.ts';
import { assertHasChannel, type AuthenticatedUser } from '../../platform/http/auth-guard.ts';
import { ErrorCode } from '../../platform/http/error-codes.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import { findCourse, isCourseEditor } from '../courses/course-access.ts';
import type { LiveStreamService } from '../live/live-streams.ts';
import type { BookingRow, ClassRow } from './seat-ledger.ts';

export interface ScheduleClassInput {
  streamId: string;
  courseId?: string;
  capacity: number;
  priceCents?: number;
  currency?: string;
  cancelCutoffMinutes?: number;
  title?: string;
  description?: string;
}

export interface SeatCounts {
  seatsTaken: number;
  waitlisted: number;
}

export interface Attendee {
  booking: BookingRow;
  username: string;
}

const notSchedulable = (message: string) => new AppError(409, ErrorCode.CLASS_NOT_SCHEDULABLE, message);

/** The creator's side: scheduling classes on their streams and premieres, lists, and who is coming. */
export class ClassSchedule {
  constructor(private readonly deps: { db: Kysely<DB>; liveStreams: LiveStreamService }) {}

  async schedule(actor: AuthenticatedUser, input: ScheduleClassInput): Promise<ClassRow> {
    assertHasChannel(actor, 'schedule classes');
    const stream = await this.deps.liveStreams.findById(input.streamId);
    if (!stream || (stream.channel_id !== actor.id && actor.role !== 'admin')) throw notFound('Live stream');
    if (stream.status !== 'scheduled' || !stream.scheduled_at) {
      throw notSchedulable('Only a scheduled stream or premiere with a start time can carry a class');
    }
    if (stream.scheduled_at.getTime() <= Date.now()) throw notSchedulable('The stream starts in the past');
    if (input.courseId) {
      const course = await findCourse(this.deps.db, input.courseId);
      if (!course || !isCourseEditor(actor, course)) throw notFound('Course');
    }
    try {
      return await this.deps.db.transaction().execute(async (trx) => {
        const cls = await trx
          .insertInto('live_classes')
          .values({
            creator_id: stream.channel_id,
            stream_id: stream.id,
            course_id: input.courseId ?? null,
            title: input.title ?? stream.title,
            description: input.description ?? stream.description,
            starts_at: stream.scheduled_at!,
            capacity: input.capacity,
            price_cents: input.priceCents ?? 0,
            currency: input.currency ?? 'USD',
            cancel_cutoff_minutes: input.cancelCutoffMinutes ?? 60,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await sql`insert into live_class_seats (class_id, seat_no)
                  select ${cls.id}::uuid, n from generate_series(1, ${cls.capacity}::int) as n`.execute(trx);
        return cls;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw notSchedulable('This stream already has a class');
      throw error;
    }
  }

  async get(id: string): Promise<ClassRow> {
    const cls = await this.deps.db.selectFrom('live_classes').selectAll().where('id', '=', id).executeTakeFirst();
    if (!cls) throw notFound('Class');
    return cls;
  }

  /** Open classes not started yet, soonest first. */
  upcoming(limit: number): Promise<ClassRow[]> {
    return this.deps.db
      .selectFrom('live_classes')
      .selectAll()
      .where('status', '=', 'open')
      .where('starts_at', '>', new Date())
      .orderBy('starts_at')
      .limit(limit)
      .execute();
  }

  teaching(actor: AuthenticatedUser, limit: number): Promise<ClassRow[]> {
    return this.deps.db
      .selectFrom('live_classes')
      .selectAll()
      .where('creator_id', '=', actor.id)
      .orderBy('starts_at', 'desc')
      .limit(limit)
      .execute();
  }

  /** Seats taken (holds that ran out no longer count, even before the sweep ends them) and the waitlist's length. */
  async counts(classIds: string[]): Promise<Map<string, SeatCounts>> {
    const counts = new Map<string, SeatCounts>(classIds.map((id) => [id, { seatsTaken: 0, waitlisted: 0 }]));
    if (classIds.length === 0) return counts;
    const now = new Date();
    const rows = await this.deps.db
      .selectFrom('live_class_bookings')
      .select((eb) => [
        'class_id',
        eb.fn
          .countAll<number>()
          .filterWhere((w) =>
            w.and([
              w('seat_no', 'is not', null),
              w.or([w('hold_expires_at', 'is', null), w('hold_expires_at', '>', now)]),
            ]),
          )
          .as('seats_taken'),
        eb.fn.countAll<number>().filterWhere('status', '=', 'waitlisted').as('waitlisted'),
      ])
      .where('class_id', 'in', classIds)
      .where('status', 'in', ['held', 'paying', 'confirmed', 'waitlisted'])
      .groupBy('class_id')
      .execute();
    for (const row of rows)
      counts.set(row.class_id, { seatsTaken: Number(row.seats_taken), waitlisted: Number(row.waitlisted) });
    return counts;
  }

  /** Whether this user may post in the chat of this stream: anyone when no open class is on it, else confirmed attendees. */
  async admitsToChat(streamId: string, userId: string): Promise<boolean> {
    const cls = await this.deps.db
      .selectFrom('live_classes')
      .select('id')
      .where('stream_id', '=', streamId)
      .where('status', '=', 'open')
      .executeTakeFirst();
    if (!cls) return true;
    const seat = await this.deps.db
      .selectFrom('live_class_bookings')
      .select('id')
      .where('class_id', '=', cls.id)
      .where('user_id', '=', userId)
      .where('status', '=', 'confirmed')
      .executeTakeFirst();
    return seat !== undefined;
  }

  /** Everyone with a live booking, seats first (by seat), then the waitlist in order: the creator's view. */
  async attendees(actor: AuthenticatedUser, classId: string): Promise<Attendee[]> {
    const cls = await this.get(classId);
    if (cls.creator_id !== actor.id && actor.role !== 'admin') throw notFound('Class');
    const rows = await this.deps.db
      .selectFrom('live_class_bookings as b')
      .innerJoin('users as u', 'u.id', 'b.user_id')
      .selectAll('b')
      .select('u.username')
      .where('b.class_id', '=', classId)
      .where('b.status', 'in', ['held', 'paying', 'confirmed', 'waitlisted'])
      .orderBy(sql`b.seat_no nulls last`)
      .orderBy('b.waitlist_position')
      .execute();
    return rows.map(({ username, ...booking }) => ({ booking, username }));
  }
}
