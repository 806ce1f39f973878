import type { Me } from '../../../shared/contract/auth';
import type { HandlerContext } from '../api/types';
import { qb, type Sql } from '../db/sql';
import type { Principal, Session } from './sessions';
import { rolesOf, type UserRow } from './accounts';

export const principalFromRow = (sql: Sql, user: UserRow): Principal => ({
  userId: user.id,
  username: user.username,
  displayName: user.display_name,
  roles: rolesOf(sql, user.id),
  regionCode: user.region_code,
});

/** Whether the user's password is past the configured validity (0 days: never). */
export function passwordExpired(user: Pick<UserRow, 'password_changed_at'>, expiryDays: number, now: Date): boolean {
  if (expiryDays <= 0) return false;
  return now.getTime() - Date.parse(user.password_changed_at) > expiryDays * 24 * 60 * 60 * 1000;
}

export function meOf(ctx: Pick<HandlerContext, 'sql' | 'settings'>, session: Session): Me {
  const { principal } = session;
  const regionName = principal.regionCode
    ? (ctx.sql.get(qb.selectFrom('regions').select('name').where('code', '=', principal.regionCode))?.name ?? null)
    : null;
  return {
    id: principal.userId,
    username: principal.username,
    displayName: principal.displayName,
    roles: principal.roles,
    regionCode: principal.regionCode,
    regionName,
    mustChangePassword: session.mustChangePassword,
    passwordExpired: session.passwordExpired,
    idleMinutes: ctx.settings.security.idleMinutes,
  };
}
