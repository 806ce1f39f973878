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
