import { systemContract, type DemoScale } from '../../../shared/contract/system';
import { generateBoundary, type DemoBoundary } from './boundary';
import { generatePeople, type DemoPerson } from './people';
import { streamOf } from './random';
import { generateRegions, type DemoRegions } from './regions';
import { generateUnits, type DemoUnit } from './units';
import { seededUuidV7 } from './uuid';

export interface DemoOptions {
  scale: DemoScale;
  seed: number;
}

export interface DemoCounty extends DemoRegions {
  units: DemoUnit[];
  people: DemoPerson[];
  boundary: DemoBoundary;
  boundaryId: string;
}

/** The contract's defaults (small, seed 20261122): the committed boundary file is drawn from these. */
export const DEFAULT_DEMO_OPTIONS: DemoOptions = systemContract['system.loadDemo'].input.parse({});

/**
 * The whole made-up county, in memory. Each part draws from its own stream of the seed, so the
 * same options always give the same county, id for id.
 */
export function generateDemoCounty({ scale, seed }: DemoOptions): DemoCounty {
  const regions = generateRegions(streamOf(seed, 'regions'), scale);
  const newId = seededUuidV7(streamOf(seed, 'ids'));
  const units = generateUnits(regions.townships, newId);
  const people = generatePeople(streamOf(seed, 'people'), units, scale, newId);
  return {
    ...regions,
    units,
    people,
    boundary: generateBoundary(seed, regions.townships),
    boundaryId: newId(),
  };
}
