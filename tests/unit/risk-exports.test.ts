import { describe, expect, it } from 'vitest';
import type { InputOf } from '../../shared/contract';
import type { ExportProgress } from '../../shared/contract/exports';
import type { CallContext } from '../../electron/backend/api/types';
import { assessmentBackend, assessmentInput, submitted } from '../helpers/assessments';
import { hazardDraft, RESPONSIBLE } from '../helpers/hazards';
import { readExport } from '../helpers/export-file';
import { LEADER, must, petitionBackend, WEST } from '../helpers/petitions';

type Setup = Awaited<ReturnType<typeof petitionBackend>>;
type StartMethod = 'hazards.exportStart' | 'assessments.exportStart';

const turn = () => new Promise((resolve) => setImmediate(resolve));

/** Runs a whole export through exports.progress / exports.fetch and reads the file back, header first. */
async function exportRows<M extends StartMethod>(
  setup: Setup,
  method: M,
  input: InputOf<M>,
  sheetName: string,
  client: CallContext = setup.officer,
) {
  let progress: ExportProgress = await must(setup.backend.call(method, input, client));
  while (progress.state === 'running') {
    await turn();
    progress = await must(setup.backend.call('exports.progress', { jobId: progress.jobId }, client));
  }
  const file = await must(setup.backend.call('exports.fetch', { jobId: progress.jobId }, client));
  const { rows } = await readExport(file.base64, sheetName);
  return { file, rows, progress };
}

const auditRows = (setup: Setup, action: string) =>
  setup.backend.services.sql.db
    .prepare('SELECT action, result, fields, detail FROM audit_log WHERE action = ? ORDER BY seq')
    .all(action);

/** Three hazards: one in 西街道 with no people, two in 东镇 (one with two people, one being resolved). */
async function threeHazards(setup: Setup) {
  const add = (over: Parameters<typeof hazardDraft>[0]) =>
    must(setup.backend.call('hazards.create', hazardDraft(over), setup.officer));
  await add({
    title: '拆迁补偿纠纷',
    category: 'land_dispute',
    level: 'red',
    foundOn: '2026-11-01',
    peopleInvolved: 5,
    people: [
      { name: '钱多多', phone: null },
      { name: '欧阳晓明', phone: '13900002222' },
    ],
  });
  await add({
    title: '化工厂异味',
    category: 'pollution',
    level: 'blue',
    foundOn: '2026-11-05',
    townshipCode: WEST,
    people: [],
  });
  const third = await add({ title: '工地欠薪', foundOn: '2026-11-10' });
  await must(
    setup.backend.call(
      'hazards.transition',
      {
        id: third.id,
        action: 'startResolving',
        responsibleLeaderId: LEADER,
        responsiblePersonId: RESPONSIBLE,
        measures: '走访',
      },
      setup.officer,
    ),
  );
}

const HAZARD_HEADER = [
  '编号',
  '名称',
  '类别',
  '等级',
  '状态',
  '来源',
  '乡镇/街道',
  '村/社区',
  '发现日期',
  '包保领导',
  '责任人',
  '涉及人数',
  '涉及人员',
  '联系电话',
];

/** The three hazards in the list's default order (found, newest first); people as the masked file shows them. */
const HAZARD_ROWS = [
  [
    'FX2026-000003',
    '工地欠薪',
    '欠薪',
    '黄色',
    '化解中',
    '网格员上报',
    '东镇',
    null,
    '2026-11-10',
    '张明',
    '李华',
    32,
    '赵*勇',
    '139****1111',
  ],
  [
    'FX2026-000002',
    '化工厂异味',
    '环境污染',
    '蓝色',
    '发现',
    '网格员上报',
    '西街道',
    null,
    '2026-11-05',
    null,
    null,
    32,
    null,
    null,
  ],
  [
    'FX2026-000001',
    '拆迁补偿纠纷',
    '土地纠纷',
    '红色',
    '发现',
    '网格员上报',
    '东镇',
    null,
    '2026-11-01',
    null,
    null,
    5,
    '钱*多、欧阳**',
    '—、139****2222',
  ],
];

const hazards = (setup: Setup, input: InputOf<'hazards.exportStart'>, client?: CallContext) =>
  exportRows(setup, 'hazards.exportStart', input, '风险隐患台账', client);

