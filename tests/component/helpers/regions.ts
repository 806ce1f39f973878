import type { Region } from '@shared/contract/regions';

/** A region in use with one child, as regions.list answers. */
export const region = (code: string, name: string, level: Region['level'], parentCode: string): Region => ({
  code,
  name,
  level,
  parentCode,
  childCount: 1,
  enabled: true,
});
