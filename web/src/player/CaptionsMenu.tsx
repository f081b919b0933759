import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useDismiss } from '../hooks/useDismiss.ts';
import type { SubtitleTrack } from './useHls.ts';
import './captions.css';

const STORAGE_KEY = 'streamhub.captions';

/** The remembered choice: a language code, or 'off'. Nothing stored means off. */
function rememberedLanguage(): string {
  try {
    return localStorage.getItem(STORAGE_KEY) ?? 'off';
  } catch {
    return 'off';
  }
}

export function rememberCaptionLanguage(language: string): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
}

/**
 * The remembered choice wins over whatever the player picked by itself (an AUTOSELECT rendition):
 * the remembered language comes back on, and Off stays off. A choice (in the menu, or the touch
 * player's captions sheet) is remembered before it is applied, so this agrees with it.
 */
export function useRememberedCaptions(
  tracks: SubtitleTrack[],
  selected: number,
  onSelect: (id: number) => void,
  enabled = true,
): void {
  useEffect(() => {
    if (!enabled || tracks.length === 0) return;
    const language = rememberedLanguage();
    const wanted = language === 'off' ? -1 : (tracks.find((candidate) => candidate.lang === language)?.id ?? -1);
    if (wanted !== selected) onSelect(wanted);
  }, [tracks, selected, onSelect, enabled]);
}

interface Props {
  tracks: SubtitleTrack[];
  selected: number;
  onSelect: (id: number) => void;
}

/**
 * The CC button: lists the master playlist's subtitle tracks (hls.js), turns captions on and off,
 * and remembers the language for the next video.
 */
export function CaptionsMenu({ tracks, selected, onSelect }: Props) {
  const [open, setOpen] = useState(false);
  const container = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const close = useCallback(() => setOpen(false), []);
  useDismiss(container, open, close);

  useRememberedCaptions(tracks, selected, onSelect);

  if (tracks.length === 0) return null;
  const choose = (track: SubtitleTrack | null) => {
    onSelect(track ? track.id : -1);
    rememberCaptionLanguage(track ? track.lang : 'off');
    setOpen(false);
  };
  const on = selected >= 0;

  return (
    <div className="captions-menu" ref={container}>
      <button
        type="button"
        className={on ? 'icon-button cc-button on' : 'icon-button cc-button'}
        aria-label={on ? 'Captions (on)' : 'Captions (off)'}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen(!open)}
      >
        CC
      </button>
      {open && (
        <ul className="captions-options" role="menu" id={menuId} aria-label="Captions">
          <li role="none">
            <button type="button" role="menuitemradio" aria-checked={!on} onClick={() => choose(null)} autoFocus={!on}>
              Off
            </button>
          </li>
          {tracks.map((track) => (
            <li role="none" key={track.id}>
              <button
                type="button"
                role="menuitemradio"
                aria-checked={selected === track.id}
                onClick={() => choose(track)}
                autoFocus={selected === track.id}
              >
                {track.name || track.lang}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
