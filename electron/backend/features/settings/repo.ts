import type { SettingGroup, SettingValues } from '../../db/settings';
import { qb, type Sql } from '../../db/sql';

export function writeSettings<G extends SettingGroup>(sql: Sql, group: G, values: SettingValues[G], now: Date): void {
  const value = JSON.stringify(values);
  sql.run(
    qb
      .insertInto('settings')
      .values({ key: group, value, updated_at: now.toISOString() })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now.toISOString() })),
  );
}
