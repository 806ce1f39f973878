import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { X509Certificate } from 'node:crypto';
import { request } from 'node:https';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { GENERATED_CERT_FILE, GENERATED_KEY_FILE, generatedCertificate } from '../../electron/backend/http/certificate';
import { APP_HEADER, APP_HEADER_VALUE } from '../../shared/contract/web-session';
import { createServer } from 'node:net';
import { serve } from '../../electron/backend/http/cli';
import { MIN_PASSWORD_HASH_COST } from '../../electron/backend/auth/password';
import { createServerClient } from '../../electron/main/server-client';
import { DEFAULT_CENTRE_SERVER_SETTINGS, restartNeeded } from '../../shared/domain/centre-server';
import { inClientRanges } from '../../shared/domain/network-address';
import { ADMIN, signInAdmin, testBackend } from '../helpers/backend';
import { startCentreServer } from '../helpers/centre-server';
import { tempDir } from '../helpers/temp-dir';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** An HTTPS request that trusts the test's own certificate (as its CA). */
function send(
  port: number,
  path: string,
  ca: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      // No SNI from the Host header: the test sends other Host names on purpose.
      { host: '127.0.0.1', servername: '', port, path, ca, method: body === undefined ? 'GET' : 'POST', headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const pageHeaders = (port: number, host = `127.0.0.1:${port}`) => ({
  'content-type': 'application/json',
  host,
  origin: `https://${host}`,
  [APP_HEADER]: APP_HEADER_VALUE,
});

async function centre(allowed?: string[]) {
  const backend = await testBackend();
  const server = await startCentreServer(backend, allowed);
  closers.push(async () => {
    await server.close();
    backend.close();
  });
  return { backend, ...server };
}

describe('the centre server', { timeout: 30_000 }, () => {
  it('generates a self-signed certificate for its address once, key readable by its owner only', async () => {
    const dir = tempDir();
    const first = await generatedCertificate(dir, '192.168.1.20');
    const cert = new X509Certificate(readFileSync(join(dir, GENERATED_CERT_FILE), 'utf8'));
    expect(cert.checkIP('192.168.1.20')).toBe('192.168.1.20');
    expect(cert.fingerprint256).toBe(first.fingerprint);
    expect(statSync(join(dir, GENERATED_KEY_FILE)).mode & 0o777).toBe(0o600);
    // Kept across restarts: the workstations' pinned fingerprint stays valid.
    expect((await generatedCertificate(dir, '192.168.1.20')).fingerprint).toBe(first.fingerprint);
    // A new address gets a new certificate (the old one does not name it).
    const moved = await generatedCertificate(dir, '192.168.1.21');
    expect(moved.fingerprint).not.toBe(first.fingerprint);
    expect(new X509Certificate(moved.cert).checkIP('192.168.1.21')).toBe('192.168.1.21');
  });

  it('serves over HTTPS with a Secure session cookie, addressed by exactly its address and port', async () => {
    const { port, certificate } = await centre();
    const setup = await send(port, '/api/auth.setup', certificate.cert, pageHeaders(port), JSON.stringify(ADMIN));
    expect(setup.status).toBe(200);
    expect(String(setup.headers['set-cookie'])).toMatch(/zz_session=.+; Path=\/; HttpOnly; SameSite=Strict; Secure/);
    for (const host of [`127.0.0.1:${port + 1}`, `evil.example:${port}`]) {
      const other = await send(port, '/api/auth.status', certificate.cert, pageHeaders(port, host), '{}');
      expect(other.status, host).toBe(403);
    }
    // An http:// origin is not this server's page.
    const plain = await send(
      port,
      '/api/auth.status',
      certificate.cert,
      { ...pageHeaders(port), origin: `http://127.0.0.1:${port}` },
      '{}',
    );
    expect(plain.status).toBe(403);
  });

  it('refuses a client outside the allowed list with 403 and a Chinese message, and serves one inside it', async () => {
    const refused = await centre(['10.0.0.0/8', '192.168.1.31']);
    const api = await send(refused.port, '/api/auth.status', refused.certificate.cert, pageHeaders(refused.port), '{}');
    expect(api.status).toBe(403);
    expect(JSON.parse(api.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(JSON.parse(api.body).error.message).toContain('不在中心服务器允许连接的范围内');
    const page = await send(refused.port, '/', refused.certificate.cert);
    expect(page.status).toBe(403);
    expect(page.body).toContain('不在中心服务器允许连接的范围内');

    const served = await centre(['10.0.0.0/8', '127.0.0.0/8']);
    const ok = await send(served.port, '/api/auth.status', served.certificate.cert, pageHeaders(served.port), '{}');
    expect(ok.status).toBe(200);
  });

  it('matches client addresses against IPs and CIDR ranges', () => {
    expect(inClientRanges('::ffff:192.168.1.77', ['192.168.1.0/24'])).toBe(true);
    expect(inClientRanges('192.168.2.1', ['192.168.1.0/24'])).toBe(false);
    expect(inClientRanges('::1', ['127.0.0.1'])).toBe(true);
    expect(inClientRanges('10.9.8.7', ['0.0.0.0/0'])).toBe(true);
    expect(inClientRanges('fe80::1', ['0.0.0.0/0'])).toBe(false);
  });
});

describe('the centre server setting', { timeout: 30_000 }, () => {
  const input = (over: Record<string, unknown> = {}) => ({ ...DEFAULT_CENTRE_SERVER_SETTINGS, ...over });

  it('is saved and audited, shown with the certificate fingerprint once one exists', async () => {
    const backend = await testBackend();
    closers.push(async () => backend.close());
    const admin = await signInAdmin(backend);
    const before = await backend.call('settings.getServer', {}, admin);
    expect(before).toEqual({
      ok: true,
      data: {
        settings: DEFAULT_CENTRE_SERVER_SETTINGS,
        fingerprint: null,
        certificateProblem: null,
        running: null,
        restartNeeded: false,
      },
    });
    const saved = await backend.call(
      'settings.updateServer',
      input({ enabled: true, address: '192.168.1.20', allowedClients: ['192.168.1.0/24'] }),
      admin,
    );
    // Saved, not running here: it starts with the next `npm run serve`.
    expect(saved).toMatchObject({
      ok: true,
      data: { settings: { address: '192.168.1.20' }, fingerprint: null, running: null, restartNeeded: true },
    });
    const { fingerprint } = await generatedCertificate(backend.dataDir, '192.168.1.20');
    expect(await backend.call('settings.getServer', {}, admin)).toMatchObject({ ok: true, data: { fingerprint } });

    const db = new Database(backend.dbFile, { readonly: true });
    const rows = db
      .prepare("SELECT detail FROM audit_log WHERE action = 'settings.update' AND entity_id = 'server'")
      .all() as Array<{ detail: string }>;
    db.close();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.detail).toContain('中心服务器地址：127.0.0.1 → 192.168.1.20');
    expect(rows[0]!.detail).toContain('允许连接的客户端地址：["127.0.0.1"] → ["192.168.1.0/24"]');
  });

  it('refuses a wildcard address, a bad range, and installed certificate files that cannot be read or do not match', async () => {
    const backend = await testBackend();
    closers.push(async () => backend.close());
    const admin = await signInAdmin(backend);
    for (const address of ['0.0.0.0', '::']) {
      const refused = await backend.call('settings.updateServer', input({ address }), admin);
      expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: [{ path: 'address' }] } });
      if (!refused.ok) expect(refused.error.details![0]!.message).toContain('不能使用 0.0.0.0 或 ::');
    }
    expect(
      await backend.call('settings.updateServer', input({ allowedClients: ['192.168.1.0/40'] }), admin),
    ).toMatchObject({
      ok: false,
      error: { details: [{ path: 'allowedClients.0' }] },
    });
    const dir = tempDir();
    const missing = await backend.call(
      'settings.updateServer',
      input({ certificate: 'installed', certFile: join(dir, 'none.pem'), keyFile: join(dir, 'none.key') }),
      admin,
    );
    expect(missing).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!missing.ok) expect(missing.error.message).toContain('无法读取证书文件');
    // A certificate with another certificate's key.
    const a = await generatedCertificate(tempDir(), '10.0.0.1');
    const b = await generatedCertificate(tempDir(), '10.0.0.2');
    writeFileSync(join(dir, 'a.pem'), a.cert);
    writeFileSync(join(dir, 'b.key'), b.key);
    writeFileSync(join(dir, 'a.key'), a.key);
    const mismatched = await backend.call(
      'settings.updateServer',
      input({ certificate: 'installed', certFile: join(dir, 'a.pem'), keyFile: join(dir, 'b.key') }),
      admin,
    );
    if (mismatched.ok) throw new Error('a mismatched key was accepted');
    expect(mismatched.error.message).toContain('不配套');
    const installed = await backend.call(
      'settings.updateServer',
      input({ certificate: 'installed', certFile: join(dir, 'a.pem'), keyFile: join(dir, 'a.key') }),
      admin,
    );
    expect(installed).toMatchObject({ ok: true, data: { fingerprint: a.fingerprint } });
  });
});

