import {
  BOARD_TREND_DAYS,
  type BoardDisputeTownship,
  type BoardSnapshot,
  type BoardTownship,
  type BoundarySource,
  type TownshipBoundary,
} from '@shared/contract/board';
import { RISK_BAND_COLORS, RISK_BAND_FLOORS, RISK_BAND_LABELS } from '@shared/domain/board/risk-index';
import { formatRate } from '@shared/domain/ledger/figures';
import { petitionMetric } from '@shared/domain/petitions/metrics';
import {
  HAZARD_LEVEL_COLORS,
  HAZARD_LEVEL_LABELS,
  HAZARD_LEVELS,
  type HazardLevel,
} from '@shared/domain/risks/hazard-levels';
import { encodeHTML, type ChartOption } from '@/components/echarts';
import { townshipCentres } from './townshipCentres';

export const MAP_NAME = 'county-townships';

/** The legally required source line under the map (docs/domain.md, maps and the law). */
export const boundarySourceText = (source: BoundarySource) =>
  [
    `边界来源：${source.sourceUnit}`,
    `审图号：${source.approvalNo || '无'}`,
    `坐标系 ${source.crs}`,
    source.dataDate,
  ].join('\u3000'); // full-width spaces between the parts, as printed on Chinese maps

const BAND_PIECES = [
  { min: RISK_BAND_FLOORS.high, max: 100, band: 'high' },
  { min: RISK_BAND_FLOORS.elevated, max: RISK_BAND_FLOORS.high - 1, band: 'elevated' },
  { min: RISK_BAND_FLOORS.medium, max: RISK_BAND_FLOORS.elevated - 1, band: 'medium' },
  { min: 0, max: RISK_BAND_FLOORS.medium - 1, band: 'low' },
] as const;

/** The disputes layer: its colour (the panel's too) and the series' name its legend switches. */
export const DISPUTE_COLOR = '#b388ff';
export const DISPUTE_LAYER = '矛盾纠纷';
export const DISPUTE_LAYER_TEXT = `矛盾纠纷\n圆内为近 ${BOARD_TREND_DAYS} 日受理件数`;

/** What hovering a township shows: its index and the counts behind it (aggregates only). */
export function townshipTooltip(township: BoardTownship, disputes?: BoardDisputeTownship): string {
  const hazards = HAZARD_LEVELS.map((level) => `${HAZARD_LEVEL_LABELS[level]} ${township.openHazards[level]}`);
  const { numerator, denominator } = township.resolution;
  return [
    `<b style="font-size:22px">${encodeHTML(township.name)}</b>`,
    `风险指数 <b>${township.riskIndex}</b>（${RISK_BAND_LABELS[township.band]}）`,
    `在办隐患：${hazards.join('\u3000')}`,
    `在办积案 ${township.openCases} 件，其中超期 ${township.overdueCases} 件`,
    `${petitionMetric('resolution_rate').name} ${formatRate(township.resolution)}（${numerator}/${denominator}）`,
    `超期任务 ${township.overdueTasks} 项`,
    ...(disputes ? [`矛盾纠纷：近 ${BOARD_TREND_DAYS} 日受理 ${disputes.received} 件，在办 ${disputes.open} 件`] : []),
  ].join('<br/>');
}

/**
 * The legends stand in a column at the chart's left, the map's box to their right: the panel is
 * wide and a county is about as tall as it is wide, so the map takes the panel's whole height and
 * no legend ever lies over a township, whatever the county's shape. Column one: the bands, then
 * the disputes layer's under them; column two: the hazards' colours. The boundary's source line
 * is below the box.
 */
export const LEGEND_LEFT = 16;
export const MAP_BOX = { top: 8, bottom: 40, left: 272 } as const;
/** The hazards' colours, beside the bands (which are about 145 px wide). */
const SECOND_COLUMN_LEFT = 170;
/** The disputes layer's legend, under the bands (which end about 150 px down). */
const DISPUTES_LEGEND_TOP = 156;

/** A township's name sits this far above its centre and its disputes circle as far below. */
const LABEL_SHIFT = 14;

/** Blue under yellow under orange under red: the most serious points are drawn last, on top. */
const DRAW_ORDER: readonly HazardLevel[] = [...HAZARD_LEVELS].reverse();

const POINT_SIZES: Record<HazardLevel, number> = { red: 12, orange: 10, yellow: 7, blue: 7 };
/** Thousands of points would bury the townships: smaller points when there are many. */
const pointScale = (count: number) => (count > 2000 ? 0.45 : count > 500 ? 0.7 : 1);

/** A township's disputes as a circle below its name, its area growing with the count, the count inside. */
function disputeLayer(boundary: TownshipBoundary, townships: readonly BoardDisputeTownship[]) {
  const centres = townshipCentres(boundary);
  const largest = Math.max(1, ...townships.map((t) => t.received));
  return {
    type: 'scatter' as const,
    name: DISPUTE_LAYER,
    coordinateSystem: 'geo',
    silent: true,
    z: 3,
    symbolOffset: [0, LABEL_SHIFT + 4],
    symbolSize: (value: number[]) => Math.round(24 + 12 * Math.sqrt(value[2]! / largest)),
    itemStyle: { color: DISPUTE_COLOR, opacity: 0.92, borderColor: '#041633', borderWidth: 2 },
    label: {
      show: true,
      position: 'inside' as const,
      formatter: '{@[2]}', // the count, the data's third value
      color: '#ffffff',
      fontSize: 16,
      fontWeight: 'bold' as const,
      textBorderColor: '#2a1050',
      textBorderWidth: 3,
    },
    data: townships.flatMap((t) => {
      const centre = centres.get(t.code);
      return centre && t.received > 0 ? [[centre[0], centre[1], t.received]] : [];
    }),
  };
}

