import { createHash } from 'node:crypto';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { InputOf } from '../../shared/contract';
import { ATTACHMENT_MAX_BASE64, ATTACHMENT_MAX_BYTES } from '../../shared/domain/attachments';
import { displayName, sniffMime } from '../../electron/backend/ledger/attachments/content';
import { applyPragmas, openRaw } from '../../electron/backend/db/connection';
import { MIGRATIONS, migrate } from '../../electron/backend/db/migrations';
import { MAX_BODY_BYTES } from '../../electron/backend/http/body';
import { createHttpServer, listenOnLoopback } from '../../electron/backend/http/server';
import { seed, signInAdmin, signInAs, testBackend } from '../helpers/backend';
import { SAMPLE_EXE, SAMPLE_JPEG, SAMPLE_PNG, samplePdf } from '../helpers/files';
import { LEADER, must, petitionBackend, registration, TOWN_UNIT, WEST } from '../helpers/petitions';
import { tempDir } from '../helpers/temp-dir';
import { postAsPage, sessionFrom, type WebSession } from '../helpers/web-client';

type Setup = Awaited<ReturnType<typeof petitionBackend>>;

async function withCase() {
  const setup = await petitionBackend();
  const { petition } = await must(
    setup.backend.call('petitions.create', registration({ separateCase: true }), setup.officer),
  );
  return { ...setup, caseId: petition.id };
}

const upload = (setup: Setup, caseId: string, fileName: string, bytes: Buffer, client = setup.officer) =>
  setup.backend.call(
    'attachments.upload',
    { entity: 'petition', entityId: caseId, fileName, base64: bytes.toString('base64') },
    client,
  );

/** Every file under the data folder's attachments, relative to the data folder. */
function storedFiles(dataDir: string): string[] {
  const root = join(dataDir, 'attachments');
  try {
    return readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(dataDir, join(entry.parentPath, entry.name)));
  } catch {
    return [];
  }
}

const rowCount = (setup: Setup) =>
  setup.backend.services.sql.db.prepare('SELECT count(*) FROM attachments').pluck().get() as number;

const storedNameOf = (setup: Setup, id: string) =>
  setup.backend.services.sql.db.prepare('SELECT stored_name FROM attachments WHERE id = ?').pluck().get(id) as string;

const auditOf = (setup: Setup, action: string) =>
  setup.backend.services.sql.db
    .prepare('SELECT entity, entity_id, result, fields, detail FROM audit_log WHERE action = ? ORDER BY seq')
    .all(action) as Array<{ entity: string; entity_id: string; result: string; fields: string; detail: string }>;