describe('hazards export', () => {
  it('writes the list in its order with masked people, and audits the hand-over', async () => {
    const setup = await petitionBackend();
    await threeHazards(setup);
    const { file, rows, progress } = await hazards(setup, {});
    expect(file).toMatchObject({ fileName: expect.stringMatching(/^风险隐患台账_\d{8}-\d{4}\.xlsx$/), rows: 3 });
    expect(progress).toMatchObject({ state: 'done', done: 3, total: 3, message: '' });
    expect(rows).toEqual([HAZARD_HEADER, ...HAZARD_ROWS]);
    expect(auditRows(setup, 'hazards.export')).toEqual([
      { action: 'hazards.export', result: 'success', fields: '[]', detail: '导出 3 行（脱敏）；筛选：全部' },
    ]);
  });

  it('applies the filter and order, and records the filter without the keyword text', async () => {
    const setup = await petitionBackend();
    await threeHazards(setup);
    const east = await hazards(setup, { townshipCode: '999901001000', sort: 'foundOn', direction: 'asc' });
    expect(east.rows.slice(1)).toEqual([HAZARD_ROWS[2], HAZARD_ROWS[0]]);
    const red = await hazards(setup, { keyword: '钱多', level: 'red' });
    expect(red.rows.slice(1)).toEqual([HAZARD_ROWS[2]]);
    expect(auditRows(setup, 'hazards.export').map((row) => (row as { detail: string }).detail)).toEqual([
      '导出 2 行（脱敏）；筛选：乡镇/街道=999901001000',
      '导出 1 行（脱敏）；筛选：关键字=（不记原文）；等级=红色',
    ]);
    expect(await setup.backend.call('hazards.exportStart', { status: 'closed' }, setup.officer)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: expect.stringContaining('当前筛选没有风险隐患可导出') },
    });
  });

  it('writes the people in full only unmasked, with a reason, and audits the reason and fields', async () => {
    const setup = await petitionBackend();
    await threeHazards(setup);
    expect(await setup.backend.call('hazards.exportStart', { unmasked: true }, setup.officer)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: [{ path: 'reason' }] },
    });
    const { file, rows } = await hazards(setup, { unmasked: true, reason: '报送县委政法委核对' });
    expect(file.fileName).toMatch(/^风险隐患台账-含个人信息_\d{8}-\d{4}\.xlsx$/);
    expect(rows.slice(1).map((row) => row.slice(12))).toEqual([
      ['赵大勇', '13900001111'],
      [null, null],
      ['钱多多、欧阳晓明', '—、13900002222'],
    ]);
    expect(auditRows(setup, 'hazards.export')).toEqual([
      {
        action: 'hazards.export',
        result: 'success',
        fields: '["peopleName","peoplePhone"]',
        detail: '导出 3 行（不脱敏，原因：报送县委政法委核对）；筛选：全部',
      },
    ]);
  });

  it('is a job of its starter only, like every export', async () => {
    const setup = await petitionBackend();
    await threeHazards(setup);
    const started = await must(setup.backend.call('hazards.exportStart', {}, setup.officer));
    expect(await setup.backend.call('exports.fetch', { jobId: started.jobId }, setup.leader)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});

const ASSESSMENT_HEADER = [
  '编号',
  '事项',
  '类型',
  '状态',
  '提出单位',
  '评估主体',
  '涉及乡镇',
  '涉及人数',
  '立项日期',
  '评估前等级',
  '评估后等级',
  '建议结论',
  '决策',
  '决策日期',
  '下次复评日期',
  '应急预案',
];

/** One assessment submitted for decision in 东镇, one just registered in 西街道 (no levels yet). */
async function twoAssessments() {
  const setup = await assessmentBackend();
  const { id, version } = await submitted(setup);
  const plan = { id, version, summary: '成立处置专班，分片包干', drawnUpOn: '2026-11-20' };
  await must(setup.backend.call('assessments.setEmergencyPlan', plan, setup.officer));
  await must(
    setup.backend.call(
      'assessments.create',
      assessmentInput({
        matter: '西街道集贸市场搬迁',
        townshipCodes: [WEST],
        registeredOn: '2026-11-05',
        riskLevelBefore: null,
        riskLevelAfter: null,
        recommendedConclusion: null,
      }),
      setup.officer,
    ),
  );
  return setup;
}

const ASSESSMENT_ROWS = [
  [
    'WP2026-0002',
    '西街道集贸市场搬迁',
    '重大项目',
    '立项',
    '测试县东镇人民政府',
    '测试县社会稳定风险评估中心',
    '西街道',
    420,
    '2026-11-05',
    null,
    null,
    null,
    null,
    null,
    null,
    null,
  ],
  [
    'WP2026-0001',
    '东镇老街棚户区改造征收',
    '重大项目',
    '待决策',
    '测试县东镇人民政府',
    '第三方评估机构',
    '东镇',
    420,
    '2026-11-01',
    '中',
    '低',
    '实施',
    null,
    null,
    null,
    '成立处置专班，分片包干（2026-11-20制定）',
  ],
];

describe('assessments export', () => {
  it('writes the list in its order, and audits the hand-over', async () => {
    const setup = await twoAssessments();
    const { file, rows } = await exportRows(setup, 'assessments.exportStart', {}, '稳评台账');
    expect(file).toMatchObject({ fileName: expect.stringMatching(/^稳评台账_\d{8}-\d{4}\.xlsx$/), rows: 2 });
    expect(rows).toEqual([ASSESSMENT_HEADER, ...ASSESSMENT_ROWS]);
    const low = await exportRows(setup, 'assessments.exportStart', { riskLevel: 'low', direction: 'asc' }, '稳评台账');
    expect(low.rows.slice(1)).toEqual([ASSESSMENT_ROWS[1]]);
    expect(auditRows(setup, 'assessments.export')).toEqual([
      { action: 'assessments.export', result: 'success', fields: '[]', detail: '导出 2 行；筛选：全部' },
      { action: 'assessments.export', result: 'success', fields: '[]', detail: '导出 1 行；筛选：评估后等级=低' },
    ]);
  });

  it('has no unmasked mode: it holds no personal data', async () => {
    const setup = await twoAssessments();
    const input = { unmasked: true, reason: '核对数据' } as unknown as InputOf<'assessments.exportStart'>;
    expect(await setup.backend.call('assessments.exportStart', input, setup.officer)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
  });
});
