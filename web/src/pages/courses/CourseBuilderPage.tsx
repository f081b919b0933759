import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { RequireSignIn } from '../../auth/RequireSignIn.tsx';
import { QueryErrorPage } from '../../components/ErrorPage.tsx';
import { PageSkeleton } from '../../components/Skeletons.tsx';
import { builderApi, type CourseOrder, type NewLesson } from '../../courses/builder-api.ts';
import { SortableList } from '../../courses/SortableList.tsx';
import { CourseDetailsForm, LessonDetailsForm } from '../../courses/DetailsForms.tsx';
import { AddLessonForm } from '../../courses/AddLessonForm.tsx';
import { QuestionEditor, type QuestionFields } from '../../courses/QuestionEditor.tsx';
import { MoveLessonForm } from '../../courses/MoveLessonForm.tsx';
import {
  currentOrder,
  shownAs,
  withLessonMoved,
  withLessonOrder,
  withModuleOrder,
} from '../../courses/outline-order.ts';
import { ExportPdfButton } from '../../courses/ExportPdfButton.tsx';
import { COURSES_KEY } from '../../courses/course-api.ts';
import '../../courses/courses.css';
import { FormError } from '../../components/FormError.tsx';

type Editable = Awaited<ReturnType<typeof builderApi.editable>>;
type EditableQuestion = Editable['modules'][number]['lessons'][number]['questions'][number];

/** What the API takes back for a question: no origin, no empty citation; a new one has no id yet. */
const toInput = (question: QuestionFields & { id?: string; citation?: EditableQuestion['citation'] }) => ({
  ...(question.id ? { id: question.id } : {}),
  kind: question.kind,
  prompt: question.prompt,
  answer: question.answer,
  ...(question.options ? { options: question.options } : {}),
  ...(question.citation ? { citation: question.citation } : {}),
});

/** The studio's course builder: details, modules and lessons (drag and drop, edit, delete), quiz questions, publishing. */
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
  /** Shows the new order at once and saves it as the whole outline. */
  const reorder = (change: (order: CourseOrder) => CourseOrder) => {
    if (!outline.data) return;
    const order = change(currentOrder(outline.data));
    queryClient.setQueryData(key, shownAs(outline.data, order));
    run(() => builderApi.reorder(id, order));
  };
  /** Saves a quiz's whole question list (the API keeps each question's id and origin). */
  const saveQuestions = (lessonId: string, questions: Array<ReturnType<typeof toInput>>) =>
    run(() => builderApi.updateLesson(id, lessonId, { questions }));
  const confirmed = (what: string) => window.confirm(`Delete ${what}? This cannot be undone.`);

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
      <FormError message={change.error?.message} />
      <CourseDetailsForm
        key={`${course.title}-${course.description}-${course.level}-${course.language}-${course.visibility}`}
        course={course}
        onSave={(changes) => run(() => builderApi.updateCourse(id, changes))}
      />
      <p className="course-meta" id="builder-drag-help">
        Drag ⠿ to reorder, or focus it and press Space, the arrow keys, then Space again. &ldquo;Move to module&rdquo;
        takes a lesson to another module.
      </p>
      <SortableList
        className="course-outline"
        items={modules}
        label={(module) => `module ${module.title}`}
        onReorder={(moduleIds) => reorder((order) => withModuleOrder(order, moduleIds))}
      >
        {(module, _moduleIndex, moduleHandle) => (
          <>
            <h2 className="builder-module-title">
              {moduleHandle}
              {module.title} <span className="lesson-kind">({module.origin})</span>
              <button
                type="button"
                className="button"
                aria-label={`Delete module ${module.title}`}
                disabled={change.isPending}
                onClick={() =>
                  confirmed(`the module "${module.title}" and its lessons`) &&
                  run(() => builderApi.removeModule(id, module.id))
                }
              >
                Delete
              </button>
            </h2>
            <SortableList
              items={module.lessons}
              label={(lesson) => lesson.title}
              onReorder={(lessonIds) => reorder((order) => withLessonOrder(order, module.id, lessonIds))}
            >
              {(lesson, _lessonIndex, lessonHandle) => (
                <div className="builder-lesson">
                  <div className="builder-lesson-row">
                    {lessonHandle}
                    <span>
                      {lesson.title} <span className="lesson-kind">{lesson.kind}</span>
                    </span>
                    <button
                      type="button"
                      className="button"
                      aria-label={`Delete lesson ${lesson.title}`}
                      disabled={change.isPending}
                      onClick={() =>
                        confirmed(`the lesson "${lesson.title}"`) && run(() => builderApi.removeLesson(id, lesson.id))
                      }
                    >
                      Delete
                    </button>
                  </div>
                  <LessonDetailsForm
                    key={`${lesson.title}-${lesson.summary}-${lesson.bodyMarkdown}`}
                    lesson={lesson}
                    onSave={(changes) => run(() => builderApi.updateLesson(id, lesson.id, changes))}
                  />
                  <MoveLessonForm
                    lessonTitle={lesson.title}
                    moduleId={module.id}
                    modules={modules}
                    disabled={change.isPending}
                    onMove={(toModuleId) => reorder((order) => withLessonMoved(order, lesson.id, toModuleId))}
                  />
                  {lesson.kind === 'quiz' && (
                    <>
                      {lesson.questions.map((question, index) => (
                        <QuestionEditor
                          key={`${question.id}-${question.prompt}-${String(question.answer)}-${question.options?.join()}`}
                          question={question}
                          label={`Question ${index + 1}`}
                          onSave={(edited) =>
                            saveQuestions(
                              lesson.id,
                              lesson.questions.map((q) => toInput(q.id === question.id ? { ...q, ...edited } : q)),
                            )
                          }
                          onDelete={
                            lesson.questions.length > 1
                              ? () =>
                                  confirmed(`question ${index + 1} of "${lesson.title}"`) &&
                                  saveQuestions(
                                    lesson.id,
                                    lesson.questions.filter((q) => q.id !== question.id).map(toInput),
                                  )
                              : undefined
                          }
                        />
                      ))}
                      <QuestionEditor
                        label={`New question for ${lesson.title}`}
                        onSave={(added) => saveQuestions(lesson.id, [...lesson.questions.map(toInput), toInput(added)])}
                      />
                    </>
                  )}
                </div>
              )}
            </SortableList>
            <AddLessonForm
              moduleTitle={module.title}
              onAdd={(lesson: NewLesson) => run(() => builderApi.addLesson(id, module.id, lesson))}
            />
          </>
        )}
      </SortableList>
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
