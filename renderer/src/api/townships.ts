import { PAGE_SIZE_MAX } from '@shared/contract/define';
import type { Region } from '@shared/contract/regions';
import { call } from './client';

/**
 * The county's townships (those the user may see) in one call: a county has about 10-25, far below
 * the page limit. Without a county code, every township in the database.
 */
export async function listTownships(countyCode?: string): Promise<Region[]> {
  const page = await call('regions.list', {
    level: 'township',
    ...(countyCode ? { parentCode: countyCode } : {}),
    pageSize: PAGE_SIZE_MAX,
  });
  return page.items;
}
