import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../../api/api-error.ts';
import { formatDuration } from '../../components/format.ts';
import { fetchTranscript, transcriptKey } from '../../intelligence/ai-api.ts';
import { usePlaybackTime, usePlayerController } from '../../player/player-controller.ts';
import { activeSegmentIndex, download, transcriptAsText, transcriptAsVtt } from './transcript-format.ts';
import './watch-ai.css';

/** Wraps each case-insensitive occurrence of `needle` in <mark>. */
function highlight(text: string, needle: string): ReactNode {
  if (!needle) return text;
  const parts: ReactNode[] = [];
  const lower = text.toLowerCase();
  let from = 0;
  for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + needle.length)) {
    parts.push(text.slice(from, at), <mark key={at}>{text.slice(at, at + needle.length)}</mark>);
    from = at + needle.length;
  }
  parts.push(text.slice(from));
  return parts;
}

/**
 * The time-stamped transcript: follows playback (highlights and scrolls to the line being spoken),
 * seeks on click, filters by a search, and copies or downloads as text or WebVTT.
 */
export default function TranscriptPanel({ videoId, title }: { videoId: string; title: string }) {
  const controller = usePlayerController();
  const time = usePlaybackTime(controller);
  const [filter, setFilter] = useState('');
  const [copied, setCopied] = useState<string | null>(null);
  const list = useRef<HTMLOListElement>(null);
  const searchId = useId();
  const transcript = useQuery({
    queryKey: transcriptKey(videoId),
    queryFn: () => fetchTranscript(videoId),
    staleTime: 5 * 60_000,
    retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 2,
  });
  const segments = useMemo(() => transcript.data?.segments ?? [], [transcript.data]);
  const active = activeSegmentIndex(segments, time);
  const needle = filter.trim().toLowerCase();
  const shown = needle ? segments.filter((segment) => segment.text.toLowerCase().includes(needle)) : segments;

  // Keeps the spoken line in view, inside the panel only (the page itself does not jump).
  useEffect(() => {
    if (needle || active < 0 || !list.current) return;
    const item = list.current.querySelector<HTMLElement>(`[data-index="${active}"]`);
    if (!item) return;
    const box = list.current;
    if (item.offsetTop < box.scrollTop || item.offsetTop + item.offsetHeight > box.scrollTop + box.clientHeight) {
      box.scrollTo({ top: item.offsetTop - box.clientHeight / 3, behavior: 'smooth' });
    }
  }, [active, needle]);

  // A failed refetch keeps the transcript already shown: only a first load that failed shows the reason.
  if (transcript.error && !transcript.data) {
    const code = transcript.error instanceof ApiError ? transcript.error.code : undefined;
    const message =
      code === 'NOT_ANALYSED_YET'
        ? 'The transcript is being made; it appears here when the analysis is done.'
        : code === 'NO_SPEECH_DETECTED'
          ? 'No speech detected: this video has music, silence or no sound, so it has no transcript.'
          : `The transcript could not be loaded: ${transcript.error.message}`;
    return (
      <p className="muted" role="status">
        {message}
      </p>
    );
  }
  if (!transcript.data)
    return (
      <p className="muted" role="status">
        Loading the transcript…
      </p>
    );

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(transcriptAsText(segments));
      setCopied('Copied');
    } catch {
      setCopied('Copying was refused by the browser; use Download instead');
    }
  };
  const baseName =
    title
      .replace(/[^\w\- ]+/g, '')
      .trim()
      .replace(/\s+/g, '-') || 'transcript';

  return (
    <div className="transcript-panel">
      <div className="transcript-tools">
        <label htmlFor={searchId} className="sr-only">
          Search the transcript
        </label>
        <input
          id={searchId}
          type="search"
          placeholder="Search the transcript"
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
        />
        <button type="button" className="button" onClick={() => void copy()}>
          Copy
        </button>
        <button
          type="button"
          className="button"
          onClick={() => download(`${baseName}.txt`, transcriptAsText(segments), 'text/plain')}
        >
          Download .txt
        </button>
        <button
          type="button"
          className="button"
          onClick={() => download(`${baseName}.vtt`, transcriptAsVtt(segments), 'text/vtt')}
        >
          Download .vtt
        </button>
      </div>
      <p className="muted transcript-meta" role="status">
        {copied ??
          (needle
            ? `${shown.length} of ${segments.length} lines match`
            : `${transcript.data.editedAt ? 'Edited by the creator' : `Transcribed by ${transcript.data.model.name}`} · ${segments.length} lines`)}
      </p>
      {segments.length === 0 && <p className="muted">Nothing was said in this video.</p>}
      <ol className="transcript-lines" ref={list} aria-label="Transcript lines">
        {shown.map((segment) => {
          const index = segments.indexOf(segment);
          return (
            <li key={segment.position} data-index={index}>
              <button
                type="button"
                className={index === active ? 'transcript-line active' : 'transcript-line'}
                aria-current={index === active ? 'true' : undefined}
                onClick={() => controller.seek(segment.startSeconds)}
              >
                <span className="transcript-time">{formatDuration(segment.startSeconds)}</span>
                <span className="transcript-text">{highlight(segment.text, needle)}</span>
              </button>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
