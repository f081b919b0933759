import { useCallback, useEffect, useRef, useState } from 'react';
import { Upload, type DetailedError } from 'tus-js-client';
import { currentAccessToken } from '../api/client.ts';

export type UploadPhase = 'idle' | 'uploading' | 'paused' | 'done' | 'failed';

export interface UploadTarget {
  endpoint: string;
  videoId: string;
}

const CHUNK_BYTES = 8 * 1024 * 1024;

/** The API's error message from a refused tus request, falling back to tus's own description. */
function describeTusError(error: Error): string {
  const body = (error as DetailedError).originalResponse?.getBody();
  if (body) {
    try {
      const parsed = JSON.parse(body) as { error?: { message?: string } };
      if (parsed.error?.message) return parsed.error.message;
    } catch {
      // Not an API envelope: use tus's message below.
    }
  }
  return error.message;
}

/** A resumable tus upload of one file: progress, pause (abort keeps the server's offset) and resume. */
export function useTusUpload() {
  const upload = useRef<Upload | null>(null);
  const [phase, setPhase] = useState<UploadPhase>('idle');
  const [progress, setProgress] = useState({ sent: 0, total: 0 });
  const [error, setError] = useState<string | null>(null);

  useEffect(() => () => { void upload.current?.abort(); }, []);

  const start = useCallback((file: File, target: UploadTarget) => {
    setError(null);
    setPhase('uploading');
    setProgress({ sent: 0, total: file.size });
    upload.current = new Upload(file, {
      endpoint: new URL(target.endpoint, window.location.origin).href,
      metadata: { videoId: target.videoId, filename: file.name, filetype: file.type },
      chunkSize: CHUNK_BYTES,
      retryDelays: [0, 1000, 3000, 5000],
      // The token may have been refreshed since the upload began (long uploads outlive a token).
      onBeforeRequest: async (req) => {
        const token = await currentAccessToken();
        if (token) req.setHeader('Authorization', `Bearer ${token}`);
      },
      // A 4xx refusal (not media, too large, quota) will not change by retrying.
      onShouldRetry: (err) => {
        const status = err.originalResponse?.getStatus() ?? 0;
        return status === 0 || status >= 500 || status === 409 || status === 423;
      },
      onProgress: (sent, total) => setProgress({ sent, total }),
      onSuccess: () => setPhase('done'),
      onError: (err) => {
        setError(describeTusError(err));
        setPhase('failed');
      },
    });
    upload.current.start();
  }, []);

  const pause = useCallback(() => {
    void upload.current?.abort();
    setPhase('paused');
  }, []);

  const resume = useCallback(() => {
    upload.current?.start();
    setPhase('uploading');
  }, []);

  return { phase, progress, error, start, pause, resume };
}
