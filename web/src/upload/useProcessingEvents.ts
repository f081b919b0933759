import { useEffect, useState } from 'react';
import { processingEventsUrl } from '../videos/video-api.ts';
import { currentAccessToken } from '../api/client.ts';

export interface ProcessingState {
  status: 'waiting' | 'uploading' | 'processing' | 'ready' | 'failed';
  percent: number;
  reason: string | null;
}

/** Follows a video's processing through the server's SSE stream until it is ready or failed. */
export function useProcessingEvents(videoId: string | null): ProcessingState {
  const [state, setState] = useState<ProcessingState>({ status: 'waiting', percent: 0, reason: null });

  useEffect(() => {
    if (!videoId) return;
    let source: EventSource | null = null;
    let closed = false;
    void currentAccessToken().then((token) => {
      if (closed || !token) return;
      // EventSource cannot send headers, so the API accepts the access token in the query string.
      source = new EventSource(processingEventsUrl(videoId, token));
      source.addEventListener('progress', (event) => {
        const data = JSON.parse((event as MessageEvent<string>).data) as {
          status: ProcessingState['status'];
          percent: number;
        };
        setState({ status: data.status, percent: data.percent, reason: null });
      });
      source.addEventListener('ready', () => {
        setState({ status: 'ready', percent: 100, reason: null });
        source?.close();
      });
      source.addEventListener('failed', (event) => {
        const data = JSON.parse((event as MessageEvent<string>).data) as { reason?: string };
        setState((old) => ({ ...old, status: 'failed', reason: data.reason ?? 'Processing failed' }));
        source?.close();
      });
    });
    return () => {
      closed = true;
      source?.close();
    };
  }, [videoId]);

  return state;
}
