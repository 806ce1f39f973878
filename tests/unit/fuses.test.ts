import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const flipped = vi.hoisted(() => [] as Array<{ binary: string; config: Record<string, unknown> }>);

// The Electron binary cannot be had here: keep the fuse names, record what would be flipped.
vi.mock('@electron/fuses', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@electron/fuses')>()),
  flipFuses: async (binary: string, config: Record<string, unknown>) => {
    flipped.push({ binary, config });
    return 0;
  },
}));

const { FuseV1Options, FuseVersion } = await import('@electron/fuses');
const { default: afterPack, electronBinary, FUSES } = await import('../../scripts/after-pack');

const OUT = join('/build', 'release', 'unpacked');
/** What electron-builder passes for this app: `productFilename` is win.executableName there. */
const packed = (electronPlatformName: string, productFilename = 'zongzhi-desk') => ({
  appOutDir: OUT,
  electronPlatformName,
  packager: {
    appInfo: { productFilename },
    executableName: electronPlatformName === 'linux' ? 'zongzhi-desk' : undefined,
  },
});

beforeEach(() => {
  flipped.length = 0;
});

describe('Electron fuses', () => {
  it('turn off running as Node, NODE_OPTIONS and the inspector', () => {
    expect(FUSES[FuseV1Options.RunAsNode]).toBe(false);
    expect(FUSES[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(FUSES[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
  });

  it('turn on asar integrity, loading only from the asar and cookie encryption', () => {
    expect(FUSES[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(FUSES[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    expect(FUSES[FuseV1Options.EnableCookieEncryption]).toBe(true);
  });

  it('give file: pages no extra rights, the app being served from app://', () => {
    expect(FUSES[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(false);
  });

  it('are the version 1 wire, and set no other fuse', () => {
    expect(FUSES.version).toBe(FuseVersion.V1);
    expect(Object.keys(FUSES).sort()).toEqual(['0', '1', '2', '3', '4', '5', '7', 'version']);
  });
});

describe('afterPack hook', () => {
  it('names the binary as electron-builder does on each platform', () => {
    expect(electronBinary(packed('linux'))).toBe(join(OUT, 'zongzhi-desk'));
    expect(electronBinary(packed('win32'))).toBe(join(OUT, 'zongzhi-desk.exe'));
    expect(electronBinary(packed('darwin', '综治工作台'))).toBe(join(OUT, '综治工作台.app'));
    expect(electronBinary(packed('mas', '综治工作台'))).toBe(join(OUT, '综治工作台.app'));
  });

  it('flips the fuses in the Linux and Windows binaries', async () => {
    await afterPack(packed('linux'));
    await afterPack(packed('win32'));
    expect(flipped).toEqual([
      { binary: join(OUT, 'zongzhi-desk'), config: { ...FUSES, resetAdHocDarwinSignature: false } },
      { binary: join(OUT, 'zongzhi-desk.exe'), config: { ...FUSES, resetAdHocDarwinSignature: false } },
    ]);
  });

  it('re-signs a macOS bundle ad hoc after flipping', async () => {
    await afterPack(packed('darwin', '综治工作台'));
    expect(flipped).toEqual([
      { binary: join(OUT, '综治工作台.app'), config: { ...FUSES, resetAdHocDarwinSignature: true } },
    ]);
  });
});
