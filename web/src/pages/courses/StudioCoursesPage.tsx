import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router-dom';
import { RequireChannel } from '../../auth/RequireChannel.tsx';
import { builderApi } from '../../courses/builder-api.ts';
import { COURSES_KEY } from '../../courses/course-api.ts';
import { GenerateFromSources } from '../../courses/GenerateFromSources.tsx';
import '../../courses/courses.css';
import { FormError } from '../../components/FormError.tsx';

/** The studio's courses: the ones you made, a new empty course, or one generated from your sources. */
export default function StudioCoursesPage() {
  return (
    <RequireChannel what="your courses" purpose="to make courses">
      <StudioCourses />
    </RequireChannel>
  );
}

function StudioCourses() {
  const navigate = useNavigate();
  const mine = useQuery({ queryKey: [...COURSES_KEY, 'mine'], queryFn: builderApi.mine });
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const create = useMutation({
    mutationFn: () => builderApi.create(title, description),
    onSuccess: (course) => navigate(`/studio/courses/${course.id}`),
  });
  return (
    <section className="course-builder">
      <h1 className="page-title">Your courses</h1>
      <ul className="course-grid">
        {mine.data?.map((course) => (
          <li key={course.id} className="course-card">
            <Link to={`/studio/courses/${course.id}`}>
              <h2>{course.title}</h2>
            </Link>
            <p className="course-meta">{course.status === 'published' ? 'Published' : 'Draft'}</p>
          </li>
        ))}
      </ul>
      {mine.data?.length === 0 && <p className="empty">No courses yet.</p>}
      <form
        className="builder-form"
        aria-label="New course"
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate();
        }}
      >
        <h2>New course</h2>
        <label>
          Title
          <input required maxLength={150} value={title} onChange={(event) => setTitle(event.target.value)} />
        </label>
        <label>
          Description
          <textarea rows={3} value={description} onChange={(event) => setDescription(event.target.value)} />
        </label>
        <button type="submit" className="button primary" disabled={create.isPending}>
          Create course
        </button>
        <FormError message={create.error?.message} />
      </form>
      <GenerateFromSources />
    </section>
  );
}
