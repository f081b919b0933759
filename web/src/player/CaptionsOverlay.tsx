import { useEffect, useState } from 'react';
import type { SubtitleTrack } from './useHls.ts';

interface Props {
  video: HTMLVideoElement | null;
  /** The chosen track, or null when captions are off. */
  track: SubtitleTrack | null;
}

/** The TextTrack hls.js fills with the chosen rendition's cues. */
function findTextTrack(video: HTMLVideoElement, track: SubtitleTrack): TextTrack | undefined {
  const all = Array.from(video.textTracks).filter(
    (candidate) => candidate.kind === 'subtitles' || candidate.kind === 'captions',
  );
  return (
    all.find(
      (candidate) =>
        candidate.mode !== 'disabled' && (candidate.language === track.lang || candidate.label === track.name),
    ) ?? all.find((candidate) => candidate.language === track.lang || candidate.label === track.name)
  );
}

/**
 * Draws the active cues over the video ourselves (the track stays "hidden"), so they are readable
 * (light text on a dark box), sit above our controls and show in the player's fullscreen.
 */
export function CaptionsOverlay({ video, track }: Props) {
  const [lines, setLines] = useState<string[]>([]);

  useEffect(() => {
    setLines([]);
    if (!video || !track) return;
    let textTrack: TextTrack | undefined;
    const show = () => {
      const cues = textTrack?.activeCues ? Array.from(textTrack.activeCues) : [];
      setLines(cues.map((cue) => (cue as VTTCue).text));
    };
    const bind = () => {
      const found = findTextTrack(video, track);
      if (found === textTrack) return;
      textTrack?.removeEventListener('cuechange', show);
      textTrack = found;
      if (!textTrack) return;
      if (textTrack.mode === 'disabled') textTrack.mode = 'hidden';
      textTrack.addEventListener('cuechange', show);
      show();
    };
    bind();
    // hls.js adds the TextTrack once the rendition's playlist is loaded.
    video.textTracks.addEventListener('addtrack', bind);
    video.textTracks.addEventListener('change', bind);
    return () => {
      video.textTracks.removeEventListener('addtrack', bind);
      video.textTracks.removeEventListener('change', bind);
      textTrack?.removeEventListener('cuechange', show);
    };
  }, [video, track]);

  if (!track || lines.length === 0) return null;
  return (
    <div className="captions-overlay" aria-live="off" lang={track.lang || undefined}>
      {lines.map((line, index) => (
        <span key={index} className="caption-cue">
          {line}
        </span>
      ))}
    </div>
  );
}
