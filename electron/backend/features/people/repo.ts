import type { z } from 'zod';
import type { Page } from '../../../../shared/contract';
import type { Person, peopleListInput } from '../../../../shared/contract/people';
import { contains, offsetOf } from '../../db/paging';
import { qb, type Sql } from '../../db/sql';

type ListInput = z.output<typeof peopleListInput>;

function filtered(input: Pick<ListInput, 'role' | 'unitId' | 'keyword'>) {
  let query = qb.selectFrom('people as p').innerJoin('units as u', 'u.id', 'p.unit_id');
  if (input.role) query = query.where('p.role', '=', input.role);
  if (input.unitId) query = query.where('p.unit_id', '=', input.unitId);
  if (input.keyword) query = query.where(contains('p.name', input.keyword));
  return query;
}

const withColumns = (query: ReturnType<typeof filtered>) =>
  query.select(['p.id', 'p.name', 'p.title', 'p.role', 'p.unit_id as unitId', 'u.name as unitName']);

export function listPeople(sql: Sql, input: ListInput): Page<Person> {
  const total = sql.get(filtered(input).select((eb) => eb.fn.countAll<number>().as('n')))?.n ?? 0;
  const items = sql.all(
    withColumns(filtered(input))
      .orderBy('p.sort')
      .orderBy('p.id')
      .limit(input.pageSize)
      .offset(offsetOf(input.page, input.pageSize)),
  );
  return { items, total, page: input.page, pageSize: input.pageSize };
}

export const findPerson = (sql: Sql, id: string): Person | undefined =>
  sql.get(withColumns(filtered({})).where('p.id', '=', id));
