import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { RequireSignIn } from '../../auth/RequireSignIn.tsx';
import { QueryErrorPage } from '../../components/ErrorPage.tsx';
import { PageSkeleton } from '../../components/Skeletons.tsx';
import { fetchVideo, videoKey } from '../../videos/video-api.ts';
import { AnalysisStatusCard } from './ai/AnalysisStatusCard.tsx';
import { InsightsEditor } from './ai/InsightsEditor.tsx';
import { TranscriptEditor } from './ai/TranscriptEditor.tsx';
import { VideoModerationCard } from './ai/VideoModerationCard.tsx';
import './ai/studio-ai.css';

function StudioVideoAi() {
  const { id = '' } = useParams();
  const video = useQuery({ queryKey: videoKey(id), queryFn: () => fetchVideo(id) });
  if (video.error) return <QueryErrorPage error={video.error} what="Video" />;
  if (!video.data) return <PageSkeleton />;
  return (
    <>
      <p>
        <Link to="/studio">← Studio</Link>
      </p>
      <h1 className="page-title">{video.data.title}: transcript, summary and moderation</h1>
      <div className="studio-ai-grid">
        <div className="studio-ai-side">
          <AnalysisStatusCard videoId={id} />
          <VideoModerationCard videoId={id} />
        </div>
        <div className="studio-ai-main">
          <TranscriptEditor videoId={id} />
          <InsightsEditor video={video.data} />
        </div>
      </div>
    </>
  );
}

/** The creator's AI page for one video: analysis status and re-run, transcript and summary editors, moderation and appeal. */
export default function StudioVideoAiPage() {
  return (
    <RequireSignIn what="your Studio">
      <StudioVideoAi />
    </RequireSignIn>
  );
}
