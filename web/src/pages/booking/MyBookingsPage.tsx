import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { RequireSignIn } from '../../auth/RequireSignIn.tsx';
import { BOOKING_KEY, bookingApi, formatPrice, STATUS_LABELS } from '../../booking/booking-api.ts';
import '../../booking/booking.css';

/** /bookings — the learner's class bookings, newest first. */
export default function MyBookingsPage() {
  return (
    <RequireSignIn what="your bookings">
      <MyBookings />
    </RequireSignIn>
  );
}

function MyBookings() {
  const bookings = useQuery({ queryKey: [...BOOKING_KEY, 'mine'], queryFn: bookingApi.mine });
  return (
    <section className="my-bookings">
      <h1 className="page-title">My bookings</h1>
      {bookings.data?.length === 0 && (
        <p>
          No bookings yet. <Link to="/classes">Find a live class</Link>.
        </p>
      )}
      <ul className="booking-list">
        {bookings.data?.map((booking) => (
          <li key={booking.id} className="booking-row">
            <Link to={`/classes/${booking.classId}`}>{booking.classTitle}</Link>
            <span>{new Date(booking.startsAt).toLocaleString()}</span>
            <span className={`booking-status status-${booking.status}`}>
              {STATUS_LABELS[booking.status]}
              {booking.seatNo !== null && ` · seat ${booking.seatNo}`}
              {booking.waitlistPosition !== null && ` · #${booking.waitlistPosition}`}
            </span>
            {booking.amountCents > 0 && (
              <span>
                {formatPrice(booking.amountCents, booking.currency)}
                {booking.refunded && ' · refunded'}
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
