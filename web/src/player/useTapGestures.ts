import { useCallback, useEffect, useRef, type MouseEvent, type PointerEvent } from 'react';

export type TapSide = 'left' | 'middle' | 'right';

/** Two taps closer together than this are a double tap (what phones' own players use). */
export const DOUBLE_TAP_MS = 300;

interface Handlers {
  /** One tap of a finger (after the double-tap window passed without a second one). */
  onTap: () => void;
  /** Two quick taps on the same outer third of the picture. */
  onDoubleTap: (side: Exclude<TapSide, 'middle'>) => void;
  /** A mouse click (or a keyboard "click"): acts at once, no double-tap wait. */
  onClick: () => void;
}

function sideOf(event: MouseEvent<HTMLElement>): TapSide {
  const box = event.currentTarget.getBoundingClientRect();
  const fraction = (event.clientX - box.left) / box.width;
  return fraction < 1 / 3 ? 'left' : fraction > 2 / 3 ? 'right' : 'middle';
}

/**
 * Tells a finger's single tap from a double tap on the left or right third of the player, and leaves
 * mouse clicks alone. The click event carries the position; the pointer that started it says whether
 * it was a finger.
 */
export function useTapGestures({ onTap, onDoubleTap, onClick }: Handlers) {
  const lastPointer = useRef<string>('mouse');
  const lastTap = useRef<{ at: number; side: TapSide } | null>(null);
  const pending = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(pending.current), []);

  const onPointerDown = useCallback((event: PointerEvent<HTMLElement>) => {
    lastPointer.current = event.pointerType;
  }, []);

  const onGestureClick = useCallback(
    (event: MouseEvent<HTMLElement>) => {
      if (lastPointer.current === 'mouse') return onClick();
      const side = sideOf(event);
      const previous = lastTap.current;
      window.clearTimeout(pending.current);
      if (previous && side !== 'middle' && previous.side === side && event.timeStamp - previous.at < DOUBLE_TAP_MS) {
        // A third quick tap counts as another double tap, so tapping on keeps seeking.
        lastTap.current = { at: event.timeStamp, side };
        onDoubleTap(side);
        return;
      }
      lastTap.current = { at: event.timeStamp, side };
      pending.current = window.setTimeout(() => {
        lastTap.current = null;
        onTap();
      }, DOUBLE_TAP_MS);
    },
    [onClick, onDoubleTap, onTap],
  );

  return { onPointerDown, onClick: onGestureClick };
}
