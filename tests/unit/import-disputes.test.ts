import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { DISPUTE_TALLY_PAIRS, intake } from '../helpers/disputes';
import { must, petitionBackend } from '../helpers/petitions';
import { importOf, previewOf, readDb, workbookOf, type Cell } from '../helpers/workbooks';

const ID_A = '410102198001191234';
const ID_B = '41010219800101123X';

/** A centre's own layout: a title row, a row of merged group headers, then the column names. */
const HEADER: Cell[] = [
  '序号',
  '编号',
  '来源',
  '纠纷类型',
  '属地',
  '村居',
  '申请人',
  '公民身份号码',
  '手机',
  '被申请人',
  '登记日期',
  '简要案情',
  '化解方式',
  '调解组织',
  '化解结果',
  '化解日期',
  '回访结果',
  '回访日期',
  '销号日期',
  '办理状态',
];

const ROWS: Cell[][] = [
  [
    1,
    'JF2024-000101',
    '来访',
    '邻里',
    '东',
    '东一村',
    '王建国、东一村经济合作社',
    `${ID_A}、—`,
    '13812345678',
    '李四',
    new Date(Date.UTC(2024, 2, 5)),
    '宅基地界址争执',
    '人民调解委员会',
    '东镇人民调解委员会',
    '调解成功',
    '2024-03-20',
    '满意',
    '2024/4/1',
    '2024年4月10日',
    '',
  ],
  [
    2,
    'JF2026-000102',
    '12345 转办',
    '劳动争议',
    '西街道',
    '',
    '赵六；钱七',
    ID_B,
    '',
    '某建筑有限公司',
    '2026/11/1',
    '讨要工资',
    '归口单位办理',
    '测试县信访局',
    '',
    '',
    '',
    '',
    '',
    '调处中',
  ],
  [3, 'JF2026-000103', '', '合同', '东镇', '东二村', '孙八', '', '', '', '2026年11月20日', '买卖合同纠纷'],
];

const ownLayout = (rows: Cell[][] = ROWS) =>
  workbookOf(
    [['测试县矛盾纠纷排查化解台账（2024—2026 年）'], ['基本信息', '', '', '', '', '', '当事人'], HEADER, ...rows],
    (sheet) => {
      sheet.mergeCells('A1:T1');
      sheet.mergeCells('A2:F2');
      sheet.mergeCells('G2:J2');
    },
  );

const BAD: Cell[][] = [
  // A good row: nothing is written while any other row is wrong.
  [1, 'JF2026-000201', '来访', '邻里', '东镇', '', '周一', '', '', '', '2026-11-02', '邻里噪音'],
  [
    2,
    'JF2026-000202',
    '来访',
    '邻里',
    '东镇',
    '北村',
    '周二',
    '410102198001191235',
    '1381234',
    '',
    '2026-11-02',
    '漏水',
  ],
  [3, 'JF2026-000203', '传真', '赌债', '东镇', '', '某某有限公司', '410102198001191234', '', '', '2026-12-01', '欠款'],
  [
    4,
    'JF2026-000204',
    '来电',
    '合同',
    '西街道',
    '',
    '吴四',
    '',
    '',
    '',
    '2026-10-10',
    '货款',
    '',
    '',
    '调解成功',
    '2026-10-01',
    '',
    '2026-10-20',
    '',
    '已回访',
  ],
  [5, '', '来访', '邻里', '东镇', '', '', '', '', '', '', ''],
];

const countOf = (backend: Parameters<typeof readDb>[0], sql: string) =>
  readDb(backend, (db) => (db.prepare(sql).get() as { n: number }).n);

/** The template's sheets read back: name → rows of cell texts. */
async function sheetsOf(base64: string): Promise<Map<string, string[][]>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Uint8Array.from(Buffer.from(base64, 'base64')).buffer);
  const sheets = new Map<string, string[][]>();
  book.eachSheet((sheet) => {
    const rows: string[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))));
    sheets.set(sheet.name, rows);
  });
  return sheets;
}

