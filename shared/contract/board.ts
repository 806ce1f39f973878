import { defineMethod, noInput } from './define';

/** Where the township boundaries came from; shown on the map (see DOMAIN.md, maps and the law). */
export interface BoundarySource {
  sourceUnit: string;
  /** 审图号; empty for the made-up demo county. */
  approvalNo: string;
  /** Coordinate reference system, e.g. CGCS2000 or WGS84. */
  crs: string;
  /** Date of the boundary data, YYYY-MM-DD. */
  dataDate: string;
}

export interface TownshipBoundary {
  source: BoundarySource;
  /** GeoJSON FeatureCollection of Polygon/MultiPolygon; each feature's `properties.code` is a township code. */
  geojson: {
    type: 'FeatureCollection';
    features: Array<{
      type: 'Feature';
      properties: { code: string; name: string };
      geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
    }>;
  };
}

export const boardContract = {
  'board.boundary': defineMethod<TownshipBoundary | null>()({
    input: noInput,
    access: 'board.read',
    summary: '取本县乡镇边界（未导入时为空）',
  }),
};