describe('attachments: upload, list and read', () => {
  it('stores a PDF, a PNG and a JPEG under generated names, lists them and hands each back unchanged', async () => {
    const setup = await withCase();
    const files = [
      { name: '息诉罢访协议.pdf', bytes: samplePdf(), mime: 'application/pdf' },
      { name: '现场照片.png', bytes: SAMPLE_PNG, mime: 'image/png' },
      { name: '签字页.jpg', bytes: SAMPLE_JPEG, mime: 'image/jpeg' },
    ];
    for (const file of files) {
      const meta = await must(upload(setup, setup.caseId, file.name, file.bytes));
      expect(meta).toMatchObject({
        entity: 'petition',
        entityId: setup.caseId,
        purpose: 'material',
        fileName: file.name,
        mime: file.mime,
        size: file.bytes.length,
        sha256: createHash('sha256').update(file.bytes).digest('hex'),
        uploadedByName: expect.stringMatching(/^测试用户/),
        closeOutIds: [],
      });
      const back = await must(setup.backend.call('attachments.read', { id: meta.id }, setup.leader));
      expect(back).toEqual({ fileName: file.name, mime: file.mime, base64: file.bytes.toString('base64') });
    }
    const listed = await must(
      setup.backend.call('attachments.list', { entity: 'petition', entityId: setup.caseId }, setup.officer),
    );
    expect(listed.map((a) => a.fileName)).toEqual(files.map((f) => f.name));
    const stored = storedFiles(setup.backend.dataDir);
    expect(stored).toHaveLength(3);
    for (const path of stored) expect(path).toMatch(/^attachments[\\/]([0-9a-f]{2})[\\/]\1[0-9a-f-]{34}$/);

    const uploads = auditOf(setup, 'attachments.upload');
    expect(uploads).toHaveLength(3);
    expect(uploads[0]).toMatchObject({ entity: 'petition', entity_id: setup.caseId, result: 'success' });
    // The file name may carry a petitioner's name: it stays out of the audit log.
    expect(uploads.map((u) => u.detail).join()).not.toMatch(/协议|照片|签字/);
    expect(auditOf(setup, 'attachments.read')).toHaveLength(3);
  });

  it('judges the type by the content: a program or a text file named .pdf is refused, and nothing is kept', async () => {
    const setup = await withCase();
    const program = await upload(setup, setup.caseId, '补充材料.exe', SAMPLE_EXE);
    expect(program).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(!program.ok && program.error.message).toContain('“补充材料.exe”不是 PDF 或图片');
    const text = await upload(setup, setup.caseId, '协议.pdf', Buffer.from('这其实是一段文字，不是 PDF'));
    expect(!text.ok && text.error).toMatchObject({ code: 'VALIDATION', details: [{ path: 'base64' }] });
    expect(!text.ok && text.error.message).toContain('“协议.pdf”不是 PDF 或图片');
    expect(rowCount(setup)).toBe(0);
    expect(storedFiles(setup.backend.dataDir)).toEqual([]);
  });

  it('refuses a polyglot: a PDF that is also a web page, a photo with an archive behind it; nothing is kept', async () => {
    const setup = await withCase();
    const page = '<html><script>alert(document.cookie)</script></html>';
    const pdfPage = Buffer.from(samplePdf().toString('latin1').replace('%PDF-1.4\n', `%PDF-1.4\n%${page}\n`), 'latin1');
    const refused = await upload(setup, setup.caseId, '协议.pdf', pdfPage);
    expect(!refused.ok && refused.error).toMatchObject({ code: 'VALIDATION', details: [{ path: 'base64' }] });
    expect(!refused.ok && refused.error.message).toBe(
      '文件“协议.pdf”文件开头夹带网页代码，不能作为附件保存。请上传原始的 PDF 或图片文件。',
    );
    const photoZip = Buffer.concat([SAMPLE_JPEG, Buffer.from('PK\x03\x04\x14\x00', 'latin1')]);
    expect(await upload(setup, setup.caseId, '现场.jpg', photoZip)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringContaining('图像结束之后附带了其他内容') },
    });
    expect(rowCount(setup)).toBe(0);
    expect(storedFiles(setup.backend.dataDir)).toEqual([]);
  });

  it('refuses a file over the size limit, naming it, and keeps neither row nor file', async () => {
    const setup = await withCase();
    const oneByteOver = Buffer.concat([samplePdf(), Buffer.alloc(ATTACHMENT_MAX_BYTES + 1 - samplePdf().length)]);
    const over = await upload(setup, setup.caseId, '扫描件.pdf', oneByteOver);
    expect(!over.ok && over.error.message).toBe('文件“扫描件.pdf”超过 20 MB 上限，请压缩或拆分后再上传。');
    const wayOver = await setup.backend.call(
      'attachments.upload',
      { entity: 'petition', entityId: setup.caseId, fileName: '大.pdf', base64: 'A'.repeat(ATTACHMENT_MAX_BASE64 + 4) },
      setup.officer,
    );
    expect(!wayOver.ok && wayOver.error.message).toContain('超过 20 MB 上限');
    const empty = await upload(setup, setup.caseId, '空.pdf', Buffer.alloc(0));
    expect(empty).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(rowCount(setup)).toBe(0);
    expect(storedFiles(setup.backend.dataDir)).toEqual([]);
  });

  it('removes the written file when its row cannot be committed', async () => {
    const setup = await withCase();
    seed(
      setup.backend,
      "CREATE TRIGGER refuse_attachment BEFORE INSERT ON attachments BEGIN SELECT RAISE(ABORT, 'disk full'); END;",
    );
    const failed = await upload(setup, setup.caseId, '协议.pdf', samplePdf());
    expect(failed).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(storedFiles(setup.backend.dataDir)).toEqual([]);
    expect(auditOf(setup, 'attachments.upload')).toEqual([]);
  });

  it('refuses to hand out a file changed on disk or gone, saying so, and audits the refusal', async () => {
    const setup = await withCase();
    const tampered = await must(upload(setup, setup.caseId, '协议.pdf', samplePdf()));
    const missing = await must(upload(setup, setup.caseId, '照片.png', SAMPLE_PNG));
    const dataDir = setup.backend.dataDir;
    writeFileSync(join(dataDir, 'attachments', storedNameOf(setup, tampered.id)), samplePdf('Forged agreement'));
    rmSync(join(dataDir, 'attachments', storedNameOf(setup, missing.id)));

    const changed = await setup.backend.call('attachments.read', { id: tampered.id }, setup.officer);
    expect(!changed.ok && changed.error.code).toBe('CONFLICT');
    expect(!changed.ok && changed.error.message).toContain('附件“协议.pdf”的文件与上传时不一致（SHA-256 校验不符）');
    const gone = await setup.backend.call('attachments.read', { id: missing.id }, setup.officer);
    expect(!gone.ok && gone.error.message).toContain('附件“照片.png”的文件在数据文件夹中已缺失');
    expect(auditOf(setup, 'attachments.read')).toMatchObject([
      { entity: 'attachment', entity_id: tampered.id, result: 'failure', detail: 'SHA-256 校验不符' },
      { entity: 'attachment', entity_id: missing.id, result: 'failure', detail: '文件缺失' },
    ]);
  });

  it('keeps a file name with a path in it as a harmless display name and writes only inside the data folder', async () => {
    const setup = await withCase();
    // The data folder is a fresh temp folder: a traversal would land beside it or in the temp root.
    const named = (dir: string, recursive: boolean) =>
      readdirSync(dir, { recursive }).filter((n) => /evil|passwd|fdp/.test(String(n)));
    const names = ['../../../../tmp/evil.pdf', '..\\..\\Windows\\evil2.pdf', '/etc/passwd', '合同\u202Efdp.exe'];
    const stored = [];
    for (const name of names) stored.push((await must(upload(setup, setup.caseId, name, samplePdf()))).fileName);
    expect(stored).toEqual(['evil.pdf', 'evil2.pdf', 'passwd.pdf', '合同_fdp.exe.pdf']);
    expect(named(join(setup.backend.dataDir, '..'), false)).toEqual([]);
    expect(named(setup.backend.dataDir, true)).toEqual([]);
    expect(storedFiles(setup.backend.dataDir)).toHaveLength(4);
  });
});

