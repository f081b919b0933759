/** A course's completion as a labelled bar (a native progress element, so screen readers announce it). */
export function ProgressBar({ percent }: { percent: number }) {
  return (
    <div className="course-progress">
      <progress max={100} value={percent} aria-label="Course progress" />
      <span>{percent} % complete</span>
    </div>
  );
}
