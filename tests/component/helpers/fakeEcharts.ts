/**
 * ECharts without a canvas (happy-dom has none): a chart that keeps the options it was given, for
 * pages whose charts a test does not look into. `vi.mock('@/components/echarts', () => import('./helpers/fakeEcharts'))`.
 */
export const drawn: unknown[] = [];

export const init = () => ({
  setOption: (option: unknown) => drawn.push(option),
  on: () => undefined,
  resize: () => undefined,
  dispose: () => undefined,
});

export const registerMap = () => undefined;
export const encodeHTML = (text: string) => text;