describe('attachments: who may upload and see them', () => {
  it('lets the officer and the leader upload, keeps the administrator and the auditor out', async () => {
    const setup = await withCase();
    await must(upload(setup, setup.caseId, '协议.pdf', samplePdf(), setup.leader));
    for (const role of ['sysadmin', 'auditor'] as const) {
      const other = (await signInAs(setup.backend, setup.admin, [role])).client;
      expect(await upload(setup, setup.caseId, '协议.pdf', samplePdf(), other)).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    }
    expect(rowCount(setup)).toBe(1);
  });

  it('treats a case outside the user’s township as not found, for upload, list and download', async () => {
    const setup = await withCase();
    const own = await must(upload(setup, setup.caseId, '协议.pdf', samplePdf()));
    const west = (await signInAs(setup.backend, setup.admin, ['duty_officer'], WEST)).client;
    const notFound = { ok: false, error: { code: 'NOT_FOUND' } };
    expect(await upload(setup, setup.caseId, '照片.png', SAMPLE_PNG, west)).toMatchObject(notFound);
    expect(
      await setup.backend.call('attachments.list', { entity: 'petition', entityId: setup.caseId }, west),
    ).toMatchObject(notFound);
    expect(await setup.backend.call('attachments.read', { id: own.id }, west)).toMatchObject(notFound);
    expect(rowCount(setup)).toBe(1);
  });
});

