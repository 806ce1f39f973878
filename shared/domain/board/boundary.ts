/**
 * Checking an uploaded township boundary file (GeoJSON) before anything is stored: its size (before
 * parsing), its shape (a FeatureCollection of Polygon/MultiPolygon features with closed rings of
 * longitude/latitude pairs), and which of the county's townships its features name. Pure: the
 * backend passes the county's townships in and stores only what comes out.
 */
import { matchName } from '../import/names';

export const BOUNDARY_MAX_BYTES = 20 * 1024 * 1024;
export const BOUNDARY_SIZE_MESSAGE = '边界文件超过 20 MB，请在 GIS 软件中简化（抽稀）边界或删去无关图层后再导入';

/** Whether the chosen property holds the township's name or its 12-digit division code. */
export const BOUNDARY_MATCH_BY = ['name', 'code'] as const;
export type BoundaryMatchBy = (typeof BOUNDARY_MATCH_BY)[number];

export interface BoundaryTownship {
  code: string;
  name: string;
}

/** A township matched to a feature of the file. */
export interface BoundaryMatch extends BoundaryTownship {
  /** The feature's value of the chosen property. */
  featureValue: string;
}

/** A feature naming no township of the county: the administrator may assign it one by hand. */
export interface BoundaryUnmatched {
  /** The feature's position in the file, from 1. */
  position: number;
  /** The chosen property's value (`第 N 个要素` when it has none). */
  value: string;
  /** The county's townships with a near name, first in the picker. */
  suggestions: BoundaryTownship[];
}

/** What a boundary file would give. */
export interface BoundaryImportReport {
  featureCount: number;
  matched: BoundaryMatch[];
  unmatchedFeatures: BoundaryUnmatched[];
  townshipsWithoutFeature: BoundaryTownship[];
}

/** Feature position (from 1, as text) → the township code the administrator assigned it. */
export type BoundaryAssignments = Readonly<Record<string, string>>;

/** A matched feature as stored: properties reduced to the township's code and name. */
export interface BoundaryFeature {
  type: 'Feature';
  properties: BoundaryTownship;
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
}

export type BoundaryCheck =
  { ok: true; report: BoundaryImportReport; features: BoundaryFeature[] } | { ok: false; problems: string[] };

/** Problems listed at most; the first is the error's message. */
const PROBLEM_LIMIT = 10;
/** A coordinate this large is metres of a projected system, not degrees. */
const PROJECTED_MAGNITUDE = 1000;

const PROJECTED_MESSAGE =
  '坐标值像是投影坐标（以米为单位，数值达到数十万），不是经纬度。请在 GIS 软件中将边界转换为经纬度坐标' +
  '（CGCS2000 或 WGS84 地理坐标系，经度在前、纬度在后）并导出为 GeoJSON 后再导入';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether the text's UTF-8 size exceeds the limit (counted only when its length does not decide). */
function tooLarge(text: string): boolean {
  if (text.length * 3 <= BOUNDARY_MAX_BYTES) return false;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // A surrogate pair is 4 bytes: 2 for each half.
    bytes += unit < 0x80 ? 1 : unit < 0x800 || (unit >= 0xd800 && unit <= 0xdfff) ? 2 : 3;
  }
  return bytes > BOUNDARY_MAX_BYTES;
}

type RingProblem = 'projected' | string | null;

/** The first problem of a linear ring, or null. */
function ringProblem(ring: unknown, where: string): RingProblem {
  if (!Array.isArray(ring) || ring.length < 4)
    return `${where}的边界环少于 4 个坐标点（面的环须首尾闭合、至少 4 个点），请在 GIS 软件中修复该要素`;
  for (const position of ring) {
    if (!Array.isArray(position) || position.length < 2 || position.length > 3)
      return `${where}含有格式不正确的坐标点（应为 [经度, 纬度]），请检查该要素`;
    const [lng, lat] = position as unknown[];
    if (typeof lng !== 'number' || typeof lat !== 'number' || !Number.isFinite(lng) || !Number.isFinite(lat))
      return `${where}含有不是数字的坐标值，请检查该要素`;
    if (Math.abs(lng) >= PROJECTED_MAGNITUDE || Math.abs(lat) >= PROJECTED_MAGNITUDE) return 'projected';
    if (lng < -180 || lng > 180 || lat < -90 || lat > 90)
      return `${where}的坐标 [${lng}, ${lat}] 超出经纬度范围（经度 -180～180，纬度 -90～90），请确认经度在前、纬度在后`;
  }
  const first = ring[0] as number[];
  const last = ring[ring.length - 1] as number[];
  if (first[0] !== last[0] || first[1] !== last[1])
    return `${where}的边界环没有闭合（首尾坐标点不同），请在 GIS 软件中修复几何后再导出`;
  return null;
}

