import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { fetchMyVideosPage, studioVideosKey } from '../studio/studio-api.ts';
import type { NewLesson } from './builder-api.ts';

type Kind = 'video' | 'reading' | 'quiz';

/**
 * Adds a lesson to a module: a video picked from your ready videos, a Markdown reading, or a quiz
 * starting with one multiple-choice question (more are added in the question editor).
 */
export function AddLessonForm({ moduleTitle, onAdd }: { moduleTitle: string; onAdd: (lesson: NewLesson) => void }) {
  const videos = useQuery({ queryKey: [...studioVideosKey, 'course-sources'], queryFn: () => fetchMyVideosPage() });
  const [kind, setKind] = useState<Kind>('reading');
  const [title, setTitle] = useState('');
  const [videoId, setVideoId] = useState('');
  const [markdown, setMarkdown] = useState('');
  const [prompt, setPrompt] = useState('');
  const [options, setOptions] = useState('');
  const [answer, setAnswer] = useState(0);
  const optionList = options
    .split('\n')
    .map((option) => option.trim())
    .filter(Boolean);

  const lesson = (): NewLesson => {
    if (kind === 'video') return { kind, title, videoId };
    if (kind === 'reading') return { kind, title, bodyMarkdown: markdown };
    return { kind, title, questions: [{ kind: 'choice', prompt, options: optionList, answer }] };
  };
  const ready = videos.data?.items.filter((video) => video.status === 'ready') ?? [];

  return (
    <form
      className="builder-form"
      aria-label={`Add a lesson to ${moduleTitle}`}
      onSubmit={(event) => {
        event.preventDefault();
        onAdd(lesson());
        setTitle('');
      }}
    >
      <label>
        Lesson type
        <select value={kind} onChange={(event) => setKind(event.target.value as Kind)}>
          <option value="reading">Reading</option>
          <option value="video">Video</option>
          <option value="quiz">Quiz</option>
        </select>
      </label>
      <label>
        Lesson title
        <input required maxLength={150} value={title} onChange={(event) => setTitle(event.target.value)} />
      </label>
      {kind === 'video' && (
        <label>
          Video
          <select required value={videoId} onChange={(event) => setVideoId(event.target.value)}>
            <option value="">Pick a video</option>
            {ready.map((video) => (
              <option key={video.id} value={video.id}>
                {video.title}
              </option>
            ))}
          </select>
        </label>
      )}
      {kind === 'reading' && (
        <label>
          Reading (Markdown)
          <textarea rows={8} value={markdown} onChange={(event) => setMarkdown(event.target.value)} />
        </label>
      )}
      {kind === 'quiz' && (
        <>
          <label>
            Question
            <input required value={prompt} onChange={(event) => setPrompt(event.target.value)} />
          </label>
          <label>
            Options, one per line
            <textarea rows={4} required value={options} onChange={(event) => setOptions(event.target.value)} />
          </label>
          <label>
            Correct option
            <select value={answer} onChange={(event) => setAnswer(Number(event.target.value))}>
              {optionList.map((option, index) => (
                <option key={index} value={index}>
                  {option}
                </option>
              ))}
            </select>
          </label>
        </>
      )}
      <button type="submit" className="button">
        Add lesson
      </button>
    </form>
  );
}
