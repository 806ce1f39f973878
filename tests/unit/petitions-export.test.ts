import { describe, expect, it } from 'vitest';
import type { InputOf } from '../../shared/contract';
import type { ExportProgress } from '../../shared/contract/exports';
import type { CallContext } from '../../electron/backend/api/types';
import { EXPORT_JOB_TTL_MS } from '../../electron/backend/export/jobs';
import { EXPORT_CHUNK_ROWS } from '../../electron/backend/ledger/exports/export';
import { petitionsHandlers } from '../../electron/backend/features/petitions/handlers';
import { readExport } from '../helpers/export-file';
import { EAST, must, PETITIONER, petitionBackend, registration, WEST } from '../helpers/petitions';

type Setup = Awaited<ReturnType<typeof petitionBackend>>;

const HEADER = [
  '案件编号',
  '乡镇/街道',
  '问题类别',
  '事项类型',
  '状态',
  '诉求摘要',
  '信访人',
  '身份证号',
  '联系电话',
  '信访人数',
  '信访次数',
  '最高层级',
  '登记日期',
  '承办单位',
  '包案领导',
  '办理时限',
  '期限状态',
];

const turn = () => new Promise((resolve) => setImmediate(resolve));

/** Polls the job until it has finished; returns every progress it saw. */
async function waitFor(setup: Setup, client: CallContext, started: ExportProgress): Promise<ExportProgress[]> {
  const seen = [started];
  while (seen.at(-1)!.state === 'running') {
    await turn();
    seen.push(await must(setup.backend.call('exports.progress', { jobId: started.jobId }, client)));
  }
  return seen;
}

/** Runs a whole export and reads the file back: the cells of every row, header first. */
async function exportRows(setup: Setup, input: InputOf<'petitions.exportStart'>, client = setup.officer) {
  const started = await must(setup.backend.call('petitions.exportStart', input, client));
  const progress = await waitFor(setup, client, started);
  const file = await must(setup.backend.call('exports.fetch', { jobId: started.jobId }, client));
  const { rows, title, description } = await readExport(file.base64, '积案台账');
  return { file, rows, progress, title, description };
}

const auditRows = (setup: Setup) =>
  setup.backend.services.sql.db
    .prepare("SELECT action, result, fields, detail FROM audit_log WHERE action LIKE 'petitions.export%' ORDER BY seq")
    .all();

/** Two cases in 东镇 (one with two petitioners, one classified) and one in 西街道. */
async function threeCases(setup: Setup) {
  const call = <M extends 'petitions.create' | 'petitions.transition'>(method: M, input: InputOf<M>) =>
    must(setup.backend.call(method, input, setup.officer));
  const first = await call(
    'petitions.create',
    registration({
      receivedDate: '2026-11-18',
      petitioners: [PETITIONER, { name: '欧阳晓明', idNumber: null, phone: '13900001111' }],
    }),
  );
  await call('petitions.transition', {
    id: first.petition.id,
    action: 'classify',
    itemType: 'appeal',
    category: 'labour_social_security',
  });
  await call(
    'petitions.create',
    registration({
      townshipCode: WEST,
      receivedDate: '2026-11-19',
      summary: '反映小区噪声扰民',
      petitioners: [{ name: '李四', idNumber: '410102199002023456', phone: null }],
    }),
  );
  await call(
    'petitions.create',
    registration({
      receivedDate: '2026-11-20',
      summary: '反映道路积水',
      highestLevel: 'city',
      petitioners: [{ name: '赵六', phone: '13700000000' }],
    }),
  );
}

