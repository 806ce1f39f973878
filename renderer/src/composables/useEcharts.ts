import { onBeforeUnmount, onMounted, type Ref } from 'vue';
import { init, type ChartOption, type ECharts } from '@/components/echarts';

/**
 * One ECharts instance bound to an element (vue-vben-admin's composable is the model): created on
 * mount, resized whenever the element's box changes, disposed on unmount. An option set before
 * mount is drawn once the chart exists; `onInit` runs before that first draw (to attach listeners).
 */
export function useEcharts(
  el: Ref<HTMLElement | null | undefined>,
  onInit?: (chart: ECharts) => void,
  { merge = false }: { merge?: boolean } = {},
) {
  let chart: ECharts | undefined;
  let pending: ChartOption | undefined;
  let observer: ResizeObserver | undefined;

  function setOption(option: ChartOption): void {
    // By default each option describes the whole chart, so nothing stale survives a data change;
    // `merge` keeps the drawn chart and moves only what changed (the board's live refresh: no flicker).
    if (chart) chart.setOption(option, { notMerge: !merge, lazyUpdate: merge });
    else pending = option;
  }

  onMounted(() => {
    if (!el.value) return;
    const created = init(el.value);
    chart = created;
    onInit?.(created);
    observer = new ResizeObserver(() => created.resize());
    observer.observe(el.value);
    if (pending) setOption(pending);
    pending = undefined;
  });

  onBeforeUnmount(() => {
    observer?.disconnect();
    chart?.dispose();
    chart = undefined;
  });

  return { setOption };
}
