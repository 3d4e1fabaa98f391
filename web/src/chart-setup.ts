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
} from 'chart.js';
import type { ChartSpec } from './kpi/panel-types';

// Only the parts the dashboard draws, so the bundle stays small.
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

const COLOURS = ['#1f6feb', '#d1242f', '#1a7f37', '#9a6700', '#8250df', '#bf3989', '#0a7d8c', '#6e7781'];

/** Draws a panel's chart on its canvas; rates (0…1) are shown as percentages. */
export const drawChart = (canvas: HTMLCanvasElement, spec: ChartSpec): Chart => {
  const usesMoney = spec.datasets.some((dataset) => dataset.axis === 'money');
  const allRates = spec.datasets.every((dataset) => dataset.axis === 'rate' || dataset.axis === 'money');
  return new Chart(canvas, {
    type: spec.type,
    data: {
      labels: [...spec.labels],
      datasets: spec.datasets.map((dataset, index) => ({
        label: dataset.label,
        data: [...dataset.data],
        type: dataset.type ?? spec.type,
        yAxisID: dataset.axis === 'money' ? 'money' : 'y',
        stack: dataset.stack,
        borderColor: COLOURS[index % COLOURS.length],
        backgroundColor: COLOURS[index % COLOURS.length],
        spanGaps: true,
      })),
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      scales: {
        x: { stacked: spec.stacked ?? false },
        y: {
          stacked: spec.stacked ?? false,
          beginAtZero: true,
          ticks: allRates ? { callback: (value) => `${Math.round(Number(value) * 100)}%` } : {},
        },
        ...(usesMoney
          ? { money: { position: 'right' as const, beginAtZero: true, grid: { drawOnChartArea: false } } }
          : {}),
      },
    },
  });
};
