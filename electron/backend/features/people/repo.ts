import type { z } from 'zod';
import type { Page } from '../../../../shared/contract';
import type { Person, peopleListInput } from '../../../../shared/contract/people';
import { maskPhone } from '../../../../shared/domain/masking';
import { contains, offsetOf } from '../../db/paging';
import { qb, type Sql } from '../../db/sql';

type ListInput = z.output<typeof peopleListInput>;

function filtered(input: Pick<ListInput, 'role' | 'unitId' | 'keyword'> & { includeDisabled?: boolean }) {
  let query = qb.selectFrom('people as p').innerJoin('units as u', 'u.id', 'p.unit_id');
  if (!input.includeDisabled) query = query.where('p.disabled_at', 'is', null);
  if (input.role) query = query.where('p.role', '=', input.role);
  if (input.unitId) query = query.where('p.unit_id', '=', input.unitId);
  if (input.keyword) query = query.where(contains('p.name', input.keyword));
  return query;
}

const withColumns = (query: ReturnType<typeof filtered>) =>
  query.select((eb) => [
    'p.id',
    'p.name',
    'p.title',
    'p.role',
    'p.unit_id as unitId',
    'u.name as unitName',
    'p.phone',
    eb('p.disabled_at', 'is', null).as('enabled'),
  ]);

/** The phone leaves the backend masked; SQLite answers a condition with 0 or 1. */
const personOf = ({
  phone,
  enabled,
  ...row
}: Omit<Person, 'enabled' | 'phoneMasked'> & { phone: string; enabled: unknown }): Person => ({
  ...row,
  phoneMasked: phone ? maskPhone(phone) : '',
  enabled: !!enabled,
});

export function listPeople(sql: Sql, input: ListInput): Page<Person> {
  const total = sql.get(filtered(input).select((eb) => eb.fn.countAll<number>().as('n')))?.n ?? 0;
  const items = sql
    .all(
      withColumns(filtered(input))
        .orderBy('p.sort')
        .orderBy('p.id')
        .limit(input.pageSize)
        .offset(offsetOf(input.page, input.pageSize)),
    )
    .map(personOf);
  return { items, total, page: input.page, pageSize: input.pageSize };
}

/** A person whether in use or disabled (a record may name a disabled one). */
export function findPerson(sql: Sql, id: string): Person | undefined {
  const row = sql.get(withColumns(filtered({ includeDisabled: true })).where('p.id', '=', id));
  return row && personOf(row);
}
