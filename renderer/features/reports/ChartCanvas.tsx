import { useEffect, useLayoutEffect, useRef } from 'react';
import { drawWhenShown, nothingToDraw, watchChart } from './chart-queue';
import {
  BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip,
  type ChartConfiguration,
} from 'chart.js';

// Only the pieces the reports draw, so the bundle stays small.
Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

/** Calm colours from the app palette; first series in the accent blue. */
export const CHART_COLORS = ['#1f5f8b', '#d08c2b', '#23703f', '#8a5a9b', '#a3261b'];

export type ChartDataset = { label: string; data: (number | null)[]; axis?: 'y' | 'y2' };

type Props = {
  kind: 'line' | 'bar';
  labels: string[];
  datasets: ChartDataset[];
  /** Accessible name of the canvas (the chart's table alternative carries the data). */
  label: string;
  /** Formats tick and tooltip values per axis. */
  format: (value: number, axis: 'y' | 'y2') => string;
  horizontal?: boolean;
  /** Axes that carry counts: whole-number ticks only, so small counts don't read "0, 0, 1, 1, 2". */
  countAxes?: readonly ('y' | 'y2')[];
};

const NO_AXES: readonly ('y' | 'y2')[] = [];

/** Whether chart.js has built a chart in this page yet (its first one costs two to three times the others). */
let warm = false;

/**
 * Builds and drops two small charts (a bar chart with a second axis, a line chart) on a detached
 * canvas, each in its own idle moment, while the worker still reads: chart.js's first chart runs its
 * code for the first time (option resolvers, scales, legend, fonts) and took 50-80 ms of CPU at once,
 * the frame over 50 ms when opening Reports. Afterwards the first real chart costs what the others do.
 * Returns a function that cancels what has not run yet.
 */
export function warmUpCharts(): () => void {
  const idle = (job: () => void): (() => void) => {
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(job, { timeout: 3000 });
      return () => cancelIdleCallback(id);
    }
    const id = setTimeout(job, 50);
    return () => clearTimeout(id);
  };
  const build = (kind: Props['kind']) => () => {
    if (warm) return;
    const canvas = document.createElement('canvas');
    canvas.width = 320;
    canvas.height = 160;
    const labels = Array.from({ length: 12 }, (_, i) => `${i + 1}`);
    const data = { labels, datasets: [{ label: 'a', data: labels.map(Number) }, { label: 'b', data: labels.map((l) => 1000 * Number(l)), yAxisID: 'y2' }] };
    const config = chartConfig(kind, data, false, true, ['y'], { current: (v) => String(v) });
    // Not responsive: no size observers, and drawn at once although the canvas is in no document.
    config.options = { ...config.options, responsive: false };
    new Chart(canvas, config).destroy();
  };
  const cancels = [idle(() => {
    build('bar')();
    cancels.push(idle(build('line')));
  })];
  return () => cancels.forEach((cancel) => cancel());
}

/** Pixel ratio on paper: twice the CSS pixels keeps printed charts crisp. */
const PRINT_PIXEL_RATIO = 2;

/**
 * A chart.js chart in a fixed-height box. No animation: charts must be complete at once for
 * printing and PDF. On screen the canvas has the screen's pixel ratio (a quarter of the pixels to
 * allocate, clear and fill on a 1× screen: building the charts at ratio 2 was most of their cost);
 * for printing it is redrawn at ratio 2 before the page is laid out for paper, and back afterwards.
 */
