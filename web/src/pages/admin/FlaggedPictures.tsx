import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/typed-client.ts';
import { formatDuration } from '../../components/format.ts';
import type { QueueCase } from '../../intelligence/ai-api.ts';

type Picture = QueueCase['content']['pictures'][number];

/** The picture needs the admin's bearer token, so it is fetched as a blob rather than linked by <img src>. */
function usePictureUrl(caseId: string, position: number): string | undefined {
  const blob = useQuery({
    queryKey: ['admin-moderation-picture', caseId, position],
    queryFn: async () => {
      const { data, response } = await api.GET('/api/v1/admin/moderation/cases/{id}/pictures/{position}', {
        params: { path: { id: caseId, position } },
        parseAs: 'blob',
      });
      if (!response.ok || !data) throw new Error(`The picture could not be loaded (${response.status})`);
      return data as Blob;
    },
    staleTime: 5 * 60_000,
  });
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    if (!blob.data) return;
    const next = URL.createObjectURL(blob.data);
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [blob.data]);
  return url;
}

function FlaggedPicture({ caseId, picture }: { caseId: string; picture: Picture }) {
  const url = usePictureUrl(caseId, picture.position);
  const where =
    picture.source === 'frame'
      ? `Frame at ${formatDuration(picture.atSeconds ?? 0)}`
      : picture.source === 'custom_thumbnail'
        ? 'Custom thumbnail'
        : 'Poster';
  return (
    <figure className="flagged-picture" data-at-seconds={picture.atSeconds ?? ''}>
      {url ? (
        <img src={url} alt={`${where}, flagged by image moderation`} />
      ) : (
        <div className="flagged-picture-placeholder" aria-hidden="true" />
      )}
      <figcaption>
        {where} · unsafe {picture.unsafeScore.toFixed(2)}
      </figcaption>
    </figure>
  );
}

/** What image moderation flagged in a video: each picture with where it is in the video and its score. */
export function FlaggedPictures({ caseId, pictures }: { caseId: string; pictures: Picture[] }) {
  if (pictures.length === 0) return null;
  return (
    <div className="flagged-pictures" role="group" aria-label="Flagged pictures">
      {pictures.map((picture) => (
        <FlaggedPicture key={picture.position} caseId={caseId} picture={picture} />
      ))}
    </div>
  );
}
