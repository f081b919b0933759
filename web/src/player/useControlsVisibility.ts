import { useCallback, useEffect, useRef, useState } from 'react';

/** How long the touch player's controls stay up after the last tap while the video plays. */
const HIDE_AFTER_MS = 3000;

/**
 * The touch player's controls: a tap shows or hides them; while playing they hide themselves after a
 * few seconds; while paused they stay. (With a mouse, CSS shows them on hover instead.)
 */
export function useControlsVisibility(paused: boolean) {
  const [shown, setShown] = useState(true);
  const timer = useRef<number | undefined>(undefined);

  const keepAwhile = useCallback(() => {
    window.clearTimeout(timer.current);
    setShown(true);
    timer.current = window.setTimeout(() => setShown(false), HIDE_AFTER_MS);
  }, []);

  useEffect(() => {
    if (paused) {
      window.clearTimeout(timer.current);
      setShown(true);
    } else {
      keepAwhile();
    }
    return () => window.clearTimeout(timer.current);
  }, [paused, keepAwhile]);

  const toggle = useCallback(() => {
    if (shown && !paused) {
      window.clearTimeout(timer.current);
      setShown(false);
    } else {
      keepAwhile();
    }
  }, [shown, paused, keepAwhile]);

  return { shown: shown || paused, toggle, keepAwhile };
}
