import { useContext } from 'react';
import { PlayerControllerContext } from './player-controller.ts';
import { splitTimestamps } from './text-timestamps.ts';

/**
 * Text with its timestamps as links that seek the watch page's player there. The link itself is the
 * shareable `?t=` address, for opening in a new tab; away from a player the text stays plain.
 */
export function TimestampLinks({ text, duration }: { text: string; duration: number | null }) {
  const controller = useContext(PlayerControllerContext);
  if (!controller) return text;
  return splitTimestamps(text, duration).map((part, index) =>
    part.seconds === undefined ? (
      part.text
    ) : (
      <a
        key={index}
        className="text-timestamp"
        href={`?t=${part.seconds}`}
        onClick={(event) => {
          event.preventDefault();
          controller.seek(part.seconds!);
        }}
      >
        {part.text}
      </a>
    ),
  );
}
