import { useEffect, useRef, useState } from 'react';
import { MarkdownText } from './MarkdownText.tsx';
import { courseApi } from './course-api.ts';

/**
 * A reading counts as done when its end has been on screen: a sentinel after the text is watched,
 * and the first time it shows the server is told once.
 */
export function ReadingLesson({
  courseId,
  lessonId,
  markdown,
  done,
  onDone,
}: {
  courseId: string;
  lessonId: string;
  markdown: string;
  done: boolean;
  onDone: () => void;
}) {
  const end = useRef<HTMLDivElement>(null);
  const [reported, setReported] = useState(done);
  useEffect(() => {
    const target = end.current;
    if (!target || reported) return;
    const observer = new IntersectionObserver((entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      setReported(true);
      void courseApi.readToEnd(courseId, lessonId).then(onDone);
    });
    observer.observe(target);
    return () => observer.disconnect();
  }, [courseId, lessonId, reported, onDone]);
  return (
    <article className="reading-lesson">
      <MarkdownText markdown={markdown} />
      <div ref={end} className="reading-end">
        {reported ? 'Reading complete ✓' : 'End of the reading'}
      </div>
    </article>
  );
}
