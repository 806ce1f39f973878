import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { readStoredFile, rewriteStoredFile } from '../ledger/attachments/store';
import { sidecarOf, type BackupMeta } from './backup';
import { applyPragmas, userVersion, type Db } from './connection';
import { migrate } from './migrations';
import { installCipher, isSealedFile, type PersonalCipher } from './personal-cipher';

/** The schema version from which personal values and attachment files are sealed (migration 0020). */
export const SEALED_SINCE = 20;

/** Whether the file holds anything sealed, so that its key cannot simply be made anew. */
export function holdsSealedData(db: Db): boolean {
  const version = userVersion(db);
  if (version < SEALED_SINCE) return false;
  // The disputes' parties exist from migration 0022.
  const parties =
    version >= 22 ? `OR EXISTS (SELECT 1 FROM dispute_parties WHERE coalesce(id_number, phone) IS NOT NULL)` : '';
  return (
    db
      .prepare(
        `SELECT EXISTS (SELECT 1 FROM petitioners WHERE coalesce(id_number, phone, address) IS NOT NULL)
             OR EXISTS (SELECT 1 FROM hazard_people WHERE phone IS NOT NULL AND phone <> '')
             OR EXISTS (SELECT 1 FROM people WHERE phone <> '')
             OR EXISTS (SELECT 1 FROM attachments) ${parties}`,
      )
      .pluck()
      .get() === 1
  );
}

/** Seals the attachment files still in clear (those stored before migration 0020). */
export async function sealAttachmentFiles(db: Db, dataDir: string, cipher: PersonalCipher): Promise<void> {
  const names = db.prepare('SELECT stored_name FROM attachments').pluck().all() as string[];
  for (const name of names) {
    const bytes = await readStoredFile(dataDir, name);
    if (bytes && !isSealedFile(bytes)) await rewriteStoredFile(dataDir, name, cipher.sealFile(bytes));
  }
}

/**
 * Brings every backup of the folder written before sealing (the migration's own backup among
 * them) to the current schema in place, so no backup keeps personal data in clear; freed pages
 * are zeroed (secure_delete) and the file is left self-contained, its sidecar updated.
 */
export async function sealOldBackups(dir: string, cipher: PersonalCipher): Promise<void> {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => /^zongzhi-.*\.db$/.test(name));
  } catch {
    return;
  }
  for (const name of names) {
    const file = join(dir, name);
    const copy = new Database(file, { fileMustExist: true });
    try {
      if (userVersion(copy) >= SEALED_SINCE) continue;
      applyPragmas(copy);
      installCipher(copy, cipher);
      await migrate(copy, null);
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    updateSidecar(file);
  }
}

function updateSidecar(file: string): void {
  try {
    const meta = JSON.parse(readFileSync(sidecarOf(file), 'utf8')) as BackupMeta;
    const copy = new Database(file, { readonly: true });
    const schemaVersion = userVersion(copy);
    copy.close();
    writeFileSync(sidecarOf(file), JSON.stringify({ ...meta, schemaVersion, sizeBytes: statSync(file).size }), {
      mode: 0o600,
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
