import { describe, expect, it } from 'vitest';
import { must, petitionBackend } from '../helpers/petitions';
import { importOf, previewOf, readDb, workbookOf, type Cell } from '../helpers/workbooks';

/** A centre's own layout with its 上交 columns. */
const HEADER: Cell[] = [
  '编号',
  '纠纷类型',
  '属地',
  '申请人',
  '登记日期',
  '简要案情',
  '化解方式',
  '调解组织',
  '化解结果',
  '化解日期',
  '层级',
  '是否上交',
  '上交层级',
  '上交日期',
  '上交原因',
];

const ROWS: Cell[][] = [
  // Taken in at the township, moved up to the county, settled there.
  [
    'JF2026-000301',
    '征地拆迁',
    '东镇',
    '王一',
    '2026-11-02',
    '征地补偿争议',
    '人民调解委员会',
    '测试县信访局',
    '调解成功',
    '2026-11-15',
    '乡镇',
    '是',
    '县',
    '2026-11-05',
    '涉及多个部门，乡镇无法化解',
  ],
  // Moved up from the village; the old ledger says neither when nor why.
  ['JF2026-000302', '邻里', '东镇', '王二', '2026-11-03', '邻里纠纷', '', '', '', '', '村', '', '乡镇（街道）', '', ''],
  ['JF2026-000303', '合同', '西街道', '王三', '2026-11-04', '合同纠纷', '', '', '', '', '县', '否', '', '', ''],
  ['JF2026-000304', '物业', '西街道', '王四', '2026-11-06', '物业纠纷'],
];

const book = (rows: Cell[][]) => workbookOf([HEADER, ...rows]);

describe('importing disputes moved up a level (上交)', () => {
  it('records each move up as a transfer: counted in the 上交率 and on the record’s history', async () => {
    const { backend, officer } = await petitionBackend();
    const { preview } = await importOf(backend, officer, 'disputes', await book(ROWS));
    expect(preview).toMatchObject({ creates: 4, errors: 0 });

    const figures = await must(backend.call('disputes.figures', {}, officer));
    expect(figures.figures.escalation_rate).toMatchObject({ numerator: 2, denominator: 4 });

    const list = await must(backend.call('disputes.list', { sort: 'disputeNo', direction: 'asc' }, officer));
    expect(list.items.map((d) => [d.disputeNo, d.level])).toEqual([
      ['JF2026-000301', 'county'],
      ['JF2026-000302', 'township'],
      ['JF2026-000303', 'county'],
      ['JF2026-000304', 'county'],
    ]);
    const first = await must(backend.call('disputes.get', { id: list.items[0]!.id }, officer));
    expect(first).toMatchObject({ escalated: true, level: 'county', status: 'settled' });
    expect(first.transfers).toEqual([
      expect.objectContaining({
        fromLevel: 'township',
        toLevel: 'county',
        direction: 'up',
        reason: '涉及多个部门，乡镇无法化解',
        at: '2026-11-04T16:00:00.000Z',
      }),
    ]);
    expect(first.events).toEqual([
      expect.objectContaining({ action: 'escalate', note: '上交至县：涉及多个部门，乡镇无法化解' }),
    ]);
    const second = await must(backend.call('disputes.get', { id: list.items[1]!.id }, officer));
    expect(second.transfers).toEqual([
      expect.objectContaining({
        fromLevel: 'village',
        toLevel: 'township',
        reason: '导入：原台账未记原因',
        at: '2026-11-02T16:00:00.000Z',
      }),
    ]);
    const third = await must(backend.call('disputes.get', { id: list.items[2]!.id }, officer));
    expect(third).toMatchObject({ escalated: false, transfers: [], events: [] });

    // The same file again changes nothing; a corrected reason corrects the recorded transfer.
    expect(await previewOf(backend, officer, 'disputes', await book(ROWS))).toMatchObject({
      creates: 0,
      updates: 0,
      unchanged: 4,
    });
    const corrected = ROWS.map((row) => [...row]);
    corrected[0]![14] = '涉及征地补偿标准，须县级统筹';
    const { entry } = await importOf(backend, officer, 'disputes', await book(corrected));
    expect(entry).toMatchObject({ creates: 0, updates: 1 });
    const after = await must(backend.call('disputes.get', { id: first.id }, officer));
    expect(after.transfers.map((t) => t.reason)).toEqual(['涉及征地补偿标准，须县级统筹']);
    expect(after.changes.at(-1)).toMatchObject({
      kind: 'edit',
      fields: [
        {
          label: '上交',
          from: '乡镇（街道）→县（2026-11-05，涉及多个部门，乡镇无法化解）',
          to: '乡镇（街道）→县（2026-11-05，涉及征地补偿标准，须县级统筹）',
        },
      ],
    });

    // A later workbook without the 上交 columns keeps what is recorded; one saying 否 is refused.
    const plain = ROWS.map((row) => row.slice(0, 10));
    expect(
      await previewOf(backend, officer, 'disputes', await workbookOf([HEADER.slice(0, 10), ...plain])),
    ).toMatchObject({ errors: 0, updates: 0 });
    const denied = corrected.map((row) => [...row]);
    denied[1]![11] = '否';
    const refused = await previewOf(backend, officer, 'disputes', await book(denied));
    expect(refused.problems.filter((p) => p.level === 'error').map((p) => `${p.row}${p.column} ${p.message}`)).toEqual([
      '3L 该纠纷已记上交，上交不因导入撤销；请改为“是”或不填',
    ]);
    const figuresAfter = await must(backend.call('disputes.figures', {}, officer));
    expect(figuresAfter.figures.escalation_rate).toMatchObject({ numerator: 2, denominator: 4 });
    readDb(backend, (db) => {
      expect(db.prepare('SELECT count(*) AS n FROM dispute_transfers').get()).toEqual({ n: 2 });
    });
  });

  it('names each bad 上交 cell by row and column, and writes nothing', async () => {
    const { backend, officer } = await petitionBackend();
    const row = (no: string, level: string, yes: string, to: string, on = '', reason = ''): Cell[] => [
      no,
      '邻里',
      '东镇',
      '李一',
      '2026-11-02',
      '邻里纠纷',
      '',
      '',
      '',
      '',
      level,
      yes,
      to,
      on,
      reason,
    ];
    const preview = await previewOf(
      backend,
      officer,
      'disputes',
      await book([
        row('JF2026-000311', '', '可能', ''),
        row('JF2026-000312', '市', '是', '县'),
        row('JF2026-000313', '', '是', ''),
        row('JF2026-000314', '', '否', '市'),
        row('JF2026-000315', '乡镇', '是', '县', '2026-11-01'),
        row('JF2026-000316', '', '', '', '2026-11-05', '矛盾激化'),
        row('JF2026-000317', '乡镇', '', '县', '2026-11-30'),
      ]),
    );
    expect(preview.problems.map((p) => `${p.row}${p.column} ${p.field} ${p.message}`)).toEqual([
      '2L 是否上交 “可能”不是可选值，应为：是、否、Y、N、已上交、未上交',
      '3M 上交至 “上交至”须高于受理层级（市，不填受理层级时为 县）',
      '4M 上交至 上交的须填写“上交至”（乡镇（街道）、县 或 市）',
      '5L 是否上交 填了“上交至”等上交内容，请改为“是”',
      '6N 上交日期 “上交日期”不能早于受理日期（2026-11-02）',
      '7M 上交至 填了上交日期或原因，请填写“上交至”',
      '8N 上交日期 “上交日期”不能晚于今天（2026-11-22）',
    ]);
    expect(preview).toMatchObject({ errors: 7, creates: 0 });
  });
});
