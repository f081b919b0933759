import { useEffect, useState } from 'react';

/** Phones and small windows: the width below which the layout becomes one column with a drawer (phone.css). */
export const PHONE_QUERY = '(max-width: 720px)';
/** A finger rather than a mouse: tablets get the touch player and sheets too. */
export const TOUCH_QUERY = '(max-width: 720px), (pointer: coarse)';

/** Whether a CSS media query matches now, kept current as the window or device changes. */
export function useMediaQuery(query: string): boolean {
  const [matches, setMatches] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const list = window.matchMedia(query);
    const update = () => setMatches(list.matches);
    update();
    list.addEventListener('change', update);
    return () => list.removeEventListener('change', update);
  }, [query]);
  return matches;
}
