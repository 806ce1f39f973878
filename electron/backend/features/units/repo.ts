import type { z } from 'zod';
import type { Page } from '../../../../shared/contract';
import type { Unit, unitsListInput } from '../../../../shared/contract/units';
import { containsNamed, containsPattern, pageBounds } from '../../db/paging';
import { referencePage, type ReferenceList } from '../../db/reference-list';
import { named, qb, type Sql } from '../../db/sql';
import type { RegionReference } from '../../ledger/registry';

type ListInput = z.output<typeof unitsListInput>;

/** A township government's township, which a township's merge re-points. */
export const unitRegions: RegionReference = { noun: '承办单位', table: 'units', columns: { township: 'region_code' } };

type UnitQuery = ReturnType<typeof selection>;
type UnitRow = Omit<Unit, 'enabled'> & { enabled: unknown };

const selection = (includeDisabled: boolean) => {
  const query = qb.selectFrom('units as u');
  return includeDisabled ? query : query.where('u.disabled_at', 'is', null);
};

const withColumns = (query: UnitQuery) =>
  query.select((eb) => [
    'u.id',
    'u.code',
    'u.name',
    'u.kind',
    'u.region_code as regionCode',
    eb('u.disabled_at', 'is', null).as('enabled'),
  ]);

/** SQLite answers a condition with 0 or 1. */
const unitOf = (row: UnitRow): Unit => ({ ...row, enabled: !!row.enabled });

const UNITS: ReferenceList<UnitQuery, 'kind' | 'keyword', UnitRow> = {
  name: 'units',
  base: selection,
  filters: {
    kind: (query) => query.where('u.kind', '=', named('kind')),
    keyword: (query) => query.where(containsNamed('u.name', 'keyword')),
  },
  count: (query) => query.select((eb) => eb.fn.countAll<number>().as('n')),
  page: (query, pageSize) => {
    const { limit, offset } = pageBounds(pageSize);
    return withColumns(query).orderBy('u.sort').orderBy('u.code').limit(limit).offset(offset);
  },
};

export function listUnits(sql: Sql, input: ListInput): Page<Unit> {
  const page = referencePage(sql, UNITS, input, {
    kind: input.kind,
    keyword: input.keyword ? containsPattern(input.keyword) : undefined,
  });
  return { ...page, items: page.items.map(unitOf) };
}

/** A unit whether in use or disabled (a record may name a disabled one). */
export function findUnit(sql: Sql, id: string): Unit | undefined {
  const row = sql.get(withColumns(selection(true)).where('u.id', '=', id));
  return row && unitOf(row);
}
