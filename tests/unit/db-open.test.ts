import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { DB_FILE_NAME, openDatabase } from '../../electron/backend/db/database';
import { LATEST_VERSION, MIGRATIONS, migrate } from '../../electron/backend/db/migrations';
import { applyPragmas, openRaw, WAL_LIMIT_BYTES } from '../../electron/backend/db/connection';
import { openBackend } from '../../electron/backend/app';
import { tempDir } from '../helpers/temp-dir';

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('openDatabase', () => {
  it('creates the file in the data folder, migrated to the latest version', async () => {
    const dir = tempDir();
    const { db, file, migration } = await openDatabase(dir);
    expect(file).toBe(join(dir, DB_FILE_NAME));
    expect(migration).toEqual({ from: 0, to: LATEST_VERSION, backupFile: null });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    db.close();
  });

  it('runs with WAL, synchronous=FULL, foreign keys and a busy timeout', async () => {
    const { db } = await openDatabase(tempDir());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('journal_size_limit', { simple: true })).toBe(WAL_LIMIT_BYTES);
    db.close();
  });

  it('cuts the WAL back to its limit once a large write is checkpointed and the log starts over', async () => {
    const dir = tempDir();
    const { db, file } = await openDatabase(dir);
    db.exec('CREATE TABLE big (b BLOB NOT NULL) STRICT');
    const add = db.prepare('INSERT INTO big VALUES (zeroblob(1048576))');
    // One transaction larger than the limit: the WAL grows past it while the transaction is open.
    db.transaction(() => {
      for (let n = 0; n < 80; n += 1) add.run();
    })();
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(WAL_LIMIT_BYTES);
    // The next write finds the log checkpointed and starts it over, cut back to the limit.
    db.exec("INSERT INTO big VALUES (x'01')");
    expect(statSync(`${file}-wal`).size).toBeLessThanOrEqual(WAL_LIMIT_BYTES);
    db.close();
  });

  it('makes every table STRICT', async () => {
    const { db } = await openDatabase(tempDir());
    const tables = db
      .prepare(
        "SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%'",
      )
      .all() as Array<{ name: string; strict: number }>;
    expect(tables.length).toBeGreaterThan(0);
    expect(tables.filter((t) => t.strict !== 1).map((t) => t.name)).toEqual([]);
    db.close();
  });

  it('reopens an up-to-date file without migrating or backing up', async () => {
    const dir = tempDir();
    (await openDatabase(dir)).db.close();
    const again = await openDatabase(dir);
    expect(again.migration).toEqual({ from: LATEST_VERSION, to: LATEST_VERSION, backupFile: null });
    expect(existsSync(join(dir, 'backups'))).toBe(false);
    again.db.close();
  });

  it('migrates an older file with a backup first, and audits it', async () => {
    const dir = tempDir();
    const old = openRaw(join(dir, DB_FILE_NAME));
    applyPragmas(old);
    await migrate(old, join(dir, 'backups'), MIGRATIONS.slice(0, 1));
    old.prepare("INSERT INTO regions (code, name, level) VALUES ('999901000000', '旧县', 'county')").run();
    old.close();

    const backend = await openBackend(dir);
    expect(backend.migration).toMatchObject({ from: 1, to: LATEST_VERSION });
    expect(existsSync(backend.migration.backupFile!)).toBe(true);
    const row = backend.services.sql.db
      .prepare("SELECT username, detail FROM audit_log WHERE action = 'db.migrate'")
      .get();
    expect(row).toEqual({ username: 'system', detail: expect.stringContaining(`v1 → v${LATEST_VERSION}`) });
    backend.close();
  });

  it('refuses a database written by a newer version with a Chinese message and leaves it untouched', async () => {
    const dir = tempDir();
    const file = join(dir, DB_FILE_NAME);
    const raw = new Database(file);
    raw.exec('CREATE TABLE future_things (id INTEGER PRIMARY KEY) STRICT');
    raw.pragma(`user_version = ${LATEST_VERSION + 5}`);
    raw.close();
    const before = sha256(file);
    const filesBefore = readdirSync(dir).sort();

    const attempt = openDatabase(dir);
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toThrow(/较新版本.*不会打开或改动/);

    expect(sha256(file)).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(filesBefore);
  });
});
