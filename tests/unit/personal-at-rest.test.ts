import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBackend } from '../../electron/backend/app';
import { backupDatabase } from '../../electron/backend/db/backup';
import { applyPragmas, openRaw } from '../../electron/backend/db/connection';
import { BACKUP_DIR_NAME, DB_FILE_NAME, openDatabase } from '../../electron/backend/db/database';
import { LATEST_VERSION, MIGRATIONS, migrate } from '../../electron/backend/db/migrations';
import { cipherOf, PersonalCipher } from '../../electron/backend/db/personal-cipher';
import { backupIfDue } from '../../electron/backend/features/backup/schedule';
import { readStatus } from '../../electron/backend/features/backup/status';
import { sha256Of } from '../../electron/backend/ledger/attachments/store';
import { tempDir } from '../helpers/temp-dir';
import { samplePdf } from '../helpers/files';
import { hazardDraft, seedBoundary } from '../helpers/hazards';
import { BUREAU, LEADER, must, PETITIONER, petitionBackend, registration } from '../helpers/petitions';
import { TEST_PASSWORD_HASH_COST } from '../helpers/hash-cost';
import { signInAdmin, testBackend } from '../helpers/backend';

const HAZARD_PHONE = '13900001111';
const PERSON_PHONE = '13700002222';
const FILE_TEXT = 'Agreement of 410102198001191234';
/** What must not be found in clear in any file of the data folder. */
const SECRETS = [PETITIONER.idNumber, PETITIONER.phone, PETITIONER.address, HAZARD_PHONE, PERSON_PHONE, FILE_TEXT];

/** Every file under a folder, recursively. */
const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));

/** The secrets found in clear in a file's raw bytes. */
const clearIn = (file: string): string[] => {
  const bytes = readFileSync(file);
  return SECRETS.filter((secret) => bytes.includes(Buffer.from(secret, 'utf8')));
};

/** A case with the known petitioner, a hazard with a person's phone, a leader's phone, a PDF, and a backup. */
async function sealedFolder() {
  const setup = await petitionBackend();
  const { backend, officer, admin } = setup;
  seedBoundary(backend);
  await must(
    backend.call(
      'people.update',
      { id: LEADER, name: '张明', title: '副县长', role: 'leader', unitId: BUREAU, phone: PERSON_PHONE },
      admin,
    ),
  );
  const { petition } = await must(backend.call('petitions.create', registration({ separateCase: true }), officer));
  await must(
    backend.call('hazards.create', hazardDraft({ people: [{ name: '赵大勇', phone: HAZARD_PHONE }] }), officer),
  );
  const pdf = samplePdf(FILE_TEXT);
  const file = await must(
    backend.call(
      'attachments.upload',
      { entity: 'petition', entityId: petition.id, fileName: '协议.pdf', base64: pdf.toString('base64') },
      officer,
    ),
  );
  const backup = await must(backend.call('backup.run', {}, admin));
  return { ...setup, petition, pdf, attachmentId: file.id, backupName: backup.name };
}

