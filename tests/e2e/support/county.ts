import { generateBoundary } from '../../../electron/backend/demo/boundary';
import type { WebApp } from './serve';

/** A county that is not the demo: its 6-digit code, its townships and some of their villages. */
export interface County {
  name: string;
  divisionCode: string;
  townships: ReadonlyArray<{ code: string; name: string; villages?: ReadonlyArray<{ code: string; name: string }> }>;
  /** Where the county lies: the centre of its boundary, [longitude, latitude]. */
  centre: readonly [number, number];
}

/**
 * Sets the county and its regions up through the contract as the administrator (`api`), the steps
 * county-setup.test.ts proves through the screens.
 */
export async function setUpCounty(api: WebApp['api'], county: County): Promise<void> {
  const done = async (method: string, input: unknown) => {
    const reply = await api(method, input);
    if (!reply.ok) throw new Error(`${method} 失败：${reply.error?.message}`);
  };
  await done('regions.setUpCounty', { name: county.name, divisionCode: county.divisionCode });
  const countyCode = `${county.divisionCode}000000`;
  for (const township of county.townships) {
    await done('regions.create', { parentCode: countyCode, code: township.code, name: township.name });
    for (const village of township.villages ?? [])
      await done('regions.create', { parentCode: township.code, code: village.code, name: village.name });
  }
}

/** The demo's generator draws its townships around this point; the county's own file is moved to its centre. */
const GENERATOR_CENTRE = [113.3, 34.6] as const;

/**
 * The county's township boundaries as a surveying office hands them over: a GeoJSON file whose
 * polygons tile an irregular county outline (the demo's generator, with the county's own seed and
 * townships, moved to where the county lies), each named by 乡镇名称 (XZQMC) and code (XZQDM).
 */
export function countyBoundaryFile(county: County, seed: number): string {
  const townships = county.townships.map((township, i) => ({
    ...township,
    level: 'township' as const,
    parentCode: `${county.divisionCode}000000`,
    sort: i + 1,
    type: 'town' as const,
  }));
  const [dLng, dLat] = [county.centre[0] - GENERATOR_CENTRE[0], county.centre[1] - GENERATOR_CENTRE[1]];
  const shift = ([lng, lat]: readonly number[]) => [
    Math.round((lng! + dLng) * 1e6) / 1e6,
    Math.round((lat! + dLat) * 1e6) / 1e6,
  ];
  const features = generateBoundary(seed, townships).collection.features.map((feature) => ({
    type: 'Feature',
    properties: { XZQMC: feature.properties.name, XZQDM: feature.properties.code },
    geometry: { type: 'Polygon', coordinates: feature.geometry.coordinates.map((ring) => ring.map(shift)) },
  }));
  return JSON.stringify({ type: 'FeatureCollection', features });
}