/** The first problem of a feature's geometry, or null. */
function geometryProblem(geometry: unknown, where: string): RingProblem {
  if (!isObject(geometry)) return `${where}没有几何图形，请删除该要素或补上乡镇的面`;
  const { type, coordinates } = geometry;
  if (type !== 'Polygon' && type !== 'MultiPolygon')
    return `${where}的几何类型为 ${String(type)}，只接受面（Polygon 或 MultiPolygon），请只导出乡镇面图层`;
  const polygons = type === 'Polygon' ? [coordinates] : coordinates;
  if (!Array.isArray(polygons) || polygons.length === 0) return `${where}的坐标为空，请检查该要素`;
  for (const polygon of polygons) {
    if (!Array.isArray(polygon) || polygon.length === 0) return `${where}的坐标为空，请检查该要素`;
    for (const ring of polygon) {
      const problem = ringProblem(ring, where);
      if (problem) return problem;
    }
  }
  return null;
}

/** The chosen property's value as text ('' when missing). */
function valueOf(feature: Record<string, unknown>, property: string): string {
  const properties = isObject(feature.properties) ? feature.properties : {};
  const value = properties[property];
  return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
}

/** The township a value names: by exact name, or by its 12-digit code (9 digits also accepted). */
/**
 * The township a feature's value names: by name exactly or without its suffix (石楼 for 石楼镇, 城关
 * for 城关街道办事处), or by code; otherwise the near names, offered for assigning it by hand.
 */
function townshipFinder(
  townships: readonly BoundaryTownship[],
  matchBy: BoundaryMatchBy,
): (value: string) => BoundaryTownship | BoundaryTownship[] {
  if (matchBy === 'name') {
    return (value: string) => {
      const found = matchName(value, townships);
      return 'match' in found ? found.match : found.suggestions;
    };
  }
  const byCode = new Map(townships.map((t) => [t.code, t]));
  const byPrefix = new Map(townships.map((t) => [t.code.slice(0, 9), t]));
  return (value: string) => byCode.get(value) ?? (value.length === 9 ? byPrefix.get(value) : undefined) ?? [];
}

/** The administrator's assignments, each to a township of the county and a feature of the file. */
function assignedTownships(
  assignments: BoundaryAssignments,
  townships: readonly BoundaryTownship[],
  featureCount: number,
  problems: string[],
): Map<number, BoundaryTownship> {
  const byCode = new Map(townships.map((t) => [t.code, t]));
  const assigned = new Map<number, BoundaryTownship>();
  for (const [position, code] of Object.entries(assignments)) {
    const township = byCode.get(code);
    const at = Number(position);
    if (!Number.isInteger(at) || at < 1 || at > featureCount)
      problems.push(`文件中没有第 ${position} 个要素，请重新检查文件`);
    else if (!township) problems.push(`第 ${position} 个要素指定的乡镇代码 ${code} 不是本县乡镇，请重新选择`);
    else assigned.set(at, township);
  }
  return assigned;
}

/** The property names found on the features, for the message when the chosen one is on none. */
function propertyNames(features: readonly unknown[]): string[] {
  const names = new Set<string>();
  for (const feature of features.slice(0, 50)) {
    if (isObject(feature) && isObject(feature.properties)) Object.keys(feature.properties).forEach((k) => names.add(k));
  }
  return [...names].slice(0, 20);
}

/**
 * Checks a boundary file against the county's townships. Problems are Chinese, name the feature
 * (its position and the chosen property's value) and say what to do.
 */