describe('petitions export: masked by default', () => {
  it('writes the filtered cases in the list order with masked petitioners, and audits the hand-over', async () => {
    const setup = await petitionBackend();
    await threeCases(setup);
    const { file, rows, progress } = await exportRows(setup, {});
    expect(file).toMatchObject({ fileName: expect.stringMatching(/^积案台账_\d{8}-\d{4}\.xlsx$/), rows: 3 });
    expect(progress.at(-1)).toMatchObject({ state: 'done', done: 3, total: 3, message: '' });
    expect(rows[0]).toEqual(HEADER);
    expect(rows.slice(1)).toEqual([
      [
        'XF2026-000003',
        '东镇',
        null,
        '未分类',
        '排查',
        '反映道路积水',
        '赵*',
        '—',
        '137****0000',
        1,
        1,
        '市',
        '2026-11-20',
        null,
        null,
        null,
        null,
      ],
      [
        'XF2026-000002',
        '西街道',
        null,
        '未分类',
        '排查',
        '反映小区噪声扰民',
        '李*',
        '410***********3456',
        '—',
        1,
        1,
        '县',
        '2026-11-19',
        null,
        null,
        null,
        null,
      ],
      [
        'XF2026-000001',
        '东镇',
        '劳动社保',
        '申诉求决',
        '梳理分类',
        '反映工地拖欠工资问题',
        '王*国、欧阳**',
        '410***********1234、—',
        '138****5678、139****1111',
        2,
        1,
        '县',
        '2026-11-18',
        null,
        null,
        null,
        null,
      ],
    ]);
    expect(JSON.stringify(rows)).not.toMatch(/王建国|410102198001191234|13812345678/);
    expect(auditRows(setup)).toEqual([
      { action: 'petitions.export', result: 'success', fields: '[]', detail: '导出 3 行（脱敏）；筛选：全部' },
    ]);
  });

  it('applies the filter and order, and records the filter without the keyword text', async () => {
    const setup = await petitionBackend();
    await threeCases(setup);
    const east = await exportRows(setup, { townshipCode: EAST, sort: 'receivedDate', direction: 'asc' });
    expect(east.rows.slice(1).map((row) => row[0])).toEqual(['XF2026-000001', 'XF2026-000003']);
    // The file itself says what it holds, names for codes, the time on the county's clock.
    expect(east.title).toBe('测试县社会治理综合服务中心积案台账');
    expect(east.description).toMatch(
      /^筛选条件：乡镇=东镇\u3000导出时间：\d{4}-\d\d-\d\d \d\d:\d\d\u3000个人信息已脱敏$/,
    );
    const keyword = await exportRows(setup, { keyword: '噪声' });
    expect(keyword.rows.slice(1).map((row) => row[0])).toEqual(['XF2026-000002']);
    expect(keyword.description).toMatch(/^筛选条件：关键字=“噪声”\u3000/);
    expect(auditRows(setup).map((row) => (row as { detail: string }).detail)).toEqual([
      '导出 2 行（脱敏）；筛选：乡镇=999901001000',
      '导出 1 行（脱敏）；筛选：关键字=（不记原文）',
    ]);
    const none = await setup.backend.call('petitions.exportStart', { status: 'closed' }, setup.officer);
    expect(none).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: expect.stringContaining('没有积案') },
    });
  });
});

describe('petitions export: voided cases', () => {
  it('leaves them out as the list does, and exports only them under 只看已作废', async () => {
    const setup = await petitionBackend();
    await threeCases(setup);
    const listed = await must(setup.backend.call('petitions.list', { keyword: '噪声' }, setup.officer));
    const noisy = listed.items[0]!;
    await must(setup.backend.call('petitions.void', { id: noisy.id, version: 1, reason: '重复录入' }, setup.leader));

    const live = await exportRows(setup, {});
    expect(live.rows.slice(1).map((row) => row[0])).toEqual(['XF2026-000003', 'XF2026-000001']);
    const voided = await exportRows(setup, { voided: 'only' });
    expect(voided.rows.slice(1).map((row) => row[0])).toEqual([noisy.caseNo]);
    expect(auditRows(setup).map((row) => (row as { detail: string }).detail)).toEqual([
      '导出 2 行（脱敏）；筛选：全部',
      '导出 1 行（脱敏）；筛选：只看已作废',
    ]);
  });
});

describe('petitions export: unmasked', () => {
  it('needs a reason; with one it writes the full values and audits the reason and fields', async () => {
    const setup = await petitionBackend();
    await threeCases(setup);
    const before = auditRows(setup).length;
    const noReason = await setup.backend.call('petitions.exportStart', { unmasked: true }, setup.officer);
    expect(noReason).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: [{ path: 'reason', message: expect.stringContaining('导出原因') }] },
    });
    expect(auditRows(setup)).toHaveLength(before);

    const { file, rows } = await exportRows(setup, {
      unmasked: true,
      reason: '报送县委政法委核对',
      status: 'classified',
    });
    expect(file.fileName).toMatch(/^积案台账-含个人信息_\d{8}-\d{4}\.xlsx$/);
    expect(rows.slice(1).map((row) => row.slice(6, 9))).toEqual([
      ['王建国、欧阳晓明', '410102198001191234、—', '13812345678、13900001111'],
    ]);
    expect(auditRows(setup).at(-1)).toEqual({
      action: 'petitions.export',
      result: 'success',
      fields: '["name","idNumber","phone"]',
      detail: '导出 1 行（不脱敏，原因：报送县委政法委核对）；筛选：状态=梳理分类',
    });
  });

  it('is refused, audited as denied, to a role without personal.reveal, and starts nothing', async () => {
    const setup = await petitionBackend();
    await threeCases(setup);
    // No role has petitions.read without personal.reveal today: the backend's own check is called directly.
    const ctx = {
      ...setup.backend.services,
      call: setup.officer,
      principal: {
        userId: 'u-1',
        username: 'reader',
        displayName: '只读',
        roles: ['auditor' as const],
        regionCode: null,
      },
    };
    const start = () =>
      petitionsHandlers['petitions.exportStart'](
        { unmasked: true, reason: '核对', sort: 'receivedDate', direction: 'desc', voided: 'exclude' },
        ctx,
      );
    expect(start).toThrow(/不脱敏导出须有“查看个人信息原文”权限/);
    expect(auditRows(setup)).toEqual([
      { action: 'petitions.export', result: 'denied', fields: '[]', detail: '缺少权限：personal.reveal' },
    ]);
  });
});

