import type { BoundarySource, TownshipBoundary } from '@shared/contract/board';
import { encodeHTML, type ChartOption } from '@/components/echarts';
import type { TownshipFigures } from './useBoardData';

export const MAP_NAME = 'county-townships';

/** The legally required source line under the map (DOMAIN.md, maps and the law). */
export const boundarySourceText = (source: BoundarySource) =>
  [
    `边界来源：${source.sourceUnit}`,
    `审图号：${source.approvalNo || '无'}`,
    `坐标系 ${source.crs}`,
    source.dataDate,
  ].join('\u3000'); // full-width spaces between the parts, as printed on Chinese maps

/**
 * The township map, features matched by their `code` property. Coloured by village count for
 * now; the risk index replaces it when the risk ledger exists.
 */
export function buildMapOption(boundary: TownshipBoundary, townships: readonly TownshipFigures[]): ChartOption {
  const names = new Map(boundary.geojson.features.map((feature) => [feature.properties.code, feature.properties.name]));
  const figures = new Map(townships.map((township) => [township.code, township]));
  const counts = townships.map((township) => township.villages);
  const nameOf = (code: string) => names.get(code) ?? figures.get(code)?.name ?? code;

  return {
    tooltip: {
      trigger: 'item',
      backgroundColor: 'rgba(4, 24, 54, 0.92)',
      borderColor: '#3fd0ff',
      textStyle: { color: '#e8f6ff', fontSize: 18 },
      formatter: (params) => {
        const code = (params as { name: string }).name;
        const township = figures.get(code);
        const lines = [`<b>${encodeHTML(nameOf(code))}</b>`];
        if (township) lines.push(`村/社区 ${township.villages} 个`, `网格 ${township.grids} 个`);
        return lines.join('<br/>');
      },
    },
    visualMap: {
      type: 'continuous',
      min: counts.length ? Math.min(...counts) : 0,
      max: counts.length ? Math.max(...counts) : 1,
      left: 24,
      bottom: 24,
      itemHeight: 140,
      text: ['村/社区多', '少'],
      textStyle: { color: '#9fd4ff', fontSize: 16 },
      inRange: { color: ['#123e7a', '#1a64b0', '#1f96d4', '#36d0e6'] },
    },
    series: [
      {
        type: 'map',
        map: MAP_NAME,
        nameProperty: 'code',
        roam: false,
        selectedMode: false,
        top: 40,
        bottom: 72,
        left: 40,
        right: 40,
        label: {
          show: true,
          color: '#f0faff',
          fontSize: 18,
          fontWeight: 'bold',
          textBorderColor: '#041633',
          textBorderWidth: 3,
          formatter: (params) => nameOf(params.name),
        },
        itemStyle: { areaColor: '#0f2f5c', borderColor: '#6fdcff', borderWidth: 1.5 },
        emphasis: {
          label: { color: '#ffffff' },
          itemStyle: { areaColor: '#f0a830' },
        },
        data: townships.map((township) => ({ name: township.code, value: township.villages })),
      },
    ],
  };
}
