import { useEffect, useState } from 'react';
import type { Retention } from '../../../analytics/analytics-api.ts';
import { formatDuration } from '../../../components/format.ts';
import { parseStoryboardVtt, tileAt, type StoryboardTile } from '../../../player/storyboard.ts';

const THUMBNAILS = 10;

function useStoryboard(vttUrl: string | null): StoryboardTile[] {
  const [tiles, setTiles] = useState<StoryboardTile[]>([]);
  useEffect(() => {
    if (!vttUrl) return;
    let cancelled = false;
    fetch(vttUrl)
      .then((response) => (response.ok ? response.text() : ''))
      .then((text) => {
        if (!cancelled && text) setTiles(parseStoryboardVtt(text, vttUrl));
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [vttUrl]);
  return tiles;
}

interface Props {
  retention: Retention;
  duration: number;
  storyboardVttUrl: string | null;
  chapters: { title: string; startSeconds: number }[];
}

/**
 * The retention curve drawn over the video's storyboard thumbnails, with chapter marks: where the line
 * falls is what people skipped or left at, and the picture under it shows what was on screen.
 */
export function RetentionChart({ retention, duration, storyboardVttUrl, chapters }: Props) {
  const tiles = useStoryboard(storyboardVttUrl);
  const points = retention.curve
    .map((point) => `${point.percent + 0.5},${100 - Math.min(100, point.retention)}`)
    .join(' ');
  const thumbnails = tiles.length
    ? Array.from({ length: THUMBNAILS }, (_, index) => tileAt(tiles, ((index + 0.5) / THUMBNAILS) * duration)).filter(
        (tile): tile is StoryboardTile => Boolean(tile),
      )
    : [];
  const middle = retention.curve[50]?.retention ?? 0;
  return (
    <figure className="retention" aria-label="Audience retention">
      <div className="retention-plot">
        {thumbnails.length > 0 && (
          <div className="retention-thumbnails" aria-hidden="true">
            {thumbnails.map((tile, index) => (
              <span
                key={index}
                style={{
                  backgroundImage: `url(${tile.imageUrl})`,
                  backgroundPosition: `-${tile.x}px -${tile.y}px`,
                  width: tile.width,
                  height: tile.height,
                  transform: 'scale(var(--retention-scale, 1))',
                }}
              />
            ))}
          </div>
        )}
        <svg
          viewBox="0 0 100 100"
          preserveAspectRatio="none"
          className="retention-svg"
          role="img"
          aria-label={`Retention curve: ${retention.curve[0]?.retention ?? 0} % at the start, ${middle} % at the middle, ${retention.curve[99]?.retention ?? 0} % at the end`}
          data-testid="retention-curve"
        >
          <polygon points={`0.5,100 ${points} 99.5,100`} className="retention-area" />
          <polyline points={points} className="retention-line" vectorEffect="non-scaling-stroke" />
          {chapters.map((chapter) => (
            <line
              key={chapter.startSeconds}
              x1={(chapter.startSeconds / duration) * 100}
              x2={(chapter.startSeconds / duration) * 100}
              y1={0}
              y2={100}
              className="retention-chapter"
              vectorEffect="non-scaling-stroke"
            />
          ))}
        </svg>
      </div>
      <div className="retention-axis">
        <span>0:00</span>
        <span>{formatDuration(duration / 2)}</span>
        <span>{formatDuration(duration)}</span>
      </div>
      {chapters.length > 0 && (
        <ol className="retention-chapters">
          {chapters.map((chapter, index) => {
            const end = chapters[index + 1]?.startSeconds ?? duration;
            const at = (seconds: number) =>
              retention.curve[Math.min(99, Math.floor((seconds / duration) * 100))]?.retention ?? 0;
            return (
              <li key={chapter.startSeconds}>
                {formatDuration(chapter.startSeconds)} {chapter.title}: {at(chapter.startSeconds)} % →{' '}
                {at(Math.max(chapter.startSeconds, end - 0.01))} %
              </li>
            );
          })}
        </ol>
      )}
      <figcaption className="muted">
        {retention.views} {retention.views === 1 ? 'view' : 'views'} · % of viewers still watching at each point of the
        video
      </figcaption>
    </figure>
  );
}
