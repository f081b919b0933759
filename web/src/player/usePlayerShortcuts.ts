import type { KeyboardEvent } from 'react';

export const SPEEDS = [0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75, 2];

export function nextSpeed(current: number, step: 1 | -1): number {
  const index = SPEEDS.indexOf(current);
  return SPEEDS[Math.min(SPEEDS.length - 1, Math.max(0, (index === -1 ? 3 : index) + step))]!;
}

/**
 * YouTube's keys: space/k play-pause, j/l ±10 s, ←/→ ±5 s, ↑/↓ volume, m mute, f fullscreen,
 * < / > slower/faster, 0–9 jump to that tenth of the video.
 */
export function handlePlayerKey(event: KeyboardEvent, video: HTMLVideoElement, toggleFullscreen: () => void): void {
  const target = event.target as HTMLElement;
  // Keys typed into the player's own menus and sliders keep their usual meaning.
  if (target.tagName === 'SELECT' || (target.tagName === 'INPUT' && event.key !== ' ' && event.key !== 'k')) return;
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  const seekBy = (seconds: number) => {
    video.currentTime = Math.min(Math.max(0, video.currentTime + seconds), video.duration || 0);
  };
  let handled = true;
  switch (event.key) {
    case ' ':
    case 'k':
      if (video.paused) void video.play();
      else video.pause();
      break;
    case 'j':
      seekBy(-10);
      break;
    case 'l':
      seekBy(10);
      break;
    case 'ArrowLeft':
      seekBy(-5);
      break;
    case 'ArrowRight':
      seekBy(5);
      break;
    case 'ArrowUp':
      video.volume = Math.min(1, video.volume + 0.1);
      break;
    case 'ArrowDown':
      video.volume = Math.max(0, video.volume - 0.1);
      break;
    case 'm':
      video.muted = !video.muted;
      break;
    case 'f':
      toggleFullscreen();
      break;
    case '>':
      video.playbackRate = nextSpeed(video.playbackRate, 1);
      break;
    case '<':
      video.playbackRate = nextSpeed(video.playbackRate, -1);
      break;
    default:
      if (/^[0-9]$/.test(event.key) && Number.isFinite(video.duration))
        video.currentTime = (video.duration * Number(event.key)) / 10;
      else handled = false;
  }
  if (handled) event.preventDefault();
}
