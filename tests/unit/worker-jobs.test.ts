import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it, vi } from 'vitest';
import { importKinds } from '../../electron/backend/api/imports';
import { readHeadFile, tableHead } from '../../electron/backend/audit/head';
import { verifyChain } from '../../electron/backend/audit/verify';
import { drillBackup, type DrillInput } from '../../electron/backend/db/drill-job';
import { cipherOf } from '../../electron/backend/db/personal-cipher';
import { buildReportDocx } from '../../electron/backend/export/docx';
import { previewInWorker, type ImportJobInput } from '../../electron/backend/import/jobs';
import type { JobScope } from '../../electron/backend/workers/job';
import type { Backend } from '../../electron/backend/backend';
import { seed } from '../helpers/backend';
import { must, petitionBackend, registration } from '../helpers/petitions';
import { workbookOf, type Cell } from '../helpers/workbooks';

/** The names of the jobs the backend posts to its worker threads, in order. */
function jobsPosted(backend: Backend): string[] {
  const names: string[] = [];
  const run = backend.services.workers.run.bind(backend.services.workers);
  vi.spyOn(backend.services.workers, 'run').mockImplementation((job, input, options) => {
    names.push(job.name);
    return run(job, input, options);
  });
  return names;
}

/** The same job body run on this thread, as the calls ran it before: the key as the worker gets it. */
const inThread = (backend: Backend): JobScope => ({ key: cipherOf(backend.services.sql.db).key, progress: () => {} });

const HEADER: Cell[] = [
  '案号',
  '乡镇(街道)',
  '姓名',
  '手机',
  '受理日期',
  '事项类型',
  '问题分类',
  '责任单位',
  '主要诉求',
];
const cases = (n: number, from = 1): Cell[][] =>
  Array.from({ length: n }, (_, i) => [
    `XF2026-${String(from + i).padStart(6, '0')}`,
    i % 2 ? '东' : '西街道',
    '王建国',
    '13812345678',
    '2026-03-05',
    '申诉求决',
    '劳动社保',
    '测试县信访局',
    `反映拖欠工资问题（第 ${from + i} 件）`,
  ]);

