import Database from 'better-sqlite3';
import { afterEach } from 'vitest';
import type { AccountRole } from '../../shared/domain/roles';
import { memoryJar } from '../../electron/backend/api/memory-jar';
import { openBackend, type BackendOptions } from '../../electron/backend/app';
import type { Backend } from '../../electron/backend/backend';
import type { CallContext } from '../../electron/backend/api/types';
import { TEST_PASSWORD_HASH_COST } from './hash-cost';
import { tempDir } from './temp-dir';

/** A fresh client: its own session jar, nobody signed in. */
export const newClient = (client = 'test'): CallContext => ({ transport: 'ipc', client, jar: memoryJar() });

const open: Backend[] = [];

/** A real backend on a fresh temp data folder, closed after the test; passwords hashed at the test cost. */
export async function testBackend(options: BackendOptions = {}, dataDir = tempDir()): Promise<Backend> {
  const backend = await openBackend(dataDir, { passwordHashCost: TEST_PASSWORD_HASH_COST, ...options });
  open.push(backend);
  return backend;
}

/** The first auditor, created with the administrator at first-run setup. */
export const AUDITOR = { username: 'auditor', displayName: '审计员', password: 'Audit-2026-Own' };

export const ADMIN = { username: 'admin', displayName: '系统管理员', password: 'Zz-2026-Secure', auditor: AUDITOR };

/** What the first auditor types to confirm an administrator's change. */
export const auditorCredentials = { username: AUDITOR.username, password: AUDITOR.password };

/** Runs first-run setup (the administrator and the first auditor) and returns the administrator's signed-in client. */
export async function signInAdmin(backend: Backend): Promise<CallContext> {
  const client = newClient('admin-client');
  const result = await backend.call('auth.setup', ADMIN, client);
  if (!result.ok) throw new Error(result.error.message);
  return client;
}

/** Signs an existing account in with its password and returns its client. */
export async function signInWith(
  backend: Backend,
  account: { username: string; password: string },
): Promise<CallContext> {
  const client = newClient(`${account.username}-client`);
  const login = await backend.call('auth.login', { username: account.username, password: account.password }, client);
  if (!login.ok) throw new Error(login.error.message);
  return client;
}

let userCounter = 0;

/**
 * Creates an account through the administrator, signs it in and sets its own password (as the
 * first login demands). Returns its client and credentials.
 */
export async function signInAs(
  backend: Backend,
  admin: CallContext,
  roles: AccountRole[],
  regionCode: string | null = null,
  unitId: string | null = null,
): Promise<{ client: CallContext; id: string; username: string; password: string }> {
  userCounter += 1;
  const username = `user${userCounter}`;
  // Another auditor needs the first one's confirmation, typed at the administrator's workstation.
  const auditorConfirmation = roles.includes('auditor') ? auditorCredentials : undefined;
  const created = await backend.call(
    'users.create',
    {
      username,
      displayName: `测试用户${userCounter}`,
      roles,
      regionCode,
      unitId,
      password: 'Initial-2026-pw',
      auditorConfirmation,
    },
    admin,
  );
  if (!created.ok) throw new Error(created.error.message);
  const client = newClient(`${username}-client`);
  const login = await backend.call('auth.login', { username, password: 'Initial-2026-pw' }, client);
  if (!login.ok) throw new Error(login.error.message);
  const password = 'Own-2026-password';
  const changed = await backend.call(
    'auth.changePassword',
    { currentPassword: 'Initial-2026-pw', newPassword: password },
    client,
  );
  if (!changed.ok) throw new Error(changed.error.message);
  return { client, id: created.data.id, username, password };
}

/** Writes rows with plain SQL through a second connection (WAL lets both work). */
export function seed(backend: Backend, statements: string): void {
  const db = new Database(backend.dbFile);
  db.pragma('foreign_keys = ON');
  db.exec(statements);
  db.close();
}

/** A tiny hand-built county: 2 townships, 3 villages, 2 grids, 2 units, 2 people. */
export const TINY_COUNTY = `
  INSERT INTO regions (code, name, level, parent_code, sort) VALUES
    ('999901000000', '测试县', 'county', NULL, 0),
    ('999901001000', '东镇', 'township', '999901000000', 1),
    ('999901002000', '西街道', 'township', '999901000000', 2),
    ('999901001001', '东一村', 'village', '999901001000', 1),
    ('999901001002', '东二村', 'village', '999901001000', 2),
    ('999901002001', '西社区', 'village', '999901002000', 1),
    ('999901001001001', '东一村第1网格', 'grid', '999901001001', 1),
    ('999901001001002', '东一村第2网格', 'grid', '999901001001', 2);
  INSERT INTO units (id, code, name, kind, region_code, sort) VALUES
    ('01900000-0000-7000-8000-000000000001', 'U001', '测试县东镇人民政府', 'township_government', '999901001000', 1),
    ('01900000-0000-7000-8000-000000000002', 'U002', '测试县信访局', 'county_department', NULL, 2);
  INSERT INTO people (id, name, title, role, unit_id, sort) VALUES
    ('01900000-0000-7000-8000-0000000000a1', '张明', '副县长', 'leader', '01900000-0000-7000-8000-000000000002', 1),
    ('01900000-0000-7000-8000-0000000000a2', '李华', '副镇长', 'responsible', '01900000-0000-7000-8000-000000000001', 2);
`;

afterEach(() => {
  for (const backend of open.splice(0)) backend.close();
});
