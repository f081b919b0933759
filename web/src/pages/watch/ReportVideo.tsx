import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { FormError } from '../../components/FormError.tsx';
import { FormTextArea } from '../../components/FormField.tsx';
import { Sheet } from '../../components/Sheet.tsx';
import { reportVideo, type VideoReportReason } from '../../videos/video-api.ts';

/** The API's reasons (moderation/tables.ts), in the order a viewer looks for them. */
const REASONS: { value: VideoReportReason; label: string }[] = [
  { value: 'sexual', label: 'Sexual content' },
  { value: 'violent', label: 'Violent or repulsive content' },
  { value: 'hateful', label: 'Hateful or abusive content' },
  { value: 'harassment', label: 'Harassment or bullying' },
  { value: 'harmful', label: 'Harmful or dangerous acts' },
  { value: 'child_safety', label: 'Puts a child at risk' },
  { value: 'spam', label: 'Spam' },
  { value: 'misleading', label: 'Misleading or a scam' },
  { value: 'other', label: 'Something else' },
];

/** The watch page's "Report": a reason and optional details go to the moderators' queue. */
export function ReportVideo({ videoId }: { videoId: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Report
      </button>
      {open && (
        <Sheet title="Report video" onClose={() => setOpen(false)}>
          <ReportVideoForm videoId={videoId} onClose={() => setOpen(false)} />
        </Sheet>
      )}
    </>
  );
}

function ReportVideoForm({ videoId, onClose }: { videoId: string; onClose: () => void }) {
  const [reason, setReason] = useState<VideoReportReason | null>(null);
  const [details, setDetails] = useState('');
  const send = useMutation({
    mutationFn: (chosen: VideoReportReason) =>
      reportVideo(videoId, { reason: chosen, ...(details.trim() ? { details: details.trim() } : {}) }),
  });
  if (send.isSuccess)
    return (
      <div className="report-video">
        <p role="status">Thanks for telling us. Our moderators will review this video.</p>
        <button type="button" className="button primary" onClick={onClose}>
          Done
        </button>
      </div>
    );
  return (
    <form
      className="report-video"
      aria-label="Report video"
      onSubmit={(event) => {
        event.preventDefault();
        if (reason) send.mutate(reason);
      }}
    >
      <fieldset>
        <legend>What is wrong with this video?</legend>
        {REASONS.map((option) => (
          <label key={option.value} className="radio">
            <input
              type="radio"
              name="reason"
              value={option.value}
              checked={reason === option.value}
              onChange={() => setReason(option.value)}
            />
            {option.label}
          </label>
        ))}
      </fieldset>
      <FormTextArea
        label="Details (optional)"
        name="details"
        rows={3}
        maxLength={1000}
        placeholder="Where in the video, and what happens"
        value={details}
        onChange={(event) => setDetails(event.target.value)}
      />
      <FormError message={send.error?.message} />
      <div className="form-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button primary" disabled={!reason || send.isPending}>
          Send report
        </button>
      </div>
    </form>
  );
}
