import { useState } from 'react';
import type { CourseChanges, LessonChanges } from './builder-api.ts';
import { VisibilityOptions } from '../components/VisibilityOptions.tsx';

/** The course's details: title, description, level, language, visibility. */
export function CourseDetailsForm({
  course,
  onSave,
}: {
  course: { title: string; description: string; level: string; language: string; visibility: string };
  onSave: (changes: CourseChanges) => void;
}) {
  const [form, setForm] = useState(course);
  const field = (name: keyof typeof form) => ({
    value: form[name],
    onChange: (event: { target: { value: string } }) => setForm({ ...form, [name]: event.target.value }),
  });
  return (
    <details className="builder-details">
      <summary>Course details</summary>
      <form
        className="builder-form"
        aria-label="Course details"
        onSubmit={(event) => {
          event.preventDefault();
          onSave({
            title: form.title,
            description: form.description,
            level: form.level as CourseChanges['level'],
            language: form.language,
            visibility: form.visibility as CourseChanges['visibility'],
          });
        }}
      >
        <label>
          Title
          <input required maxLength={150} {...field('title')} />
        </label>
        <label>
          Description
          <textarea rows={3} maxLength={5000} {...field('description')} />
        </label>
        <label>
          Level
          <select {...field('level')}>
            <option value="beginner">Beginner</option>
            <option value="intermediate">Intermediate</option>
            <option value="advanced">Advanced</option>
          </select>
        </label>
        <label>
          Language
          <input pattern="[a-z]{2,3}(-[A-Z]{2})?" {...field('language')} />
        </label>
        <label>
          Visibility
          <select {...field('visibility')}>
            <VisibilityOptions />
          </select>
        </label>
        <button type="submit" className="button">
          Save details
        </button>
      </form>
    </details>
  );
}

/** A lesson's title, summary and, for a reading, its Markdown. */
export function LessonDetailsForm({
  lesson,
  onSave,
}: {
  lesson: { title: string; summary: string; kind: string; bodyMarkdown: string };
  onSave: (changes: LessonChanges) => void;
}) {
  const [title, setTitle] = useState(lesson.title);
  const [summary, setSummary] = useState(lesson.summary);
  const [body, setBody] = useState(lesson.bodyMarkdown);
  return (
    <details className="builder-details">
      <summary>Edit {lesson.title}</summary>
      <form
        className="builder-form"
        aria-label={`Edit ${lesson.title}`}
        onSubmit={(event) => {
          event.preventDefault();
          onSave({ title, summary, ...(lesson.kind === 'reading' ? { bodyMarkdown: body } : {}) });
        }}
      >
        <label>
          Lesson title
          <input required maxLength={150} value={title} onChange={(event) => setTitle(event.target.value)} />
        </label>
        <label>
          Summary
          <textarea rows={2} value={summary} onChange={(event) => setSummary(event.target.value)} />
        </label>
        {lesson.kind === 'reading' && (
          <label>
            Reading (Markdown)
            <textarea rows={6} value={body} onChange={(event) => setBody(event.target.value)} />
          </label>
        )}
        <button type="submit" className="button">
          Save lesson
        </button>
      </form>
    </details>
  );
}
