import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { likedVideosKey, setVideoLike, videoKey } from '../../videos/video-api.ts';
import type { Video } from '../../api/types.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { formatCount } from '../../components/format.ts';

/** Likes show at once; if the server refuses, the count and state roll back and the reason is shown. */
export function LikeButton({ video }: { video: Video }) {
  const { user } = useAuth();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const key = videoKey(video.id);
  const toggle = useMutation({
    mutationFn: (like: boolean) => setVideoLike(video.id, like),
    onMutate: async (like) => {
      await queryClient.cancelQueries({ queryKey: key });
      const before = queryClient.getQueryData<Video>(key);
      queryClient.setQueryData<Video>(
        key,
        (old) => old && { ...old, hasLiked: like, likes: old.likes + (like ? 1 : -1) },
      );
      return { before };
    },
    onError: (_error, _like, context) => queryClient.setQueryData(key, context?.before),
    onSuccess: (result) => {
      queryClient.setQueryData<Video>(key, (old) => old && { ...old, hasLiked: result.liked, likes: result.likes });
      void queryClient.invalidateQueries({ queryKey: likedVideosKey });
    },
  });

  return (
    <span className="like">
      <button
        type="button"
        className="button"
        aria-pressed={video.hasLiked}
        onClick={() => (user ? toggle.mutate(!video.hasLiked) : navigate(`/login?next=/watch/${video.id}`))}
      >
        <span aria-hidden="true">{video.hasLiked ? '♥' : '♡'}</span>{' '}
        <span className="like-count">{formatCount(video.likes, 'like')}</span>
      </button>
      {toggle.error && (
        <span className="field-error" role="alert">
          Could not save your like: {toggle.error.message}
        </span>
      )}
    </span>
  );
}
