import type { z } from 'zod';
import type { Page } from '../../../../shared/contract';
import type { Unit, unitsListInput } from '../../../../shared/contract/units';
import { contains, offsetOf } from '../../db/paging';
import { qb, type Sql } from '../../db/sql';

type ListInput = z.output<typeof unitsListInput>;

function filtered(input: Pick<ListInput, 'kind' | 'keyword'>) {
  let query = qb.selectFrom('units as u');
  if (input.kind) query = query.where('u.kind', '=', input.kind);
  if (input.keyword) query = query.where(contains('u.name', input.keyword));
  return query;
}

const withColumns = (query: ReturnType<typeof filtered>) =>
  query.select(['u.id', 'u.code', 'u.name', 'u.kind', 'u.region_code as regionCode']);

export function listUnits(sql: Sql, input: ListInput): Page<Unit> {
  const total = sql.get(filtered(input).select((eb) => eb.fn.countAll<number>().as('n')))?.n ?? 0;
  const items = sql.all(
    withColumns(filtered(input))
      .orderBy('u.sort')
      .orderBy('u.code')
      .limit(input.pageSize)
      .offset(offsetOf(input.page, input.pageSize)),
  );
  return { items, total, page: input.page, pageSize: input.pageSize };
}

export const findUnit = (sql: Sql, id: string): Unit | undefined =>
  sql.get(withColumns(filtered({})).where('u.id', '=', id));
