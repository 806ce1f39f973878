import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { join } from 'node:path';
import { AppError } from '../../../shared/errors';
import type { CentreServerSettings } from '../../../shared/domain/centre-server';

/** The generated certificate and its key, kept in the data folder across restarts. */
export const GENERATED_CERT_FILE = 'server-cert.pem';
export const GENERATED_KEY_FILE = 'server-key.pem';

export interface ServerCertificate {
  cert: string;
  key: string;
  /** SHA-256 of the certificate, `AB:CD:…`: what the workstations pin. */
  fingerprint: string;
}

const VALID_DAYS = 825;

export const fingerprintOf = (certPem: string): string => new X509Certificate(certPem).fingerprint256;

/** A self-signed certificate for one IPv4 address (its SAN), with an EC P-256 key. */
async function createSelfSigned(address: string): Promise<{ cert: string; key: string }> {
  // Loaded only here: the data host and web mode need it only for a centre server's first start.
  const { generate } = await import('selfsigned');
  const now = new Date();
  const pems = await generate([{ name: 'commonName', value: `综治工作台中心服务器 ${address}` }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate: now,
    notAfterDate: new Date(now.getTime() + VALID_DAYS * 86_400_000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 7, ip: address }] },
    ],
  });
  return { cert: pems.cert, key: pems.private };
}

/**
 * The generated certificate of the data folder: the one made before while it still names this
 * address, otherwise a new one (the key file readable by its owner only). A new address means a new
 * fingerprint, which the workstations must pin again.
 */
export async function generatedCertificate(dataDir: string, address: string): Promise<ServerCertificate> {
  const certPath = join(dataDir, GENERATED_CERT_FILE);
  const keyPath = join(dataDir, GENERATED_KEY_FILE);
  if (existsSync(certPath) && existsSync(keyPath)) {
    const cert = readFileSync(certPath, 'utf8');
    if (new X509Certificate(cert).checkIP(address)) {
      return { cert, key: readFileSync(keyPath, 'utf8'), fingerprint: fingerprintOf(cert) };
    }
    console.warn(`中心服务器地址已改为 ${address}：重新生成证书，各工作站需要重新核对指纹。`);
  }
  const made = await createSelfSigned(address);
  writeFileSync(keyPath, made.key, { mode: 0o600 });
  chmodSync(keyPath, 0o600);
  writeFileSync(certPath, made.cert, { mode: 0o644 });
  return { ...made, fingerprint: fingerprintOf(made.cert) };
}

const unreadable = (what: string, path: string) =>
  new AppError('VALIDATION', `无法读取${what}“${path}”：请确认文件存在、为 PEM 格式且本程序有权读取。`);

/** The centre's own certificate and key (PEM files), checked to belong together. */
export function installedCertificate(certFile: string, keyFile: string): ServerCertificate {
  let cert: string;
  let x509: X509Certificate;
  try {
    cert = readFileSync(certFile, 'utf8');
    x509 = new X509Certificate(cert);
  } catch {
    throw unreadable('证书文件', certFile);
  }
  let key: string;
  try {
    key = readFileSync(keyFile, 'utf8');
    if (!x509.checkPrivateKey(createPrivateKey(key))) {
      throw new AppError('VALIDATION', `私钥文件“${keyFile}”与证书“${certFile}”不配套：请选择同一份证书的私钥。`);
    }
  } catch (error) {
    throw error instanceof AppError ? error : unreadable('私钥文件', keyFile);
  }
  return { cert, key, fingerprint: x509.fingerprint256 };
}

/** The certificate the server uses or will use, made on first start in `generated` mode. */
export const serverCertificate = (settings: CentreServerSettings, dataDir: string): Promise<ServerCertificate> =>
  settings.certificate === 'installed'
    ? Promise.resolve(installedCertificate(settings.certFile, settings.keyFile))
    : generatedCertificate(dataDir, settings.address);

/** The fingerprint of the certificate on file, for the settings card; never creates one. */
export function certificateOnFile(
  settings: CentreServerSettings,
  dataDir: string,
): { fingerprint: string | null; certificateProblem: string | null } {
  try {
    if (settings.certificate === 'installed') {
      return {
        fingerprint: installedCertificate(settings.certFile, settings.keyFile).fingerprint,
        certificateProblem: null,
      };
    }
    const certPath = join(dataDir, GENERATED_CERT_FILE);
    if (!existsSync(certPath)) return { fingerprint: null, certificateProblem: null };
    const cert = readFileSync(certPath, 'utf8');
    return new X509Certificate(cert).checkIP(settings.address)
      ? { fingerprint: fingerprintOf(cert), certificateProblem: null }
      : { fingerprint: null, certificateProblem: '地址已更改：下次启动中心服务器时将重新生成证书，指纹随之改变。' };
  } catch (error) {
    return { fingerprint: null, certificateProblem: error instanceof Error ? error.message : String(error) };
  }
}
