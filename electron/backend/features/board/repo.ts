import type { TownshipBoundary } from '../../../../shared/contract/board';
import { qb, type Sql } from '../../db/sql';

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
