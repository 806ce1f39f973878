/**
 * The one place ECharts is imported: only the parts the app draws are registered, so the bundle
 * carries no unused charts. Add a chart or component here before using it anywhere.
 */
import { MapChart, type MapSeriesOption } from 'echarts/charts';
import {
  TooltipComponent,
  VisualMapContinuousComponent,
  type TooltipComponentOption,
  type VisualMapComponentOption,
} from 'echarts/components';
import { format, init, registerMap, use, type ComposeOption, type ECharts } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

use([MapChart, TooltipComponent, VisualMapContinuousComponent, CanvasRenderer]);

export type ChartOption = ComposeOption<MapSeriesOption | TooltipComponentOption | VisualMapComponentOption>;
export type { ECharts };
export { init, registerMap };
export const { encodeHTML } = format;
