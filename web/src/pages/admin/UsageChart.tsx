import { useEffect, useRef } from 'react';
import type { AiUsage } from '../../intelligence/ai-api.ts';
import 'uplot/dist/uPlot.min.css';

/** Calls and estimated cost per day, drawn with uPlot (loaded only when this chart shows). */
export function UsageChart({ perDay }: { perDay: AiUsage['perDay'] }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    if (!element || perDay.length === 0) return;
    let chart: { destroy(): void } | undefined;
    let cancelled = false;
    void import('uplot').then(({ default: UPlot }) => {
      if (cancelled) return;
      const days = perDay.map((day) => Date.parse(`${day.day}T00:00:00Z`) / 1000);
      const muted = getComputedStyle(document.documentElement).getPropertyValue('--muted').trim() || '#888';
      chart = new UPlot(
        {
          width: Math.max(280, element.clientWidth),
          height: 220,
          scales: { x: { time: true }, cost: { auto: true } },
          axes: [
            { stroke: muted },
            { stroke: muted, label: 'calls' },
            { stroke: muted, side: 1, scale: 'cost', label: 'USD', grid: { show: false } },
          ],
          series: [
            {},
            { label: 'calls', stroke: '#6cb6ff', width: 2 },
            { label: 'cost (USD)', stroke: '#e5484d', width: 2, scale: 'cost' },
          ],
        },
        [days, perDay.map((day) => day.calls), perDay.map((day) => day.costUsd)],
        element,
      );
    });
    return () => {
      cancelled = true;
      chart?.destroy();
    };
  }, [perDay]);
  return (
    <div
      ref={box}
      className="usage-chart"
      role="img"
      aria-label={`Calls and cost per day over ${perDay.length} days`}
    />
  );
}
