-- Courses: learning paths of modules and lessons built from StreamHub videos, readings and quizzes;
-- enrolments, per-lesson progress, graded quiz attempts, XP (the source of truth of every
-- leaderboard), daily streaks and completion certificates.

create table courses (
  id uuid primary key default gen_random_uuid(),
  creator_id uuid not null references users(id) on delete cascade,
  title text not null check (char_length(title) between 1 and 150),
  description text not null default '',
  cover_url text,
  level text not null default 'beginner' check (level in ('beginner', 'intermediate', 'advanced')),
  language text not null default 'en',
  visibility text not null default 'public' check (visibility in ('public', 'unlisted', 'private')),
  status text not null default 'draft' check (status in ('draft', 'published')),
  published_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index courses_catalogue_idx on courses (published_at desc, id) where status = 'published' and visibility = 'public';
create index courses_creator_idx on courses (creator_id, created_at desc);

-- `position` orders modules within a course and lessons within a module; the reorder API rewrites
-- them all at once. `origin` says whether an item was generated, edited after generation, or manual.
create table course_modules (
  id uuid primary key default gen_random_uuid(),
  course_id uuid not null references courses(id) on delete cascade,
  title text not null,
  position integer not null,
  origin text not null default 'manual' check (origin in ('manual', 'generated', 'edited')),
  created_at timestamptz not null default now()
);
create index course_modules_course_idx on course_modules (course_id, position);

create table course_lessons (
  id uuid primary key default gen_random_uuid(),
  course_id uuid not null references courses(id) on delete cascade,
  module_id uuid not null references course_modules(id) on delete cascade,
  position integer not null,
  kind text not null check (kind in ('video', 'reading', 'quiz')),
  title text not null,
  summary text not null default '',
  video_id uuid references videos(id) on delete set null,
  body_markdown text not null default '',
  -- Quiz questions WITH their answers: only the grader reads `answer`; the API strips it.
  quiz jsonb not null default '[]',
  pass_percent integer not null default 70 check (pass_percent between 1 and 100),
  max_attempts integer not null default 3 check (max_attempts between 1 and 100),
  xp integer not null default 10 check (xp between 0 and 1000),
  origin text not null default 'manual' check (origin in ('manual', 'generated', 'edited')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index course_lessons_module_idx on course_lessons (module_id, position);
create index course_lessons_course_idx on course_lessons (course_id);
create index course_lessons_video_idx on course_lessons (video_id) where video_id is not null;

create table course_enrolments (
  course_id uuid not null references courses(id) on delete cascade,
  user_id uuid not null references users(id) on delete cascade,
  -- Where to resume: the lesson last opened.
  last_lesson_id uuid references course_lessons(id) on delete set null,
  completed_at timestamptz,
  -- The certificate's public, verifiable id (set once, at 100 %).
  certificate_id uuid unique,
  enrolled_at timestamptz not null default now(),
  primary key (course_id, user_id)
);
create index course_enrolments_user_idx on course_enrolments (user_id, enrolled_at desc);

create table course_lesson_progress (
  lesson_id uuid not null references course_lessons(id) on delete cascade,
  user_id uuid not null references users(id) on delete cascade,
  course_id uuid not null references courses(id) on delete cascade,
  completed_at timestamptz not null default now(),
  primary key (lesson_id, user_id)
);
create index course_lesson_progress_user_idx on course_lesson_progress (user_id, course_id);

create table course_quiz_attempts (
  id uuid primary key default gen_random_uuid(),
  lesson_id uuid not null references course_lessons(id) on delete cascade,
  user_id uuid not null references users(id) on delete cascade,
  score_percent integer not null,
  passed boolean not null,
  answers jsonb not null,
  created_at timestamptz not null default now()
);
create index course_quiz_attempts_idx on course_quiz_attempts (lesson_id, user_id, created_at);

-- Every XP award, once per source (`source_key`, e.g. 'lesson:<id>'): the leaderboards' source of truth.
create table course_xp_events (
  id bigserial primary key,
  user_id uuid not null references users(id) on delete cascade,
  course_id uuid not null references courses(id) on delete cascade,
  source_key text not null,
  xp integer not null,
  created_at timestamptz not null default now(),
  unique (user_id, source_key)
);
create index course_xp_events_course_idx on course_xp_events (course_id, user_id);

-- Running totals per board: 'all', 'course:<id>', 'week:<monday>' (a new week is a new board, so the
-- weekly reset keeps every past week). `reached_at` breaks ties: who got to the score first ranks higher.
create table course_xp_totals (
  board text not null,
  user_id uuid not null references users(id) on delete cascade,
  xp integer not null,
  reached_at timestamptz not null,
  primary key (board, user_id)
);
create index course_xp_totals_rank_idx on course_xp_totals (board, xp desc, reached_at, user_id);

create table course_streaks (
  user_id uuid primary key references users(id) on delete cascade,
  current_days integer not null default 0,
  longest_days integer not null default 0,
  last_day date
);

-- Documents uploaded as course-generation sources, stored as extracted text, one entry per page
-- (a PDF page, or a Markdown section), so generated questions can cite a page.
create table course_documents (
  id uuid primary key default gen_random_uuid(),
  owner_id uuid not null references users(id) on delete cascade,
  filename text not null,
  kind text not null check (kind in ('pdf', 'markdown')),
  pages jsonb not null,
  page_count integer not null,
  created_at timestamptz not null default now()
);
create index course_documents_owner_idx on course_documents (owner_id, created_at desc);

-- One row per generation request. (user, request_hash) is unique: the same sources and options
-- return the same generation, and a finished one is never run again. `draft` keeps the generator's
-- validated output as soon as it is paid for, so a retried job reuses it instead of spending twice.
create table course_generations (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users(id) on delete cascade,
  request_hash text not null,
  request jsonb not null,
  status text not null default 'queued' check (status in ('queued', 'running', 'completed', 'failed')),
  stage text not null default 'queued',
  progress integer not null default 0,
  failure_reason text,
  draft jsonb,
  tokens_used integer not null default 0,
  generator text,
  course_id uuid references courses(id) on delete set null,
  created_at timestamptz not null default now(),
  finished_at timestamptz,
  unique (user_id, request_hash)
);
create index course_generations_user_day_idx on course_generations (user_id, created_at);

-- PDF exports: built by a job, streamed to storage, downloaded through a signed URL.
create table course_exports (
  id uuid primary key default gen_random_uuid(),
  course_id uuid not null references courses(id) on delete cascade,
  user_id uuid not null references users(id) on delete cascade,
  answer_key boolean not null default false,
  status text not null default 'queued' check (status in ('queued', 'running', 'completed', 'failed')),
  storage_key text,
  pages integer,
  bytes integer,
  failure_reason text,
  created_at timestamptz not null default now(),
  finished_at timestamptz
);
create index course_exports_course_idx on course_exports (course_id, created_at desc);
