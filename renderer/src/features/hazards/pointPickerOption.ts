import type { TownshipBoundary } from '@shared/contract/board';
import type { ChartOption } from '@/components/echarts';

/** The picker's own map name: the board registers the same shapes under its own. */
export const PICKER_MAP = 'hazard-point-picker';

/** Six decimals: about 0.1 m, the precision the coordinate inputs show. */
export const roundCoordinate = (value: number) => Math.round(value * 1e6) / 1e6;

/**
 * The county's townships on a light background for picking a hazard's point: the chosen township
 * filled, the others pale, the picked point marked. Clicks are taken from the whole canvas (the
 * component converts the pixel), so the shapes themselves stay silent.
 */
export function pointPickerOption(
  boundary: TownshipBoundary,
  townshipCode: string,
  point: [number, number] | null,
): ChartOption {
  const names = new Map(boundary.geojson.features.map((feature) => [feature.properties.code, feature.properties.name]));
  return {
    geo: {
      map: PICKER_MAP,
      nameProperty: 'code',
      roam: 'scale',
      silent: true,
      top: 8,
      bottom: 8,
      left: 8,
      right: 8,
      // The township keeps its shape (ECharts would stretch it to the box).
      preserveAspect: 'contain',
      label: {
        show: true,
        color: '#4a5568',
        fontSize: 12,
        formatter: (params: { name: string }) => names.get(params.name) ?? params.name,
      },
      itemStyle: { areaColor: '#f3f6fa', borderColor: '#9aa8bb', borderWidth: 1 },
      regions: townshipCode
        ? [
            {
              name: townshipCode,
              itemStyle: { areaColor: '#d9ecff', borderColor: '#409eff', borderWidth: 2 },
              label: { color: '#1f4e8c', fontWeight: 'bold' },
            },
          ]
        : [],
    },
    series: [
      {
        type: 'scatter',
        coordinateSystem: 'geo',
        silent: true,
        symbol: 'pin',
        symbolSize: 28,
        itemStyle: { color: '#e6393f', borderColor: '#ffffff', borderWidth: 1 },
        data: point ? [point] : [],
      },
    ],
  };
}
