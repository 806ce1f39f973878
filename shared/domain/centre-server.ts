/**
 * The centre server (中心服务器, see docs/architecture.md): the machine every workstation of the
 * centre works on, over HTTPS on one LAN address. `npm run serve` starts it when it is enabled here
 * (or given `--https`); a change takes effect when the server is restarted.
 */
export type CertificateMode = 'generated' | 'installed';

export interface CentreServerSettings {
  enabled: boolean;
  /** The LAN address it listens on (never a wildcard). */
  address: string;
  port: number;
  /** `generated`: a self-signed certificate made on first start, kept in the data folder. */
  certificate: CertificateMode;
  /** The centre's own PEM files (`installed`); '' otherwise. */
  certFile: string;
  keyFile: string;
  /** The client addresses served, as IPs or CIDR ranges; every other address is refused. */
  allowedClients: string[];
}

export const DEFAULT_CENTRE_SERVER_SETTINGS: CentreServerSettings = {
  enabled: false,
  address: '127.0.0.1',
  port: 5710,
  certificate: 'generated',
  certFile: '',
  keyFile: '',
  allowedClients: ['127.0.0.1'],
};

export const CENTRE_SERVER_SETTING_LABELS: Record<keyof CentreServerSettings, string> = {
  enabled: '本机作为中心服务器',
  address: '中心服务器地址',
  port: '中心服务器端口',
  certificate: '证书方式',
  certFile: '证书文件',
  keyFile: '私钥文件',
  allowedClients: '允许连接的客户端地址',
};

export const CERTIFICATE_MODE_LABELS: Record<CertificateMode, string> = {
  generated: '自动生成（自签名）',
  installed: '使用中心安装的证书',
};

/** The centre server this process runs now (`npm run serve` as the centre server). */
export interface RunningCentreServer {
  address: string;
  /** The port it listens on. */
  port: number;
  /** Of the certificate it serves: what the workstations pin. */
  fingerprint: string;
  allowedClients: string[];
  /** ISO 8601 UTC. */
  startedAt: string;
  /** Started with command-line flags (`--https`, `--host` …), which win over the saved settings. */
  fromFlags: boolean;
}

/** What the settings card shows: the settings, the certificate's SHA-256 fingerprint, and what runs. */
export interface CentreServerView {
  settings: CentreServerSettings;
  /** `AB:CD:…` (64 hex digits); null before a generated certificate exists. */
  fingerprint: string | null;
  /** Why the certificate could not be read, when it could not. */
  certificateProblem: string | null;
  /** The centre server running now; null when this process is not one (the desktop, web mode). */
  running: RunningCentreServer | null;
  /** The saved settings differ from what runs (or would start or stop it): 已保存，重启服务后生效. */
  restartNeeded: boolean;
}

/** What runs, with the settings it was started on (the saved ones, or the flags over them). */
export interface CentreServerRun {
  server: RunningCentreServer;
  settings: CentreServerSettings;
}

/** Whether restarting the service would change what runs: the saved settings against the run's. */
export function restartNeeded(saved: CentreServerSettings, run: CentreServerRun | null): boolean {
  if (!run) return saved.enabled;
  const started = run.settings;
  return (
    !saved.enabled ||
    saved.address !== started.address ||
    saved.port !== started.port ||
    saved.certificate !== started.certificate ||
    (saved.certificate === 'installed' && (saved.certFile !== started.certFile || saved.keyFile !== started.keyFile)) ||
    saved.allowedClients.join(',') !== started.allowedClients.join(',')
  );
}

export const SERVER_WILDCARD_REFUSED =
  '不能使用 0.0.0.0 或 ::（会在本机所有网卡上开放中心服务器）：请填写面向工作站网段的本机地址，例如 192.168.1.20';

export const ALLOWED_CLIENTS_MAX = 50;

/** A SHA-256 fingerprint as typed or copied (colons, spaces, any case) in one form: `AB:CD:…`. */
export function normalizeFingerprint(text: string): string | null {
  const hex = text.replace(/[\s:]/g, '').toUpperCase();
  return /^[0-9A-F]{64}$/.test(hex) ? hex.match(/../g)!.join(':') : null;
}
