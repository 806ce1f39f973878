/** Security settings the administrator may change, with their defaults and bounds. */
export interface SecuritySettings {
  /** Failed logins before the account is locked. */
  lockoutThreshold: number;
  lockoutMinutes: number;
  /** Minutes without a call before the session locks. */
  idleMinutes: number;
  /** Days a password stays valid; 0 turns expiry off. */
  passwordExpiryDays: number;
}

export const DEFAULT_SECURITY_SETTINGS: SecuritySettings = {
  lockoutThreshold: 5,
  lockoutMinutes: 15,
  idleMinutes: 30,
  passwordExpiryDays: 90,
};

export const SECURITY_SETTING_LABELS: Record<keyof SecuritySettings, string> = {
  lockoutThreshold: '连续登录失败锁定次数',
  lockoutMinutes: '账号锁定时长（分钟）',
  idleMinutes: '空闲锁屏时间（分钟）',
  passwordExpiryDays: '密码有效期（天，0 为不过期）',
};

/** Passwords the user may not reuse: the current one and the ones before it, 5 in all. */
export const PASSWORD_HISTORY_DEPTH = 5;
