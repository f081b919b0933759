import { lazy, Suspense, useState } from 'react';
import type { Video } from '../../api/types.ts';
import { Sheet } from '../../components/Sheet.tsx';
import { formatDuration } from '../../components/format.ts';
import { PHONE_QUERY, useMediaQuery } from '../../hooks/useMediaQuery.ts';
import { chapterAt } from '../../player/chapters.ts';
import { usePlaybackTime, usePlayerController } from '../../player/player-controller.ts';
import { WatchAiPanels } from './WatchAiPanels.tsx';

// Lazy like the tabs' panels: nothing is downloaded until a sheet opens.
const TranscriptPanel = lazy(() => import('./TranscriptPanel.tsx'));
const AskPanel = lazy(() => import('./AskPanel.tsx'));

type Open = 'none' | 'chapters' | 'transcript' | 'ask';

/** The chapters as a list of big rows: a tap seeks there (and closes the sheet so the picture shows). */
function ChapterSheetList({ video, onChosen }: { video: Video; onChosen: () => void }) {
  const controller = usePlayerController();
  const time = usePlaybackTime(controller);
  const chapters = video.insights?.chapters ?? [];
  const current = chapterAt(chapters, time);
  return (
    <ol className="sheet-options chapter-sheet">
      {chapters.map((chapter) => (
        <li key={chapter.startSeconds}>
          <button
            type="button"
            aria-current={chapter === current ? 'true' : undefined}
            onClick={() => {
              controller.seek(chapter.startSeconds);
              onChosen();
            }}
          >
            <span className="chapter-time">{formatDuration(chapter.startSeconds)}</span>
            <span className="chapter-title">{chapter.title}</span>
          </button>
        </li>
      ))}
    </ol>
  );
}

/**
 * On phones the watch page's AI parts (chapters, transcript, Ask) are a row of buttons under the
 * video, each opening a bottom sheet short enough that the sticky player stays in sight above it;
 * on larger screens, the panels as the web app lays them out (WatchAiPanels).
 */
export function WatchPanels({ video }: { video: Video }) {
  const phone = useMediaQuery(PHONE_QUERY);
  const [open, setOpen] = useState<Open>('none');
  if (!phone) return <WatchAiPanels video={video} />;
  const close = () => setOpen('none');
  const hasChapters = (video.insights?.chapters.length ?? 0) > 0;
  return (
    <div className="watch-sheet-buttons" role="group" aria-label="Chapters, transcript and questions">
      {hasChapters && (
        <button type="button" className="button" aria-haspopup="dialog" onClick={() => setOpen('chapters')}>
          Chapters
        </button>
      )}
      <button type="button" className="button" aria-haspopup="dialog" onClick={() => setOpen('transcript')}>
        Transcript
      </button>
      <button type="button" className="button" aria-haspopup="dialog" onClick={() => setOpen('ask')}>
        Ask this video
      </button>
      {open === 'chapters' && (
        <Sheet title="Chapters" onClose={close} className="watch-sheet">
          <ChapterSheetList video={video} onChosen={close} />
        </Sheet>
      )}
      {open === 'transcript' && (
        <Sheet title="Transcript" onClose={close} className="watch-sheet">
          <Suspense
            fallback={
              <p className="muted" role="status">
                Loading…
              </p>
            }
          >
            <div className="sheet-panel">
              <TranscriptPanel videoId={video.id} title={video.title} />
            </div>
          </Suspense>
        </Sheet>
      )}
      {open === 'ask' && (
        <Sheet title="Ask this video" onClose={close} className="watch-sheet">
          <Suspense
            fallback={
              <p className="muted" role="status">
                Loading…
              </p>
            }
          >
            <div className="sheet-panel">
              <AskPanel videoId={video.id} />
            </div>
          </Suspense>
        </Sheet>
      )}
    </div>
  );
}
