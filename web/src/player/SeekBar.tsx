import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { formatDuration } from '../components/format.ts';
import { parseStoryboardVtt, tileAt } from './storyboard.ts';
import { chapterAt, type Chapter } from './chapters.ts';

interface Props {
  currentTime: number;
  duration: number;
  buffered: number;
  storyboardVttUrl: string | null;
  onSeek: (time: number) => void;
  /** Marks on the bar; the hovered chapter's title shows in the preview. */
  chapters?: Chapter[];
}

/** The progress bar: a range input (so keyboards and screen readers can seek) with storyboard previews on hover or while a finger scrubs. */
export function SeekBar({ currentTime, duration, buffered, storyboardVttUrl, onSeek, chapters = [] }: Props) {
  const [hover, setHover] = useState<{ time: number; left: number } | null>(null);
  // The previews are fetched on the first hover, so they never compete with the video's first segments.
  const [wantPreviews, setWantPreviews] = useState(false);
  const storyboard = useQuery({
    queryKey: ['storyboard', storyboardVttUrl],
    queryFn: async () => {
      const response = await fetch(storyboardVttUrl!);
      if (!response.ok) throw new Error(`storyboard: ${response.status}`);
      return parseStoryboardVtt(await response.text(), storyboardVttUrl!);
    },
    enabled: Boolean(storyboardVttUrl) && wantPreviews,
    staleTime: Infinity,
  });
  const tile = hover && storyboard.data ? tileAt(storyboard.data, hover.time) : undefined;
  const hoveredChapter = hover ? chapterAt(chapters, hover.time) : undefined;

  const showPreview = (bar: HTMLElement, clientX: number, lifted: boolean) => {
    if (lifted) return;
    const box = bar.getBoundingClientRect();
    const fraction = Math.min(1, Math.max(0, (clientX - box.left) / box.width));
    // Kept inside the player so the preview never hangs off the edge of a phone's screen.
    const half = 84;
    setHover({
      time: fraction * duration,
      left: Math.min(
        Math.max(fraction * box.width, Math.min(half, box.width / 2)),
        Math.max(box.width - half, box.width / 2),
      ),
    });
    setWantPreviews(true);
  };

  return (
    <div
      className="seek-bar"
      // Pointer events cover the mouse hovering and a finger dragging the scrubber alike (touch-action: none).
      onPointerMove={(event) =>
        showPreview(event.currentTarget, event.clientX, event.pointerType !== 'mouse' && event.buttons === 0)
      }
      onPointerDown={(event) => showPreview(event.currentTarget, event.clientX, false)}
      onPointerLeave={() => setHover(null)}
      onPointerUp={(event) => {
        if (event.pointerType !== 'mouse') setHover(null);
      }}
      onPointerCancel={() => setHover(null)}
    >
      <div className="seek-buffered" style={{ width: `${duration ? (buffered / duration) * 100 : 0}%` }} />
      {duration > 0 &&
        chapters
          .filter((chapter) => chapter.startSeconds > 0 && chapter.startSeconds < duration)
          .map((chapter) => (
            <span
              key={chapter.startSeconds}
              className="seek-chapter-mark"
              data-chapter={chapter.title}
              style={{ left: `${(chapter.startSeconds / duration) * 100}%` }}
              aria-hidden="true"
            />
          ))}
      <input
        type="range"
        aria-label="Seek"
        min={0}
        max={duration || 0}
        step={0.1}
        value={Math.min(currentTime, duration || 0)}
        aria-valuetext={`${formatDuration(currentTime)} of ${formatDuration(duration)}`}
        onChange={(event) => onSeek(Number(event.target.value))}
      />
      {hover && duration > 0 && (
        <div className="seek-preview" style={{ left: hover.left }} aria-hidden="true">
          {tile && (
            <div
              className="storyboard-tile"
              style={{
                width: tile.width,
                height: tile.height,
                backgroundImage: `url("${tile.imageUrl}")`,
                backgroundPosition: `-${tile.x}px -${tile.y}px`,
              }}
            />
          )}
          {hoveredChapter && <span className="preview-chapter">{hoveredChapter.title}</span>}
          <span>{formatDuration(hover.time)}</span>
        </div>
      )}
    </div>
  );
}
