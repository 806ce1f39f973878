import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseServeArgs } from '../../electron/backend/http/cli';
import { DEFAULT_PORT, serveMode } from '../../electron/backend/http/centre-options';
import { defaultDataDir } from '../../electron/backend/data-dir';
import { DEFAULT_CENTRE_SERVER_SETTINGS } from '../../shared/domain/centre-server';

const mode = (argv: string[], saved = DEFAULT_CENTRE_SERVER_SETTINGS) =>
  serveMode(parseServeArgs(argv, {}).centre, saved);

describe('web mode arguments', () => {
  it('takes the port and data folder from flags first, then the environment', () => {
    expect(parseServeArgs(['--port', '0', '--data', 'x'], { ZZ_PORT: '9000', ZZ_DATA_DIR: 'y' })).toMatchObject({
      centre: { port: 0 },
      dataDir: resolve('x'),
    });
    expect(parseServeArgs([], { ZZ_PORT: '9000', ZZ_DATA_DIR: 'y' })).toMatchObject({
      centre: { port: 9000 },
      dataDir: resolve('y'),
    });
    expect(mode([])).toEqual({ kind: 'web', port: DEFAULT_PORT });
  });

  it('refuses a bad port with a message that says what to do', () => {
    expect(() => parseServeArgs(['--port', '70000'], {})).toThrow(/--port.*0–65535/);
    expect(() => parseServeArgs(['--port', 'abc'], {})).toThrow(/端口“abc”无效/);
  });

  it('runs the centre server with --https, flags over the saved settings', () => {
    expect(
      mode(['--https', '--host', '192.168.1.20', '--port', '8443', '--allow', '192.168.1.0/24, 127.0.0.1']),
    ).toEqual({
      kind: 'centre',
      settings: {
        ...DEFAULT_CENTRE_SERVER_SETTINGS,
        enabled: true,
        address: '192.168.1.20',
        port: 8443,
        allowedClients: ['192.168.1.0/24', '127.0.0.1'],
      },
    });
    const saved = { ...DEFAULT_CENTRE_SERVER_SETTINGS, enabled: true, address: '10.1.2.3', port: 9443 };
    expect(mode([], saved)).toMatchObject({ kind: 'centre', settings: { address: '10.1.2.3', port: 9443 } });
    expect(mode(['--https', '--cert', 'c.pem', '--key', 'k.pem'])).toMatchObject({
      settings: { certificate: 'installed', certFile: resolve('c.pem'), keyFile: resolve('k.pem') },
    });
  });

  it('never listens on a wildcard, nor on a LAN address without HTTPS', () => {
    for (const wildcard of ['0.0.0.0', '::', '[::]']) {
      expect(() => mode(['--https', '--host', wildcard]), wildcard).toThrow(/不能使用 0\.0\.0\.0 或 ::/);
    }
    expect(() => mode(['--host', '192.168.1.20'])).toThrow(/请加上 --https/);
    expect(() => mode(['--https', '--host', 'server.local'])).toThrow(/IPv4 地址/);
    expect(() => mode(['--https', '--allow', '192.168.1.0/33'])).toThrow(/--allow/);
    expect(() => mode(['--https', '--cert', 'c.pem'])).toThrow(/--cert 与 --key 须同时给出/);
  });

  it('hashes passwords at the production cost unless ZZ_TEST_HASH_COST (tests only) says otherwise', () => {
    expect(parseServeArgs([], {}).passwordHashCost).toBeUndefined();
    expect(parseServeArgs([], { ZZ_TEST_HASH_COST: '1024' }).passwordHashCost).toBe(1024);
    for (const bad of ['512', '1000', '65536', 'low'])
      expect(() => parseServeArgs([], { ZZ_TEST_HASH_COST: bad })).toThrow(/ZZ_TEST_HASH_COST.*1024 至 32768/);
  });

  it('defaults the data folder to the per-user folder Electron uses, never the install folder', () => {
    expect(defaultDataDir('linux', {}, '/home/u')).toBe(join('/home/u', '.config', '综治工作台'));
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/u')).toBe(join('/cfg', '综治工作台'));
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'C:\\Users\\u')).toBe(
      join('C:\\Users\\u\\AppData\\Roaming', '综治工作台'),
    );
  });
});