describe('attachments: close-out evidence', () => {
  async function resolvedCase(setup: Setup) {
    const { petition } = await must(
      setup.backend.call('petitions.create', registration({ separateCase: true }), setup.officer),
    );
    const steps: Array<Omit<InputOf<'petitions.transition'>, 'id'>> = [
      { action: 'classify', itemType: 'appeal', category: 'labour_social_security' },
      { action: 'assign', handlingUnitId: TOWN_UNIT, responsibleLeaderId: LEADER, dueDate: '2026-12-20' },
      { action: 'startResolving', progressNote: '已约见信访人' },
      { action: 'reply', replyKind: 'support' },
      { action: 'resolve', outcome: '工资已结清' },
    ];
    for (const step of steps) {
      await must(setup.backend.call('petitions.transition', { id: petition.id, ...step }, setup.officer));
    }
    return petition.id;
  }

  it('links the files a close-out cites to its record, and audits that it did', async () => {
    const setup = await petitionBackend();
    const id = await resolvedCase(setup);
    const agreement = await must(upload(setup, id, '息诉罢访协议.pdf', samplePdf(), setup.leader));
    const photo = await must(upload(setup, id, '现场照片.png', SAMPLE_PNG));
    const closed = await must(
      setup.backend.call(
        'petitions.transition',
        { id, action: 'closeOut', evidence: '签署息诉罢访协议', attachmentIds: [agreement.id] },
        setup.leader,
      ),
    );
    expect(closed.status).toBe('closed');
    const closeOutId = closed.closeOuts[0]!.id;
    const listed = await must(
      setup.backend.call('attachments.list', { entity: 'petition', entityId: id }, setup.officer),
    );
    expect(listed.map((a) => [a.id, a.closeOutIds])).toEqual([
      [agreement.id, [closeOutId]],
      [photo.id, []],
    ]);
    const audit = auditOf(setup, 'petitions.closeOut');
    expect(JSON.parse(audit[0]!.fields)).toContain('attachmentIds');
  });

  it('refuses a close-out citing a file of another case, and the case stays resolved', async () => {
    const setup = await petitionBackend();
    const id = await resolvedCase(setup);
    const otherCase = await resolvedCase(setup);
    const foreign = await must(upload(setup, otherCase, '协议.pdf', samplePdf()));
    const refused = await setup.backend.call(
      'petitions.transition',
      { id, action: 'closeOut', evidence: '签署息诉罢访协议', attachmentIds: [foreign.id] },
      setup.leader,
    );
    expect(!refused.ok && refused.error).toMatchObject({
      code: 'VALIDATION',
      message: '所选证据文件不是本积案的附件，请刷新后重新选择。',
      details: [{ path: 'attachmentIds' }],
    });
    expect((await must(setup.backend.call('petitions.get', { id }, setup.officer))).status).toBe('resolved');
    expect(
      setup.backend.services.sql.db.prepare('SELECT count(*) FROM petition_closeout_attachments').pluck().get(),
    ).toBe(0);
  });
});

