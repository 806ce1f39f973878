import { sql as rawSql } from 'kysely';
import type { z } from 'zod';
import type { Page } from '../../../../shared/contract';
import type { Person, peopleListInput } from '../../../../shared/contract/people';
import { maskPhone } from '../../../../shared/domain/masking';
import { containsNamed, containsPattern, pageBounds } from '../../db/paging';
import { referencePage, type ReferenceList } from '../../db/reference-list';
import { named, qb, type Sql } from '../../db/sql';

type ListInput = z.output<typeof peopleListInput>;

type PersonQuery = ReturnType<typeof selection>;
type PersonRow = Omit<Person, 'enabled' | 'phoneMasked'> & { phone: string; enabled: unknown };

const selection = (includeDisabled: boolean) => {
  const query = qb.selectFrom('people as p').innerJoin('units as u', 'u.id', 'p.unit_id');
  return includeDisabled ? query : query.where('p.disabled_at', 'is', null);
};

const withColumns = (query: PersonQuery) =>
  query.select((eb) => [
    'p.id',
    'p.name',
    'p.title',
    'p.role',
    'p.unit_id as unitId',
    'u.name as unitName',
    // Sealed at rest (db/personal-cipher.ts): opened here, masked below.
    rawSql<string>`zz_open(p.phone)`.as('phone'),
    eb('p.disabled_at', 'is', null).as('enabled'),
  ]);

/** The phone leaves the backend masked; SQLite answers a condition with 0 or 1. */
const personOf = ({ phone, enabled, ...row }: PersonRow): Person => ({
  ...row,
  phoneMasked: phone ? maskPhone(phone) : '',
  enabled: !!enabled,
});

const PEOPLE: ReferenceList<PersonQuery, 'role' | 'unitId' | 'keyword', PersonRow> = {
  name: 'people',
  base: selection,
  filters: {
    role: (query) => query.where('p.role', '=', named('role')),
    unitId: (query) => query.where('p.unit_id', '=', named('unitId')),
    keyword: (query) => query.where(containsNamed('p.name', 'keyword')),
  },
  count: (query) => query.select((eb) => eb.fn.countAll<number>().as('n')),
  page: (query, pageSize) => {
    const { limit, offset } = pageBounds(pageSize);
    return withColumns(query).orderBy('p.sort').orderBy('p.id').limit(limit).offset(offset);
  },
};

export function listPeople(sql: Sql, input: ListInput): Page<Person> {
  const page = referencePage(sql, PEOPLE, input, {
    role: input.role,
    unitId: input.unitId,
    keyword: input.keyword ? containsPattern(input.keyword) : undefined,
  });
  return { ...page, items: page.items.map(personOf) };
}

/** A person whether in use or disabled (a record may name a disabled one). */
export function findPerson(sql: Sql, id: string): Person | undefined {
  const row = sql.get(withColumns(selection(true)).where('p.id', '=', id));
  return row && personOf(row);
}
