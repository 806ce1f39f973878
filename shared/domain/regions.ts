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
