import { useEffect, useRef } from 'preact/hooks';
import type { ChartConfiguration } from 'chart.js';

/**
 * A Chart.js chart on a canvas, loaded on first use so pages without charts
 * never download it. The canvas is an image to assistive technology, with
 * `label` as its name: the same figures are always in a table beside it.
 */
export function Chart({ config, label }: { config: ChartConfiguration; label: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    let chart: { destroy(): void } | undefined;
    let gone = false;
    void import('./chart-js.js').then(({ createChart }) => {
      if (gone || canvas.current === null) return;
      chart = createChart(canvas.current, config);
    });
    return () => {
      gone = true;
      chart?.destroy();
    };
  }, [config]);
  return (
    <div class="chart">
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
