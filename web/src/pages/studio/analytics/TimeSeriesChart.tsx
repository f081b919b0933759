// uPlot line chart, in its own chunk (the pages load it lazily): ~50 kB instead of a charting suite.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface ChartSeries {
  label: string;
  values: number[];
  format?: (value: number) => string;
}

interface Props {
  /** Epoch seconds of each point. */
  times: number[];
  series: ChartSeries[];
  height?: number;
  title: string;
}

/** Colours from the theme's CSS variables, so the chart reads in light and dark themes. */
function themeColour(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

const PALETTE = ['--accent', '--focus', '--muted'];

export default function TimeSeriesChart({ times, series, height = 240, title }: Props) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const host = container.current;
    if (!host) return;
    const text = themeColour('--text', '#111');
    const grid = themeColour('--border', '#ccc');
    const axis = { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
    const chart = new uPlot(
      {
        width: Math.max(280, host.clientWidth),
        height,
        cursor: { drag: { x: false, y: false } },
        legend: { show: true },
        series: [
          {},
          ...series.map((entry, index) => ({
            label: entry.label,
            stroke: themeColour(PALETTE[index % PALETTE.length]!, '#e5484d'),
            width: 2,
            scale: index === 0 ? 'y' : `y${index}`,
            value: (_chart: uPlot, value: number | null) => (value === null ? '–' : (entry.format ?? String)(value)),
          })),
        ],
        axes: [
          axis,
          { ...axis, scale: 'y', values: (_chart, ticks) => ticks.map((tick) => (series[0]?.format ?? String)(tick)) },
          ...series.slice(1).map((entry, index) => ({
            ...axis,
            scale: `y${index + 1}`,
            side: 1,
            grid: { show: false },
            values: (_chart: uPlot, ticks: number[]) => ticks.map((tick) => (entry.format ?? String)(tick)),
          })),
        ],
        scales: { x: { time: true } },
      },
      [times, ...series.map((entry) => entry.values)],
      host,
    );
    const resize = new ResizeObserver(() => chart.setSize({ width: Math.max(280, host.clientWidth), height }));
    resize.observe(host);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [times, series, height]);
  return <div ref={container} className="analytics-chart" role="img" aria-label={title} />;
}
