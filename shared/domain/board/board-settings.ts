import { DEFAULT_BOARD_WEIGHTS, type BoardWeights } from './risk-index';

/**
 * Web mode for the wall-screen PC (see docs/architecture.md, the board on the LAN): off unless the
 * administrator enables it; read-only board scope, reached with a token. The token is generated
 * by the backend when web mode is enabled without one, and only administrators see it.
 */
export interface BoardWebSettings {
  enabled: boolean;
  /** The address the server listens on: loopback by default, a LAN address for the wall PC. */
  address: string;
  port: number;
  /** '' until web mode is first enabled. */
  token: string;
}

/** Board settings the administrator may change, with their defaults. */
export interface BoardSettings {
  weights: BoardWeights;
  /** How often the board reloads its snapshot. */
  refreshSeconds: number;
  web: BoardWebSettings;
}

export const REFRESH_SECONDS_MIN = 10;
export const REFRESH_SECONDS_MAX = 600;
export const BOARD_PORT_MIN = 1024;
export const BOARD_PORT_MAX = 65535;

/** The board is served only on the address of the card facing the wall screen (see isWildcardAddress). */
export const WILDCARD_REFUSED =
  '不能填写 0.0.0.0（会在本机所有网卡上开放大屏）：请填写大屏所在网段的本机地址，例如 192.168.1.20';

export const DEFAULT_BOARD_SETTINGS: BoardSettings = {
  weights: DEFAULT_BOARD_WEIGHTS,
  refreshSeconds: 30,
  web: { enabled: false, address: '127.0.0.1', port: 8787, token: '' },
};

export const BOARD_SETTING_LABELS: Record<keyof BoardSettings, string> = {
  weights: '风险指数权重',
  refreshSeconds: '大屏刷新间隔（秒）',
  web: '大屏网页模式（启用、地址、端口）',
};
