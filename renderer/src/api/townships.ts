import { PAGE_SIZE_MAX } from '@shared/contract/define';
import type { Region } from '@shared/contract/regions';
import { call } from './client';

/** The county's townships in one call: a county has about 10-25, far below the page limit. */
export async function listTownships(countyCode: string): Promise<Region[]> {
  const page = await call('regions.list', { level: 'township', parentCode: countyCode, pageSize: PAGE_SIZE_MAX });
  return page.items;
}
