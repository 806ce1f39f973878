import type { DemoScale } from '../../../shared/contract/system';
import type { RegionLevel } from '../../../shared/domain/regions';
import { communityName, DEMO_COUNTY_NAME, placeName, subdistrictNames, villageName } from './names';
import type { Random } from './random';

/** 999901: province codes never start with 99, so this county code cannot be a real one. */
export const DEMO_COUNTY_CODE = '999901000000';

/** 街道 (subdistrict), 镇 (town) or 乡 (township): the three kinds of township-level division. */
export type TownshipType = 'subdistrict' | 'town' | 'township';

export interface DemoRegion {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
  /** Position among its siblings, from 1. */
  sort: number;
}

export interface DemoTownship extends DemoRegion {
  type: TownshipType;
}

export interface DemoRegions {
  county: DemoRegion;
  townships: DemoTownship[];
  villages: DemoRegion[];
  grids: DemoRegion[];
}

const TOWNSHIP_COUNTS: Record<DemoScale, Record<TownshipType, number>> = {
  small: { subdistrict: 3, town: 8, township: 4 },
  large: { subdistrict: 4, town: 14, township: 7 },
};
const VILLAGE_TARGET: Record<DemoScale, number> = { small: 200, large: 400 };

const SUFFIX: Record<TownshipType, string> = { subdistrict: '街道', town: '镇', township: '乡' };
/** As in the statistical division code: 街道 001-099, 镇 100-199, 乡 200-399. */
const FIRST_TOWNSHIP_NUMBER: Record<TownshipType, number> = { subdistrict: 1, town: 100, township: 200 };
/** Likewise below a township: 居委会 (社区) 001-199, 村委会 (村) 200-399. */
const FIRST_COMMUNITY_NUMBER = 1;
const FIRST_VILLAGE_NUMBER = 200;

const pad3 = (n: number): string => String(n).padStart(3, '0');

/** How many villages each township gets: spread by weight so the county's total lands near the target. */
function villageCounts(random: Random, types: TownshipType[], target: number): number[] {
  const weights = types.map((type) =>
    type === 'subdistrict' ? 0.7 : type === 'town' ? random.between(1, 1.3) : random.between(0.8, 1.1),
  );
  const total = weights.reduce((sum, w) => sum + w, 0);
  return weights.map((w) => Math.max(4, Math.round((target * w) / total)));
}

function townshipsOf(random: Random, scale: DemoScale): DemoTownship[] {
  const counts = TOWNSHIP_COUNTS[scale];
  const used = new Set<string>(subdistrictNames(random, counts.subdistrict));
  const names: Record<TownshipType, string[]> = {
    subdistrict: [...used],
    town: Array.from({ length: counts.town }, () => placeName(random, used)),
    township: Array.from({ length: counts.township }, () => placeName(random, used)),
  };
  const types: TownshipType[] = ['subdistrict', 'town', 'township'];
  const entries = types.flatMap((type) =>
    names[type].map((name, i) => ({ type, name, number: FIRST_TOWNSHIP_NUMBER[type] + i })),
  );
  return entries.map(({ type, name, number }, i) => ({
    code: `${DEMO_COUNTY_CODE.slice(0, 6)}${pad3(number)}000`,
    name: name + SUFFIX[type],
    level: 'township',
    parentCode: DEMO_COUNTY_CODE,
    sort: i + 1,
    type,
  }));
}

/** Communities first (a subdistrict has only those, a town its seat), then villages. */
function villagesOf(random: Random, township: DemoTownship, count: number, used: Set<string>): DemoRegion[] {
  const communities = township.type === 'subdistrict' ? count : township.type === 'town' ? random.int(1, 2) : 0;
  const seatName = `${township.name.slice(0, -SUFFIX.town.length)}社区`;
  return Array.from({ length: count }, (_, i) => {
    const isCommunity = i < communities;
    let name: string;
    if (isCommunity && i === 0 && township.type === 'town' && !used.has(seatName)) {
      used.add(seatName);
      name = seatName;
    } else {
      name = isCommunity ? communityName(random, used) : villageName(random, used);
    }
    const number = isCommunity ? FIRST_COMMUNITY_NUMBER + i : FIRST_VILLAGE_NUMBER + i - communities;
    return {
      code: `${township.code.slice(0, 9)}${pad3(number)}`,
      name,
      level: 'village' as const,
      parentCode: township.code,
      sort: i + 1,
    };
  });
}

/** Grids (第N网格): a community is denser than a village, so it has more. */
function gridsOf(random: Random, village: DemoRegion): DemoRegion[] {
  const isCommunity = village.name.endsWith('社区');
  const count = isCommunity ? random.int(8, 14) : random.int(4, 10);
  return Array.from({ length: count }, (_, i) => ({
    code: `${village.code}${pad3(i + 1)}`,
    name: `第${i + 1}网格`,
    level: 'grid' as const,
    parentCode: village.code,
    sort: i + 1,
  }));
}

/** The made-up county's whole division tree, every level listed parents first. */
export function generateRegions(random: Random, scale: DemoScale): DemoRegions {
  const county: DemoRegion = {
    code: DEMO_COUNTY_CODE,
    name: DEMO_COUNTY_NAME,
    level: 'county',
    parentCode: null,
    sort: 1,
  };
  const townships = townshipsOf(random, scale);
  const counts = villageCounts(
    random,
    townships.map((t) => t.type),
    VILLAGE_TARGET[scale],
  );
  const usedVillageNames = new Set<string>();
  const villages = townships.flatMap((township, i) => villagesOf(random, township, counts[i]!, usedVillageNames));
  const grids = villages.flatMap((village) => gridsOf(random, village));
  return { county, townships, villages, grids };
}
