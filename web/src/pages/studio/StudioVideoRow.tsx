import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import type { Category } from '../../api/categories.ts';
import { studioVideosKey } from '../../studio/studio-api.ts';
import { deleteVideo, updateVideo, videoKey } from '../../videos/video-api.ts';
import type { Video } from '../../api/types.ts';
import { formatAge } from '../../components/format.ts';
import { VideoDetailsForm, type VideoDetails } from '../../upload/VideoDetailsForm.tsx';
import { ThumbnailEditor } from './ThumbnailEditor.tsx';

interface Props {
  video: Video;
  editing: boolean;
  onEdit: () => void;
  onDone: () => void;
}

function statusText(video: Video): string {
  if (video.status === 'processing') return `processing ${video.processingProgress}%`;
  if (video.status === 'failed') return `failed: ${video.failureReason ?? 'unknown reason'}`;
  return video.status;
}

/** One of the creator's videos: its numbers, and edit or delete. */
export function StudioVideoRow({ video, editing, onEdit, onDone }: Props) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: studioVideosKey });
  const remove = useMutation({
    mutationFn: () => deleteVideo(video.id),
    onSuccess: refresh,
  });
  const save = async (details: VideoDetails) => {
    await updateVideo(video.id, details);
    await refresh();
    void queryClient.invalidateQueries({ queryKey: videoKey(video.id) });
    onDone();
  };

  return (
    <>
      <tr data-video-id={video.id}>
        <td>{video.status === 'ready' ? <Link to={`/watch/${video.id}`}>{video.title}</Link> : video.title}</td>
        <td data-label="Status" className={`status status-${video.status}`}>
          {statusText(video)}
        </td>
        <td data-label="Visibility">{video.visibility}</td>
        <td data-label="Views">{video.views}</td>
        <td data-label="Likes">{video.likes}</td>
        <td data-label="Comments">{video.commentCount}</td>
        <td data-label="Uploaded">{formatAge(video.uploadedAt ?? video.createdAt)}</td>
        <td className="row-actions">
          <button type="button" className="button" onClick={editing ? onDone : onEdit} aria-expanded={editing}>
            {editing ? 'Close' : 'Edit'}
          </button>
          {video.status === 'ready' && (
            <Link
              className="button"
              to={`/studio/${video.id}/ai`}
              aria-label={`Transcript, summary and moderation of ${video.title}`}
            >
              Transcript &amp; AI
            </Link>
          )}
          <button
            type="button"
            className="button danger"
            disabled={remove.isPending}
            onClick={() => {
              if (window.confirm(`Delete “${video.title}”? This cannot be undone.`)) remove.mutate();
            }}
          >
            Delete
          </button>
          {remove.error && (
            <span className="field-error" role="alert">
              {remove.error.message}
            </span>
          )}
        </td>
      </tr>
      {editing && (
        <tr className="edit-row">
          <td colSpan={8}>
            <VideoDetailsForm
              initial={{
                title: video.title,
                description: video.description,
                tags: video.tags,
                category: (video.category ?? 'other') as Category,
                visibility: video.visibility,
              }}
              submitLabel="Save changes"
              onSubmit={save}
            />
            <ThumbnailEditor video={video} />
          </td>
        </tr>
      )}
    </>
  );
}
