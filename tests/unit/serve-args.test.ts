import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PORT, parseServeArgs } from '../../electron/backend/http/cli';
import { defaultDataDir } from '../../electron/backend/data-dir';

describe('web mode arguments', () => {
  it('takes the port and data folder from flags first, then the environment', () => {
    expect(parseServeArgs(['--port', '0', '--data', 'x'], { ZZ_PORT: '9000', ZZ_DATA_DIR: 'y' })).toMatchObject({
      port: 0,
      dataDir: resolve('x'),
    });
    expect(parseServeArgs([], { ZZ_PORT: '9000', ZZ_DATA_DIR: 'y' })).toMatchObject({
      port: 9000,
      dataDir: resolve('y'),
    });
    expect(parseServeArgs([], {}).port).toBe(DEFAULT_PORT);
  });

  it('refuses a bad port with a message that says what to do', () => {
    expect(() => parseServeArgs(['--port', '70000'], {})).toThrow(/--port.*0–65535/);
    expect(() => parseServeArgs(['--port', 'abc'], {})).toThrow(/端口“abc”无效/);
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
