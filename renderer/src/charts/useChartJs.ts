// A chart.js chart on a canvas: built on mount, updated in place (no animation) when its sources
// change, rebuilt when the system theme flips (the colours are read when the options are made),
// destroyed on unmount.

import { Chart, type ChartConfiguration, type ChartType } from 'chart.js';
import { onBeforeUnmount, onMounted, watch, type Ref } from 'vue';

export function useChartJs<T extends ChartType>(
  canvas: Ref<HTMLCanvasElement | null>,
  config: () => ChartConfiguration<T>,
  sources: () => unknown[],
): void {
  let chart: Chart<T> | null = null;

  function render(): void {
    if (canvas.value === null) return;
    const next = config();
    if (chart === null) {
      chart = new Chart(canvas.value, next);
      return;
    }
    chart.data.datasets = next.data.datasets;
    if (next.options !== undefined) chart.options = next.options;
    chart.update('none');
  }

  const themeQuery = window.matchMedia('(prefers-color-scheme: dark)');
  function onThemeChange(): void {
    chart?.destroy();
    chart = null;
    render();
  }

  onMounted(() => {
    render();
    themeQuery.addEventListener('change', onThemeChange);
  });
  onBeforeUnmount(() => {
    themeQuery.removeEventListener('change', onThemeChange);
    chart?.destroy();
    chart = null;
  });
  watch(sources, render);
}
