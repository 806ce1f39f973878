import { sql as rawSql, type InferResult } from 'kysely';
import type { z } from 'zod';
import type { Page } from '../../../../shared/contract';
import type { UserAccount, usersListInput } from '../../../../shared/contract/users';
import { maskPhone } from '../../../../shared/domain/masking';
import { townshipPrefix } from '../../../../shared/domain/scope';
import { ROLES } from '../../../../shared/domain/roles';
import { contains, offsetOf } from '../../db/paging';
import { qb, type Sql } from '../../db/sql';
import type { RegionReference } from '../../ledger/registry';

/** A township account's scope, which a township's merge re-points. */
export const accountRegions: RegionReference = { noun: '账号', table: 'users', columns: { township: 'region_code' } };

type ListInput = z.output<typeof usersListInput>;

function filtered(input: Partial<ListInput>, scope: string | null) {
  let query = qb.selectFrom('users as u');
  if (scope) query = query.where('u.region_code', 'like', `${townshipPrefix(scope)}%`);
  if (input.keyword) {
    const keyword = input.keyword;
    query = query.where((eb) => eb.or([contains('u.username', keyword), contains('u.display_name', keyword)]));
  }
  if (input.role) {
    const role = input.role;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('user_roles as r')
          .select('r.user_id')
          .whereRef('r.user_id', '=', 'u.id')
          .where('r.role', '=', role),
      ),
    );
  }
  if (input.enabled !== undefined) query = query.where('u.enabled', '=', input.enabled ? 1 : 0);
  return query;
}

const withColumns = (query: ReturnType<typeof filtered>) =>
  query
    .leftJoin('units as n', 'n.id', 'u.unit_id')
    .leftJoin('regions as g', 'g.code', 'u.region_code')
    .select((eb) => [
      'u.id',
      'u.username',
      'u.display_name',
      'u.unit_id',
      'n.name as unit_name',
      'u.region_code',
      'g.name as region_name',
      'u.phone',
      'u.enabled',
      'u.locked_until',
      'u.must_change_password',
      'u.password_changed_at',
      'u.created_at',
      eb
        .selectFrom('user_roles as r')
        .whereRef('r.user_id', '=', 'u.id')
        .select(rawSql<string>`group_concat(r.role)`.as('roles'))
        .as('roles'),
    ]);

type AccountRow = InferResult<ReturnType<typeof withColumns>>[number];

function toAccount(row: AccountRow, now: Date): UserAccount {
  const held = new Set((row.roles ?? '').split(','));
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    unitId: row.unit_id,
    unitName: row.unit_name,
    regionCode: row.region_code,
    regionName: row.region_name,
    roles: ROLES.filter((role) => held.has(role)),
    phoneMasked: row.phone ? maskPhone(row.phone) : null,
    enabled: row.enabled === 1,
    locked: !!row.locked_until && row.locked_until > now.toISOString(),
    mustChangePassword: row.must_change_password === 1,
    passwordChangedAt: row.password_changed_at,
    createdAt: row.created_at,
  };
}

export function listAccounts(sql: Sql, input: ListInput, scope: string | null, now: Date): Page<UserAccount> {
  const total = sql.get(filtered(input, scope).select((eb) => eb.fn.countAll<number>().as('n')))?.n ?? 0;
  const rows = sql.all(
    withColumns(filtered(input, scope))
      .orderBy('u.created_at')
      .orderBy('u.id')
      .limit(input.pageSize)
      .offset(offsetOf(input.page, input.pageSize)),
  );
  return { items: rows.map((row) => toAccount(row, now)), total, page: input.page, pageSize: input.pageSize };
}

export function findAccount(sql: Sql, id: string, now: Date): UserAccount | undefined {
  const row = sql.get(withColumns(filtered({}, null)).where('u.id', '=', id));
  return row ? toAccount(row, now) : undefined;
}
