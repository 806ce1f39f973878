import type { KeyAnswer, KeyRequest } from '../backend/keys/port-wrapper';

/** The parts of Electron's `safeStorage` that keep the data host's keys. */
export interface OsKeystore {
  isEncryptionAvailable(): boolean;
  /** Linux only: 'basic_text' means no keyring (a fixed password), which protects nothing. */
  getSelectedStorageBackend?(): string;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export const isKeyRequest = (data: unknown): data is KeyRequest =>
  typeof data === 'object' &&
  data !== null &&
  (data as { type?: unknown }).type === 'key' &&
  typeof (data as { id?: unknown }).id === 'number' &&
  ((data as { op?: unknown }).op === 'wrap' || (data as { op?: unknown }).op === 'unwrap') &&
  typeof (data as { data?: unknown }).data === 'string';

/** Whether the OS keystore really protects a key here (else the host keeps an owner-only key file). */
export function keystoreUsable(keystore: OsKeystore): boolean {
  if (!keystore.isEncryptionAvailable()) return false;
  return process.platform !== 'linux' || keystore.getSelectedStorageBackend?.() !== 'basic_text';
}

/** Wraps or unwraps a data host's key with the OS keystore. */
export function answerKeyRequest(keystore: OsKeystore, request: KeyRequest): KeyAnswer {
  const bytes = Buffer.from(request.data, 'base64');
  try {
    const data =
      request.op === 'wrap'
        ? keystore.encryptString(bytes.toString('hex'))
        : Buffer.from(keystore.decryptString(bytes), 'hex');
    return { type: 'key-answer', id: request.id, ok: true, data: data.toString('base64') };
  } catch {
    return {
      type: 'key-answer',
      id: request.id,
      ok: false,
      message: '系统密钥库无法解开数据密钥：请在原来的电脑和 Windows/macOS 账户下运行，或从密钥备份恢复。',
    };
  }
}
