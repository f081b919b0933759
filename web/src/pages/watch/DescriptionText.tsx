import { usePlayerController } from '../../player/player-controller.ts';
import { splitDescription } from './description-timestamps.ts';

/**
 * The video's description, its timestamps as links that seek the player there (the link itself is the
 * shareable `?t=` address, for opening in a new tab).
 */
export function DescriptionText({ description, duration }: { description: string; duration: number | null }) {
  const controller = usePlayerController();
  return (
    <p className="description">
      {splitDescription(description, duration).map((part, index) =>
        part.seconds === undefined ? (
          part.text
        ) : (
          <a
            key={index}
            className="description-timestamp"
            href={`?t=${part.seconds}`}
            onClick={(event) => {
              event.preventDefault();
              controller.seek(part.seconds!);
            }}
          >
            {part.text}
          </a>
        ),
      )}
    </p>
  );
}
