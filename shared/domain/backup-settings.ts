/** Backup settings the administrator may change, with their defaults. */
export interface BackupSettings {
  /** How many backups each folder keeps; older ones are removed after a successful backup. */
  generations: number;
  /** A second folder each backup is also copied to (a removable drive, a network share); '' for none. */
  secondaryDir: string;
}

export const DEFAULT_BACKUP_SETTINGS: BackupSettings = {
  generations: 14,
  secondaryDir: '',
};

export const BACKUP_SETTING_LABELS: Record<keyof BackupSettings, string> = {
  generations: '保留备份份数',
  secondaryDir: '第二备份位置',
};

/** Labels of the tables whose record counts a backup shows (the others count in the total only). */
export const BACKUP_COUNT_LABELS: Record<string, string> = {
  petitions: '信访积案',
  hazards: '风险隐患',
  assessments: '稳评',
  meetings: '会商',
  reports: '报告',
  users: '账号',
  audit_log: '审计记录',
  attachments: '附件',
  regions: '行政区划',
  units: '单位',
  people: '人员',
};
