import { useEffect, useRef, useState } from 'react';

export interface CardAction {
  label: string;
  onSelect: () => void;
}

/**
 * The "⋮" menu of a video card: a button that opens a short list of actions. Escape or a click
 * elsewhere closes it; focus returns to the button.
 */
export function CardMenu({ title, actions }: { title: string; actions: CardAction[] }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const closeOutside = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener('pointerdown', closeOutside);
    document.addEventListener('keydown', closeOnEscape);
    return () => {
      document.removeEventListener('pointerdown', closeOutside);
      document.removeEventListener('keydown', closeOnEscape);
    };
  }, [open]);

  return (
    <div className="card-menu" ref={root}>
      <button
        ref={button}
        type="button"
        className="card-menu-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={`More actions for ${title}`}
        onClick={() => setOpen((value) => !value)}
      >
        ⋮
      </button>
      {open && (
        <ul className="card-menu-list" role="menu">
          {actions.map((action) => (
            <li key={action.label} role="none">
              <button
                type="button"
                role="menuitem"
                onClick={() => {
                  setOpen(false);
                  action.onSelect();
                }}
              >
                {action.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
