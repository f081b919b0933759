import { useEffect, useId, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../../api/api-error.ts';
import type { Video } from '../../../api/types.ts';
import { analysisKey, saveInsights } from '../../../intelligence/ai-api.ts';
import { videoKey } from '../../../videos/video-api.ts';
import { formatTime, parseTime } from './time-input.ts';

interface ChapterRow {
  key: number;
  start: string;
  title: string;
}
let nextKey = 0;

/** Summary, key points (one per line) and chapters; the creator's edit replaces the model's and is kept by re-runs. */
export function InsightsEditor({ video }: { video: Video }) {
  const queryClient = useQueryClient();
  const insights = video.insights;
  const [summary, setSummary] = useState('');
  const [keyPoints, setKeyPoints] = useState('');
  const [chapters, setChapters] = useState<ChapterRow[]>([]);
  const [error, setError] = useState<ApiError | Error | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const summaryId = useId();
  const pointsId = useId();

  useEffect(() => {
    setSummary(insights?.summary ?? '');
    setKeyPoints((insights?.keyPoints ?? []).join('\n'));
    setChapters(
      (insights?.chapters ?? []).map((chapter) => ({
        key: nextKey++,
        start: formatTime(chapter.startSeconds),
        title: chapter.title,
      })),
    );
  }, [insights]);

  const fieldError = (field: string) => (error instanceof ApiError ? error.fieldMessage(field) : undefined);
  const chapterError = (index: number) =>
    error instanceof ApiError
      ? error.details
          .filter((detail) => detail.field.includes(`chapters.${index}`))
          .map((detail) => detail.message)
          .join('; ') || undefined
      : undefined;

  const save = async () => {
    setSaving(true);
    setError(null);
    setSaved(null);
    try {
      const bad = chapters.findIndex((row) => Number.isNaN(parseTime(row.start)));
      if (bad >= 0)
        throw new ApiError(400, 'VALIDATION_ERROR', 'Fix the marked chapter', [
          { field: `chapters.${bad}.startSeconds`, message: 'must be a time like 1:05' },
        ]);
      await saveInsights(video.id, {
        summary,
        keyPoints: keyPoints
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean),
        chapters: chapters.map((row) => ({ startSeconds: parseTime(row.start), title: row.title })),
      });
      setSaved('Saved: the watch page shows your summary and chapters.');
      await queryClient.invalidateQueries({ queryKey: videoKey(video.id) });
      void queryClient.invalidateQueries({ queryKey: analysisKey(video.id) });
    } catch (caught) {
      setError(caught as Error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="studio-card" aria-labelledby="insights-heading">
      <h2 id="insights-heading">Summary, key points and chapters</h2>
      <p className="muted">
        {insights
          ? insights.editedAt
            ? 'Edited by you.'
            : `Made by ${insights.model.name}.`
          : 'Not made yet: the analysis writes them from the transcript.'}
      </p>
      <label htmlFor={summaryId}>Summary</label>
      <textarea
        id={summaryId}
        rows={4}
        value={summary}
        onChange={(event) => setSummary(event.target.value)}
        aria-invalid={fieldError('summary') ? true : undefined}
      />
      {fieldError('summary') && <p className="field-error">{fieldError('summary')}</p>}
      <label htmlFor={pointsId}>Key points (one per line)</label>
      <textarea
        id={pointsId}
        rows={4}
        value={keyPoints}
        onChange={(event) => setKeyPoints(event.target.value)}
        aria-invalid={fieldError('keyPoints') ? true : undefined}
      />
      {fieldError('keyPoints') && <p className="field-error">{fieldError('keyPoints')}</p>}
      <h3>Chapters</h3>
      <ol className="segment-editor">
        {chapters.map((row, index) => (
          <li
            key={row.key}
            className={chapterError(index) ? 'segment-row chapter-row invalid' : 'segment-row chapter-row'}
          >
            <label>
              Start
              <input
                value={row.start}
                size={7}
                onChange={(event) =>
                  setChapters(chapters.map((item) => (item === row ? { ...item, start: event.target.value } : item)))
                }
              />
            </label>
            <label className="segment-text">
              Title of chapter {index + 1}
              <input
                value={row.title}
                onChange={(event) =>
                  setChapters(chapters.map((item) => (item === row ? { ...item, title: event.target.value } : item)))
                }
              />
            </label>
            <button
              type="button"
              className="link-button danger"
              onClick={() => setChapters(chapters.filter((item) => item !== row))}
              aria-label={`Remove chapter ${index + 1}`}
            >
              Remove
            </button>
            {chapterError(index) && (
              <p className="field-error" role="alert">
                {chapterError(index)}
              </p>
            )}
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button"
        onClick={() =>
          setChapters([
            ...chapters,
            { key: nextKey++, start: formatTime(parseTime(chapters.at(-1)?.start ?? '0') + 30 || 0), title: '' },
          ])
        }
      >
        Add a chapter
      </button>
      {fieldError('chapters') && <p className="field-error">{fieldError('chapters')}</p>}
      {error && !(error instanceof ApiError && error.details.length > 0) && (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      )}
      {saved && (
        <p className="form-success" role="status">
          {saved}
        </p>
      )}
      <div>
        <button type="button" className="button primary" disabled={saving} onClick={() => void save()}>
          {saving ? 'Saving…' : 'Save summary and chapters'}
        </button>
      </div>
    </section>
  );
}