describe('heavy jobs in worker threads', () => {
  it('runs a restore drill in a worker, with the result the same body gives on this thread', async () => {
    const { backend, admin } = await petitionBackend();
    await must(backend.call('backup.run', {}, admin));
    const posted = jobsPosted(backend);
    const drill = await must(backend.call('backup.drill', {}, admin));
    expect(posted).toEqual(['backup.drill']);
    expect(drill.ok).toBe(true);

    const dir = join(backend.dataDir, 'backups');
    const scratch = mkdtempSync(join(dir, 'drill-'));
    try {
      const input: DrillInput = {
        backup: join(dir, drill.backup),
        scratch,
        keyring: { dir: backend.services.keyring.dir, wrapper: backend.services.keyring.wrapper.name },
        auditKey: backend.services.auditKey,
        at: drill.at,
      };
      const here = await drillBackup(input, inThread(backend));
      const listed = await must(backend.call('backup.list', {}, admin));
      expect(here.counts).toEqual(listed.items.find((item) => item.name === drill.backup)!.counts);
      expect(drill.message).toBe(
        `恢复成功，${Object.values(here.counts).reduce((a, b) => a + b, 0)} 条记录与备份时一致，审计链校验通过（${here.chain.checkedRows} 条）`,
      );
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
    const audit = backend.services.sql.db
      .prepare("SELECT result, detail FROM audit_log WHERE action = 'backup.drill'")
      .all() as { result: string; detail: string }[];
    expect(audit).toEqual([{ result: 'success', detail: `${drill.backup}：${drill.message}` }]);
  });

  it('builds a report’s Word file in a worker, the same document as built on this thread', async () => {
    const { backend, officer } = await petitionBackend();
    const draft = { ...(await must(backend.call('reports.draft', {}, officer))), signer: '吴带班' };
    const saved = await must(backend.call('reports.save', { document: draft }, officer));
    const posted = jobsPosted(backend);
    const file = await must(backend.call('reports.docx', { id: saved.id }, officer));
    expect(posted).toEqual(['report.docx']);
    expect(file.fileName).toBe(`${saved.title}（${saved.issueNo}）.docx`);
    const xmlOf = async (bytes: Buffer) => (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    const fromWorker = await xmlOf(Buffer.from(file.base64, 'base64'));
    expect(fromWorker).toContain(draft.title);
    expect(fromWorker).toBe(await xmlOf(await buildReportDocx(draft)));
  });

  it('exports in two workers, one reading the rows and one writing the workbook, job after job', async () => {
    const { backend, officer } = await petitionBackend();
    await must(backend.call('petitions.create', registration(), officer));
    const posted = jobsPosted(backend);
    for (let n = 0; n < 3; n += 1) {
      const started = await must(backend.call('petitions.exportStart', {}, officer));
      let progress = started;
      while (progress.state === 'running') {
        await new Promise((resolve) => setImmediate(resolve));
        progress = await must(backend.call('exports.progress', { jobId: started.jobId }, officer));
      }
      const file = await must(backend.call('exports.fetch', { jobId: started.jobId }, officer));
      expect(file.rows).toBe(1);
      const sheet = (await JSZip.loadAsync(Buffer.from(file.base64, 'base64'))).file('xl/worksheets/sheet1.xml');
      expect(await sheet!.async('string')).toContain(registration().summary);
    }
    expect(posted).toEqual(Array.from({ length: 3 }, () => ['ledger.export', 'xlsx.sheet']).flat());
  });

  it('reuses its idle workers job after job without piling listeners on them', async () => {
    const { backend, officer } = await petitionBackend();
    const draft = { ...(await must(backend.call('reports.draft', {}, officer))), signer: '吴带班' };
    const saved = await must(backend.call('reports.save', { document: draft }, officer));
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.name);
    process.on('warning', onWarning);
    try {
      for (let n = 0; n < 12; n += 1) await must(backend.call('reports.docx', { id: saved.id }, officer));
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings).not.toContain('MaxListenersExceededWarning');
  });

  it('previews an import in a worker, as the same dry run on this thread reads it', async () => {
    const { backend, officer } = await petitionBackend();
    const base64 = await workbookOf([HEADER, ...cases(30)]);
    const inputs: unknown[] = [];
    const run = backend.services.workers.run.bind(backend.services.workers);
    vi.spyOn(backend.services.workers, 'run').mockImplementation((job, input, options) => {
      inputs.push([job.name, input]);
      return run(job, input, options);
    });
    const file = { kind: 'petitions' as const, fileName: '积案.xlsx', base64 };
    const preview = await must(backend.call('imports.preview', file, officer));
    expect(preview).toMatchObject({ rows: 30, creates: 30, updates: 0, errors: 0 });
    const [[name, input]] = inputs as [[string, ImportJobInput]];
    expect(name).toBe('import.dryRun');
    expect(await previewInWorker(importKinds, input, inThread(backend))).toEqual(preview);
  });

  it('commits an import in a worker: its records and audit rows on one chain, the head anchored after', async () => {
    const { backend, officer } = await petitionBackend();
    const file = {
      kind: 'petitions' as const,
      fileName: '积案.xlsx',
      base64: await workbookOf([HEADER, ...cases(40)]),
    };
    const preview = await must(backend.call('imports.preview', file, officer));
    const posted = jobsPosted(backend);
    const entry = await must(backend.call('imports.commit', { ...file, sha256: preview.sha256 }, officer));
    expect(posted).toEqual(['import.commit']);
    expect(entry).toMatchObject({ creates: 40, updates: 0, fileName: '积案.xlsx' });
    const { sql, auditKey, now } = backend.services;
    expect((await must(backend.call('petitions.list', { pageSize: 1 }, officer))).total).toBe(40);
    const rows = sql.db.prepare("SELECT entity_id, client FROM audit_log WHERE action = 'imports.commit'").all();
    expect(rows).toEqual([{ entity_id: entry.id, client: officer.client }]);
    expect(verifyChain(sql, auditKey, now())).toMatchObject({ ok: true });
    await vi.waitFor(() => expect(readHeadFile(backend.dataDir)).toMatchObject(tableHead(sql)));
  });

  it('writes nothing of an import whose commit fails in the worker, and the chain holds', async () => {
    const { backend, officer } = await petitionBackend();
    const file = {
      kind: 'petitions' as const,
      fileName: '积案.xlsx',
      base64: await workbookOf([HEADER, ...cases(20)]),
    };
    const preview = await must(backend.call('imports.preview', file, officer));
    // The twentieth case cannot be written (as a full disk would refuse it): the first nineteen must not stay.
    seed(
      backend,
      `CREATE TRIGGER refuse_last BEFORE INSERT ON petitions WHEN NEW.case_no = 'XF2026-000020'
         BEGIN SELECT RAISE(ABORT, 'refused'); END;`,
    );
    const { sql, auditKey, now } = backend.services;
    const before = tableHead(sql);
    const failed = await backend.call('imports.commit', { ...file, sha256: preview.sha256 }, officer);
    expect(failed).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    const count = (table: string) => (sql.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    expect([count('petitions'), count('imports'), count('import_records')]).toEqual([0, 0, 0]);
    expect(tableHead(sql)).toEqual(before);
    expect(verifyChain(sql, auditKey, now())).toMatchObject({ ok: true });
  });
});

describe('the calls’ thread while an import is read', () => {
  it(
    'answers a list call while the preview of a 10,000-row workbook runs in a worker',
    { timeout: 120_000 },
    async () => {
      const { backend, officer } = await petitionBackend();
      const registered = await must(
        backend.call('imports.commit', await committable(backend, officer, cases(1, 99_999)), officer),
      );
      expect(registered.creates).toBe(1);
      const file = {
        kind: 'petitions' as const,
        fileName: '积案.xlsx',
        base64: await workbookOf([HEADER, ...cases(10_000)]),
      };
      const order: string[] = [];
      const previewed = backend.call('imports.preview', file, officer).then((result) => {
        order.push('preview');
        return result;
      });
      const listed = await must(backend.call('petitions.list', {}, officer));
      order.push('list');
      const preview = await must(previewed);
      // The list came back while the workbook was still being read and checked, not after it.
      expect(order).toEqual(['list', 'preview']);
      expect(listed.items.map((item) => item.caseNo)).toEqual(['XF2026-099999']);
      expect(preview).toMatchObject({ rows: 10_000, creates: 10_000, errors: 0 });
    },
  );
});

describe('the calls’ thread while an import commits in a worker', () => {
  it(
    'answers a list at once and lets a registration wait for the commit, not block on it',
    { timeout: 120_000 },
    async () => {
      const { backend, officer } = await petitionBackend();
      const order: string[] = [];
      const committed = backend
        .call('imports.commit', await committable(backend, officer, cases(2_000)), officer)
        .then((result) => (order.push('commit'), result));
      const listed = backend.call('petitions.list', {}, officer).then((result) => (order.push('list'), result));
      const registered = backend
        .call('petitions.create', registration({ summary: '导入期间登记的一件', separateCase: true }), officer)
        .then((result) => (order.push('create'), result));
      const [commit, list, create] = await Promise.all([committed, listed, registered]);
      expect(order).toEqual(['list', 'commit', 'create']);
      expect(commit).toMatchObject({ ok: true, data: { creates: 2_000 } });
      expect(list).toMatchObject({ ok: true, data: { total: 0 } });
      const created = await must(Promise.resolve(create));
      expect(await must(backend.call('petitions.get', { id: created.petition.id }, officer))).toMatchObject({
        summary: '导入期间登记的一件',
      });
    },
  );
});

async function committable(backend: Backend, officer: Parameters<Backend['call']>[2], rows: Cell[][]) {
  const file = { kind: 'petitions' as const, fileName: '首批.xlsx', base64: await workbookOf([HEADER, ...rows]) };
  const preview = await must(backend.call('imports.preview', file, officer));
  return { ...file, sha256: preview.sha256 };
}
