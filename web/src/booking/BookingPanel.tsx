import { useCallback, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { BOOKING_KEY, bookingApi, formatPrice, type LiveClass } from './booking-api.ts';
import { HoldCountdown } from './HoldCountdown.tsx';
import { FormError } from '../components/FormError.tsx';

/** The learner's part of a class page: book, the hold's countdown, confirm or pay, the waitlist, cancel. */
export function BookingPanel({ cls }: { cls: LiveClass }) {
  const queryClient = useQueryClient();
  const [card, setCard] = useState('tok_ok');
  const refresh = useCallback(() => queryClient.invalidateQueries({ queryKey: BOOKING_KEY }), [queryClient]);
  const book = useMutation({ mutationFn: () => bookingApi.book(cls.id, crypto.randomUUID()), onSettled: refresh });
  const confirm = useMutation({
    mutationFn: (id: string) => bookingApi.confirm(id, cls.priceCents > 0 ? card : undefined),
    onSettled: refresh,
  });
  const cancel = useMutation({ mutationFn: bookingApi.cancel, onSettled: refresh });
  const error = book.error ?? confirm.error ?? cancel.error;
  const booking = cls.myBooking;
  const paid = cls.priceCents > 0;
  const cutoffPassed = Date.now() > Date.parse(cls.cancelUntil);
  const submitConfirm = (event: FormEvent) => {
    event.preventDefault();
    if (booking) confirm.mutate(booking.id);
  };

  return (
    <div className="booking-panel" aria-live="polite">
      <FormError message={error?.message} />
      {!booking && (
        <button type="button" className="button primary" disabled={book.isPending} onClick={() => book.mutate()}>
          {cls.seatsLeft > 0 ? 'Book a seat' : 'Join the waitlist'}
        </button>
      )}
      {booking?.status === 'held' && (
        <form onSubmit={submitConfirm} className="booking-confirm">
          <p>
            Seat {booking.seatNo} is held for you: <HoldCountdown until={booking.holdExpiresAt!} onElapsed={refresh} />
          </p>
          {paid && (
            <label>
              Test card (fake payment provider)
              <select value={card} onChange={(event) => setCard(event.target.value)}>
                <option value="tok_ok">Card that pays</option>
                <option value="tok_decline">Card that is declined</option>
              </select>
            </label>
          )}
          <button type="submit" className="button primary" disabled={confirm.isPending}>
            {paid ? `Pay ${formatPrice(cls.priceCents, cls.currency)} and confirm` : 'Confirm seat'}
          </button>
        </form>
      )}
      {booking?.status === 'paying' && <p>Your payment is under way…</p>}
      {booking?.status === 'confirmed' && (
        <p className="booking-confirmed" role="status">
          You are booked: seat {booking.seatNo}.
        </p>
      )}
      {booking?.status === 'waitlisted' && (
        <p role="status">
          You are number {booking.waitlistPosition} on the waitlist. We will tell you when a seat frees up.
        </p>
      )}
      {booking && booking.status !== 'paying' && (
        <p>
          <button
            type="button"
            className="button"
            disabled={cancel.isPending || (booking.status === 'confirmed' && cutoffPassed)}
            onClick={() => cancel.mutate(booking.id)}
          >
            {booking.status === 'waitlisted' ? 'Leave the waitlist' : 'Cancel booking'}
          </button>{' '}
          {booking.status === 'confirmed' && (
            <small>
              {cutoffPassed
                ? 'Cancellation has closed.'
                : `Cancel until ${new Date(cls.cancelUntil).toLocaleString()}${paid ? ' (refunded)' : ''}.`}
            </small>
          )}
        </p>
      )}
    </div>
  );
}