/**
 * The county map: townships (features matched by their `code` property) coloured by the risk
 * index's band, open hazards as points coloured by level. The series keep one shape from refresh
 * to refresh, so a live update moves only the data.
 */
export function buildMapOption(boundary: TownshipBoundary, snapshot: BoardSnapshot | null): ChartOption {
  const townships = new Map((snapshot?.townships ?? []).map((township) => [township.code, township]));
  const disputes = new Map((snapshot?.disputes.townships ?? []).map((township) => [township.code, township]));
  const names = new Map(boundary.geojson.features.map((feature) => [feature.properties.code, feature.properties.name]));
  const points = snapshot?.hazardPoints.points ?? [];
  return {
    tooltip: {
      trigger: 'item',
      backgroundColor: 'rgba(4, 24, 54, 0.94)',
      borderColor: '#3fd0ff',
      textStyle: { color: '#e8f6ff', fontSize: 18, lineHeight: 28 },
      formatter: (params) => {
        const township = townships.get((params as { name: string }).name);
        return township ? townshipTooltip(township, disputes.get(township.code)) : '';
      },
    },
    // The legends sit in their column left of the map's box (`geo.left`), never over a township.
    visualMap: {
      type: 'piecewise',
      seriesIndex: 0,
      orient: 'vertical',
      left: LEGEND_LEFT,
      top: MAP_BOX.top,
      padding: [6, 10],
      backgroundColor: 'rgba(4, 20, 48, 0.75)',
      itemWidth: 28,
      itemHeight: 18,
      itemGap: 14,
      textStyle: { color: '#cfe8ff', fontSize: 18 },
      pieces: BAND_PIECES.map((piece) => ({
        min: piece.min,
        max: piece.max,
        label: `${RISK_BAND_LABELS[piece.band]} ${piece.min}–${piece.max}`,
        color: RISK_BAND_COLORS[piece.band],
      })),
    },
    legend: [
      {
        left: SECOND_COLUMN_LEFT,
        top: MAP_BOX.top,
        padding: [6, 10],
        backgroundColor: 'rgba(4, 20, 48, 0.75)',
        orient: 'vertical',
        itemGap: 14,
        textStyle: { color: '#cfe8ff', fontSize: 18 },
        // The panel's title says the points are open hazards: the legend names the colour only.
        formatter: (name: string) => name.replace(/隐患$/, ''),
        data: HAZARD_LEVELS.map((level) => `${HAZARD_LEVEL_LABELS[level]}隐患`),
      },
      // The disputes layer's own, under the bands, its words on two lines to keep the column narrow.
      {
        left: LEGEND_LEFT,
        top: DISPUTES_LEGEND_TOP,
        padding: [6, 10],
        backgroundColor: 'rgba(4, 20, 48, 0.75)',
        orient: 'vertical',
        textStyle: { color: '#cfe8ff', fontSize: 18, lineHeight: 24 },
        formatter: () => DISPUTE_LAYER_TEXT,
        data: [DISPUTE_LAYER],
      },
    ],
    geo: {
      map: MAP_NAME,
      nameProperty: 'code',
      roam: false,
      selectedMode: false,
      top: MAP_BOX.top,
      bottom: MAP_BOX.bottom,
      left: MAP_BOX.left,
      right: 24,
      // The county keeps its shape inside that box: without it ECharts stretches the map to fill it.
      preserveAspect: 'contain',
      label: {
        show: true,
        offset: [0, -LABEL_SHIFT],
        color: '#f0faff',
        fontSize: 17,
        fontWeight: 'bold',
        textBorderColor: '#041633',
        textBorderWidth: 3,
        formatter: (params: { name: string }) => names.get(params.name) ?? params.name,
      },
      itemStyle: { areaColor: '#0f2f5c', borderColor: '#8fe4ff', borderWidth: 1.2 },
      // The township under the pointer (or clicked) keeps its band's colour and gets a white outline:
      // a highlight colour of its own would read as a risk band.
      emphasis: {
        label: { color: '#ffffff' },
        itemStyle: { areaColor: 'inherit', borderColor: '#ffffff', borderWidth: 3 },
      },
    },
    series: [
      {
        type: 'map',
        geoIndex: 0,
        data: [...townships.values()].map((township) => ({ name: township.code, value: township.riskIndex })),
      },
      ...DRAW_ORDER.map((level) => ({
        type: 'scatter' as const,
        name: `${HAZARD_LEVEL_LABELS[level]}隐患`,
        coordinateSystem: 'geo',
        silent: true,
        symbolSize: Math.max(3, Math.round(POINT_SIZES[level] * pointScale(points.length))),
        // A dark ring and a light halo: the point stands out on any township's fill, its own colour included.
        itemStyle: {
          color: HAZARD_LEVEL_COLORS[level].fill,
          borderColor: '#041633',
          borderWidth: points.length > 2000 ? 1 : 1.5,
          shadowColor: 'rgba(255, 255, 255, 0.9)',
          shadowBlur: points.length > 2000 ? 0 : 3,
        },
        data: points.filter((point) => point[2] === level).map(([lng, lat]) => [lng, lat]),
      })),
      disputeLayer(boundary, snapshot?.disputes.townships ?? []),
    ],
  };
}
