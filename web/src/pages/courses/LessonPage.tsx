import { useCallback, useEffect, useMemo } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { RequireSignIn } from '../../auth/RequireSignIn.tsx';
import { QueryErrorPage } from '../../components/ErrorPage.tsx';
import { PageSkeleton } from '../../components/Skeletons.tsx';
import { COURSES_KEY, courseApi } from '../../courses/course-api.ts';
import { ProgressBar } from '../../courses/ProgressBar.tsx';
import { ReadingLesson } from '../../courses/ReadingLesson.tsx';
import { QuizLesson } from '../../courses/QuizLesson.tsx';
import { VideoLesson } from '../../courses/VideoLesson.tsx';
import { LearningStats } from '../../courses/LearningStats.tsx';
import { LazyNotesPanel as NotesPanel } from '../../notes/LazyNotesPanel.tsx';
import { PlayerController } from '../../player/player-controller.ts';
import '../../courses/courses.css';

/** One lesson of a course: the video, reading or quiz, and the way to the next lesson. */
export default function LessonPage() {
  return (
    <RequireSignIn what="your course">
      <LessonPlayer />
    </RequireSignIn>
  );
}

function LessonPlayer() {
  const { id = '', lessonId = '' } = useParams();
  const queryClient = useQueryClient();
  // The lesson's video and its notes share one player handle: timestamps in the notes seek it.
  const controller = useMemo(() => new PlayerController(), [lessonId]);
  const outline = useQuery({ queryKey: [...COURSES_KEY, id], queryFn: () => courseApi.outline(id) });
  const progress = useQuery({ queryKey: [...COURSES_KEY, id, 'progress'], queryFn: () => courseApi.progress(id) });
  // Remembered as the place to resume; a learner not enrolled is refused, which the outline shows.
  // Progress is asked again on every lesson: that request is also what completes a video watched to 90 %.
  useEffect(() => {
    void courseApi.open(id, lessonId).catch(() => undefined);
    void queryClient.invalidateQueries({ queryKey: [...COURSES_KEY, id, 'progress'] });
  }, [id, lessonId, queryClient]);
  const refresh = useCallback(() => void queryClient.invalidateQueries({ queryKey: COURSES_KEY }), [queryClient]);

  if (outline.error) return <QueryErrorPage error={outline.error} what="Course" />;
  if (!outline.data) return <PageSkeleton />;
  const lessons = outline.data.modules.flatMap((module) => module.lessons);
  const index = lessons.findIndex((lesson) => lesson.id === lessonId);
  const lesson = lessons[index];
  if (!lesson) return <p className="empty">This lesson is not part of the course.</p>;
  const next = lessons[index + 1];
  const done = progress.data?.completedLessonIds.includes(lesson.id) ?? false;

  return (
    <section className="lesson-page">
      <p>
        <Link to={`/courses/${id}`}>← {outline.data.course.title}</Link>
      </p>
      {progress.data && <ProgressBar percent={progress.data.percent} />}
      <h1 className="page-title">{lesson.title}</h1>
      {lesson.summary && <p className="course-description">{lesson.summary}</p>}
      {lesson.kind === 'video' && lesson.videoId && <VideoLesson videoId={lesson.videoId} controller={controller} />}
      <NotesPanel
        subjectKind="lesson"
        subjectId={lesson.id}
        onSeek={(seconds) => controller.seek(seconds)}
        currentTime={controller.currentTime}
      />
      {lesson.kind === 'reading' && progress.data && (
        <ReadingLesson
          key={lesson.id}
          courseId={id}
          lessonId={lesson.id}
          markdown={lesson.bodyMarkdown}
          done={done}
          onDone={refresh}
        />
      )}
      {lesson.kind === 'quiz' && done && <p className="lesson-check">You passed this quiz ✓</p>}
      {lesson.kind === 'quiz' && <QuizLesson key={lesson.id} courseId={id} lesson={lesson} onGraded={refresh} />}
      <LearningStats />
      <nav className="lesson-nav" aria-label="Lessons">
        {next ? (
          <Link className="button" to={`/courses/${id}/lessons/${next.id}`}>
            Next: {next.title}
          </Link>
        ) : (
          <Link className="button" to={`/courses/${id}`}>
            Back to the course
          </Link>
        )}
      </nav>
    </section>
  );
}
