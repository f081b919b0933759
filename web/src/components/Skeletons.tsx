/** Grey placeholders with the final layout's size, so content arriving does not shift the page. */
export function VideoCardSkeleton() {
  return (
    <div className="video-card skeleton-card" aria-hidden="true">
      <div className="thumbnail skeleton" />
      <div className="skeleton skeleton-line" />
      <div className="skeleton skeleton-line short" />
    </div>
  );
}

export function VideoGridSkeleton({ count = 12 }: { count?: number }) {
  return (
    <div className="video-grid" aria-busy="true" aria-label="Loading videos">
      {Array.from({ length: count }, (_, index) => (
        <VideoCardSkeleton key={index} />
      ))}
    </div>
  );
}

export function PageSkeleton() {
  return (
    <div aria-busy="true" aria-label="Loading">
      <div className="skeleton skeleton-title" />
      <VideoGridSkeleton count={8} />
    </div>
  );
}
