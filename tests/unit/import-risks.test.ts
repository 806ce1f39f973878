import { describe, expect, it } from 'vitest';
import { must, petitionBackend } from '../helpers/petitions';
import { importOf, previewOf, readDb, workbookOf, type Cell } from '../helpers/workbooks';

const HAZARD_HEADER: Cell[] = [
  '编号',
  '风险隐患',
  '隐患类别',
  '颜色等级',
  '属地',
  '排查日期',
  '化解状态',
  '包案领导',
  '牵头单位',
  '化解措施',
  '化解日期',
  '销号日期',
];
const HAZARDS: Cell[][] = [
  [
    'FX2026-000201',
    '某小区交房延期',
    '问题楼盘',
    '橙',
    '东镇',
    '2026/2/3',
    '',
    '张明',
    '',
    '约谈开发商',
    '2026-05-01',
    '2026-05-10',
  ],
  ['FX2026-000202', '工地拖欠农民工工资', '欠薪', '红色', '西街道', 46000, '', '', '', '', '', ''],
  [
    'FX2026-000203',
    '养殖场污染',
    '环境污染',
    '黄色',
    '西街道',
    '2026年9月1日',
    '化解中',
    '周强',
    '县环保局',
    '',
    '',
    '',
  ],
];

const hazardBook = (rows = HAZARDS) =>
  workbookOf([['风险隐患台账'], HAZARD_HEADER, ...rows], (sheet) => sheet.mergeCells('A1:L1'));

const ASSESSMENT_HEADER: Cell[] = [
  '评估编号',
  '项目名称',
  '事项类别',
  '申报单位',
  '涉及乡镇',
  '立项日期',
  '评估单位',
  '风险等级',
  '采取措施后风险等级',
  '评估建议',
  '是否有应急预案',
  '决策意见',
  '决策机关',
  '决策日期',
  '实施日期',
];
const ASSESSMENTS: Cell[][] = [
  [
    'WP2026-0011',
    '城东棚户区改造',
    '重大项目',
    '县住建局',
    '东、西街道',
    '2025-12-01',
    '县综治中心',
    '中',
    '低',
    '实施',
    '有',
    '实施',
    '县政府常务会',
    '2026-01-05',
    '2026-01-10',
  ],
  [
    'WP2026-0012',
    '公交票价调整',
    '重大决策',
    '测试县信访局',
    '西街道',
    '2026-10-08',
    '第三方评估机构',
    '高',
    '中',
    '暂缓实施',
    '无',
    '',
    '',
    '',
    '',
  ],
];

