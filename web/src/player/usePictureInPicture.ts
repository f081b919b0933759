import { useCallback, useEffect, useState, type RefObject } from 'react';

/** Picture-in-Picture where the browser offers it: whether it can, whether it is on, and a switch. */
export function usePictureInPicture(element: RefObject<HTMLVideoElement | null>) {
  const [active, setActive] = useState(false);
  const supported = typeof document !== 'undefined' && document.pictureInPictureEnabled === true;

  useEffect(() => {
    const player = element.current;
    if (!player) return;
    const enter = () => setActive(true);
    const leave = () => setActive(false);
    player.addEventListener('enterpictureinpicture', enter);
    player.addEventListener('leavepictureinpicture', leave);
    return () => {
      player.removeEventListener('enterpictureinpicture', enter);
      player.removeEventListener('leavepictureinpicture', leave);
    };
  }, [element]);

  const toggle = useCallback(() => {
    const player = element.current;
    if (!player) return;
    if (document.pictureInPictureElement) void document.exitPictureInPicture().catch(() => undefined);
    // Refused when the video has no frame yet or the page is not active: nothing to show then.
    else void player.requestPictureInPicture().catch(() => undefined);
  }, [element]);

  return { supported: supported && !element.current?.disablePictureInPicture, active, toggle };
}
