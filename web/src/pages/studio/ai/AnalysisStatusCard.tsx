import { useEffect, useRef } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  analysisKey,
  fetchAnalysis,
  rerunAnalysis,
  transcriptKey,
  type AnalysisStatus,
} from '../../../intelligence/ai-api.ts';
import { formatAge } from '../../../components/format.ts';
import { videoKey } from '../../../videos/video-api.ts';
import { FormError } from '../../../components/FormError.tsx';

const STATE_TEXT: Record<AnalysisStatus['state'], string> = {
  waiting: 'Waiting: the analysis starts once the video is ready',
  queued: 'Queued for analysis',
  transcribing: 'Transcribing the speech…',
  analysing: 'Analysing: captions, summary, chapters and search…',
  done: 'Done',
  failed: 'Failed',
};
const RUNNING = new Set<AnalysisStatus['state']>(['queued', 'transcribing', 'analysing']);

/** Where the video's AI analysis stands (polled while it runs) and the "re-run analysis" action. */
export function AnalysisStatusCard({ videoId }: { videoId: string }) {
  const queryClient = useQueryClient();
  const status = useQuery({
    queryKey: analysisKey(videoId),
    queryFn: () => fetchAnalysis(videoId),
    refetchInterval: (query) => (query.state.data && RUNNING.has(query.state.data.state) ? 2000 : false),
  });
  const rerun = useMutation({
    mutationFn: () => rerunAnalysis(videoId),
    onSuccess: (next) => queryClient.setQueryData(analysisKey(videoId), next),
  });
  const state = status.data?.state;
  // When a run finishes, what it made (transcript, summary, chapters) is read again.
  const previous = useRef(state);
  useEffect(() => {
    if (previous.current && RUNNING.has(previous.current) && state && !RUNNING.has(state)) {
      void queryClient.invalidateQueries({ queryKey: transcriptKey(videoId) });
      void queryClient.invalidateQueries({ queryKey: videoKey(videoId) });
    }
    previous.current = state;
  }, [state, queryClient, videoId]);

  return (
    <section className="studio-card" aria-labelledby="analysis-heading">
      <h2 id="analysis-heading">Analysis</h2>
      <FormError message={status.error?.message} />
      {status.data && (
        <>
          <p className={`analysis-state state-${status.data.state}`} role="status">
            {STATE_TEXT[status.data.state]}
            {status.data.state === 'failed' && status.data.failureReason ? `: ${status.data.failureReason}` : ''}
            {status.data.updatedAt && <span className="muted"> · {formatAge(status.data.updatedAt)}</span>}
          </p>
          <p className="muted">
            {status.data.transcript
              ? `Transcript: ${status.data.transcript.segments} lines${status.data.transcript.editedAt ? ', edited by you' : ''}`
              : status.data.speech && !status.data.speech.detected
                ? 'No speech detected (music, silence or no sound): no transcript'
                : 'No transcript yet'}
            {' · '}
            {status.data.insights
              ? `${status.data.insights.chapters} chapters${status.data.insights.editedAt ? ', edited by you' : ''}`
              : 'no summary yet'}
          </p>
        </>
      )}
      <button
        type="button"
        className="button"
        disabled={rerun.isPending || (state !== undefined && RUNNING.has(state))}
        onClick={() => rerun.mutate()}
      >
        Re-run analysis
      </button>
      <p className="muted small">
        Re-running recomputes what the models made; your edits to the transcript and summary are kept.
      </p>
      <FormError message={rerun.error?.message} />
    </section>
  );
}
