/**
 * electron-builder's afterPack hook (`electron-builder.yml`): flips the Electron fuses in the
 * packaged binary before it is signed or put in an installer. Fuses are bits compiled into the
 * binary; flipping them off removes a feature for good, whatever the command line or environment.
 * electron-builder loads this file with Node's own TypeScript support (Node ≥ 22.18).
 */
import { join } from 'node:path';
import { flipFuses, FuseV1Options, FuseVersion, type FuseConfig } from '@electron/fuses';

/** The fuses, by the attack each closes. Fuses not named keep Electron's default. */
export const FUSES = {
  version: FuseVersion.V1,
  // The binary cannot be started as a plain Node (ELECTRON_RUN_AS_NODE) to run any script.
  [FuseV1Options.RunAsNode]: false,
  // NODE_OPTIONS cannot inject code (--require) into the main process.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // --inspect and friends cannot attach a debugger to the main process.
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // app.asar is checked against the hash built into the executable (Windows and macOS).
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // Only app.asar is loaded: an app/ folder dropped beside it is ignored.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // Cookies on disk are encrypted with the OS keystore's key.
  [FuseV1Options.EnableCookieEncryption]: true,
  // The app is served from app://zongzhi/, so file: pages get no extra rights.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
} satisfies FuseConfig;

/** The parts of electron-builder's AfterPackContext the hook reads. */
export interface PackedApp {
  appOutDir: string;
  electronPlatformName: string;
  packager: { appInfo: { productFilename: string }; executableName?: string };
}

/** The Electron binary in the packed folder, named as electron-builder names it. */
export function electronBinary({ appOutDir, electronPlatformName, packager }: PackedApp): string {
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      return join(appOutDir, `${packager.appInfo.productFilename}.app`);
    case 'win32':
      return join(appOutDir, `${packager.appInfo.productFilename}.exe`);
    default:
      // Linux: the executable name (`linux.executableName`).
      return join(appOutDir, packager.executableName ?? packager.appInfo.productFilename);
  }
}

export default async function afterPack(context: PackedApp): Promise<void> {
  const macOs = context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas';
  // Flipping invalidates the ad-hoc signature of an unsigned macOS build; re-sign it there.
  await flipFuses(electronBinary(context), { ...FUSES, resetAdHocDarwinSignature: macOs });
}
