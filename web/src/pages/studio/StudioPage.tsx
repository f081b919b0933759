import { useState } from 'react';
import type { Video } from '../../api/types.ts';
import { RequireChannel } from '../../auth/RequireChannel.tsx';
import { ListErrorPage } from '../../components/ErrorPage.tsx';
import { useCursorList } from '../../hooks/useCursorList.ts';
import { useLoadMoreSentinel } from '../../hooks/useInfiniteScroll.ts';
import { StudioVideoRow } from './StudioVideoRow.tsx';
import { fetchMyVideosPage, studioVideosKey } from '../../studio/studio-api.ts';

function StudioVideos() {
  const videos = useCursorList<Video>(studioVideosKey, fetchMyVideosPage);
  const sentinel = useLoadMoreSentinel(videos.loadMore, Boolean(videos.hasNextPage));
  const [editing, setEditing] = useState<string | null>(null);

  if (videos.error) return <ListErrorPage error={videos.error} what="Your videos" />;
  return (
    <>
      <table className="studio-table">
        <thead>
          <tr>
            <th scope="col">Video</th>
            <th scope="col">Status</th>
            <th scope="col">Visibility</th>
            <th scope="col">Views</th>
            <th scope="col">Likes</th>
            <th scope="col">Comments</th>
            <th scope="col">Uploaded</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {videos.items?.map((video) => (
            <StudioVideoRow
              key={video.id}
              video={video}
              editing={editing === video.id}
              onEdit={() => setEditing(video.id)}
              onDone={() => setEditing(null)}
            />
          ))}
        </tbody>
      </table>
      {videos.isPending && <p className="muted">Loading your videos…</p>}
      {videos.items?.length === 0 && <p className="empty">You have not uploaded anything yet.</p>}
      <div ref={sentinel} className="load-more" aria-hidden="true" />
    </>
  );
}

export default function StudioPage() {
  return (
    <RequireChannel what="your Studio" purpose="to use Studio">
      <h1 className="page-title">Studio</h1>
      <StudioVideos />
    </RequireChannel>
  );
}
