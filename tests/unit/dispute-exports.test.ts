import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { InputOf } from '../../shared/contract';
import type { ExportProgress } from '../../shared/contract/exports';
import type { CallContext } from '../../electron/backend/api/types';
import { intake } from '../helpers/disputes';
import { readExport } from '../helpers/export-file';
import { must, petitionBackend, TOWN_UNIT, WEST } from '../helpers/petitions';
import { signInAs } from '../helpers/backend';

type Setup = Awaited<ReturnType<typeof petitionBackend>>;

const turn = () => new Promise((resolve) => setImmediate(resolve));

/** A whole export through exports.progress / exports.fetch, read back from its file. */
async function exportOf(setup: Setup, input: InputOf<'disputes.exportStart'>, client: CallContext = setup.officer) {
  let progress: ExportProgress = await must(setup.backend.call('disputes.exportStart', input, client));
  while (progress.state === 'running') {
    await turn();
    progress = await must(setup.backend.call('exports.progress', { jobId: progress.jobId }, client));
  }
  const file = await must(setup.backend.call('exports.fetch', { jobId: progress.jobId }, client));
  return { file, ...(await readExport(file.base64, '矛盾纠纷台账')) };
}

/**
 * Two disputes: the helper's in 东镇 (a person applying, an organisation responding), routed; one in
 * 西街道, two persons applying with no ID.
 */
async function twoDisputes(setup: Setup) {
  const first = await must(setup.backend.call('disputes.create', intake(), setup.officer));
  await must(
    setup.backend.call(
      'disputes.transition',
      { id: first.id, action: 'route', handlingKind: 'people_mediation', unitId: TOWN_UNIT, happenedOn: '2026-11-21' },
      setup.officer,
    ),
  );
  await must(
    setup.backend.call(
      'disputes.create',
      intake({
        category: 'labour',
        summary: '讨要工资',
        receivedOn: '2026-11-21',
        townshipCode: WEST,
        villageCode: null,
        riskColour: 'red',
        parties: [
          { kind: 'person', side: 'applicant', name: '欧阳晓明', idNumber: null, phone: '13900002222' },
          { kind: 'person', side: 'applicant', name: '李红', idNumber: null, phone: null },
        ],
      }),
      setup.officer,
    ),
  );
}

const HEADER = [
  '纠纷编号',
  '受理渠道',
  '类别',
  '纠纷概要',
  '乡镇/街道',
  '村/社区',
  '申请方',
  '申请方身份证号',
  '申请方联系电话',
  '被申请方',
  '被申请方身份证号',
  '被申请方联系电话',
  '涉及人数',
  '涉及金额（元）',
  '紧急程度',
  '风险等级',
  '层级',
  '状态',
  '调处方式',
  '归口单位',
  '受理日期',
  '办理时限',
  '期限状态',
  '处理结果',
  '结果日期',
  '当事人满意度',
  '销号日期',
];

