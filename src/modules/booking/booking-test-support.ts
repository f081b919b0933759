// Shared by the booking tests, benchmark and browser test: a creator's scheduled stream with a class on it.
import type { LightMyRequestResponse } from 'fastify';
import { bearer, json, type TestApp } from '../../../test/support/app.ts';
import type { TestAccount } from '../channels/channel-test-support.ts';

export interface ClassOptions {
  capacity: number;
  priceCents?: number;
  cancelCutoffMinutes?: number;
  /** Minutes from now until the stream starts (default a week). */
  startsInMinutes?: number;
  title?: string;
}

/** Schedules a stream through the API and a class on it; answers the class as the API shows it. */
export async function scheduleClass(t: TestApp, creator: TestAccount, options: ClassOptions) {
  const startsAt = new Date(Date.now() + (options.startsInMinutes ?? 7 * 24 * 60) * 60_000);
  const title = options.title ?? 'Live class';
  const stream = json(
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/live/streams',
      headers: bearer(creator.token),
      payload: { title, scheduledAt: startsAt.toISOString() },
    }),
  ).data as { id: string };
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/classes',
    headers: bearer(creator.token),
    payload: {
      streamId: stream.id,
      capacity: options.capacity,
      ...(options.priceCents !== undefined ? { priceCents: options.priceCents } : {}),
      ...(options.cancelCutoffMinutes !== undefined ? { cancelCutoffMinutes: options.cancelCutoffMinutes } : {}),
    },
  });
  if (response.statusCode !== 201) throw new Error(`scheduling the class failed: ${response.body}`);
  return json(response).data as { id: string; streamId: string; capacity: number; seatsLeft: number };
}

/** POST /classes/:id/bookings as `who`, with an optional Idempotency-Key. */
export function bookSeat(
  t: TestApp,
  who: TestAccount,
  classId: string,
  options: { key?: string; body?: object } = {},
): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/classes/${classId}/bookings`,
    headers: { ...bearer(who.token), ...(options.key ? { 'idempotency-key': options.key } : {}) },
    payload: options.body ?? {},
  });
}

/** Makes the given bookings' holds run out now, as if their five minutes had passed. */
export async function expireHolds(t: TestApp, bookingIds: string[]): Promise<void> {
  await t.platform.database.db
    .updateTable('live_class_bookings')
    .set({ hold_expires_at: new Date(Date.now() - 1000) })
    .where('id', 'in', bookingIds)
    .execute();
}
