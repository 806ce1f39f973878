/**
 * The administrative hierarchy: county → township/street → village/community → grid.
 * Division codes (GB/T 2260 and the statistical division code) have 12 digits: 6 for the county,
 * 3 for the township, 3 for the village; a grid adds a 3-digit suffix (15 digits in all).
 */
export const REGION_LEVELS = ['county', 'township', 'village', 'grid'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

export const REGION_LEVEL_LABELS: Record<RegionLevel, string> = {
  county: '县/区',
  township: '乡镇/街道',
  village: '村/社区',
  grid: '网格',
};

export const DIVISION_CODE_PATTERN = /^\d{12}$/;
export const GRID_CODE_PATTERN = /^\d{15}$/;

/** The level a code denotes, or null when it is not a well-formed division or grid code. */
export function levelOfCode(code: string): RegionLevel | null {
  if (GRID_CODE_PATTERN.test(code)) return code.endsWith('000') ? null : 'grid';
  if (!DIVISION_CODE_PATTERN.test(code)) return null;
  const township = code.slice(6, 9);
  const village = code.slice(9, 12);
  if (township === '000') return village === '000' ? 'county' : null;
  return village === '000' ? 'township' : 'village';
}

/** The code of the enclosing region, or null for a county. */
export function parentCodeOf(code: string): string | null {
  switch (levelOfCode(code)) {
    case 'grid':
      return code.slice(0, 12);
    case 'village':
      return `${code.slice(0, 9)}000`;
    case 'township':
      return `${code.slice(0, 6)}000000`;
    default:
      return null;
  }
}

/** The level of the regions directly below one of `level` (a grid has none). */
export const CHILD_LEVEL: Record<RegionLevel, RegionLevel | null> = {
  county: 'township',
  township: 'village',
  village: 'grid',
  grid: null,
};

/** How a new region's code is written under its parent, for the message and the form that ask for it. */
export const CODE_SHAPES: Record<Exclude<RegionLevel, 'county'>, string> = {
  township: '12 位：县代码 6 位 + 乡镇 3 位（不为 000）+ 000',
  village: '12 位：乡镇代码前 9 位 + 村/社区 3 位（不为 000）',
  grid: '15 位：村/社区代码 12 位 + 网格 3 位（不为 000）',
};

/**
 * What is wrong with `code` as a new region directly under `parentCode`, or null: it must be a
 * well-formed code of the next level down whose parent, as the code itself says, is that parent.
 */
export function childCodeProblem(parentCode: string, code: string): string | null {
  const parentLevel = levelOfCode(parentCode);
  const level = parentLevel && CHILD_LEVEL[parentLevel];
  if (!level) return '网格之下不能再设下级区划';
  if (levelOfCode(code) !== level || parentCodeOf(code) !== parentCode) {
    return `${REGION_LEVEL_LABELS[level]}代码应为 ${CODE_SHAPES[level as Exclude<RegionLevel, 'county'>]}，且须在上级 ${parentCode} 之下`;
  }
  return null;
}

/** A county's code: its 6-digit division code followed by six zeros. */
export const countyCodeOf = (divisionCode: string): string => `${divisionCode}000000`;