/** A port free now on 127.0.0.1 (the server started next takes it). */
const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

describe('what the centre server runs', { timeout: 30_000 }, () => {
  it('is shown to the administrator with its address, port, fingerprint and start; saved changes wait for a restart', async () => {
    const dataDir = tempDir();
    const port = await freePort();
    const before = Date.now();
    const stop = await serve({
      dataDir,
      staticDir: tempDir(),
      passwordHashCost: MIN_PASSWORD_HASH_COST,
      centre: { https: true, host: '127.0.0.1', port },
    });
    closers.push(stop);
    const { fingerprint } = await generatedCertificate(dataDir, '127.0.0.1');
    // The administrator's workstation, as a client-mode desktop reaches it.
    const admin = createServerClient({ address: '127.0.0.1', port, fingerprint });
    closers.push(() => admin.stop());
    await admin.call('auth.setup', ADMIN, 1);

    const view = await admin.call('settings.getServer', {}, 1);
    expect(view).toMatchObject({
      ok: true,
      data: {
        fingerprint,
        running: { address: '127.0.0.1', port, fingerprint, allowedClients: ['127.0.0.1'], fromFlags: true },
        // Saved: not a centre server; what runs came from the flags.
        restartNeeded: true,
      },
    });
    const { startedAt } = (view as { data: { running: { startedAt: string } } }).data.running;
    expect(Date.parse(startedAt)).toBeGreaterThanOrEqual(before - 1000);

    // Saving what runs: nothing waits for a restart; another allowed list does.
    const same = { ...DEFAULT_CENTRE_SERVER_SETTINGS, enabled: true, address: '127.0.0.1', port };
    expect(await admin.call('settings.updateServer', same, 1)).toMatchObject({
      ok: true,
      data: { restartNeeded: false },
    });
    const wider = { ...same, allowedClients: ['127.0.0.1', '192.168.1.0/24'] };
    expect(await admin.call('settings.updateServer', wider, 1)).toMatchObject({
      ok: true,
      data: { restartNeeded: true, running: { allowedClients: ['127.0.0.1'] } },
    });

    // A duty officer may not read it.
    const officer = await admin.call(
      'users.create',
      {
        username: 'duty1',
        displayName: '值班一',
        roles: ['duty_officer'],
        regionCode: null,
        password: 'Initial-2026-pw',
      },
      1,
    );
    expect(officer).toMatchObject({ ok: true });
    await admin.call('auth.logout', {}, 1);
    await admin.call('auth.login', { username: 'duty1', password: 'Initial-2026-pw' }, 2);
    await admin.call(
      'auth.changePassword',
      { currentPassword: 'Initial-2026-pw', newPassword: 'Own-2026-password' },
      2,
    );
    expect(await admin.call('settings.getServer', {}, 2)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('needs no restart in a process that is not one unless the setting turns it on', () => {
    expect(restartNeeded(DEFAULT_CENTRE_SERVER_SETTINGS, null)).toBe(false);
    expect(restartNeeded({ ...DEFAULT_CENTRE_SERVER_SETTINGS, enabled: true }, null)).toBe(true);
  });
});
