import { useState } from 'react';
import { Sheet, SheetChoices } from '../components/Sheet.tsx';
import { SPEEDS } from './usePlayerShortcuts.ts';
import { Icon } from './PlayerIcons.tsx';
import { rememberCaptionLanguage } from './CaptionsMenu.tsx';
import type { SubtitleTrack } from './useHls.ts';

interface Level {
  index: number;
  height: number;
}

interface Props {
  levels: Level[];
  selectedLevel: number;
  playingHeight: number | undefined;
  onSelectLevel: (index: number) => void;
  playbackRate: number;
  onSelectSpeed: (speed: number) => void;
  captionTracks: SubtitleTrack[];
  selectedCaptions: number;
  onSelectCaptions: (id: number) => void;
}

type Open = 'none' | 'settings' | 'quality' | 'speed' | 'captions';

export function speedLabel(speed: number): string {
  return speed === 1 ? 'Normal' : `${speed}×`;
}

export function qualityLabel(selectedLevel: number, levels: Level[], playingHeight: number | undefined): string {
  if (selectedLevel === -1) return playingHeight ? `Auto (${playingHeight}p)` : 'Auto';
  return `${levels.find((level) => level.index === selectedLevel)?.height ?? '?'}p`;
}

/**
 * The touch player's settings: a gear opens a sheet listing Quality and Speed, each of which opens its
 * own sheet of choices (YouTube's phone player works the same way, and it keeps the bar narrow).
 */
export function PlayerSettingsSheet({
  levels,
  selectedLevel,
  playingHeight,
  onSelectLevel,
  playbackRate,
  onSelectSpeed,
  captionTracks,
  selectedCaptions,
  onSelectCaptions,
}: Props) {
  const [open, setOpen] = useState<Open>('none');
  const close = () => setOpen('none');
  const captionName = (id: number) => {
    const track = captionTracks.find((candidate) => candidate.id === id);
    return track ? track.name || track.lang : 'Off';
  };
  return (
    <>
      <button
        type="button"
        className="icon-button settings-button"
        aria-label="Settings"
        aria-haspopup="dialog"
        onClick={() => setOpen('settings')}
      >
        <Icon name="settings" />
      </button>
      {open === 'settings' && (
        <Sheet title="Settings" onClose={close}>
          <ul className="sheet-options">
            <li>
              <button
                type="button"
                className="quality-button"
                disabled={levels.length === 0}
                onClick={() => setOpen('quality')}
              >
                Quality <span className="spacer" />{' '}
                <span className="muted">{qualityLabel(selectedLevel, levels, playingHeight)}</span>
              </button>
            </li>
            {captionTracks.length > 0 && (
              <li>
                <button type="button" onClick={() => setOpen('captions')}>
                  Captions <span className="spacer" /> <span className="muted">{captionName(selectedCaptions)}</span>
                </button>
              </li>
            )}
            <li>
              <button type="button" onClick={() => setOpen('speed')}>
                Speed <span className="spacer" /> <span className="muted">{speedLabel(playbackRate)}</span>
              </button>
            </li>
          </ul>
        </Sheet>
      )}
      {open === 'quality' && (
        <Sheet title="Quality" onClose={close}>
          <SheetChoices
            label="Quality"
            selected={selectedLevel}
            choices={[
              { value: -1, label: qualityLabel(-1, levels, selectedLevel === -1 ? playingHeight : undefined) },
              ...levels.map((level) => ({ value: level.index, label: `${level.height}p` })),
            ]}
            onChoose={(index) => {
              onSelectLevel(index);
              close();
            }}
          />
        </Sheet>
      )}
      {open === 'captions' && (
        <Sheet title="Captions" onClose={close}>
          <SheetChoices
            label="Captions"
            selected={selectedCaptions}
            choices={[
              { value: -1, label: 'Off' },
              ...captionTracks.map((track) => ({ value: track.id, label: track.name || track.lang })),
            ]}
            onChoose={(id) => {
              // Remembered first: the remembered choice is what the player keeps enforcing.
              rememberCaptionLanguage(captionTracks.find((track) => track.id === id)?.lang ?? 'off');
              onSelectCaptions(id);
              close();
            }}
          />
        </Sheet>
      )}
      {open === 'speed' && (
        <Sheet title="Playback speed" onClose={close}>
          <SheetChoices
            label="Playback speed"
            selected={playbackRate}
            choices={SPEEDS.map((speed) => ({ value: speed, label: speedLabel(speed) }))}
            onChoose={(speed) => {
              onSelectSpeed(speed);
              close();
            }}
          />
        </Sheet>
      )}
    </>
  );
}
