// A video's custom thumbnail. The upload goes through XMLHttpRequest because fetch reports no upload progress.
import { ApiError } from '../api/api-error.ts';
import { currentAccessToken } from '../api/client.ts';
import { api, unwrap } from '../api/typed-client.ts';
import type { Video } from '../api/types.ts';

/** What the server takes (it checks the file's bytes too). */
export const THUMBNAIL_ACCEPT = 'image/jpeg,image/png,image/webp';

interface Envelope {
  data?: Video;
  error?: { code?: string; message?: string };
}

function parse(text: string): Envelope {
  try {
    return JSON.parse(text) as Envelope;
  } catch {
    return {};
  }
}

/** Sends the picture as the request body; `onProgress` gets the share sent (0–1). */
export async function uploadThumbnail(
  videoId: string,
  file: File,
  onProgress: (share: number) => void,
): Promise<Video> {
  const token = await currentAccessToken();
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('PUT', `/api/v1/videos/${encodeURIComponent(videoId)}/thumbnail`);
    request.setRequestHeader('content-type', file.type);
    request.setRequestHeader('accept', 'application/json');
    if (token) request.setRequestHeader('authorization', `Bearer ${token}`);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onerror = () => reject(new ApiError(0, 'NETWORK_ERROR', 'The upload failed; check your connection'));
    request.onload = () => {
      const body = parse(request.responseText);
      if (request.status === 200 && body.data) return resolve(body.data);
      reject(
        new ApiError(
          request.status,
          body.error?.code ?? 'HTTP_ERROR',
          body.error?.message ?? `The upload was refused (status ${request.status})`,
        ),
      );
    };
    request.send(file);
  });
}

export const removeThumbnail = (videoId: string) =>
  unwrap(api.DELETE('/api/v1/videos/{id}/thumbnail', { params: { path: { id: videoId } } }));