describe('importing the risk ledger', () => {
  it('brings hazards in with colour, status and dates, re-imports without duplicates and undoes', async () => {
    const { backend, officer } = await petitionBackend();
    const preview = await previewOf(backend, officer, 'hazards', await hazardBook());
    expect(preview).toMatchObject({ headerRow: 2, creates: 3, errors: 0 });
    expect(preview.problems.map((p) => `${p.row}${p.column} ${p.message}`)).toEqual(
      expect.arrayContaining(['5I 将新建承办单位“县环保局”', '5H 将新建包案领导“周强”']),
    );
    const { entry } = await importOf(backend, officer, 'hazards', await hazardBook());
    const rows = readDb(backend, (db) =>
      db
        .prepare(
          `SELECT hazard_no, level, status, found_on, resolved_on, closed_on, level_changed_on, import_id
           FROM hazards ORDER BY hazard_no`,
        )
        .all(),
    );
    expect(rows).toEqual([
      {
        hazard_no: 'FX2026-000201',
        level: 'orange',
        status: 'closed',
        found_on: '2026-02-03',
        resolved_on: '2026-05-01',
        closed_on: '2026-05-10',
        level_changed_on: '2026-02-03',
        import_id: entry.id,
      },
      expect.objectContaining({ hazard_no: 'FX2026-000202', level: 'red', status: 'found', found_on: '2025-12-09' }),
      expect.objectContaining({ hazard_no: 'FX2026-000203', level: 'yellow', status: 'resolving' }),
    ]);
    // A red hazard found months ago is no news for the board's ticker.
    expect(readDb(backend, (db) => db.prepare('SELECT count(*) AS n FROM board_alerts').get())).toEqual({ n: 0 });
    const list = await must(backend.call('hazards.list', { keyword: '养殖场' }, officer));
    const detail = await must(backend.call('hazards.get', { id: list.items[0]!.id }, officer));
    expect(detail.changes.map((c) => [c.kind, c.reason])).toEqual([['import', '从“hazards.xlsx”第 5 行导入']]);

    const again = await importOf(backend, officer, 'hazards', await hazardBook());
    expect(again.preview).toMatchObject({ creates: 0, updates: 0, unchanged: 3 });
    const raised = HAZARDS.map((row) => [...row]);
    raised[1]![3] = '红';
    raised[2]![3] = '橙色';
    const changed = await importOf(backend, officer, 'hazards', await hazardBook(raised));
    expect(changed.preview).toMatchObject({ creates: 0, updates: 1, unchanged: 2 });
    const after = await must(backend.call('hazards.get', { id: list.items[0]!.id }, officer));
    expect(after.version).toBe(2);
    expect(after.changes.at(-1)!.fields.map((f) => [f.label, f.from, f.to])).toEqual([['风险等级', '黄色', '橙色']]);

    await must(backend.call('imports.undo', { id: entry.id }, officer));
    expect((await must(backend.call('hazards.list', {}, officer))).total).toBe(0);
    expect((await must(backend.call('hazards.list', { voided: 'only' }, officer))).total).toBe(3);
  });

  it('refuses hazards whose dates contradict their status or lie in the future', async () => {
    const { backend, officer } = await petitionBackend();
    const bad = HAZARDS.map((row) => [...row]);
    bad[0]![11] = '2026-04-30';
    bad[1]![5] = '2026-11-23';
    bad[2]![6] = '已化解';
    const preview = await previewOf(backend, officer, 'hazards', await hazardBook(bad));
    expect(preview.problems.filter((p) => p.level === 'error').map((p) => `${p.row}${p.column} ${p.message}`)).toEqual([
      '3L “销号日期”不能早于化解日期（2026-05-01）',
      '4F “发现日期”不能晚于今天（2026-11-22）',
      '5K 状态为“已化解”须填写化解日期',
    ]);
  });

  it('brings assessments in with levels, decision and the next re-review on their schedule', async () => {
    const { backend, officer } = await petitionBackend();
    const book = await workbookOf([ASSESSMENT_HEADER, ...ASSESSMENTS]);
    const { preview } = await importOf(backend, officer, 'assessments', book);
    expect(preview).toMatchObject({ creates: 2, errors: 0 });
    const rows = readDb(backend, (db) =>
      db
        .prepare(
          `SELECT a.assessment_no, a.status, a.decision, a.implemented_on, a.next_re_review_on, a.emergency_plan_summary,
             (SELECT group_concat(township_code) FROM assessment_townships t WHERE t.assessment_id = a.id) AS townships
           FROM assessments a ORDER BY assessment_no`,
        )
        .all(),
    );
    expect(rows).toEqual([
      {
        assessment_no: 'WP2026-0011',
        status: 'tracking',
        decision: 'implement',
        implemented_on: '2026-01-10',
        // Every six months from 2026-01-10: 07-10 has passed, so 2027-01-10 is next.
        next_re_review_on: '2027-01-10',
        emergency_plan_summary: '预案已制定（导入时未上传文件）',
        townships: '999901001000,999901002000',
      },
      {
        assessment_no: 'WP2026-0012',
        status: 'pending_decision',
        decision: null,
        implemented_on: null,
        next_re_review_on: null,
        emergency_plan_summary: null,
        townships: '999901002000',
      },
    ]);
    const due = await must(backend.call('assessments.list', { keyword: '公交' }, officer));
    expect(due.items.map((a) => a.assessmentNo)).toEqual(['WP2026-0012']);
    const again = await importOf(backend, officer, 'assessments', book);
    expect(again.preview).toMatchObject({ creates: 0, updates: 0, unchanged: 2 });
  });

  it('refuses an assessment decided without its decision', async () => {
    const { backend, officer } = await petitionBackend();
    const bad = ASSESSMENTS.map((row) => [...row]);
    bad[0]![11] = '';
    bad[1]![8] = '高';
    bad[1]![7] = '低';
    const preview = await previewOf(backend, officer, 'assessments', await workbookOf([ASSESSMENT_HEADER, ...bad]));
    expect(preview.problems.filter((p) => p.level === 'error').map((p) => `${p.row}${p.column} ${p.message}`)).toEqual([
      '2L 状态为“跟踪中”须填写决策结果',
      '3I 剩余风险等级不能高于评估风险等级',
    ]);
  });
});
