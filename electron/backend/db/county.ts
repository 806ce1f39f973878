import type { TownshipBoundary } from '../../../shared/contract/board';
import type { SystemInfo } from '../../../shared/contract/system';
import { centreNameOf } from '../../../shared/domain/centre';
import type { WorkSettings } from '../../../shared/domain/work-settings';
import { qb, type Sql } from './sql';

/**
 * The county this installation serves, as its reference data holds it, and its centre: read by the
 * sign-in page, the reports' letterhead, the board and the hazards' location check alike.
 */

/** The county's region, or null before reference data (or the demo) is loaded. */
export function findCounty(sql: Sql): SystemInfo['county'] {
  return (
    sql.get(qb.selectFrom('regions').select(['code', 'name']).where('level', '=', 'county').orderBy('code').limit(1)) ??
    null
  );
}

/** The centre's name: the administrator's setting, or the county's 社会治理综合服务中心. */
export const findCentreName = (sql: Sql, work: Pick<WorkSettings, 'centreName'>): string =>
  centreNameOf(findCounty(sql)?.name, work.centreName);

/** The centre's name once the county is set up (the sign-in page and the board show none before). */
export function centreOfCounty(sql: Sql, work: Pick<WorkSettings, 'centreName'>): string | null {
  const county = findCounty(sql);
  return county ? centreNameOf(county.name, work.centreName) : null;
}

/** The active township boundary set, or null before one is imported. */
export function activeBoundary(sql: Sql): TownshipBoundary | null {
  const row = sql.get(
    qb
      .selectFrom('boundaries')
      .select(['source_unit', 'approval_no', 'crs', 'data_date', 'geojson'])
      .where('active', '=', 1),
  );
  if (!row) return null;
  return {
    source: { sourceUnit: row.source_unit, approvalNo: row.approval_no, crs: row.crs, dataDate: row.data_date },
    geojson: JSON.parse(row.geojson) as TownshipBoundary['geojson'],
  };
}
