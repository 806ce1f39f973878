/** The duty roster (值班表): who leads and who is on duty each day, shown on the board. */
export const DUTY_ROLES = ['leader', 'officer'] as const;
export type DutyRole = (typeof DUTY_ROLES)[number];

export const DUTY_ROLE_LABELS: Record<DutyRole, string> = { leader: '带班领导', officer: '值班员' };

/** People on one day's roster, all roles together. */
export const DUTY_DAY_MAX = 20;
/** Days one `duty.list` call may cover. */
export const DUTY_RANGE_MAX_DAYS = 62;
