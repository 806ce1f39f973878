import Database from 'better-sqlite3';
import { afterEach } from 'vitest';
import { openBackend, type Backend } from '../../electron/backend/app';
import type { CallContext } from '../../electron/backend/api/types';
import { tempDir } from './temp-dir';

export const testCall: CallContext = { transport: 'ipc', client: 'test' };

const open: Backend[] = [];

/** A real backend on a fresh temp data folder, closed after the test. */
export async function testBackend(): Promise<Backend> {
  const backend = await openBackend(tempDir());
  open.push(backend);
  return backend;
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