describe('importing disputes', () => {
  it('reads a centre own layout: title row, merged group header, several parties, historical states', async () => {
    const { backend, officer } = await petitionBackend();
    const base64 = await ownLayout();
    const preview = await previewOf(backend, officer, 'disputes', base64);
    expect(preview).toMatchObject({ headerRow: 3, rows: 3, creates: 3, updates: 0, errors: 0 });
    expect(preview.problems.map((p) => `${p.row}${p.column} ${p.message}`)).toEqual([
      '4G “东一村经济合作社”按单位当事人导入（如是个人，请在“当事人类型”列写“个人”）',
      '4N 将新建承办单位“东镇人民调解委员会”',
    ]);

    const { entry } = await importOf(backend, officer, 'disputes', base64);
    expect(entry).toMatchObject({ kind: 'disputes', creates: 3, updates: 0, undoable: true });
    const list = await must(backend.call('disputes.list', { sort: 'disputeNo', direction: 'asc' }, officer));
    expect(list.items.map((d) => [d.disputeNo, d.channel, d.status, d.result, d.receivedOn, d.dueDate])).toEqual([
      ['JF2024-000101', 'visit', 'closed', 'settled', '2024-03-05', '2024-04-04'],
      ['JF2026-000102', 'hotline_12345', 'mediating', null, '2026-11-01', '2026-11-16'],
      ['JF2026-000103', 'other', 'received', null, '2026-11-20', null],
    ]);
    // Imported open disputes join the supervision queue by their real time limit.
    const overdue = await must(backend.call('disputes.list', { overdue: true }, officer));
    expect(overdue.items.map((d) => d.disputeNo)).toEqual(['JF2026-000102']);

    const first = await must(backend.call('disputes.get', { id: list.items[0]!.id }, officer));
    expect(first).toMatchObject({
      villageName: '东一村',
      handlingKind: 'people_mediation',
      unitName: '东镇人民调解委员会',
      routedOn: '2024-03-05',
      resultOn: '2024-03-20',
      satisfaction: 'satisfied',
      visitedOn: '2024-04-01',
      closedOn: '2024-04-10',
      version: 1,
    });
    expect(first.parties).toEqual([
      expect.objectContaining({
        kind: 'person',
        side: 'applicant',
        nameMasked: '王*国',
        idNumberMasked: '410***********1234',
      }),
      expect.objectContaining({ kind: 'organisation', side: 'applicant', nameMasked: '东一村经济合作社' }),
      expect.objectContaining({ kind: 'person', side: 'respondent', nameMasked: '李*' }),
    ]);
    expect(first.changes).toEqual([
      expect.objectContaining({ kind: 'import', reason: '从“disputes.xlsx”第 4 行导入', fields: [] }),
    ]);
    const second = await must(backend.call('disputes.get', { id: list.items[1]!.id }, officer));
    expect(second.parties.map((p) => [p.kind, p.side, p.nameMasked])).toEqual([
      ['person', 'applicant', '赵*'],
      ['person', 'applicant', '钱*'],
      ['organisation', 'respondent', '某建筑有限公司'],
    ]);

    readDb(backend, (db) => {
      const stored = JSON.stringify(db.prepare('SELECT * FROM dispute_parties').all());
      expect(stored).not.toContain(ID_A);
      expect(stored).not.toContain('13812345678');
      expect(
        db
          .prepare(
            "SELECT zz_open(id_number) AS id, id_number_bi IS NOT NULL AS bi FROM dispute_parties WHERE name = '赵六'",
          )
          .get(),
      ).toEqual({ id: ID_B, bi: 1 });
    });
    // Sealed as intake seals: a new intake of the same person is linked to the imported dispute.
    const again = await must(backend.call('disputes.create', intake(), officer));
    expect(again.related).toEqual([expect.objectContaining({ disputeNo: 'JF2024-000101', reason: 'same_party' })]);
    expect(again.disputeNo).toBe('JF2026-000104');
    // Indexed for the keyword search (a party's name) and counted by the figures.
    const found = await must(backend.call('disputes.list', { keyword: '钱七' }, officer));
    expect(found.items.map((d) => d.disputeNo)).toEqual(['JF2026-000102']);
    const figures = await must(backend.call('disputes.figures', {}, officer));
    expect(figures.figures.resolution_rate).toMatchObject({ numerator: 1, denominator: 4 });
    expect(figures.figures.satisfaction_rate).toMatchObject({ numerator: 1, denominator: 1 });
    // The figure tallies took the imported disputes by their triggers: each equals its recount.
    readDb(backend, (db) => {
      for (const pair of DISPUTE_TALLY_PAIRS) {
        expect(db.prepare(pair.byTriggers).all(), pair.table).toEqual(db.prepare(pair.recounted).all());
      }
    });
  });

  it('names every bad row by row and column in Chinese, and writes nothing', async () => {
    const { backend, officer } = await petitionBackend();
    const base64 = await ownLayout(BAD);
    const preview = await previewOf(backend, officer, 'disputes', base64);
    expect(
      preview.problems.map((p) => `${p.row}${p.column} ${p.level === 'error' ? '' : '提醒：'}${p.message}`),
    ).toEqual([
      '5F 系统中没有名为“北村”的东镇下属村（社区），请先在基础数据中添加，或改为已有的东镇下属村（社区）',
      '5H “410102198001191235”：第 1 位当事人的身份证号校验位不正确，请核对',
      '5I “1381234”：电话应为 11 位手机号或带区号的固话',
      '6D 系统中没有名为“赌债”的纠纷类别，请先在基础数据中添加，或改为已有的纠纷类别',
      '6G 提醒：“某某有限公司”按单位当事人导入（如是个人，请在“当事人类型”列写“个人”）',
      '6H “410102198001191234”：第 1 位当事人是单位，不填身份证号（可写“—”占位）',
      '6C “传真”不是可选值，应为：来访、来电、来信、网格员上报、12345 转办、110 警情转办、上级交办、其他、12345转办、110警情转办、网格、网格员、来访登记',
      '6K “受理日期”不能晚于今天（2026-11-22）',
      '7M 状态为“已回访”须填写调处方式',
      '7N 状态为“已回访”须填写归口单位',
      '7Q 状态为“已回访”须填写当事人满意度',
      '7P “结果日期”不能早于受理日期（2026-10-10）',
      '8B 不能为空',
      '8L 不能为空',
      '8K 不能为空',
      '8G 不能为空',
    ]);
    expect(preview).toMatchObject({ errors: 15, creates: 1 });
    const commit = await backend.call(
      'imports.commit',
      { kind: 'disputes', fileName: 'disputes.xlsx', base64, sha256: preview.sha256 },
      officer,
    );
    expect(commit).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(countOf(backend, 'SELECT count(*) AS n FROM disputes')).toBe(0);
    expect(countOf(backend, 'SELECT count(*) AS n FROM dispute_parties')).toBe(0);
    expect(countOf(backend, "SELECT count(*) AS n FROM imports WHERE kind = 'disputes'")).toBe(0);
  });

  it('round-trips its template: the lists it offers, the example filled in, a re-import unchanged or corrected', async () => {
    const { backend, officer } = await petitionBackend();
    const template = await must(backend.call('imports.template', { kind: 'disputes' }, officer));
    expect(template.fileName).toBe('矛盾纠纷导入模板.xlsx');
    const sheets = await sheetsOf(template.base64);
    expect([...sheets.keys()]).toEqual(['矛盾纠纷', '填写说明', '可选值']);
    const header = sheets.get('矛盾纠纷')![0]!;
    expect(header.slice(0, 6)).toEqual([
      '*纠纷编号',
      '受理渠道',
      '*纠纷类别',
      '*纠纷概要',
      '*受理日期',
      '*乡镇（街道）',
    ]);
    const lists = sheets.get('可选值')!;
    const column = (name: string) => {
      const at = lists[0]!.indexOf(name);
      return lists
        .slice(1)
        .map((row) => row[at] ?? '')
        .filter(Boolean);
    };
    expect(column('受理渠道')).toEqual([
      '来访',
      '来电',
      '来信',
      '网格员上报',
      '12345 转办',
      '110 警情转办',
      '上级交办',
      '其他',
    ]);
    expect(column('纠纷类别')).toHaveLength(15);
    expect(column('纠纷类别')).toContain('婚姻家庭');
    expect(column('调处方式')).toEqual([
      '人民调解委员会',
      '行政调解',
      '司法调解',
      '行业性专业性调解',
      '律师调解',
      '归口单位办理',
    ]);
    expect(column('紧急程度')).toEqual(['一般', '紧急', '特急']);
    expect(column('风险等级')).toEqual(['红色', '橙色', '黄色', '蓝色']);
    expect(column('是否上交')).toEqual(['是', '否']);
    expect(column('上交至')).toEqual(['乡镇（街道）', '县', '市']);
    expect(header).toEqual(expect.arrayContaining(['受理层级', '是否上交', '上交至', '上交日期', '上交原因']));
    expect(sheets.get('填写说明')!.flat().join('')).toContain('上交原因不填记为“导入：原台账未记原因”');
    expect(column('乡镇（街道）')).toEqual(['东镇', '西街道']);
    expect(column('村（社区）')).toEqual(['东一村', '东二村', '西社区']);
    expect(column('所属乡镇')).toEqual(['东镇', '东镇', '西街道']);

    // The example row, its township made this county's, and a second row under the same header.
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Uint8Array.from(Buffer.from(template.base64, 'base64')).buffer);
    const sheet = book.getWorksheet('矛盾纠纷')!;
    const at = (label: string) => header.findIndex((h) => h.replace('*', '') === label) + 1;
    sheet.getRow(2).getCell(at('乡镇（街道）')).value = '东镇';
    const next = sheet.getRow(3);
    const values: Record<string, string> = {
      纠纷编号: 'JF2026-000050',
      受理渠道: '网格员上报',
      纠纷类别: '物业',
      纠纷概要: '小区物业费争议',
      受理日期: '2026-11-18',
      '乡镇（街道）': '西街道',
      '村（社区）': '西社区',
      当事人: '某物业服务有限公司、孙九',
      身份证号: '—',
      联系电话: '—、13900001111',
      当事人类型: '单位、个人',
      紧急程度: '紧急',
      风险等级: '黄',
      状态: '已分流',
      调处方式: '行业性专业性调解',
      归口单位: '测试县信访局',
      分流日期: '2026-11-19',
      是否上交: '是',
      上交至: '市',
      上交日期: '2026-11-20',
      上交原因: '涉及市属企业',
    };
    for (const [label, value] of Object.entries(values)) next.getCell(at(label)).value = value;
    const filled = Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
    const { preview } = await importOf(backend, officer, 'disputes', filled);
    expect(preview).toMatchObject({ headerRow: 1, creates: 2, errors: 0 });
    const list = await must(backend.call('disputes.list', { sort: 'disputeNo', direction: 'asc' }, officer));
    expect(list.items.map((d) => [d.disputeNo, d.status, d.townshipName, d.urgency, d.riskColour, d.dueDate])).toEqual([
      ['JF2024-000123', 'routed', '东镇', 'normal', 'blue', '2024-04-04'],
      ['JF2026-000050', 'routed', '西街道', 'urgent', 'yellow', '2026-12-19'],
    ]);
    const property = await must(backend.call('disputes.get', { id: list.items[1]!.id }, officer));
    expect(property.parties.map((p) => [p.kind, p.nameMasked, p.phoneMasked])).toEqual([
      ['organisation', '某物业服务有限公司', null],
      ['person', '孙*', '139****1111'],
    ]);
    expect(property).toMatchObject({ level: 'city', escalated: true });
    expect(property.transfers).toEqual([
      expect.objectContaining({ fromLevel: 'county', toLevel: 'city', direction: 'up', reason: '涉及市属企业' }),
    ]);
    const figures = await must(backend.call('disputes.figures', {}, officer));
    expect(figures.figures.escalation_rate).toMatchObject({ numerator: 1, denominator: 2 });

    // The same file again changes nothing; a changed phone is a correction on the timeline, masked.
    const same = await previewOf(backend, officer, 'disputes', filled);
    expect(same).toMatchObject({ creates: 0, updates: 0, unchanged: 2, errors: 0 });
    next.getCell(at('联系电话')).value = '—、13900002222';
    const changed = Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
    const { entry } = await importOf(backend, officer, 'disputes', changed);
    expect(entry).toMatchObject({ creates: 0, updates: 1 });
    const corrected = await must(backend.call('disputes.get', { id: property.id }, officer));
    expect(corrected.version).toBe(2);
    expect(corrected.changes.at(-1)).toMatchObject({
      kind: 'edit',
      fields: [
        {
          label: '当事人',
          from: '申请方：某物业服务有限公司、申请方：孙*（139****1111）',
          to: '申请方：某物业服务有限公司、申请方：孙*（139****2222）',
        },
      ],
    });
  });
});
