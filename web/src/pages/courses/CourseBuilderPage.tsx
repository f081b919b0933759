import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { RequireSignIn } from '../../auth/RequireSignIn.tsx';
import { QueryErrorPage } from '../../components/ErrorPage.tsx';
import { PageSkeleton } from '../../components/Skeletons.tsx';
import { builderApi, type CourseOrder, type LessonChanges, type NewLesson } from '../../courses/builder-api.ts';
import { AddLessonForm } from '../../courses/AddLessonForm.tsx';
import { QuestionEditor } from '../../courses/QuestionEditor.tsx';
import { ExportPdfButton } from '../../courses/ExportPdfButton.tsx';
import { COURSES_KEY } from '../../courses/course-api.ts';
import '../../courses/courses.css';

type Editable = Awaited<ReturnType<typeof builderApi.editable>>;
type EditableQuestion = Editable['modules'][number]['lessons'][number]['questions'][number];

/** The outline's order with one lesson moved a step up or down inside its module. */
function moved(outline: Editable, moduleIndex: number, lessonIndex: number, step: -1 | 1): CourseOrder {
  return {
    modules: outline.modules.map((module, index) => {
      const lessonIds = module.lessons.map((lesson) => lesson.id);
      if (index === moduleIndex) {
        const [lesson] = lessonIds.splice(lessonIndex, 1);
        lessonIds.splice(lessonIndex + step, 0, lesson!);
      }
      return { id: module.id, lessonIds };
    }),
  };
}

/** What the API takes back for a question: no origin, no empty citation. */
const toInput = (question: EditableQuestion) => ({
  id: question.id,
  kind: question.kind,
  prompt: question.prompt,
  answer: question.answer,
  ...(question.options ? { options: question.options } : {}),
  ...(question.citation ? { citation: question.citation } : {}),
});

/** The studio's course builder: modules and lessons, reordering, quiz questions, publishing. */
export default function CourseBuilderPage() {
  return (
    <RequireSignIn what="the course builder">
      <CourseBuilder />
    </RequireSignIn>
  );
}

function CourseBuilder() {
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const key = [...COURSES_KEY, id, 'edit'];
  const outline = useQuery({ queryKey: key, queryFn: () => builderApi.editable(id) });
  const [moduleTitle, setModuleTitle] = useState('');
  const change = useMutation({
    mutationFn: (action: () => Promise<unknown>) => action(),
    onSettled: () => queryClient.invalidateQueries({ queryKey: COURSES_KEY }),
  });
  const run = (action: () => Promise<unknown>) => change.mutate(action);

  if (outline.error) return <QueryErrorPage error={outline.error} what="Course" />;
  if (!outline.data) return <PageSkeleton />;
  const { course, modules } = outline.data;
  const published = course.status === 'published';

  return (
    <section className="course-builder">
      <p>
        <Link to="/studio/courses">← Your courses</Link>
      </p>
      <h1 className="page-title">{course.title}</h1>
      <div className="course-actions">
        <span className="course-meta">{published ? 'Published' : 'Draft'}</span>
        <button
          type="button"
          className="button primary"
          disabled={change.isPending}
          onClick={() => run(() => builderApi.publish(id, !published))}
        >
          {published ? 'Back to draft' : 'Publish'}
        </button>
        <Link to={`/courses/${id}`}>View course page</Link>
        <ExportPdfButton courseId={id} answerKey />
      </div>
      {change.error && (
        <p className="form-error" role="alert">
          {change.error.message}
        </p>
      )}
      <ol className="course-outline">
        {modules.map((module, moduleIndex) => (
          <li key={module.id}>
            <h2>
              {module.title} <span className="lesson-kind">({module.origin})</span>
            </h2>
            <ol>
              {module.lessons.map((lesson, lessonIndex) => (
                <li key={lesson.id} className="builder-lesson">
                  <div className="builder-lesson-row">
                    <span>
                      {lesson.title} <span className="lesson-kind">{lesson.kind}</span>
                    </span>
                    <button
                      type="button"
                      className="button"
                      aria-label={`Move ${lesson.title} up`}
                      disabled={lessonIndex === 0 || change.isPending}
                      onClick={() =>
                        run(() => builderApi.reorder(id, moved(outline.data, moduleIndex, lessonIndex, -1)))
                      }
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      className="button"
                      aria-label={`Move ${lesson.title} down`}
                      disabled={lessonIndex === module.lessons.length - 1 || change.isPending}
                      onClick={() =>
                        run(() => builderApi.reorder(id, moved(outline.data, moduleIndex, lessonIndex, 1)))
                      }
                    >
                      ↓
                    </button>
                  </div>
                  {lesson.kind === 'quiz' &&
                    lesson.questions.map((question, index) => (
                      <QuestionEditor
                        key={`${question.id}-${question.prompt}-${String(question.answer)}`}
                        question={question}
                        index={index}
                        onSave={(edited) => {
                          const questions = lesson.questions.map((q) => toInput(q.id === edited.id ? edited : q));
                          const changes: LessonChanges = { questions };
                          run(() => builderApi.updateLesson(id, lesson.id, changes));
                        }}
                      />
                    ))}
                </li>
              ))}
            </ol>
            <AddLessonForm
              moduleTitle={module.title}
              onAdd={(lesson: NewLesson) => run(() => builderApi.addLesson(id, module.id, lesson))}
            />
          </li>
        ))}
      </ol>
      <form
        className="builder-form"
        aria-label="Add a module"
        onSubmit={(event) => {
          event.preventDefault();
          run(() => builderApi.addModule(id, moduleTitle));
          setModuleTitle('');
        }}
      >
        <label>
          Module title
          <input
            required
            maxLength={150}
            value={moduleTitle}
            onChange={(event) => setModuleTitle(event.target.value)}
          />
        </label>
        <button type="submit" className="button">
          Add module
        </button>
      </form>
    </section>
  );
}
