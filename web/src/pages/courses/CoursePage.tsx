import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useAuth } from '../../auth/auth-context.tsx';
import { QueryErrorPage } from '../../components/ErrorPage.tsx';
import { PageSkeleton } from '../../components/Skeletons.tsx';
import { COURSES_KEY, courseApi } from '../../courses/course-api.ts';
import { ProgressBar } from '../../courses/ProgressBar.tsx';
import { ExportPdfButton } from '../../courses/ExportPdfButton.tsx';
import '../../courses/courses.css';
import { FormError } from '../../components/FormError.tsx';

const KIND_LABELS = { video: 'Video', reading: 'Reading', quiz: 'Quiz' } as const;

/** A course's outline, the learner's progress, Enrol or Resume, the certificate at 100 %. */
export default function CoursePage() {
  const { id = '' } = useParams();
  const { user } = useAuth();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const outline = useQuery({ queryKey: [...COURSES_KEY, id], queryFn: () => courseApi.outline(id) });
  const progress = useQuery({
    queryKey: [...COURSES_KEY, id, 'progress'],
    queryFn: () => courseApi.progress(id),
    enabled: Boolean(user),
  });
  const enrol = useMutation({
    mutationFn: () => courseApi.enrol(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...COURSES_KEY, id, 'progress'] }),
  });

  if (outline.error) return <QueryErrorPage error={outline.error} what="Course" />;
  if (!outline.data) return <PageSkeleton />;
  const { course, creator, modules } = outline.data;
  const done = new Set(progress.data?.completedLessonIds ?? []);
  const firstLesson = modules.flatMap((module) => module.lessons)[0];
  const resumeId = progress.data?.resumeLessonId ?? firstLesson?.id;

  return (
    <section className="course-page">
      <h1 className="page-title">{course.title}</h1>
      <p className="course-meta">
        By <Link to={`/channel/${creator.id}`}>{creator.username}</Link> · {course.level} · {course.language}
        {course.status === 'draft' && ' · Draft'}
      </p>
      <p className="course-description">{course.description}</p>
      <div className="course-actions">
        {user && progress.data && !progress.data.enrolled && (
          <button type="button" className="button primary" disabled={enrol.isPending} onClick={() => enrol.mutate()}>
            Enrol
          </button>
        )}
        {progress.data?.enrolled && resumeId && (
          <button
            type="button"
            className="button primary"
            onClick={() => navigate(`/courses/${id}/lessons/${resumeId}`)}
          >
            {progress.data.completedLessonIds.length === 0 ? 'Start' : 'Resume'}
          </button>
        )}
        {!user && <Link to={`/login?next=${encodeURIComponent(`/courses/${id}`)}`}>Sign in to enrol</Link>}
        {user && <ExportPdfButton courseId={id} />}
        <Link to={`/leaderboard?course=${id}`}>Course leaderboard</Link>
      </div>
      <FormError message={enrol.error?.message} />
      {progress.data?.enrolled && <ProgressBar percent={progress.data.percent} />}
      {progress.data?.certificateId && (
        <p className="course-certificate">
          Course complete! <Link to={`/certificates/${progress.data.certificateId}`}>View your certificate</Link>
        </p>
      )}
      <ol className="course-outline">
        {modules.map((module) => (
          <li key={module.id}>
            <h2>{module.title}</h2>
            <ol>
              {module.lessons.map((lesson) => (
                <li key={lesson.id} className={done.has(lesson.id) ? 'lesson-done' : undefined}>
                  {progress.data?.enrolled ? (
                    <Link to={`/courses/${id}/lessons/${lesson.id}`}>{lesson.title}</Link>
                  ) : (
                    <span>{lesson.title}</span>
                  )}{' '}
                  <span className="lesson-kind">{KIND_LABELS[lesson.kind]}</span>
                  {done.has(lesson.id) && <span className="lesson-check"> ✓ Done</span>}
                </li>
              ))}
            </ol>
          </li>
        ))}
      </ol>
    </section>
  );
}
