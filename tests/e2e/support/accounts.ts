import { cookieClient } from './serve';

/** An account a test makes through the administrator, with the password it signs in with. */
export interface Account {
  username: string;
  displayName: string;
  roles: string[];
  password: string;
  regionCode?: string | null;
  unitId?: string | null;
}

/**
 * Creates an account as the administrator (through `admin`, a signed-in API client) and sets its
 * own password the way the first login demands, so the browser can sign straight in.
 */
export async function createAccount(
  url: string,
  admin: (method: string, input?: unknown) => Promise<{ ok: boolean; error?: { message: string } }>,
  account: Account,
): Promise<void> {
  const initial = 'Start-2026-pw';
  const created = await admin('users.create', {
    username: account.username,
    displayName: account.displayName,
    roles: account.roles,
    regionCode: account.regionCode ?? null,
    unitId: account.unitId ?? null,
    password: initial,
  });
  if (!created.ok) throw new Error(`创建账号失败：${created.error?.message}`);
  const own = cookieClient(url);
  await own('auth.login', { username: account.username, password: initial });
  const changed = await own('auth.changePassword', { currentPassword: initial, newPassword: account.password });
  if (!changed.ok) throw new Error(`设置密码失败：${changed.error?.message}`);
}

/** An API client of its own (like one browser tab), signed in as `account`. */
export async function signedInClient(
  url: string,
  account: { username: string; password: string },
): Promise<ReturnType<typeof cookieClient>> {
  const client = cookieClient(url);
  const signedIn = await client('auth.login', { username: account.username, password: account.password });
  if (!signedIn.ok) throw new Error(`登录失败（${account.username}）：${signedIn.error?.message}`);
  return client;
}
