import { ROLES, type Role } from '../../../shared/domain/roles';
import type { Schema } from '../db/schema';
import { qb, type Sql } from '../db/sql';

/**
 * Accounts as signing in, sessions and account management read and write them: the rows, their
 * roles and their password history.
 */
export type UserRow = Schema['users'];

export const findUserByUsername = (sql: Sql, username: string): UserRow | undefined =>
  sql.get(qb.selectFrom('users').selectAll().where('username', '=', username));

export const findUserRow = (sql: Sql, id: string): UserRow | undefined =>
  sql.get(qb.selectFrom('users').selectAll().where('id', '=', id));

export const rolesOf = (sql: Sql, userId: string): Role[] => {
  const held = new Set(
    sql.all(qb.selectFrom('user_roles').select('role').where('user_id', '=', userId)).map((r) => r.role),
  );
  return ROLES.filter((role) => held.has(role));
};

/** Enabled accounts holding `role`, optionally leaving one out. */
export const countEnabledWithRole = (sql: Sql, role: Role, except?: string): number =>
  sql.get(
    qb
      .selectFrom('user_roles as r')
      .innerJoin('users as u', 'u.id', 'r.user_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('r.role', '=', role)
      .where('u.enabled', '=', 1)
      .$if(!!except, (q) => q.where('u.id', '!=', except!)),
  )?.n ?? 0;

export const countUsers = (sql: Sql): number =>
  sql.get(qb.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')))?.n ?? 0;

export const setRoles = (sql: Sql, userId: string, roles: readonly Role[]): void => {
  sql.run(qb.deleteFrom('user_roles').where('user_id', '=', userId));
  for (const role of roles) sql.run(qb.insertInto('user_roles').values({ user_id: userId, role }));
};

export const recentPasswordHashes = (sql: Sql, userId: string, depth: number): string[] =>
  sql
    .all(
      qb
        .selectFrom('password_history')
        .select('password_hash')
        .where('user_id', '=', userId)
        .orderBy('seq', 'desc')
        .limit(depth),
    )
    .map((row) => row.password_hash);

export const addPasswordHistory = (sql: Sql, userId: string, hash: string, now: Date): void => {
  sql.run(
    qb.insertInto('password_history').values({ user_id: userId, password_hash: hash, created_at: now.toISOString() }),
  );
};

export interface NewAccount {
  id: string;
  username: string;
  displayName: string;
  unitId: string | null;
  regionCode: string | null;
  phone: string | null;
  passwordHash: string;
  /** An administrator-set password is changed by its owner at first login; one the owner typed is not. */
  mustChangePassword: boolean;
  roles: readonly Role[];
  now: Date;
}

/** Inserts an enabled account with its roles and first password-history entry (inside the caller's transaction). */
export function insertAccount(sql: Sql, account: NewAccount): void {
  const at = account.now.toISOString();
  sql.run(
    qb.insertInto('users').values({
      id: account.id,
      username: account.username,
      display_name: account.displayName,
      unit_id: account.unitId,
      region_code: account.regionCode,
      phone: account.phone,
      enabled: 1,
      password_hash: account.passwordHash,
      password_changed_at: at,
      must_change_password: account.mustChangePassword ? 1 : 0,
      failed_attempts: 0,
      locked_until: null,
      created_at: at,
      updated_at: at,
    }),
  );
  setRoles(sql, account.id, account.roles);
  addPasswordHistory(sql, account.id, account.passwordHash, account.now);
}
