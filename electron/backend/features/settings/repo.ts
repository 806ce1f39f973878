import { DEFAULT_SECURITY_SETTINGS, type SecuritySettings } from '../../../../shared/domain/security-settings';
import { qb, type Sql } from '../../db/sql';

const KEY = 'security';

export function readSecuritySettings(sql: Sql): SecuritySettings {
  const row = sql.get(qb.selectFrom('settings').select('value').where('key', '=', KEY));
  return { ...DEFAULT_SECURITY_SETTINGS, ...(row ? (JSON.parse(row.value) as Partial<SecuritySettings>) : {}) };
}

export function writeSecuritySettings(sql: Sql, settings: SecuritySettings, now: Date): void {
  const value = JSON.stringify(settings);
  sql.run(
    qb
      .insertInto('settings')
      .values({ key: KEY, value, updated_at: now.toISOString() })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now.toISOString() })),
  );
}