describe('personal data at rest', () => {
  it('keeps ID numbers, phones, addresses and attachment files out of the database, its WAL, a backup and the attachments', async () => {
    const { backend, officer, petition, pdf, attachmentId } = await sealedFolder();
    const dataDir = backend.dataDir;
    // Before the checkpoint the new pages are in the WAL; after it, in the file.
    for (const file of filesUnder(dataDir)) expect({ file, clear: clearIn(file) }).toEqual({ file, clear: [] });
    backend.services.sql.db.pragma('wal_checkpoint(TRUNCATE)');
    for (const file of filesUnder(dataDir)) expect({ file, clear: clearIn(file) }).toEqual({ file, clear: [] });
    expect(filesUnder(join(dataDir, 'backups')).some((file) => file.endsWith('.db'))).toBe(true);
    expect(filesUnder(join(dataDir, 'attachments'))).toHaveLength(1);

    // The app still shows them: masked in the detail, in clear through reveal and download.
    const detail = await must(backend.call('petitions.get', { id: petition.id }, officer));
    const [person] = detail.petitioners;
    expect(person).toMatchObject({ idNumberMasked: '410***********1234', phoneMasked: '138****5678' });
    const revealed = await must(
      backend.call(
        'personal.reveal',
        { entity: 'petitioner', id: person!.id, field: 'address', reason: '电话回访核实住址' },
        officer,
      ),
    );
    expect(revealed.value).toBe(PETITIONER.address);
    const read = await must(backend.call('attachments.read', { id: attachmentId }, officer));
    expect(Buffer.from(read.base64, 'base64').equals(pdf)).toBe(true);
    const leader = await must(
      backend.call(
        'personal.reveal',
        { entity: 'person', id: LEADER, field: 'phone', reason: '核对联系电话' },
        officer,
      ),
    );
    expect(leader.value).toBe(PERSON_PHONE);
  });

  it('matches a returning petitioner by the blind index of the ID number, and of the name and phone', async () => {
    const { backend, officer } = await petitionBackend();
    const first = await must(backend.call('petitions.create', registration({ separateCase: true }), officer));
    const again = await must(backend.call('petitions.create', registration(), officer));
    expect(again).toMatchObject({ linked: true, petition: { id: first.petition.id, petitionCount: 2 } });
    // The ID number typed in lower case, no ID number but the same name and phone: the same person.
    const byPhone = await must(
      backend.call('petitions.create', registration({ petitioners: [{ ...PETITIONER, idNumber: null }] }), officer),
    );
    expect(byPhone).toMatchObject({ linked: true, petition: { id: first.petition.id, petitionCount: 3 } });
    const row = backend.services.sql.db
      .prepare('SELECT id_number, id_number_bi, phone_bi FROM petitioners LIMIT 1')
      .get() as { id_number: string; id_number_bi: string; phone_bi: string };
    expect(row.id_number).toMatch(/^e1:/);
    expect(row.id_number_bi).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });

  it('creates the database, its backups, the key and the attachments owner-only', async () => {
    const { backend } = await sealedFolder();
    const mode = (file: string) => statSync(file).mode & 0o777;
    const dataDir = backend.dataDir;
    expect(mode(backend.dbFile)).toBe(0o600);
    expect(mode(join(dataDir, 'personal.key'))).toBe(0o600);
    for (const file of [...filesUnder(join(dataDir, 'backups')), ...filesUnder(join(dataDir, 'attachments'))]) {
      expect({ file, mode: mode(file) }).toEqual({ file, mode: 0o600 });
    }
    const folder = readdirSync(join(dataDir, 'attachments'))[0]!;
    expect(mode(join(dataDir, 'attachments'))).toBe(0o700);
    expect(mode(join(dataDir, 'attachments', folder))).toBe(0o700);
    expect(mode(join(dataDir, 'backups'))).toBe(0o700);
  });

  it('refuses to start without the key once data is sealed, saying what to restore, and makes no new key', async () => {
    const { backend } = await sealedFolder();
    const dataDir = backend.dataDir;
    backend.close();
    rmSync(join(dataDir, 'personal.key'));
    await expect(openBackend(dataDir, { passwordHashCost: TEST_PASSWORD_HASH_COST })).rejects.toThrow(
      /密钥文件 .*personal\.key 不见了.*请把备份的密钥文件放回原处/,
    );
    expect(existsSync(join(dataDir, 'personal.key'))).toBe(false);
  });

  it('seals with a fresh IV each time, opens what it sealed, and refuses a value changed at rest', () => {
    const cipher = new PersonalCipher(Buffer.alloc(32, 7));
    const a = cipher.seal(PETITIONER.phone)!;
    const b = cipher.seal(PETITIONER.phone)!;
    expect(a).not.toBe(b);
    expect(cipher.open(a)).toBe(PETITIONER.phone);
    expect(cipher.seal(null)).toBeNull();
    expect(cipher.blind('id', PETITIONER.idNumber.toLowerCase().replace('x', 'X'))).toBe(
      cipher.blind('id', PETITIONER.idNumber),
    );
    expect(cipher.blind('phone', '138-1234-5678')).toBe(cipher.blind('phone', PETITIONER.phone));
    expect(new PersonalCipher(Buffer.alloc(32, 8)).blind('id', PETITIONER.idNumber)).not.toBe(
      cipher.blind('id', PETITIONER.idNumber),
    );
    const tampered = `${a.slice(0, -4)}AAA=`;
    expect(() => cipher.open(tampered)).toThrow();
    expect(() => cipher.open(PETITIONER.phone)).toThrow(/not sealed/);
  });

  it('reads many values for masking as opening each would, whatever their length and script', () => {
    const cipher = new PersonalCipher(Buffer.alloc(32, 9));
    // Lengths around the 16-byte blocks, multi-byte characters (addresses), and the empty values.
    const clear = [
      PETITIONER.idNumber,
      PETITIONER.phone,
      null,
      '',
      'a',
      '0123456789abcdef',
      '0123456789abcdefg',
      '青禾县南关街道幸福里小区3号楼2单元501室',
      'x'.repeat(100),
    ];
    const stored = clear.map((value) => cipher.seal(value));
    expect(cipher.readForMasking(stored)).toEqual(clear);
    expect(cipher.readForMasking([])).toEqual([]);
    expect(() => cipher.readForMasking([PETITIONER.phone])).toThrow(/not sealed/);
  });

  it('seals a version-18 folder on opening: its rows, its attachment files, its older backups and the migration’s own', async () => {
    const dataDir = tempDir();
    const old = openRaw(join(dataDir, DB_FILE_NAME));
    applyPragmas(old);
    await migrate(old, null, MIGRATIONS.slice(0, 18));
    const storedName = 'ab/ab3e5c1d-1111-4222-8333-444455556666';
    const pdf = samplePdf(FILE_TEXT);
    old.exec(`
      INSERT INTO regions (code, name, level, parent_code) VALUES ('999901000000', '测试县', 'county', NULL);
      INSERT INTO regions (code, name, level, parent_code) VALUES ('999901001000', '东镇', 'township', '999901000000');
      INSERT INTO units (id, code, name, kind) VALUES ('n1', 'N1', '东镇人民政府', 'township_government');
      INSERT INTO people (id, name, title, role, unit_id, phone) VALUES ('l1', '张明', '镇长', 'leader', 'n1', '${PERSON_PHONE}');
      INSERT INTO users (id, username, display_name, password_hash, password_changed_at, created_at, updated_at)
        VALUES ('u1', 'u1', '用户', 'x', 't', 't', 't');
      INSERT INTO petitions (id, case_no, township_code, summary, first_petition_date, received_date, status,
          created_by, created_at, updated_at)
        VALUES ('p1', 'XF2026-000001', '999901001000', '讨薪', '2026-10-01', '2026-10-02', 'found', 'u1', 't', 't');
      INSERT INTO petitioners (id, petition_id, name, id_number, phone, address, is_primary)
        VALUES ('n1', 'p1', '王建国', '${PETITIONER.idNumber}', '${PETITIONER.phone}', '${PETITIONER.address}', 1);
      INSERT INTO attachments (id, entity, entity_id, purpose, file_name, mime, size, sha256, stored_name,
          uploaded_by, uploaded_at)
        VALUES ('f1', 'petition', 'p1', 'material', '协议.pdf', 'application/pdf', ${pdf.length}, '${sha256Of(pdf)}',
          '${storedName}', 'u1', 't1');
    `);
    mkdirSync(join(dataDir, 'attachments', 'ab'), { recursive: true });
    writeFileSync(join(dataDir, 'attachments', storedName), pdf);
    const daily = await backupDatabase(old, join(dataDir, BACKUP_DIR_NAME), 'daily');
    old.close();
    // A copy on the second location, a USB stick that is away when the app is upgraded.
    const secondary = tempDir();
    for (const file of [daily.file, daily.file.replace(/\.db$/, '.json')]) {
      writeFileSync(join(secondary, basename(file)), readFileSync(file));
    }

    const { db, migration } = await openDatabase(dataDir);
    try {
      expect(migration).toMatchObject({ from: 18, to: LATEST_VERSION });
      const cipher = cipherOf(db);
      const row = db.prepare('SELECT * FROM petitioners').get() as Record<string, string>;
      expect([row.id_number, row.phone, row.address].map((value) => cipher.open(value))).toEqual([
        PETITIONER.idNumber,
        PETITIONER.phone,
        PETITIONER.address,
      ]);
      expect(row.id_number_bi).toBe(cipher.blind('id', PETITIONER.idNumber));
      expect(row.phone_bi).toBe(cipher.blind('phone', PETITIONER.phone));
      expect(cipher.open(db.prepare('SELECT phone FROM people').pluck().get() as string)).toBe(PERSON_PHONE);
      expect(cipher.openFile(readFileSync(join(dataDir, 'attachments', storedName))).equals(pdf)).toBe(true);
    } finally {
      db.close();
    }
    const backups = filesUnder(join(dataDir, BACKUP_DIR_NAME)).filter((file) => file.endsWith('.db'));
    expect(backups).toHaveLength(2);
    expect(backups).toContain(daily.file);
    expect(backups).toContain(migration.backupFile);
    for (const file of backups) {
      const meta = JSON.parse(readFileSync(file.replace(/\.db$/, '.json'), 'utf8')) as { schemaVersion: number };
      expect(meta.schemaVersion).toBe(LATEST_VERSION);
    }
    for (const file of filesUnder(dataDir)) expect({ file, clear: clearIn(file) }).toEqual({ file, clear: [] });

    // Once plugged in again, the next backup that reaches it seals the copies made before.
    const away = join(secondary, basename(daily.file));
    expect(clearIn(away)).toContain(PETITIONER.idNumber);
    const backend = await openBackend(dataDir, { passwordHashCost: TEST_PASSWORD_HASH_COST, dailyBackups: false });
    try {
      backend.services.settings.backup.secondaryDir = secondary;
      expect(await backupIfDue(backend.services)).toBe(true);
      expect(readStatus(join(dataDir, BACKUP_DIR_NAME)).secondaryWarning).toBeNull();
    } finally {
      backend.close();
    }
    const copies = filesUnder(secondary).filter((file) => file.endsWith('.db'));
    expect(copies).toHaveLength(2);
    for (const file of filesUnder(secondary)) expect({ file, clear: clearIn(file) }).toEqual({ file, clear: [] });
  });

  it('refuses to restore a backup sealed under another key, before anything is written', async () => {
    const there = await petitionBackend();
    await must(there.backend.call('petitions.create', registration(), there.officer));
    const made = await must(there.backend.call('backup.run', {}, there.admin));
    // Another installation: its own personal.key.
    const here = { backend: await testBackend() };
    const admin = await signInAdmin(here.backend);
    const backups = join(here.backend.dataDir, BACKUP_DIR_NAME);
    mkdirSync(backups, { recursive: true });
    for (const file of [made.name, made.name.replace(/\.db$/, '.json')]) {
      writeFileSync(join(backups, file), readFileSync(join(there.backend.dataDir, BACKUP_DIR_NAME, file)));
    }
    const count = () => here.backend.services.sql.db.prepare('SELECT count(*) FROM audit_log').pluck().get();
    const before = count();
    const refused = await here.backend.call(
      'backup.restore',
      { name: made.name, location: 'primary', confirm: true },
      admin,
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(!refused.ok && refused.error.message).toContain('由另一把密钥加密');
    expect(!refused.ok && refused.error.message).toContain('恢复未执行，数据未改动');
    expect(count()).toBe(before);
  });
});
