-- Live class booking: a creator's class on a scheduled live stream or premiere, with a capacity, and
-- learners' bookings (a held seat, a confirmed seat, or a place on the waitlist).

create table live_classes (
  id uuid primary key default gen_random_uuid(),
  creator_id uuid not null references users(id) on delete cascade,
  -- One class per broadcast: the class is the booking side of that stream or premiere.
  stream_id uuid not null unique references live_streams(id) on delete cascade,
  course_id uuid references courses(id) on delete set null,
  title text not null,
  description text not null default '',
  starts_at timestamptz not null,
  capacity integer not null check (capacity between 1 and 10000),
  price_cents integer not null default 0 check (price_cents between 0 and 10000000),
  currency text not null default 'USD' check (currency ~ '^[A-Z]{3}$'),
  -- Bookings may be cancelled until this many minutes before the start.
  cancel_cutoff_minutes integer not null default 60 check (cancel_cutoff_minutes between 0 and 43200),
  status text not null default 'open' check (status in ('open', 'cancelled')),
  -- When each reminder went out (set by the conditional update that sends it, so once across workers).
  reminded_day_at timestamptz,
  reminded_soon_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index live_classes_upcoming_idx on live_classes (starts_at) where status = 'open';
create index live_classes_creator_idx on live_classes (creator_id, starts_at desc);

-- Every seat of a class is a row. A booking that occupies a seat references one (foreign key) and
-- at most one live booking may occupy each (unique index below): more bookings than seats cannot be
-- stored, whatever the code above does.
create table live_class_seats (
  class_id uuid not null references live_classes(id) on delete cascade,
  seat_no integer not null check (seat_no >= 1),
  primary key (class_id, seat_no)
);

create sequence live_class_waitlist_seq;

-- held: a seat kept for the learner until hold_expires_at while they confirm (and pay);
-- paying: the payment is under way (hold_expires_at is then the payment deadline);
-- confirmed: the seat is theirs; waitlisted: no seat, in line by waitlist_position;
-- cancelled / expired / payment_failed: over, the seat (if any) released.
create table live_class_bookings (
  id uuid primary key default gen_random_uuid(),
  class_id uuid not null references live_classes(id) on delete cascade,
  user_id uuid not null references users(id) on delete cascade,
  status text not null
    check (status in ('held', 'paying', 'confirmed', 'waitlisted', 'cancelled', 'expired', 'payment_failed')),
  seat_no integer,
  hold_expires_at timestamptz,
  waitlist_position bigint,
  amount_cents integer not null default 0 check (amount_cents >= 0),
  payment_ref text,
  refunded_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  confirmed_at timestamptz,
  ended_at timestamptz,
  foreign key (class_id, seat_no) references live_class_seats (class_id, seat_no),
  -- Exactly the seat-holding states have a seat, the timed ones a deadline, the waitlist a place in line.
  check ((status in ('held', 'paying', 'confirmed')) = (seat_no is not null)),
  check ((status in ('held', 'paying')) = (hold_expires_at is not null)),
  check ((status = 'waitlisted') = (waitlist_position is not null))
);
create unique index live_class_bookings_seat_idx on live_class_bookings (class_id, seat_no) where seat_no is not null;
-- One live booking per learner and class.
create unique index live_class_bookings_learner_idx on live_class_bookings (class_id, user_id)
  where status in ('held', 'paying', 'confirmed', 'waitlisted');
create index live_class_bookings_waitlist_idx on live_class_bookings (class_id, waitlist_position)
  where status = 'waitlisted';
create index live_class_bookings_holds_idx on live_class_bookings (hold_expires_at) where status in ('held', 'paying');
create index live_class_bookings_user_idx on live_class_bookings (user_id, created_at desc);
