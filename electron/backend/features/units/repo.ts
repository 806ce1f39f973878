import type { z } from 'zod';
import type { Page } from '../../../../shared/contract';
import type { Unit, unitsListInput } from '../../../../shared/contract/units';
import { contains, offsetOf } from '../../db/paging';
import { qb, type Sql } from '../../db/sql';

type ListInput = z.output<typeof unitsListInput>;

function filtered(input: Pick<ListInput, 'kind' | 'keyword'> & { includeDisabled?: boolean }) {
  let query = qb.selectFrom('units as u');
  if (!input.includeDisabled) query = query.where('u.disabled_at', 'is', null);
  if (input.kind) query = query.where('u.kind', '=', input.kind);
  if (input.keyword) query = query.where(contains('u.name', input.keyword));
  return query;
}

const withColumns = (query: ReturnType<typeof filtered>) =>
  query.select((eb) => [
    'u.id',
    'u.code',
    'u.name',
    'u.kind',
    'u.region_code as regionCode',
    eb('u.disabled_at', 'is', null).as('enabled'),
  ]);

/** SQLite answers a condition with 0 or 1. */
const unitOf = (row: Omit<Unit, 'enabled'> & { enabled: unknown }): Unit => ({ ...row, enabled: !!row.enabled });

export function listUnits(sql: Sql, input: ListInput): Page<Unit> {
  const total = sql.get(filtered(input).select((eb) => eb.fn.countAll<number>().as('n')))?.n ?? 0;
  const items = sql
    .all(
      withColumns(filtered(input))
        .orderBy('u.sort')
        .orderBy('u.code')
        .limit(input.pageSize)
        .offset(offsetOf(input.page, input.pageSize)),
    )
    .map(unitOf);
  return { items, total, page: input.page, pageSize: input.pageSize };
}

/** A unit whether in use or disabled (a record may name a disabled one). */
export function findUnit(sql: Sql, id: string): Unit | undefined {
  const row = sql.get(withColumns(filtered({ includeDisabled: true })).where('u.id', '=', id));
  return row && unitOf(row);
}
