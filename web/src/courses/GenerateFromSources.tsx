import { useEffect, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { fetchMyVideosPage, studioVideosKey } from '../studio/studio-api.ts';
import { builderApi, followGeneration, uploadDocument, type GenerationState } from './builder-api.ts';

/**
 * "Generate from sources": pick some of your videos and/or upload a PDF, EPUB or Markdown document, start the
 * generation job, follow its progress over SSE, and open the generated draft in the builder.
 */
export function GenerateFromSources() {
  const navigate = useNavigate();
  const videos = useQuery({ queryKey: [...studioVideosKey, 'course-sources'], queryFn: () => fetchMyVideosPage() });
  const [title, setTitle] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<GenerationState | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  const start = async () => {
    setBusy(true);
    setError('');
    setState(null);
    abort.current = new AbortController();
    try {
      const documentIds = file ? [(await uploadDocument(file)).id] : [];
      const generation = await builderApi.generate({
        ...(title.trim() ? { title: title.trim() } : {}),
        videoIds: picked,
        documentIds,
        useGenerator: false,
      });
      const final =
        generation.status === 'completed' || generation.status === 'failed'
          ? generation
          : await followGeneration(generation.id, setState, abort.current.signal);
      setState(final);
      if (final.status === 'completed' && final.courseId) navigate(`/studio/courses/${final.courseId}`);
      else setError(final.failureReason ?? 'The generation failed');
    } catch (caught) {
      if (!abort.current.signal.aborted) setError(caught instanceof Error ? caught.message : 'The generation failed');
    } finally {
      setBusy(false);
    }
  };

  const ready = videos.data?.items.filter((video) => video.status === 'ready') ?? [];
  return (
    <form
      className="course-generate"
      aria-label="Generate from sources"
      onSubmit={(event) => {
        event.preventDefault();
        void start();
      }}
    >
      <h2>Generate from sources</h2>
      <label>
        Course title (optional)
        <input value={title} onChange={(event) => setTitle(event.target.value)} maxLength={150} />
      </label>
      <fieldset>
        <legend>Your videos</legend>
        {ready.length === 0 && <p className="empty">No ready videos.</p>}
        {ready.map((video) => (
          <label key={video.id} className="quiz-option">
            <input
              type="checkbox"
              checked={picked.includes(video.id)}
              onChange={(event) =>
                setPicked(event.target.checked ? [...picked, video.id] : picked.filter((id) => id !== video.id))
              }
            />
            {video.title}
          </label>
        ))}
      </fieldset>
      <label>
        Document (PDF, EPUB or Markdown)
        <input
          type="file"
          accept=".pdf,.epub,.md,application/pdf,application/epub+zip,text/markdown"
          onChange={(event) => setFile(event.target.files?.[0] ?? null)}
        />
      </label>
      <button type="submit" className="button primary" disabled={busy || (picked.length === 0 && !file)}>
        Generate course
      </button>
      {state && (
        <div className="course-progress" role="status">
          <progress max={100} value={state.progress} aria-label="Generation progress" />
          <span>
            {state.stage} · {state.progress} %
          </span>
        </div>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
