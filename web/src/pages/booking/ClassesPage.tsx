import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { BOOKING_KEY, bookingApi, formatPrice } from '../../booking/booking-api.ts';
import '../../booking/booking.css';

/** /classes — upcoming live classes with seats left. */
export default function ClassesPage() {
  const classes = useQuery({ queryKey: [...BOOKING_KEY, 'upcoming'], queryFn: bookingApi.upcoming });
  return (
    <section className="classes-page">
      <h1 className="page-title">Live classes</h1>
      {classes.data?.length === 0 && <p>No classes are scheduled yet.</p>}
      <ul className="booking-list">
        {classes.data?.map((cls) => (
          <li key={cls.id} className="booking-row">
            <Link to={`/classes/${cls.id}`}>{cls.title}</Link>
            <span>{new Date(cls.startsAt).toLocaleString()}</span>
            <span>{formatPrice(cls.priceCents, cls.currency)}</span>
            <span>{cls.seatsLeft > 0 ? `${cls.seatsLeft} seats left` : 'Full: waitlist open'}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
