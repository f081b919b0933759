import { useMutation, useQueryClient } from '@tanstack/react-query';
import { saveToWatchLater, watchLaterKey } from '../../playlists/playlist-api.ts';
import { ApiError } from '../../api/api-error.ts';

/** Adds the video to the viewer's Watch later list; already being there counts as saved. */
export function SaveToWatchLater({ videoId }: { videoId: string }) {
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: () =>
      saveToWatchLater(videoId).catch((error: unknown) => {
        if (!(error instanceof ApiError && error.code === 'ALREADY_IN_PLAYLIST')) throw error;
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: watchLaterKey }),
  });
  return (
    <button type="button" className="button" disabled={save.isPending || save.isSuccess} onClick={() => save.mutate()}>
      {save.isSuccess ? 'Saved' : 'Watch later'}
      {save.error && (
        <span className="field-error" role="alert">
          {' '}
          {save.error.message}
        </span>
      )}
    </button>
  );
}
