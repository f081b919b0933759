import { useState } from 'react';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { moveInPlaylist, removeFromPlaylist, type PlaylistSource } from '../../playlists/playlist-api.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { QueryErrorPage } from '../../components/ErrorPage.tsx';
import { VideoGridSkeleton } from '../../components/Skeletons.tsx';
import { VideoCard } from '../../components/VideoCard.tsx';
import { formatCount } from '../../components/format.ts';
import { useLoadMoreSentinel } from '../../hooks/useInfiniteScroll.ts';
import { PlaylistSettings } from './PlaylistSettings.tsx';

interface Move {
  videoId: string;
  position: number;
}

/** A playlist with its videos; its owner reorders them by dragging or with the move buttons. */
export function PlaylistView({ source }: { source: PlaylistSource }) {
  const { user } = useAuth();
  const queryClient = useQueryClient();
  const [dragged, setDragged] = useState<string | null>(null);
  const pages = useInfiniteQuery({
    queryKey: source.key,
    queryFn: ({ pageParam }) => source.fetchPage(pageParam ?? undefined),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
  const playlist = pages.data?.pages[0]?.playlist;
  const items = pages.data?.pages.flatMap((page) => page.items) ?? [];
  const sentinel = useLoadMoreSentinel(
    () => void pages.fetchNextPage(),
    Boolean(pages.hasNextPage) && !pages.isFetchingNextPage,
  );

  const move = useMutation({
    mutationFn: ({ videoId, position }: Move) => moveInPlaylist(playlist!.id, videoId, position),
    onSettled: () => queryClient.invalidateQueries({ queryKey: source.key }),
  });
  const remove = useMutation({
    mutationFn: (videoId: string) => removeFromPlaylist(playlist!.id, videoId),
    onSettled: () => queryClient.invalidateQueries({ queryKey: source.key }),
  });

  if (pages.error) return <QueryErrorPage error={pages.error} what="Playlist" />;
  if (!playlist) return <VideoGridSkeleton count={4} />;
  const editable = user !== null && (user.id === playlist.ownerId || user.role === 'admin');

  return (
    <section className="playlist-view">
      <h2>{playlist.title}</h2>
      {playlist.description && <p className="description">{playlist.description}</p>}
      <p className="muted">
        {formatCount(playlist.itemCount, 'video')} · {playlist.visibility}
      </p>
      {editable && playlist.kind === 'regular' && <PlaylistSettings playlist={playlist} />}
      {items.length === 0 && <p className="empty">This playlist is empty.</p>}
      <ol className="playlist-items">
        {items.map((item, index) => (
          <li
            key={item.video.id}
            draggable={editable}
            className={dragged === item.video.id ? 'dragging' : undefined}
            onDragStart={() => setDragged(item.video.id)}
            onDragEnd={() => setDragged(null)}
            onDragOver={(event) => {
              if (dragged) event.preventDefault();
            }}
            onDrop={() => {
              if (dragged && dragged !== item.video.id) move.mutate({ videoId: dragged, position: item.position });
              setDragged(null);
            }}
          >
            <span className="position">{index + 1}</span>
            <VideoCard video={item.video} layout="row" />
            {editable && (
              <span className="item-actions">
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Move ${item.video.title} up`}
                  disabled={index === 0 || move.isPending}
                  onClick={() => move.mutate({ videoId: item.video.id, position: Math.max(0, item.position - 1) })}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Move ${item.video.title} down`}
                  disabled={index === items.length - 1 || move.isPending}
                  onClick={() => move.mutate({ videoId: item.video.id, position: item.position + 1 })}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Remove ${item.video.title}`}
                  onClick={() => remove.mutate(item.video.id)}
                >
                  ✕
                </button>
              </span>
            )}
          </li>
        ))}
      </ol>
      {move.error && (
        <p className="field-error" role="alert">
          {move.error.message}
        </p>
      )}
      <div ref={sentinel} className="load-more" aria-hidden="true" />
    </section>
  );
}
