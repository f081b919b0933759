import { useState } from 'react';
import { ApiError } from '../api/api-error.ts';
import { courseApi } from './course-api.ts';

const POLL_MS = 1000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Exports run as a background job: this starts one, polls its status, then offers the signed link
 * (the server never builds the PDF inside the request).
 */
export function ExportPdfButton({ courseId, answerKey = false }: { courseId: string; answerKey?: boolean }) {
  const [state, setState] = useState<'idle' | 'working' | 'failed'>('idle');
  const [url, setUrl] = useState<string | null>(null);
  const [message, setMessage] = useState('');

  const start = async () => {
    setState('working');
    setUrl(null);
    try {
      const job = await courseApi.startExport(courseId, answerKey);
      for (;;) {
        const status = await courseApi.exportStatus(job.id);
        if (status.status === 'completed' && status.downloadUrl) {
          setUrl(status.downloadUrl);
          setState('idle');
          return;
        }
        if (status.status === 'failed') throw new Error('The export failed');
        await sleep(POLL_MS);
      }
    } catch (error) {
      setMessage(error instanceof ApiError || error instanceof Error ? error.message : 'The export failed');
      setState('failed');
    }
  };

  return (
    <span className="course-export">
      <button type="button" className="button" disabled={state === 'working'} onClick={() => void start()}>
        {state === 'working' ? 'Preparing PDF…' : 'Export PDF'}
      </button>
      {url && (
        <a className="button" href={url} download>
          Download PDF
        </a>
      )}
      {state === 'failed' && (
        <span className="form-error" role="alert">
          {message}
        </span>
      )}
    </span>
  );
}
