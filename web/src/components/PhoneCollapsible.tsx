import { useId, useState, type ReactNode } from 'react';
import { PHONE_QUERY, useMediaQuery } from '../hooks/useMediaQuery.ts';

interface Props {
  label: string;
  /** One line shown beside the label while closed (a view count, the number of comments). */
  summary?: ReactNode;
  children: ReactNode;
}

/**
 * On phones, a section folded behind a full-width button that a tap opens (YouTube's watch page keeps
 * the description and comments closed so the next video is near); on larger screens, the section as is.
 * Closed, the section is not rendered at all, so it costs nothing (no comment requests) until asked for.
 */
export function PhoneCollapsible({ label, summary, children }: Props) {
  const phone = useMediaQuery(PHONE_QUERY);
  const [open, setOpen] = useState(false);
  const regionId = useId();
  if (!phone) return <>{children}</>;
  return (
    <>
      <button
        type="button"
        className="collapsible-toggle"
        aria-expanded={open}
        aria-controls={regionId}
        onClick={() => setOpen((shown) => !shown)}
      >
        <strong>{label}</strong>
        {summary !== undefined && <span className="collapsible-summary">{summary}</span>}
        <span aria-hidden="true">{open ? '▴' : '▾'}</span>
      </button>
      <div id={regionId} hidden={!open}>
        {open && children}
      </div>
    </>
  );
}
