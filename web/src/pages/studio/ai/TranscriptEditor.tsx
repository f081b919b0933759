import { useEffect, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../../api/api-error.ts';
import { analysisKey, fetchTranscript, saveTranscript, transcriptKey } from '../../../intelligence/ai-api.ts';
import { formatTime, parseTime } from './time-input.ts';

interface Row {
  key: number;
  start: string;
  end: string;
  text: string;
}

let nextKey = 0;
const toRow = (segment: { startSeconds: number; endSeconds: number; text: string }): Row => ({
  key: nextKey++,
  start: formatTime(segment.startSeconds),
  end: formatTime(segment.endSeconds),
  text: segment.text,
});

/** Field errors per segment index, from the API's `segments.3.text` details or from unreadable times here. */
type RowErrors = Map<number, string[]>;

function localErrors(rows: Row[]): RowErrors {
  const errors: RowErrors = new Map();
  rows.forEach((row, index) => {
    const problems = [
      Number.isNaN(parseTime(row.start)) ? 'start must be a time like 1:05.5' : '',
      Number.isNaN(parseTime(row.end)) ? 'end must be a time like 1:07' : '',
    ].filter(Boolean);
    if (problems.length) errors.set(index, problems);
  });
  return errors;
}

function apiErrors(error: ApiError): { rows: RowErrors; general: string[] } {
  const rows: RowErrors = new Map();
  const general: string[] = [];
  for (const detail of error.details) {
    const match = /segments\.(\d+)\.?(\w*)/.exec(detail.field);
    if (!match) {
      general.push(`${detail.field ? `${detail.field}: ` : ''}${detail.message}`);
      continue;
    }
    const index = Number(match[1]);
    const field = match[2] === 'startSeconds' ? 'start' : match[2] === 'endSeconds' ? 'end' : match[2] || 'segment';
    rows.set(index, [...(rows.get(index) ?? []), `${field} ${detail.message}`]);
  }
  if (error.details.length === 0) general.push(error.message);
  return { rows, general };
}

/** Why a video has no transcript, by the API's error code, for the codes that leave one to write. */
const MISSING_TRANSCRIPT: Partial<Record<string, string>> = {
  NOT_ANALYSED_YET: 'No transcript yet: it is made after the video is ready. You can also write one.',
  NO_SPEECH_DETECTED:
    'No speech detected (music, silence or no sound), so no transcript was made. You can write one: lyrics, or captions describing the sounds.',
};

/**
 * Edit the transcript: text and times of each line, add or remove lines, save. The server checks the
 * order and times; its errors show next to the line they are about. Captions and search follow a save.
 */
export function TranscriptEditor({ videoId }: { videoId: string }) {
  const queryClient = useQueryClient();
  const transcript = useQuery({
    queryKey: transcriptKey(videoId),
    queryFn: () => fetchTranscript(videoId),
    retry: false,
  });
  const [rows, setRows] = useState<Row[] | null>(null);
  const [errors, setErrors] = useState<{ rows: RowErrors; general: string[] }>({ rows: new Map(), general: [] });
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);

  useEffect(() => {
    if (transcript.data && rows === null) setRows(transcript.data.segments.map(toRow));
  }, [transcript.data, rows]);

  // No transcript (not made yet, or none since nothing is said): the creator may still write one.
  const missing = transcript.error instanceof ApiError ? MISSING_TRANSCRIPT[transcript.error.code] : undefined;
  if (transcript.error && !missing)
    return (
      <p className="form-error" role="alert">
        {transcript.error.message}
      </p>
    );
  const current = rows ?? (missing ? [] : null);
  if (!current) return <p className="muted">Loading the transcript…</p>;

  const update = (index: number, change: Partial<Row>) => {
    setRows(current.map((row, at) => (at === index ? { ...row, ...change } : row)));
    setSaved(null);
  };
  const addAfter = (index: number) => {
    const before = current[index];
    const start = before ? parseTime(before.end) || 0 : 0;
    const row = toRow({ startSeconds: start, endSeconds: start + 2, text: '' });
    setRows([...current.slice(0, index + 1), row, ...current.slice(index + 1)]);
  };
  const remove = (index: number) => setRows(current.filter((_, at) => at !== index));

  const save = async () => {
    const local = localErrors(current);
    if (local.size) return setErrors({ rows: local, general: ['Fix the marked lines first.'] });
    setSaving(true);
    setErrors({ rows: new Map(), general: [] });
    try {
      const result = await saveTranscript(videoId, {
        language: transcript.data?.language ?? 'en',
        segments: current.map((row) => ({
          startSeconds: parseTime(row.start),
          endSeconds: parseTime(row.end),
          text: row.text,
        })),
      });
      queryClient.setQueryData(transcriptKey(videoId), result);
      setRows(result.segments.map(toRow));
      setSaved('Saved: captions, chapters and search now follow this transcript.');
      void queryClient.invalidateQueries({ queryKey: analysisKey(videoId) });
      void queryClient.invalidateQueries({ queryKey: ['video', videoId] });
    } catch (error) {
      setErrors(
        error instanceof ApiError ? apiErrors(error) : { rows: new Map(), general: [(error as Error).message] },
      );
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="studio-card" aria-labelledby="transcript-heading">
      <h2 id="transcript-heading">Transcript</h2>
      {missing && current.length === 0 && <p className="muted">{missing}</p>}
      <ol className="segment-editor">
        {current.map((row, index) => {
          const problems = errors.rows.get(index);
          const errorId = `segment-${row.key}-errors`;
          return (
            <li key={row.key} className={problems ? 'segment-row invalid' : 'segment-row'} data-segment-index={index}>
              <label>
                Start
                <input
                  value={row.start}
                  inputMode="decimal"
                  size={7}
                  onChange={(event) => update(index, { start: event.target.value })}
                  aria-invalid={problems ? true : undefined}
                  aria-describedby={problems ? errorId : undefined}
                />
              </label>
              <label>
                End
                <input
                  value={row.end}
                  inputMode="decimal"
                  size={7}
                  onChange={(event) => update(index, { end: event.target.value })}
                  aria-invalid={problems ? true : undefined}
                  aria-describedby={problems ? errorId : undefined}
                />
              </label>
              <label className="segment-text">
                Text of line {index + 1}
                <textarea
                  value={row.text}
                  rows={2}
                  onChange={(event) => update(index, { text: event.target.value })}
                  aria-invalid={problems ? true : undefined}
                  aria-describedby={problems ? errorId : undefined}
                />
              </label>
              <span className="segment-actions">
                <button
                  type="button"
                  className="link-button"
                  onClick={() => addAfter(index)}
                  aria-label={`Add a line after line ${index + 1}`}
                >
                  Add after
                </button>
                <button
                  type="button"
                  className="link-button danger"
                  onClick={() => remove(index)}
                  aria-label={`Remove line ${index + 1}`}
                >
                  Remove
                </button>
              </span>
              {problems && (
                <p className="field-error" id={errorId} role="alert">
                  {problems.join('; ')}
                </p>
              )}
            </li>
          );
        })}
      </ol>
      {current.length === 0 && (
        <button type="button" className="button" onClick={() => addAfter(-1)}>
          Add a line
        </button>
      )}
      {errors.general.map((message) => (
        <p key={message} className="form-error" role="alert">
          {message}
        </p>
      ))}
      {saved && (
        <p className="form-success" role="status">
          {saved}
        </p>
      )}
      <button type="button" className="button primary" disabled={saving} onClick={() => void save()}>
        {saving ? 'Saving…' : 'Save transcript'}
      </button>
    </section>
  );
}