describe('disputes export', () => {
  it('writes the list in its order under a title and filter line, persons masked, organisations in full', async () => {
    const setup = await petitionBackend();
    await twoDisputes(setup);
    const { file, title, description, rows, sheet } = await exportOf(setup, {});
    expect(file.fileName).toMatch(/^矛盾纠纷台账_\d{8}-\d{4}\.xlsx$/);
    expect(title).toBe('测试县社会治理综合服务中心矛盾纠纷台账');
    expect(description).toMatch(/^筛选条件：全部\u3000导出时间：.+\u3000个人信息已脱敏$/);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(rows).toEqual([
      HEADER,
      [
        'JF2026-000002',
        '来访',
        '劳动争议',
        '讨要工资',
        '西街道',
        null,
        '欧阳**、李*',
        '—、—',
        '139****2222、—',
        null,
        null,
        null,
        2,
        5000,
        '一般',
        '红色',
        '村（社区）',
        '已受理',
        null,
        null,
        '2026-11-21',
        null,
        null,
        null,
        null,
        null,
        null,
      ],
      [
        'JF2026-000001',
        '来访',
        '邻里',
        '相邻宅基地滴水檐纠纷',
        '东镇',
        '东一村',
        '王*国',
        '410***********1234',
        '138****5678',
        '东一村经济合作社',
        '—',
        '—',
        2,
        5000,
        '一般',
        '黄色',
        '村（社区）',
        '已分流',
        '人民调解委员会',
        '测试县东镇人民政府',
        '2026-11-20',
        '2026-12-21',
        '正常',
        null,
        null,
        null,
        null,
      ],
    ]);
    const filtered = await exportOf(setup, { townshipCode: WEST, keyword: '欧阳' });
    expect(filtered.rows.slice(1).map((r) => r[0])).toEqual(['JF2026-000002']);
    expect(filtered.description).toContain('筛选条件：关键字=“欧阳”；乡镇/街道=西街道');
    const audit = setup.backend.services.sql.db
      .prepare("SELECT fields, detail FROM audit_log WHERE action = 'disputes.export' ORDER BY seq")
      .all();
    expect(audit).toEqual([
      { fields: '[]', detail: '导出 2 行（脱敏）；筛选：全部' },
      { fields: '[]', detail: '导出 1 行（脱敏）；筛选：关键字=（不记原文）；乡镇/街道=999901002000' },
    ]);
  });

  it('writes the parties in full only unmasked, for a role that may see them, with a reason', async () => {
    const setup = await petitionBackend();
    await twoDisputes(setup);
    const { rows, description } = await exportOf(setup, { unmasked: true, reason: '报送县委政法委核对' });
    expect(rows.slice(1).map((r) => r.slice(6, 12))).toEqual([
      ['欧阳晓明、李红', '—、—', '13900002222、—', null, null, null],
      ['王建国', '410102198001191234', '13812345678', '东一村经济合作社', '—', '—'],
    ]);
    expect(description).toContain('含个人信息原文，请妥善保管');
    expect(
      setup.backend.services.sql.db
        .prepare("SELECT fields, detail FROM audit_log WHERE action = 'disputes.export'")
        .get(),
    ).toEqual({
      fields: '["partyName","partyIdNumber","partyPhone"]',
      detail: '导出 2 行（不脱敏，原因：报送县委政法委核对）；筛选：全部',
    });
  });

  it("exports a township account's disputes only, and refuses a role that does not read them", async () => {
    const setup = await petitionBackend();
    await twoDisputes(setup);
    const west = await signInAs(setup.backend, setup.admin, ['duty_officer'], WEST);
    const { rows } = await exportOf(setup, {}, west.client);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['JF2026-000002']);
    expect(await setup.backend.call('disputes.exportStart', {}, setup.admin)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});

describe('纠纷统计 export', () => {
  it('writes every figure with numerator, denominator and rate, overall and per breakdown, for the period', async () => {
    const setup = await petitionBackend();
    await twoDisputes(setup);
    const period = { from: '2026-11-01', to: '2026-11-30' };
    const file = await must(setup.backend.call('disputes.figuresExport', { period }, setup.officer));
    expect(file.fileName).toMatch(/^纠纷统计-.+\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Uint8Array.from(Buffer.from(file.base64, 'base64')).buffer);
    const rows: unknown[][] = [];
    book.getWorksheet('统计')!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(String(rows[0]![0])).toContain('纠纷统计（统计周期：2026-11-01 至 2026-11-30');
    expect(rows).toContainEqual(['全部', '化解率', 0, 2, '0.00%']);
    expect(rows).toContainEqual(['全部', '办结率', 0, 2, '0.00%']);
    expect(rows).toContainEqual(['按乡镇']);
    expect(rows).toContainEqual(['西街道', '化解率', 0, 1, '0.00%']);
    expect(rows).toContainEqual(['按归口单位']);
    expect(rows).toContainEqual(['测试县东镇人民政府', '化解率', 0, 1, '0.00%']);
    expect(
      setup.backend.services.sql.db
        .prepare("SELECT entity, detail FROM audit_log WHERE action = 'disputes.figuresExport'")
        .get(),
    ).toEqual({ entity: 'figures', detail: '纠纷统计，2026-11-01 至 2026-11-30' });
  });
});
