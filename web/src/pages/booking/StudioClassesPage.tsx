import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { RequireChannel } from '../../auth/RequireChannel.tsx';
import { BOOKING_KEY, bookingApi, formatPrice, STATUS_LABELS, type LiveClass } from '../../booking/booking-api.ts';
import { ScheduleClassForm } from '../../booking/ScheduleClassForm.tsx';
import '../../booking/booking.css';

/** /studio/classes — schedule live classes and see who is coming to each. */
export default function StudioClassesPage() {
  return (
    <RequireChannel what="your classes" purpose="to teach live classes">
      <StudioClasses />
    </RequireChannel>
  );
}

function StudioClasses() {
  const queryClient = useQueryClient();
  const classes = useQuery({ queryKey: [...BOOKING_KEY, 'teaching'], queryFn: bookingApi.teaching });
  const [open, setOpen] = useState<string | null>(null);
  const scheduled = (cls: LiveClass) => {
    setOpen(cls.id);
    void queryClient.invalidateQueries({ queryKey: BOOKING_KEY });
  };
  return (
    <section className="studio-classes">
      <h1 className="page-title">Live classes</h1>
      <h2>Schedule a class</h2>
      <ScheduleClassForm onScheduled={scheduled} />
      <h2>Your classes</h2>
      {classes.data?.length === 0 && <p className="muted">No classes yet: the ones you schedule appear here.</p>}
      <ul className="booking-list">
        {classes.data?.map((cls) => (
          <li key={cls.id} className="studio-class">
            <div className="booking-row">
              <Link to={`/classes/${cls.id}`}>{cls.title}</Link>
              <span>{new Date(cls.startsAt).toLocaleString()}</span>
              <span>{formatPrice(cls.priceCents, cls.currency)}</span>
              <span>
                {cls.capacity - cls.seatsLeft}/{cls.capacity} seats · {cls.waitlisted} waiting
              </span>
              <button
                type="button"
                className="button"
                aria-expanded={open === cls.id}
                onClick={() => setOpen(open === cls.id ? null : cls.id)}
              >
                Attendees
              </button>
            </div>
            {open === cls.id && <Attendees classId={cls.id} />}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Attendees({ classId }: { classId: string }) {
  const attendees = useQuery({
    queryKey: [...BOOKING_KEY, 'attendees', classId],
    queryFn: () => bookingApi.attendees(classId),
    refetchInterval: 10_000,
  });
  if (attendees.data?.length === 0) return <p>Nobody has booked yet.</p>;
  return (
    <table className="attendees" aria-label="Attendees">
      <thead>
        <tr>
          <th>Learner</th>
          <th>Status</th>
          <th>Seat</th>
        </tr>
      </thead>
      <tbody>
        {attendees.data?.map((attendee) => (
          <tr key={attendee.bookingId}>
            <td>{attendee.username}</td>
            <td>
              {STATUS_LABELS[attendee.status]}
              {attendee.paid && ' · paid'}
            </td>
            <td>{attendee.seatNo ?? `#${attendee.waitlistPosition}`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
