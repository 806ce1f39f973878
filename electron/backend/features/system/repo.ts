import type { SystemInfo } from '../../../../shared/contract/system';
import { qb, type Sql } from '../../db/sql';

export function countReferenceData(sql: Sql): SystemInfo['counts'] {
  const levels = sql.all(
    qb
      .selectFrom('regions')
      .select((eb) => ['level', eb.fn.countAll<number>().as('n')])
      .groupBy('level'),
  );
  const byLevel = (level: string) => levels.find((row) => row.level === level)?.n ?? 0;
  const count = (table: 'units' | 'people') =>
    sql.get(qb.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')))?.n ?? 0;
  return {
    townships: byLevel('township'),
    villages: byLevel('village'),
    grids: byLevel('grid'),
    units: count('units'),
    people: count('people'),
  };
}
