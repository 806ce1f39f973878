import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_KEY_FILE, loadAuditKey } from '../../electron/backend/audit/key';
import { fileKeyring, loadKey, type KeyWrapper } from '../../electron/backend/keys/keyring';
import { portKeyWrapper, type KeyRequest } from '../../electron/backend/keys/port-wrapper';
import { answerKeyRequest, keystoreUsable, type OsKeystore } from '../../electron/main/key-custody';
import { tempDir } from '../helpers/temp-dir';

/** A keystore stand-in: "encrypts" by reversing the text, as safeStorage would with the OS's key. */
const fakeKeystore = (backend = 'gnome_libsecret'): OsKeystore => ({
  isEncryptionAvailable: () => true,
  getSelectedStorageBackend: () => backend,
  encryptString: (plain) => Buffer.from([...plain].reverse().join(''), 'utf8'),
  decryptString: (encrypted) => [...encrypted.toString('utf8')].reverse().join(''),
});

/** The host's wrapper wired straight to main's answer, as the utility process port does. */
function osWrapper(keystore = fakeKeystore()): KeyWrapper {
  const wrapper = portKeyWrapper((request: KeyRequest) =>
    queueMicrotask(() => wrapper.answer(answerKeyRequest(keystore, request))),
  );
  return wrapper;
}

describe('keys', () => {
  it('creates a named key once, owner-only, and loads the same key after', async () => {
    const dir = tempDir();
    const ring = fileKeyring(dir);
    const key = await loadKey(ring, 'personal', { create: true });
    expect(key).toHaveLength(32);
    expect(statSync(join(dir, 'personal.key')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, 'personal.key'), 'utf8').split('\n').slice(0, 2)).toEqual(['zongzhi-key 1', 'file']);
    expect(await loadKey(ring, 'personal', { create: false, message: '不应出现' })).toEqual(key);
  });

  it('refuses a missing key with the caller’s message when data needs it, and a damaged file', async () => {
    const dir = tempDir();
    await expect(loadKey(fileKeyring(dir), 'personal', { create: false, message: '请恢复密钥' })).rejects.toThrow(
      '请恢复密钥',
    );
    writeFileSync(join(dir, 'audit.key'), 'not a key');
    await expect(loadKey(fileKeyring(dir), 'audit', { create: true })).rejects.toThrow(/格式不对/);
    expect(readFileSync(join(dir, 'audit.key'), 'utf8')).toBe('not a key');
  });

  it('wraps the key with the OS keystore through main on the desktop, and web mode cannot open that file', async () => {
    const dir = tempDir();
    const ring = { dir, wrapper: osWrapper() };
    const key = await loadKey(ring, 'personal', { create: true });
    const text = readFileSync(join(dir, 'personal.key'), 'utf8');
    expect(text.split('\n')[1]).toBe('safeStorage');
    expect(text).not.toContain(key.toString('base64'));
    expect(await loadKey({ dir, wrapper: osWrapper() }, 'personal', { create: true })).toEqual(key);
    await expect(loadKey(fileKeyring(dir), 'personal', { create: true })).rejects.toThrow(/系统密钥库保护/);
  });

  it('wraps a plain key file once the OS keystore is usable, keeping the key', async () => {
    const dir = tempDir();
    const key = await loadKey(fileKeyring(dir), 'personal', { create: true });
    expect(await loadKey({ dir, wrapper: osWrapper() }, 'personal', { create: true })).toEqual(key);
    expect(readFileSync(join(dir, 'personal.key'), 'utf8').split('\n')[1]).toBe('safeStorage');
    expect(await loadKey({ dir, wrapper: osWrapper() }, 'personal', { create: true })).toEqual(key);
  });

  it('keeps the audit key like the personal one: an old hex file taken over and wrapped, the key unchanged', async () => {
    const dir = tempDir();
    const legacy = 'ab'.repeat(32);
    writeFileSync(join(dir, AUDIT_KEY_FILE), legacy, { mode: 0o600 });
    const ring = { dir, wrapper: osWrapper() };
    expect(await loadAuditKey(ring, true)).toEqual({ key: Buffer.from(legacy, 'hex'), lost: false });
    const text = readFileSync(join(dir, AUDIT_KEY_FILE), 'utf8');
    expect(text.split('\n').slice(0, 2)).toEqual(['zongzhi-key 1', 'safeStorage']);
    expect(text).not.toContain(legacy);
    expect(text).not.toContain(Buffer.from(legacy, 'hex').toString('base64'));
    expect((await loadAuditKey(ring, true)).key.toString('hex')).toBe(legacy);
    // A fresh install makes its key silently; a log with rows whose key is gone reports it lost.
    expect((await loadAuditKey(fileKeyring(tempDir()), false)).lost).toBe(false);
    expect((await loadAuditKey(fileKeyring(tempDir()), true)).lost).toBe(true);
  });

  it('says the keystore cannot open a key wrapped elsewhere, and does not trust Linux’s basic_text store', async () => {
    const broken: OsKeystore = {
      ...fakeKeystore(),
      decryptString: () => {
        throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      },
    };
    const answer = answerKeyRequest(broken, { type: 'key', id: 7, op: 'unwrap', data: 'AAAA' });
    expect(answer).toMatchObject({
      type: 'key-answer',
      id: 7,
      ok: false,
      message: expect.stringMatching(/从密钥备份恢复/),
    });
    expect(keystoreUsable({ ...fakeKeystore(), isEncryptionAvailable: () => false })).toBe(false);
    expect(keystoreUsable(fakeKeystore('basic_text'))).toBe(process.platform !== 'linux');
    expect(keystoreUsable(fakeKeystore())).toBe(true);
  });
});