export function checkBoundaryFile(
  text: string,
  options: { property: string; matchBy: BoundaryMatchBy; assignments?: BoundaryAssignments },
  townships: readonly BoundaryTownship[],
): BoundaryCheck {
  if (tooLarge(text)) return { ok: false, problems: [BOUNDARY_SIZE_MESSAGE] };
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch {
    return {
      ok: false,
      problems: ['文件不是有效的 JSON 文本，请确认选择的是 GeoJSON 文件（.geojson 或 .json），且未被其他软件改动'],
    };
  }
  if (!isObject(root) || root.type !== 'FeatureCollection' || !Array.isArray(root.features))
    return {
      ok: false,
      problems: ['文件不是 GeoJSON 要素集合（FeatureCollection），请在 GIS 软件中将乡镇面图层导出为 GeoJSON 后再导入'],
    };
  const features = root.features as unknown[];
  if (features.length === 0) return { ok: false, problems: ['文件中没有任何要素，请确认导出的是乡镇面图层'] };

  const { property, matchBy } = options;
  if (!features.some((f) => isObject(f) && valueOf(f, property) !== '')) {
    const names = propertyNames(features);
    return {
      ok: false,
      problems: [
        `文件的要素中没有属性“${property}”（或其值都为空）。` +
          (names.length ? `文件中的属性有：${names.join('、')}，` : '') +
          `请选择存放乡镇${matchBy === 'name' ? '名称' : '代码'}的属性`,
      ],
    };
  }

  const problems: string[] = [];
  const find = townshipFinder(townships, matchBy);
  const assigned = assignedTownships(options.assignments ?? {}, townships, features.length, problems);
  const matchedAt = new Map<string, number[]>();
  const matched: BoundaryMatch[] = [];
  const unmatchedFeatures: BoundaryUnmatched[] = [];
  const normalised: BoundaryFeature[] = [];
  for (const [i, feature] of features.entries()) {
    const value = isObject(feature) ? valueOf(feature, property) : '';
    const where = `第 ${i + 1} 个要素${value ? `（${value}）` : ''}`;
    if (!isObject(feature) || feature.type !== 'Feature') {
      problems.push(`${where}不是 GeoJSON 要素（Feature），请检查文件`);
      continue;
    }
    const problem = geometryProblem(feature.geometry, where);
    if (problem === 'projected') return { ok: false, problems: [PROJECTED_MESSAGE] };
    if (problem) {
      problems.push(problem);
      continue;
    }
    const township = assigned.get(i + 1) ?? (value ? find(value) : []);
    if (Array.isArray(township)) {
      unmatchedFeatures.push({ position: i + 1, value: value || `第 ${i + 1} 个要素`, suggestions: township });
      continue;
    }
    const seen = matchedAt.get(township.code) ?? [];
    matchedAt.set(township.code, [...seen, i + 1]);
    if (seen.length > 0) continue;
    matched.push({ ...township, featureValue: value || `第 ${i + 1} 个要素` });
    const geometry = feature.geometry as BoundaryFeature['geometry'];
    normalised.push({
      type: 'Feature',
      properties: { code: township.code, name: township.name },
      geometry: { type: geometry.type, coordinates: geometry.coordinates },
    });
  }
  for (const [code, positions] of matchedAt) {
    if (positions.length < 2) continue;
    const name = townships.find((t) => t.code === code)?.name ?? code;
    problems.push(
      `乡镇“${name}”对应了 ${positions.length} 个要素（第 ${positions.join('、')} 个），` +
        '同一乡镇只能有一个要素，请在 GIS 软件中将其合并为一个面（MultiPolygon）后再导入',
    );
  }
  if (problems.length > 0) return { ok: false, problems: problems.slice(0, PROBLEM_LIMIT) };

  const covered = new Set(matched.map((m) => m.code));
  return {
    ok: true,
    report: {
      featureCount: features.length,
      matched,
      unmatchedFeatures,
      townshipsWithoutFeature: townships.filter((t) => !covered.has(t.code)).map(({ code, name }) => ({ code, name })),
    },
    features: normalised,
  };
}