export function ChartCanvas({ kind, labels, datasets, label, format, horizontal = false, countAxes = NO_AXES }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<{ chart: Chart<'line' | 'bar', (number | null)[], string>; shape: string; content: string } | undefined>(undefined);
  // The tick and tooltip callbacks read the newest formatter, so a new one needs no new chart.
  const formatRef = useRef(format);
  useEffect(() => {
    formatRef.current = format;
  }, [format]);

  // Layout effects (in the commit, before the browser paints): the box is watched and marked pending in
  // the same task that shows the new figures, so nobody sees the new cards beside an unmarked old chart.
  useLayoutEffect(() => {
    const el = box.current;
    const stop = el ? watchChart(el) : undefined;
    return () => {
      stop?.();
      chart.current?.chart.destroy();
      chart.current = undefined;
    };
  }, []);

  useLayoutEffect(() => {
    const el = canvas.current;
    const at = box.current;
    if (!el || !at) return undefined;
    const hasY2 = datasets.some((d) => d.axis === 'y2');
    // Same kind, orientation and axes: the chart is updated in place (cheap); otherwise built anew.
    const shape = `${kind}|${horizontal}|${hasY2}|${countAxes.join()}`;
    // A new result often leaves a chart as it was (a snapshot such as the funnel or coverage does not
    // follow the period): then it is not touched at all.
    const content = JSON.stringify([labels, datasets]);
    if (chart.current?.shape === shape && chart.current.content === content) {
      nothingToDraw(at);
      return undefined;
    }
    const data = {
      labels,
      datasets: datasets.map((d, i) => ({
        label: d.label,
        data: d.data,
        backgroundColor: CHART_COLORS[i % CHART_COLORS.length],
        borderColor: CHART_COLORS[i % CHART_COLORS.length],
        borderWidth: kind === 'line' ? 2 : 0,
        pointRadius: kind === 'line' ? 2 : 0,
        ...(d.axis === 'y2' ? { [horizontal ? 'xAxisID' : 'yAxisID']: 'y2' } : {}),
      })),
    };
    return drawWhenShown(at, () => {
      const current = chart.current;
      if (current && current.shape === shape) {
        current.chart.data = data;
        current.chart.update('none');
        current.content = content;
      } else {
        current?.chart.destroy();
        chart.current = { chart: new Chart(el, chartConfig(kind, data, horizontal, hasY2, countAxes, formatRef)), shape, content };
        warm = true;
      }
    });
  }, [kind, labels, datasets, horizontal, countAxes]);

  useEffect(() => {
    // Paper is narrower than the screen: redraw for the print layout, and back afterwards.
    const redraw = (ratio: number | undefined) => () => {
      const current = chart.current?.chart;
      if (!current) return;
      current.options.devicePixelRatio = ratio;
      current.resize();
    };
    const toPaper = redraw(PRINT_PIXEL_RATIO);
    const toScreen = redraw(undefined);
    window.addEventListener('beforeprint', toPaper);
    window.addEventListener('afterprint', toScreen);
    return () => {
      window.removeEventListener('beforeprint', toPaper);
      window.removeEventListener('afterprint', toScreen);
    };
  }, []);
  // data-pending / data-deferred (chart-queue): waiting for a frame, or for the box to come into view.
  return (
    <div className="chart-box" ref={box}>
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}

type Data = ChartConfiguration<'line' | 'bar', (number | null)[], string>['data'];
type Format = { current: Props['format'] };

function chartConfig(kind: Props['kind'], data: Data, horizontal: boolean, hasY2: boolean, countAxes: readonly ('y' | 'y2')[], format: Format): ChartConfiguration<'line' | 'bar', (number | null)[], string> {
  const valueAxis = horizontal ? 'x' : 'y';
  // precision 0 makes chart.js step by whole numbers (at least 1) instead of 0.5.
  const whole = (axis: 'y' | 'y2') => (countAxes.includes(axis) ? { precision: 0 } : {});
  return {
    type: kind,
    data,
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      indexAxis: horizontal ? 'y' : 'x',
      plugins: {
        legend: { position: 'bottom', labels: { boxWidth: 12 } },
        tooltip: {
          callbacks: {
            label: (item) => `${item.dataset.label ?? ''}: ${format.current(Number(item.raw ?? 0), (item.dataset as { yAxisID?: string; xAxisID?: string }).yAxisID === 'y2' || (item.dataset as { xAxisID?: string }).xAxisID === 'y2' ? 'y2' : 'y')}`,
          },
        },
      },
      scales: {
        [valueAxis]: { beginAtZero: true, ticks: { ...whole('y'), callback: (v: string | number) => format.current(Number(v), 'y') } },
        ...(hasY2 ? { y2: { axis: valueAxis, position: horizontal ? 'top' : 'right', beginAtZero: true, grid: { drawOnChartArea: false }, ticks: { ...whole('y2'), callback: (v: string | number) => format.current(Number(v), 'y2') } } } : {}),
      },
    },
  };
}
