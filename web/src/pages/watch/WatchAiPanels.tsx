import { lazy, Suspense, useState } from 'react';
import type { Video } from '../../api/types.ts';
import { Tabs } from '../../components/Tabs.tsx';

// Lazy: the first visit to a watch page downloads neither panel until it is opened.
const TranscriptPanel = lazy(() => import('./TranscriptPanel.tsx'));
const AskPanel = lazy(() => import('./AskPanel.tsx'));

const PANELS = [
  { value: 'closed', label: 'Hide' },
  { value: 'transcript', label: 'Transcript' },
  { value: 'ask', label: 'Ask this video' },
] as const;
type Panel = (typeof PANELS)[number]['value'];

/** The transcript and "Ask" panels under the video (stacked on narrow screens, as everything there). */
export function WatchAiPanels({ video }: { video: Video }) {
  const [panel, setPanel] = useState<Panel>('closed');
  return (
    <section className="watch-ai-panels" aria-label="Transcript and questions">
      <Tabs
        label="Video panels"
        tabs={panel === 'closed' ? PANELS.slice(1) : PANELS}
        value={panel}
        onChange={setPanel}
      />
      <Suspense
        fallback={
          <p className="muted" role="status">
            Loading…
          </p>
        }
      >
        {panel === 'transcript' && (
          <div role="tabpanel" aria-label="Transcript">
            <TranscriptPanel videoId={video.id} title={video.title} />
          </div>
        )}
        {panel === 'ask' && (
          <div role="tabpanel" aria-label="Ask this video">
            <AskPanel videoId={video.id} />
          </div>
        )}
      </Suspense>
    </section>
  );
}
