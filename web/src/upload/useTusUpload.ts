import { useCallback, useEffect, useRef, useState } from 'react';
import { Upload, type DetailedError, type PreviousUpload } from 'tus-js-client';
import { currentAccessToken } from '../api/client.ts';

/** `waiting`: the network went away (a tunnel, a locked phone); the upload carries on by itself when it is back. */
export type UploadPhase = 'idle' | 'uploading' | 'paused' | 'waiting' | 'done' | 'failed';

export interface UploadTarget {
  endpoint: string;
  videoId: string;
}

/** Where every tus upload goes (docs/API.md); part of the fingerprint that finds an upload again after a reload. */
export const TUS_ENDPOINT = '/api/v1/uploads';

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

/** No answer at all (offline, connection reset, the OS suspended the page): worth trying again later, unlike a refusal. */
function isNetworkError(error: Error): boolean {
  return !navigator.onLine || ((error as DetailedError).originalResponse?.getStatus() ?? 0) === 0;
}

function absoluteEndpoint(endpoint: string): string {
  return new URL(endpoint, window.location.origin).href;
}

/**
 * An unfinished upload of this very file (name, type, size, date) that tus remembered in localStorage,
 * for instance from before the page was reloaded or the phone's browser was killed in the background.
 */
export async function findUnfinishedUpload(file: File): Promise<{ videoId: string; startedAt: string } | null> {
  const previous = await new Upload(file, { endpoint: absoluteEndpoint(TUS_ENDPOINT) }).findPreviousUploads();
  const latest = previous
    .filter((upload) => upload.metadata.videoId)
    .sort((a, b) => b.creationTime.localeCompare(a.creationTime))[0];
  return latest ? { videoId: latest.metadata.videoId!, startedAt: latest.creationTime } : null;
}

/**
 * A resumable tus upload of one file: progress, pause (abort keeps the server's offset) and resume.
 * It survives a phone's screen locking and its network switching: a dropped connection waits for the
 * browser to be online (or the page to be shown again) and continues from the server's offset. tus
 * keeps each upload's URL in localStorage under the file's fingerprint, so a reload resumes it too.
 */
export function useTusUpload() {
  const upload = useRef<Upload | null>(null);
  const [phase, setPhase] = useState<UploadPhase>('idle');
  const [progress, setProgress] = useState({ sent: 0, total: 0 });
  const [error, setError] = useState<string | null>(null);
  const phaseRef = useRef(phase);
  phaseRef.current = phase;

  useEffect(
    () => () => {
      void upload.current?.abort();
    },
    [],
  );

  // Back online, or the page shown again after the screen was locked: carry on where the server is.
  useEffect(() => {
    const carryOn = () => {
      if (phaseRef.current !== 'waiting' || !navigator.onLine || document.visibilityState !== 'visible') return;
      setError(null);
      setPhase('uploading');
      upload.current?.start();
    };
    // Going offline mid-chunk: stop now rather than burn the retries, and wait for the network.
    const wentOffline = () => {
      if (phaseRef.current !== 'uploading') return;
      void upload.current?.abort();
      setPhase('waiting');
    };
    window.addEventListener('online', carryOn);
    window.addEventListener('offline', wentOffline);
    document.addEventListener('visibilitychange', carryOn);
    return () => {
      window.removeEventListener('online', carryOn);
      window.removeEventListener('offline', wentOffline);
      document.removeEventListener('visibilitychange', carryOn);
    };
  }, []);

  const start = useCallback((file: File, target: UploadTarget) => {
    setError(null);
    setPhase('uploading');
    setProgress({ sent: 0, total: file.size });
    const current = new Upload(file, {
      endpoint: absoluteEndpoint(target.endpoint),
      metadata: { videoId: target.videoId, filename: file.name, filetype: file.type },
      chunkSize: CHUNK_BYTES,
      retryDelays: [0, 1000, 3000, 5000],
      storeFingerprintForResuming: true,
      removeFingerprintOnSuccess: true,
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
        if (isNetworkError(err)) {
          // Retries are spent but nothing refused the upload: wait for the network instead of failing.
          setError('Connection lost: the upload continues when the network is back.');
          setPhase('waiting');
          return;
        }
        setError(describeTusError(err));
        setPhase('failed');
      },
    });
    upload.current = current;
    // The same file, for the same video, started before a reload: continue it instead of starting over.
    void current.findPreviousUploads().then((previous: PreviousUpload[]) => {
      const same = previous.find((candidate) => candidate.metadata.videoId === target.videoId);
      if (same) current.resumeFromPreviousUpload(same);
      if (upload.current === current) current.start();
    });
  }, []);

  const pause = useCallback(() => {
    void upload.current?.abort();
    setPhase('paused');
  }, []);

  const resume = useCallback(() => {
    setError(null);
    upload.current?.start();
    setPhase('uploading');
  }, []);

  return { phase, progress, error, start, pause, resume };
}
