import { useEffect, useRef, useState } from 'react';

/** A ref, and whether its element has come within `margin` of the viewport yet (it stays true after). */
export function useNearScreen<T extends Element>(margin = '300px') {
  const element = useRef<T>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const target = element.current;
    if (!target || near) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setNear(true);
      },
      { rootMargin: margin },
    );
    observer.observe(target);
    return () => observer.disconnect();
  }, [margin, near]);
  return [element, near] as const;
}
