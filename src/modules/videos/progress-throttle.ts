/**
 * ffmpeg reports progress many times a second; every report costs a database write and a pub/sub
 * message. This passes on whole-percent increases at most every `minIntervalMs` (100 always), one
 * at a time and in order, and never lets a failed report break the job.
 */
export function throttleProgress(
  report: (percent: number) => Promise<void>,
  onError: (error: unknown) => void,
  minIntervalMs = 250,
): { update(percent: number): void; flush(): Promise<void> } {
  let lastPercent = -1;
  let lastAt = 0;
  let chain = Promise.resolve();
  return {
    update(percent) {
      const whole = Math.floor(percent);
      const now = Date.now();
      if (whole <= lastPercent || (whole < 100 && now - lastAt < minIntervalMs)) return;
      lastPercent = whole;
      lastAt = now;
      chain = chain.then(() => report(whole)).catch(onError);
    },
    flush: () => chain,
  };
}