describe('petitions export: jobs', () => {
  it('belong to the user who started them and are gone once fetched', async () => {
    const setup = await petitionBackend();
    await threeCases(setup);
    const started = await must(setup.backend.call('petitions.exportStart', {}, setup.officer));
    await waitFor(setup, setup.officer, started);
    const jobId = { jobId: started.jobId };
    for (const method of ['exports.progress', 'exports.fetch'] as const) {
      expect(await setup.backend.call(method, jobId, setup.leader)).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
    }
    expect(auditRows(setup)).toEqual([]);
    await must(setup.backend.call('exports.fetch', jobId, setup.officer));
    expect(await setup.backend.call('exports.fetch', jobId, setup.officer)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: expect.stringContaining('已过期或已下载') },
    });
  });

  it('expire when not fetched in time', async () => {
    const setup = await petitionBackend();
    await threeCases(setup);
    const started = await must(setup.backend.call('petitions.exportStart', {}, setup.officer));
    await waitFor(setup, setup.officer, started);
    setup.clock.advance(EXPORT_JOB_TTL_MS / 60_000 + 1);
    expect(await setup.backend.call('exports.fetch', { jobId: started.jobId }, setup.officer)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  // 2,500 cases written and exported: seconds on a busy machine.
  it('read one snapshot in chunks, answering progress calls and writes in between', { timeout: 30_000 }, async () => {
    const setup = await petitionBackend();
    const n = EXPORT_CHUNK_ROWS * 2 + 500;
    bulk(setup, n);
    const started = await must(setup.backend.call('petitions.exportStart', {}, setup.officer));
    expect(started).toMatchObject({ state: 'running', done: 0, total: n });
    // A case registered once the worker reads (its snapshot taken) is not in it, and shifts no row in or out.
    let reading = started;
    while (reading.state === 'running' && reading.done === 0) {
      await turn();
      reading = await must(setup.backend.call('exports.progress', { jobId: started.jobId }, setup.officer));
    }
    await must(setup.backend.call('petitions.create', registration({ receivedDate: '2026-11-22' }), setup.officer));
    const progress = [reading, ...(await waitFor(setup, setup.officer, reading))];
    expect(progress.some((p) => p.state === 'running' && p.done > 0 && p.done < n)).toBe(true);
    const file = await must(setup.backend.call('exports.fetch', { jobId: started.jobId }, setup.officer));
    const caseNos = (await readExport(file.base64, '积案台账')).rows.slice(1).map((row) => row[0]);
    expect(file.rows).toBe(n);
    expect(new Set(caseNos).size).toBe(n);
    expect(caseNos).not.toContain('XF2026-000001');
  });
});

/** `n` cases written straight into the table (no petitioners), received on consecutive days. */
function bulk(setup: Setup, n: number) {
  const db = setup.backend.services.sql.db;
  const creator = db.prepare("SELECT id FROM users WHERE username = 'admin'").pluck().get() as string;
  const insert = db.prepare(`INSERT INTO petitions (id, case_no, township_code, summary, first_petition_date,
    received_date, status, created_by, created_at, updated_at)
    VALUES (@id, @caseNo, @township, '批量积案', '2020-01-01', @received, 'found', @creator, 't', 't')`);
  db.transaction(() => {
    for (let i = 0; i < n; i += 1) {
      insert.run({
        id: `01900000-0000-7000-8000-${String(i).padStart(12, '0')}`,
        caseNo: `XF2025-${String(i + 1).padStart(6, '0')}`,
        township: i % 2 ? EAST : WEST,
        received: new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10),
        creator,
      });
    }
  })();
}
