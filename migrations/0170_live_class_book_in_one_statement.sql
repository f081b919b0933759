-- Live class booking in one statement (docs/BOOKING.md, "The critical section").
--
-- Allocations for a class are serialised on the class row's lock. Taken from the API, that lock was
-- held across two client round trips (the locking SELECT's answer, the allocating INSERT's answer,
-- then COMMIT), each waiting for the API process's event loop to get to it: under load the lock was
-- held for the API's scheduling delay, not for the database's work. These functions let the common
-- booking take the lock, place the learner and commit inside the database, in one statement.

-- Under the class lock (the caller holds it): holds the lowest free seat for a new booking, or, when
-- the class is full, no hold has run out and the learner wants to wait, takes a waitlist place. No row
-- otherwise. Both inserts see one snapshot, so exactly one of them (or neither) adds the row. VOLATILE
-- (the default): it reads the bookings committed before it starts, after the caller got the lock.
create function live_class_seat_or_waitlist(
  p_class_id uuid,
  p_booking_id uuid,
  p_user_id uuid,
  p_amount_cents integer,
  p_hold_until timestamptz,
  p_join_waitlist boolean,
  p_now timestamptz
) returns setof live_class_bookings language sql as $$
  with free_seat as (
    select s.seat_no from live_class_seats s
    where s.class_id = p_class_id
      and not exists (select 1 from live_class_bookings b where b.class_id = s.class_id and b.seat_no = s.seat_no)
    order by s.seat_no
    limit 1
  ), held as (
    insert into live_class_bookings (id, class_id, user_id, status, seat_no, hold_expires_at, amount_cents)
    select p_booking_id, p_class_id, p_user_id, 'held', seat_no, p_hold_until, p_amount_cents from free_seat
    returning *
  ), waiting as (
    insert into live_class_bookings (id, class_id, user_id, status, waitlist_position, amount_cents)
    select p_booking_id, p_class_id, p_user_id, 'waitlisted', nextval('live_class_waitlist_seq'), p_amount_cents
    where p_join_waitlist
      and not exists (select 1 from free_seat)
      and not exists (
        select 1 from live_class_bookings
        where class_id = p_class_id and status in ('held', 'paying') and hold_expires_at <= p_now
      )
    returning *
  )
  select * from held union all select * from waiting
$$;

-- The common booking, whole: locks the class, checks it takes bookings from this learner, and holds a
-- seat or a waitlist place. Anything else (no such class, closed, started, the teacher booking, full
-- with holds that ran out to be ended first, full and no waiting wanted) raises 'live_class_book:
-- not the common case', which rolls the statement back; the API then books through its general path,
-- which says why or ends the ran-out holds (and notifies) first. The learner's unique index raises as
-- usual (already booked).
create function live_class_book(
  p_class_id uuid,
  p_booking_id uuid,
  p_user_id uuid,
  p_hold_until timestamptz,
  p_join_waitlist boolean,
  p_now timestamptz
) returns setof live_class_bookings language plpgsql as $$
declare
  cls live_classes;
  placed live_class_bookings;
begin
  select * into cls from live_classes where id = p_class_id for update;
  if not found or cls.status <> 'open' or cls.starts_at <= p_now or cls.creator_id = p_user_id then
    raise exception 'live_class_book: not the common case';
  end if;
  select * into placed
  from live_class_seat_or_waitlist(p_class_id, p_booking_id, p_user_id, cls.price_cents, p_hold_until, p_join_waitlist, p_now);
  if not found then
    raise exception 'live_class_book: not the common case';
  end if;
  return next placed;
end
$$;
