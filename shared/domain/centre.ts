/**
 * The centre's name (社会治理综合服务中心), as the reports' issuing unit, the board and the sign-in
 * page show it: the administrator's own (系统设置 › 业务设置), or by default the county's name with
 * 社会治理综合服务中心, the name most centres bear.
 */
export const CENTRE_NAME_MAX = 40;

/** What an official body's name is written with (empty: the default); no markup, quotes or paths. */
export const CENTRE_NAME_PATTERN = /^[\p{Script=Han}A-Za-z0-9（）()·・ ]*$/u;

export const DEFAULT_CENTRE_SUFFIX = '社会治理综合服务中心';

/** `setting` empty: the default, from the county's name (none yet before the county is set up). */
export const centreNameOf = (countyName: string | null | undefined, setting: string): string =>
  setting.trim() || `${countyName ?? ''}${DEFAULT_CENTRE_SUFFIX}`;
