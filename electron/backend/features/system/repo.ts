import type { SystemInfo } from '../../../../shared/contract/system';
import { qb, type Sql } from '../../db/sql';

/** What the county has in use: disabled regions, units and people are kept but not counted. */
export function countReferenceData(sql: Sql): SystemInfo['counts'] {
  const levels = sql.all(
    qb
      .selectFrom('regions')
      .where('disabled_at', 'is', null)
      .select((eb) => ['level', eb.fn.countAll<number>().as('n')])
      .groupBy('level'),
  );
  const byLevel = (level: string) => levels.find((row) => row.level === level)?.n ?? 0;
  const count = (table: 'units' | 'people') =>
    sql.get(
      qb
        .selectFrom(table)
        .where('disabled_at', 'is', null)
        .select((eb) => eb.fn.countAll<number>().as('n')),
    )?.n ?? 0;
  return {
    townships: byLevel('township'),
    villages: byLevel('village'),
    grids: byLevel('grid'),
    units: count('units'),
    people: count('people'),
  };
}
