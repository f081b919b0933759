import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useAuth } from '../../auth/auth-context.tsx';
import { COURSES_KEY, courseApi } from '../../courses/course-api.ts';
import { LearningStats } from '../../courses/LearningStats.tsx';
import '../../courses/courses.css';
import { FormError } from '../../components/FormError.tsx';

/** The catalogue: every published public course, newest first, with the learner's XP on top. */
export default function CoursesPage() {
  const { user } = useAuth();
  const courses = useQuery({ queryKey: [...COURSES_KEY, 'catalogue'], queryFn: courseApi.catalogue });
  return (
    <section className="courses-page">
      <h1 className="page-title">Courses</h1>
      {user && <LearningStats />}
      <p>
        <Link to="/leaderboard">Leaderboard</Link>
      </p>
      {courses.isPending && <p className="empty">Loading…</p>}
      <FormError message={courses.error?.message} />
      {courses.data?.length === 0 && <p className="empty">No courses published yet.</p>}
      <ul className="course-grid">
        {courses.data?.map((course) => (
          <li key={course.id} className="course-card">
            <Link to={`/courses/${course.id}`}>
              <h2>{course.title}</h2>
            </Link>
            <p className="course-meta">
              {course.level} · {course.language}
            </p>
            <p className="course-description">{course.description}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
