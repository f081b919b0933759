import { useEffect, type RefObject } from 'react';

const LANDSCAPE = '(orientation: landscape)';

/**
 * On phones, turning the phone sideways while a video plays makes the player fill the screen, and
 * turning it back leaves full screen, like native players. Browsers that want a fresh tap for full
 * screen refuse quietly; the full-screen button still works there.
 */
export function useLandscapeFullscreen(
  container: RefObject<HTMLElement | null>,
  element: RefObject<HTMLVideoElement | null>,
  enabled: boolean,
): void {
  useEffect(() => {
    if (!enabled) return;
    const orientation = window.matchMedia(LANDSCAPE);
    const follow = () => {
      const playing = element.current && !element.current.paused;
      if (orientation.matches && playing && !document.fullscreenElement) {
        void container.current?.requestFullscreen().catch(() => undefined);
      } else if (!orientation.matches && document.fullscreenElement === container.current) {
        void document.exitFullscreen().catch(() => undefined);
      }
    };
    orientation.addEventListener('change', follow);
    return () => orientation.removeEventListener('change', follow);
  }, [container, element, enabled]);
}

/** Full screen from the button; on a phone it also turns the picture sideways where the browser allows it. */
export async function enterFullscreen(container: HTMLElement, turnSideways: boolean): Promise<void> {
  await container.requestFullscreen();
  const screenOrientation = screen.orientation as ScreenOrientation & { lock?: (orientation: string) => Promise<void> };
  if (turnSideways) await screenOrientation.lock?.('landscape').catch(() => undefined);
}
