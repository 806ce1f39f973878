import type { SystemInfo } from '@shared/contract/system';

type CountKey = keyof SystemInfo['counts'];

/** How the reference-data counts of system.info are named, in one place for home and the board. */
export const REFERENCE_COUNTS: ReadonlyArray<{ key: CountKey; label: string; unit: string }> = [
  { key: 'townships', label: '乡镇/街道', unit: '个' },
  { key: 'villages', label: '村/社区', unit: '个' },
  { key: 'grids', label: '网格', unit: '个' },
  { key: 'units', label: '承办单位', unit: '个' },
  { key: 'people', label: '领导与责任人', unit: '名' },
];
