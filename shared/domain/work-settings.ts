import { DEFAULT_DUE_SOON_DAYS } from './deadlines';

/** Business settings the administrator may change, with their defaults. Later ledgers add theirs. */
export interface WorkSettings {
  /** Days before a due date from which an item is 临期 (deadline stages of every clock). */
  dueSoonDays: number;
}

export const DEFAULT_WORK_SETTINGS: WorkSettings = {
  dueSoonDays: DEFAULT_DUE_SOON_DAYS,
};

export const WORK_SETTING_LABELS: Record<keyof WorkSettings, string> = {
  dueSoonDays: '临期提醒天数（到期前几日起为临期）',
};
