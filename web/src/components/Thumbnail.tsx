import { useState } from 'react';
import { formatDuration } from './format.ts';

interface Props {
  url: string | null;
  title: string;
  duration: number | null;
}

/** A 16:9 box that is sized before its image arrives; the image loads only when near the viewport. */
export function Thumbnail({ url, title, duration }: Props) {
  const [loaded, setLoaded] = useState(false);
  return (
    <div className={loaded ? 'thumbnail' : 'thumbnail skeleton'}>
      {url && <img src={url} alt="" loading="lazy" decoding="async" onLoad={() => setLoaded(true)} />}
      {duration !== null && (
        <span className="duration" aria-label={`Duration ${formatDuration(duration)}`}>
          {formatDuration(duration)}
        </span>
      )}
      <span className="sr-only">{title}</span>
    </div>
  );
}
