import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { VideoSummary } from '../api/types.ts';
import { Thumbnail } from './Thumbnail.tsx';
import { formatAge, formatCount } from './format.ts';

interface Props {
  video: VideoSummary;
  /** A line above the title, such as why the video is recommended. */
  badge?: string;
  layout?: 'grid' | 'row';
  /** Actions on the card (e.g. "Not interested"), shown beside the title. */
  menu?: ReactNode;
}

export function VideoCard({ video, badge, layout = 'grid', menu }: Props) {
  return (
    <article className={`video-card ${layout}`} data-video-id={video.id}>
      <Link to={`/watch/${video.id}`} className="video-card-link" tabIndex={-1} aria-hidden="true">
        <Thumbnail url={video.thumbnailUrl} title={video.title} duration={video.duration} />
      </Link>
      <div className="video-card-text">
        {menu}
        {badge && <span className="badge">{badge}</span>}
        <h3 className="video-title">
          <Link to={`/watch/${video.id}`}>{video.title}</Link>
        </h3>
        <p className="muted">
          <Link to={`/channel/${video.creator.id}`}>{video.creator.username}</Link>
        </p>
        <p className="muted">
          {formatCount(video.views, 'view')} · {formatAge(video.uploadedAt)}
        </p>
      </div>
    </article>
  );
}
