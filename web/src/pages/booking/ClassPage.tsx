import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { useAuth } from '../../auth/auth-context.tsx';
import { QueryErrorPage } from '../../components/ErrorPage.tsx';
import { PageSkeleton } from '../../components/Skeletons.tsx';
import { BOOKING_KEY, bookingApi, formatPrice } from '../../booking/booking-api.ts';
import { BookingPanel } from '../../booking/BookingPanel.tsx';
import '../../booking/booking.css';

/** /classes/:id — a live class: when, price, seats left and the learner's booking. */
export default function ClassPage() {
  const { id = '' } = useParams();
  const { user } = useAuth();
  // Seats move while the page is open: poll the counts.
  const cls = useQuery({
    queryKey: [...BOOKING_KEY, 'class', id, user?.id],
    queryFn: () => bookingApi.class(id),
    refetchInterval: 5000,
  });
  if (cls.error) return <QueryErrorPage error={cls.error} what="Class" />;
  if (!cls.data) return <PageSkeleton />;
  const data = cls.data;
  return (
    <section className="class-page">
      <h1 className="page-title">{data.title}</h1>
      <p className="class-meta">
        {new Date(data.startsAt).toLocaleString()} · {formatPrice(data.priceCents, data.currency)} ·{' '}
        <Link to={`/live/${data.streamId}`}>Stream page</Link>
        {data.courseId && (
          <>
            {' · '}
            <Link to={`/courses/${data.courseId}`}>Course</Link>
          </>
        )}
      </p>
      {data.description && <p>{data.description}</p>}
      <p className="class-seats" data-testid="seats-left">
        {data.seatsLeft} of {data.capacity} seats left
        {data.waitlisted > 0 && ` · ${data.waitlisted} on the waitlist`}
      </p>
      {data.status === 'cancelled' && <p role="status">This class was cancelled.</p>}
      {data.status === 'open' && user && user.id !== data.creatorId && <BookingPanel cls={data} />}
      {data.status === 'open' && user?.id === data.creatorId && (
        <p>
          <Link to="/studio/classes">See who is coming</Link>
        </p>
      )}
      {!user && <Link to={`/login?next=${encodeURIComponent(`/classes/${id}`)}`}>Sign in to book a seat</Link>}
    </section>
  );
}
