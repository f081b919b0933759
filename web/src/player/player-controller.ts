import { createContext, useContext, useSyncExternalStore } from 'react';

const TIME_EVENTS = ['timeupdate', 'seeked', 'loadedmetadata'] as const;

/**
 * The watch page's handle on its player: panels beside the video (chapters, transcript, Ask) seek
 * it and follow its time through this, without reaching into the player's component.
 */
export class PlayerController {
  private element: HTMLVideoElement | null = null;
  private readonly listeners = new Set<() => void>();
  /** A seek asked for before the video could take it (metadata not loaded yet). */
  private pendingSeek: number | null = null;
  private readonly notify = () => this.listeners.forEach((listener) => listener());

  attach(element: HTMLVideoElement | null): void {
    if (element === this.element) return;
    for (const event of TIME_EVENTS) this.element?.removeEventListener(event, this.notify);
    this.element = element;
    for (const event of TIME_EVENTS) element?.addEventListener(event, this.notify);
    if (element && this.pendingSeek !== null) this.seek(this.pendingSeek);
    this.notify();
  }

  get video(): HTMLVideoElement | null {
    return this.element;
  }

  currentTime = (): number => this.element?.currentTime ?? 0;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Moves playback to `seconds`; a seek before the metadata is known waits for it. */
  seek(seconds: number): void {
    const element = this.element;
    if (!element || element.readyState < HTMLMediaElement.HAVE_METADATA) {
      this.pendingSeek = seconds;
      element?.addEventListener(
        'loadedmetadata',
        () => {
          if (this.pendingSeek !== null) this.seek(this.pendingSeek);
        },
        { once: true },
      );
      return;
    }
    this.pendingSeek = null;
    element.currentTime = seconds;
    this.notify();
  }
}

export const PlayerControllerContext = createContext<PlayerController | null>(null);

export function usePlayerController(): PlayerController {
  const controller = useContext(PlayerControllerContext);
  if (!controller) throw new Error('usePlayerController must be used inside <PlayerControllerContext>');
  return controller;
}

/** The playback time, re-rendering on timeupdate (about four times a second) and seeks. */
export function usePlaybackTime(controller: PlayerController): number {
  return useSyncExternalStore(controller.subscribe, controller.currentTime);
}
