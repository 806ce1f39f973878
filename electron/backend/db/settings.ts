import { DEFAULT_BACKUP_SETTINGS, type BackupSettings } from '../../../shared/domain/backup-settings';
import { DEFAULT_BOARD_SETTINGS, type BoardSettings } from '../../../shared/domain/board/board-settings';
import { DEFAULT_CENTRE_SERVER_SETTINGS, type CentreServerSettings } from '../../../shared/domain/centre-server';
import { DEFAULT_SECURITY_SETTINGS, type SecuritySettings } from '../../../shared/domain/security-settings';
import { DEFAULT_WORK_SETTINGS, type WorkSettings } from '../../../shared/domain/work-settings';
import { qb, type Sql } from './sql';

/** The setting groups, each one row of `settings` holding JSON, with its defaults. */
export const SETTING_GROUPS = {
  security: DEFAULT_SECURITY_SETTINGS,
  work: DEFAULT_WORK_SETTINGS,
  backup: DEFAULT_BACKUP_SETTINGS,
  board: DEFAULT_BOARD_SETTINGS,
  server: DEFAULT_CENTRE_SERVER_SETTINGS,
} satisfies Record<string, object>;

export interface SettingValues {
  security: SecuritySettings;
  work: WorkSettings;
  backup: BackupSettings;
  board: BoardSettings;
  server: CentreServerSettings;
}

export type SettingGroup = keyof SettingValues;

/** A group's stored values over its defaults (a setting added later keeps its default). */
export function readSettings<G extends SettingGroup>(sql: Sql, group: G): SettingValues[G] {
  const row = sql.get(qb.selectFrom('settings').select('value').where('key', '=', group));
  return { ...SETTING_GROUPS[group], ...(row ? (JSON.parse(row.value) as Partial<SettingValues[G]>) : {}) };
}

/** Every group, as the backend reads them at start and after a restore. */
export const readAllSettings = (sql: Sql): SettingValues => ({
  security: readSettings(sql, 'security'),
  work: readSettings(sql, 'work'),
  backup: readSettings(sql, 'backup'),
  board: readSettings(sql, 'board'),
  server: readSettings(sql, 'server'),
});
