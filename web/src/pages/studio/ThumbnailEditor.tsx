import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ChangeEvent } from 'react';
import type { Video } from '../../api/types.ts';
import { studioVideosKey } from '../../studio/studio-api.ts';
import { removeThumbnail, THUMBNAIL_ACCEPT, uploadThumbnail } from '../../studio/thumbnail-api.ts';
import { videoKey } from '../../videos/video-api.ts';
import { FormError } from '../../components/FormError.tsx';

/** A local preview of the chosen file, released when another is chosen or the editor closes. */
function usePreviewUrl(file: File | null): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!file) return setUrl(null);
    const next = URL.createObjectURL(file);
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [file]);
  return url;
}

const HELD_NOTE = 'Your thumbnail is waiting for review; the generated one is shown until it is approved.';

/** The Studio's "Thumbnail" section: the current picture, upload your own, or go back to the generated one. */
export function ThumbnailEditor({ video }: { video: Video }) {
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState(0);
  const preview = usePreviewUrl(file);
  const refresh = async () => {
    void queryClient.invalidateQueries({ queryKey: videoKey(video.id) });
    await queryClient.invalidateQueries({ queryKey: studioVideosKey });
  };
  const upload = useMutation({
    mutationFn: (chosen: File) => uploadThumbnail(video.id, chosen, setProgress),
    onSuccess: refresh,
    // Either way the preview goes: the current thumbnail is shown again (with the error, if refused).
    onSettled: () => setFile(null),
  });
  const remove = useMutation({ mutationFn: () => removeThumbnail(video.id), onSuccess: refresh });

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0] ?? null;
    event.target.value = '';
    if (!chosen) return;
    setFile(chosen);
    setProgress(0);
    upload.mutate(chosen);
  };

  const shown = preview ?? video.thumbnailUrl;
  const error = upload.error ?? remove.error;
  return (
    <section className="thumbnail-editor" aria-labelledby={`thumbnail-${video.id}`}>
      <h3 id={`thumbnail-${video.id}`}>Thumbnail</h3>
      <div className="thumbnail thumbnail-editor-picture">
        {shown && <img src={shown} alt={`Thumbnail of ${video.title}`} data-testid="studio-thumbnail" />}
      </div>
      <div className="thumbnail-editor-controls">
        <p className="muted">
          {video.customThumbnail === 'held_for_review'
            ? HELD_NOTE
            : video.customThumbnail
              ? 'Your own thumbnail.'
              : 'Generated from the video.'}{' '}
          JPEG, PNG or WebP, at least 640×360; shown at 16:9.
        </p>
        <label className="button primary">
          Upload thumbnail
          <input
            type="file"
            accept={THUMBNAIL_ACCEPT}
            className="sr-only"
            onChange={choose}
            disabled={upload.isPending}
          />
        </label>
        {video.customThumbnail && (
          <button type="button" className="button" disabled={remove.isPending} onClick={() => remove.mutate()}>
            Use generated thumbnail
          </button>
        )}
        {upload.isPending && (
          <progress max={100} value={Math.round(progress * 100)} aria-label="Thumbnail upload progress" />
        )}
        <FormError message={error?.message} />
      </div>
    </section>
  );
}