describe('attachments over web mode', () => {
  // Sends five bodies of 27 MB each: seconds on a busy machine.
  it(
    'lets attachments.upload carry a body the size of the largest file for a user who may upload, and no one else',
    { timeout: 60_000 },
    async () => {
      const backend = await testBackend();
      const officer = await signInAs(backend, await signInAdmin(backend), ['duty_officer']);
      const server = createHttpServer({ dispatch: backend.dispatch, staticDir: tempDir() });
      const port = await listenOnLoopback(server, 0);
      const base = `http://127.0.0.1:${port}`;
      const credentials = JSON.stringify({ username: officer.username, password: officer.password });
      const session = sessionFrom(await postAsPage(base, 'auth.login', credentials))!;
      const post = async (method: string, base64Length: number, signedIn: WebSession | null = null) => {
        const body = JSON.stringify({ entity: 'petition', fileName: 'a.pdf', base64: 'A'.repeat(base64Length) });
        const res = await postAsPage(base, method, body, signedIn);
        return ((await res.json()) as { error: { code: string; message: string } }).error;
      };
      try {
        // Nobody signed in: refused before the body is read, whatever its size.
        for (const size of [ATTACHMENT_MAX_BASE64, ATTACHMENT_MAX_BASE64 + 100_000]) {
          expect(await post('attachments.upload', size)).toMatchObject({ code: 'UNAUTHENTICATED' });
        }
        // Signed in: the largest file passes the body check and meets the backend's own (no such case).
        expect((await post('attachments.upload', ATTACHMENT_MAX_BASE64, session)).message).not.toContain('超过');
        expect((await post('attachments.upload', ATTACHMENT_MAX_BASE64 + 100_000, session)).message).toContain('超过');
        for (const method of ['regions.list', 'constructor']) {
          expect((await post(method, MAX_BODY_BYTES + 10, session)).message).toContain('超过');
        }
      } finally {
        await new Promise((done) => server.close(done));
      }
    },
  );
});

describe('attachment content and names', () => {
  it('recognises the accepted types by their first bytes only', () => {
    expect(sniffMime(samplePdf())).toBe('application/pdf');
    expect(sniffMime(SAMPLE_PNG)).toBe('image/png');
    expect(sniffMime(SAMPLE_JPEG)).toBe('image/jpeg');
    expect(sniffMime(Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'))).toBe('image/gif');
    expect(sniffMime(Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ', 'latin1'))).toBe('image/webp');
    expect(sniffMime(Buffer.from('RIFF\x10\x00\x00\x00WAVEfmt ', 'latin1'))).toBeNull();
    expect(sniffMime(SAMPLE_EXE)).toBeNull();
    expect(sniffMime(Buffer.from('%PDF'))).toBeNull();
  });

  it('makes the display name safe and its extension match the content', () => {
    expect(displayName('C:\\Users\\张三\\协议.PDF', 'application/pdf')).toBe('协议.PDF');
    expect(displayName('照片.jpeg', 'image/jpeg')).toBe('照片.jpeg');
    expect(displayName('照片.png', 'image/jpeg')).toBe('照片.png.jpg');
    expect(displayName('a\u0000b\nc.pdf', 'application/pdf')).toBe('a_b_c.pdf');
    expect(displayName('..', 'application/pdf')).toBe('附件.pdf');
    expect(displayName('.hidden.pdf', 'application/pdf')).toBe('hidden.pdf');
  });
});

describe('migration 0004: attachments', () => {
  it('creates STRICT tables that refuse an unknown ledger and a link to a missing close-out', async () => {
    const dir = tempDir();
    const db = openRaw(join(dir, 'test.db'));
    applyPragmas(db);
    await migrate(db, join(dir, 'backups'), MIGRATIONS.slice(0, 4));
    const strict = db
      .prepare("SELECT name FROM pragma_table_list WHERE strict = 1 AND name LIKE '%attachments' ORDER BY name")
      .pluck()
      .all();
    expect(strict).toEqual(['attachments', 'petition_closeout_attachments']);
    db.exec(`INSERT INTO users (id, username, display_name, password_hash, password_changed_at, created_at, updated_at)
      VALUES ('u1', 'u1', '用户', 'x', 't', 't', 't')`);
    const insert = (id: string, entity: string) =>
      db.exec(`INSERT INTO attachments (id, entity, entity_id, purpose, file_name, mime, size, sha256, stored_name,
        uploaded_by, uploaded_at) VALUES ('${id}', '${entity}', 'c1', 'material', 'a.pdf', 'application/pdf', 10,
        '${'0'.repeat(64)}', 'ab/${id}', 'u1', 't')`);
    expect(() => insert('a0', 'hazard')).toThrow(/CHECK constraint/);
    insert('a1', 'petition');
    expect(() =>
      db.exec("INSERT INTO petition_closeout_attachments (closeout_id, attachment_id) VALUES ('nope', 'a1')"),
    ).toThrow(/FOREIGN KEY/);
    db.close();
  });
});
