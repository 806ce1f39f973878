import { randomInt } from 'node:crypto';
import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileKeyring, loadKey, type Keyring } from '../keys/keyring';
import { applyPragmas, openRaw, userVersion, type Db } from './connection';
import { damagedBy, setAsideIfDamaged } from './damaged';
import { assertNotNewer, migrate, type MigrationOutcome } from './migrations';
import { installCipher, PersonalCipher } from './personal-cipher';
import { holdsSealedData, sealAttachmentFiles, SEALED_SINCE, sealOldBackups } from './sealed-at-rest';

export const DB_FILE_NAME = 'zongzhi.db';
export const BACKUP_DIR_NAME = 'backups';
/** The key of the personal values and attachment files (`personal.key` in the keyring's folder). */
export const PERSONAL_KEY = 'personal';

const keyLostMessage = (ring: Keyring) =>
  `数据文件中的个人信息和附件已加密，但密钥文件 ${join(ring.dir, `${PERSONAL_KEY}.key`)} 不见了。` +
  '为保护数据，程序不会生成新密钥。请把备份的密钥文件放回原处后重新启动；没有密钥，加密的个人信息和附件无法恢复。';

export interface OpenedDatabase {
  db: Db;
  file: string;
  migration: MigrationOutcome;
}

/**
 * Opens (creating if needed) the data folder's database: a damaged file is moved aside intact
 * (DamagedDatabaseError), a newer file refused untouched; the personal data key loaded (a missing
 * key where sealed data exists refuses to open); then sets the pragmas and migrates (with a
 * backup first). The migration that seals personal data seals the attachment files and the
 * older backups after it, and leaves no clear page behind in the file or its WAL.
 */
export async function openDatabase(dataDir: string, keyring: Keyring = fileKeyring(dataDir)): Promise<OpenedDatabase> {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, DB_FILE_NAME);
  setAsideIfDamaged(dataDir, file);
  const db = openRaw(file);
  try {
    assertNotNewer(userVersion(db));
    const key = await loadKey(
      keyring,
      PERSONAL_KEY,
      holdsSealedData(db) ? { create: false, message: keyLostMessage(keyring) } : { create: true },
    );
    const cipher = new PersonalCipher(key);
    installCipher(db, cipher);
    applyPragmas(db);
    chmodSync(file, 0o600);
    // A random id in the header lets the start-up check tell this file's WAL from another's.
    if (db.pragma('application_id', { simple: true }) === 0) db.pragma(`application_id = ${randomInt(1, 2 ** 31 - 1)}`);
    const backups = join(dataDir, BACKUP_DIR_NAME);
    const migration = await migrate(db, backups);
    if (migration.from > 0 && migration.from < SEALED_SINCE) {
      db.pragma('wal_checkpoint(TRUNCATE)');
      await sealAttachmentFiles(db, dataDir, cipher);
      await sealOldBackups(backups, cipher);
    }
    return { db, file, migration };
  } catch (error) {
    db.close();
    throw damagedBy(error, dataDir, file);
  }
}
