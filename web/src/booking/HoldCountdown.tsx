import { useEffect, useState } from 'react';

/** mm:ss left until `until`; calls onElapsed once when it reaches zero. */
export function HoldCountdown({ until, onElapsed }: { until: string; onElapsed: () => void }) {
  const deadline = Date.parse(until);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const left = Math.max(0, Math.ceil((deadline - now) / 1000));
  useEffect(() => {
    if (left === 0) onElapsed();
  }, [left, onElapsed]);
  const text = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
  return (
    <span className="hold-countdown" role="timer" aria-label="Seat held for">
      {text}
    </span>
  );
}
