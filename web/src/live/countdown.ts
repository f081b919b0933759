/** "2 days 3:04:05", "1 day 0:00:10", "0:12:30": days spelled out, the rest as a clock. */
export function formatCountdown(totalSeconds: number): string {
  const seconds = Math.max(0, Math.round(totalSeconds));
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3600);
  const clock = `${hours}:${String(Math.floor((seconds % 3600) / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
  return days ? `${days} ${days === 1 ? 'day' : 'days'} ${clock}` : clock;
}
