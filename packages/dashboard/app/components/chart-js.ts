import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';

// Only what the dashboard draws: bars and lines on category and linear scales.
Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
);
Chart.defaults.animation = false;
Chart.defaults.font.family = 'system-ui, sans-serif';

/** Draws a chart on a canvas. */
export function createChart(
  canvas: HTMLCanvasElement,
  config: ChartConfiguration,
): { destroy(): void } {
  return new Chart(canvas, config);
}
