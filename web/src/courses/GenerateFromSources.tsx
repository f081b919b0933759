import { useEffect, useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { fetchMyVideosPage, studioVideosKey } from '../studio/studio-api.ts';
import { builderApi, followGeneration, QuotaSpentError, uploadDocument, type GenerationState } from './builder-api.ts';
import { QuotaNotice } from './QuotaNotice.tsx';
import { FormError } from '../components/FormError.tsx';

const OPTIONS_KEY = ['course-generation-options'];

/**
 * "Generate from sources": pick some of your videos and/or upload a PDF, EPUB or Markdown document, choose
 * who writes it (the offline pipeline, or the configured AI generator against the daily token quota),
 * start the generation job, follow its progress over SSE, and open the generated draft in the builder.
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
  const [useGenerator, setUseGenerator] = useState(false);
  const [refusal, setRefusal] = useState<QuotaSpentError | null>(null);
  const queryClient = useQueryClient();
  const options = useQuery({ queryKey: OPTIONS_KEY, queryFn: builderApi.generationOptions });
  const remote = options.data?.remoteGenerator ?? null;
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  const start = async () => {
    setBusy(true);
    setError('');
    setRefusal(null);
    setState(null);
    abort.current = new AbortController();
    try {
      const documentIds = file ? [(await uploadDocument(file)).id] : [];
      const generation = await builderApi.generate({
        ...(title.trim() ? { title: title.trim() } : {}),
        videoIds: picked,
        documentIds,
        useGenerator: useGenerator && remote !== null,
      });
      const final =
        generation.status === 'completed' || generation.status === 'failed'
          ? generation
          : await followGeneration(generation.id, setState, abort.current.signal);
      setState(final);
      if (final.status === 'completed' && final.courseId) navigate(`/studio/courses/${final.courseId}`);
      else setError(final.failureReason ?? 'The generation failed');
    } catch (caught) {
      if (caught instanceof QuotaSpentError) setRefusal(caught);
      else if (!abort.current.signal.aborted)
        setError(caught instanceof Error ? caught.message : 'The generation failed');
    } finally {
      setBusy(false);
      // The quota shown beside the AI generator changes with each generation.
      void queryClient.invalidateQueries({ queryKey: OPTIONS_KEY });
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
      <fieldset>
        <legend>Written by</legend>
        <label className="quiz-option">
          <input
            type="radio"
            name="course-writer"
            checked={!useGenerator || remote === null}
            onChange={() => setUseGenerator(false)}
          />
          Offline pipeline (no quota)
        </label>
        {remote !== null ? (
          <label className="quiz-option">
            <input type="radio" name="course-writer" checked={useGenerator} onChange={() => setUseGenerator(true)} />
            AI generator ({remote}) · {options.data!.quota.remaining.toLocaleString('en')} of{' '}
            {options.data!.quota.limit.toLocaleString('en')} tokens left today
          </label>
        ) : (
          <p className="course-meta">No AI generator is configured on this server.</p>
        )}
      </fieldset>
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
      {refusal && (
        <QuotaNotice
          refusal={refusal}
          onOffline={() => {
            setUseGenerator(false);
            setRefusal(null);
          }}
        />
      )}
      <FormError message={error} />
    </form>
  );
}
