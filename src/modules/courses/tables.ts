import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Json<T> = ColumnType<T, string | undefined, string>;

export type CourseLevel = 'beginner' | 'intermediate' | 'advanced';
export type CourseVisibility = 'public' | 'unlisted' | 'private';
export type CourseStatus = 'draft' | 'published';
export type LessonKind = 'video' | 'reading' | 'quiz';
export type ItemOrigin = 'manual' | 'generated' | 'edited';

/** Where a question's material comes from: a moment of a video or a page of a document. */
export type Citation = { videoId: string; seconds: number } | { document: string; page: number };

/** A stored quiz question, answer included (the grader's; the API never sends `answer` before submission). */
export interface QuizQuestion {
  id: string;
  kind: 'choice' | 'cloze';
  prompt: string;
  /** Choice questions: the options; `answer` is the right option's index. */
  options?: string[];
  answer: number | string;
  citation?: Citation;
  origin: ItemOrigin;
}

/** See migrations/0100_courses.sql. */
export interface CoursesTable {
  id: Generated<string>;
  creator_id: string;
  title: string;
  description: Generated<string>;
  cover_url: string | null;
  level: ColumnType<CourseLevel, CourseLevel | undefined, CourseLevel>;
  language: Generated<string>;
  visibility: ColumnType<CourseVisibility, CourseVisibility | undefined, CourseVisibility>;
  status: ColumnType<CourseStatus, CourseStatus | undefined, CourseStatus>;
  published_at: Date | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface CourseModulesTable {
  id: Generated<string>;
  course_id: string;
  title: string;
  position: number;
  origin: ColumnType<ItemOrigin, ItemOrigin | undefined, ItemOrigin>;
  created_at: CreatedAt;
}

export interface CourseLessonsTable {
  id: Generated<string>;
  course_id: string;
  module_id: string;
  position: number;
  kind: LessonKind;
  title: string;
  summary: Generated<string>;
  video_id: string | null;
  body_markdown: Generated<string>;
  quiz: Json<QuizQuestion[]>;
  pass_percent: Generated<number>;
  max_attempts: Generated<number>;
  xp: Generated<number>;
  origin: ColumnType<ItemOrigin, ItemOrigin | undefined, ItemOrigin>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface CourseEnrolmentsTable {
  course_id: string;
  user_id: string;
  last_lesson_id: string | null;
  completed_at: Date | null;
  certificate_id: string | null;
  enrolled_at: CreatedAt;
}

export interface CourseLessonProgressTable {
  lesson_id: string;
  user_id: string;
  course_id: string;
  completed_at: CreatedAt;
}

export interface CourseQuizAttemptsTable {
  id: Generated<string>;
  lesson_id: string;
  user_id: string;
  score_percent: number;
  passed: boolean;
  answers: Json<unknown>;
  created_at: CreatedAt;
}

export interface CourseXpEventsTable {
  id: Generated<string>;
  user_id: string;
  course_id: string;
  source_key: string;
  xp: number;
  created_at: CreatedAt;
}

export interface CourseXpTotalsTable {
  board: string;
  user_id: string;
  xp: number;
  reached_at: Timestamp;
}

export interface CourseStreaksTable {
  user_id: string;
  current_days: Generated<number>;
  longest_days: Generated<number>;
  /** UTC day, 'YYYY-MM-DD' on the way in. */
  last_day: ColumnType<Date | null, string | null, string | null>;
}

export interface CourseDocumentsTable {
  id: Generated<string>;
  owner_id: string;
  filename: string;
  kind: 'pdf' | 'markdown' | 'epub';
  /** Page texts in order (page n is pages[n - 1]). */
  pages: Json<string[]>;
  page_count: number;
  created_at: CreatedAt;
}

export type JobState = 'queued' | 'running' | 'completed' | 'failed';

export interface CourseGenerationsTable {
  id: Generated<string>;
  user_id: string;
  request_hash: string;
  request: Json<unknown>;
  status: ColumnType<JobState, JobState | undefined, JobState>;
  stage: Generated<string>;
  progress: Generated<number>;
  failure_reason: string | null;
  draft: ColumnType<unknown, string | null | undefined, string | null>;
  tokens_used: Generated<number>;
  generator: string | null;
  course_id: string | null;
  created_at: CreatedAt;
  finished_at: Date | null;
}

export interface CourseExportsTable {
  id: Generated<string>;
  course_id: string;
  user_id: string;
  answer_key: Generated<boolean>;
  status: ColumnType<JobState, JobState | undefined, JobState>;
  storage_key: string | null;
  pages: number | null;
  bytes: number | null;
  failure_reason: string | null;
  created_at: CreatedAt;
  finished_at: Date | null;
}

export interface CourseTables {
  course_documents: CourseDocumentsTable;
  course_generations: CourseGenerationsTable;
  course_exports: CourseExportsTable;
  courses: CoursesTable;
  course_modules: CourseModulesTable;
  course_lessons: CourseLessonsTable;
  course_enrolments: CourseEnrolmentsTable;
  course_lesson_progress: CourseLessonProgressTable;
  course_quiz_attempts: CourseQuizAttemptsTable;
  course_xp_events: CourseXpEventsTable;
  course_xp_totals: CourseXpTotalsTable;
  course_streaks: CourseStreaksTable;
}
