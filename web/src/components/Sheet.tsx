import { useEffect, useId, useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

interface Props {
  title: string;
  onClose: () => void;
  children: ReactNode;
  className?: string;
}

/** How far (px) a sheet is dragged down by its header before letting go closes it. */
const SWIPE_CLOSE_PX = 80;

/**
 * A modal panel: a centred dialog on large screens, a bottom sheet on phones (sheet.css). Rendered
 * into <body> (or the full-screen element), so no scrolling or clipped parent cuts it off. It takes the focus, keeps Tab inside,
 * closes on Escape, on a tap outside, or when swiped down by its header, and gives the focus back.
 */
export function Sheet({ title, onClose, children, className }: Props) {
  const panel = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const dragStart = useRef<number | null>(null);
  // Callers pass inline functions; the focus handling below must run once per opening, not per render.
  const close = useRef(onClose);
  close.current = onClose;

  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    const first = panel.current?.querySelector<HTMLElement>(
      '[aria-checked="true"], button, a[href], input, select, textarea',
    );
    (first ?? panel.current)?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        close.current();
      } else if (event.key === 'Tab' && panel.current) {
        const focusable = [
          ...panel.current.querySelectorAll<HTMLElement>('button, a[href], input, select, textarea, [tabindex="0"]'),
        ];
        const [head, tail] = [focusable[0], focusable.at(-1)];
        if (event.shiftKey && document.activeElement === head) {
          event.preventDefault();
          tail?.focus();
        } else if (!event.shiftKey && document.activeElement === tail) {
          event.preventDefault();
          head?.focus();
        }
      }
    };
    document.addEventListener('keydown', onKey, true);
    return () => {
      document.removeEventListener('keydown', onKey, true);
      opener?.focus?.({ preventScroll: true });
    };
  }, []);

  const moveBy = (offset: number) => {
    if (panel.current) panel.current.style.transform = offset > 0 ? `translateY(${offset}px)` : '';
  };

  return createPortal(
    <div
      className="sheet-backdrop"
      onClick={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
      // React bubbles events out of a portal to the opener's parents: the player's shortcuts must not see these keys.
      onKeyDown={(event) => event.stopPropagation()}
    >
      <div
        ref={panel}
        className={className ? `sheet ${className}` : 'sheet'}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
      >
        <div
          className="sheet-header"
          onPointerDown={(event) => {
            if (event.pointerType === 'touch') dragStart.current = event.clientY;
          }}
          onPointerMove={(event) => {
            if (dragStart.current !== null) moveBy(event.clientY - dragStart.current);
          }}
          onPointerUp={(event) => {
            if (dragStart.current === null) return;
            const offset = event.clientY - dragStart.current;
            dragStart.current = null;
            moveBy(0);
            if (offset > SWIPE_CLOSE_PX) onClose();
          }}
          onPointerCancel={() => {
            dragStart.current = null;
            moveBy(0);
          }}
        >
          <span className="sheet-handle" aria-hidden="true" />
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
            ✕
          </button>
        </div>
        <div className="sheet-body">{children}</div>
      </div>
    </div>,
    // In full screen only the full-screen element is drawn: a player's sheet must open inside it.
    document.fullscreenElement ?? document.body,
  );
}

interface Choice<T> {
  value: T;
  label: string;
}

/** A single-choice list for a sheet (speed, quality, language): one big row per choice. */
export function SheetChoices<T extends string | number>({
  choices,
  selected,
  onChoose,
  label,
}: {
  choices: Choice<T>[];
  selected: T;
  onChoose: (value: T) => void;
  label: string;
}) {
  return (
    <ul className="sheet-options" role="radiogroup" aria-label={label}>
      {choices.map((choice) => (
        <li key={String(choice.value)}>
          <button
            type="button"
            role="radio"
            aria-checked={choice.value === selected}
            onClick={() => onChoose(choice.value)}
          >
            {choice.label}
          </button>
        </li>
      ))}
    </ul>
  );
}
