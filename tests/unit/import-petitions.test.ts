import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { idCheckCharacter } from '../../shared/domain/id-number';
import { must, petitionBackend, TALLIES_BY_TRIGGERS, TALLIES_RECOUNTED } from '../helpers/petitions';
import { importOf, previewOf, readDb, workbookOf, type Cell } from '../helpers/workbooks';

/** A valid resident ID number for a birth date, its check character computed. */
const idOf = (birth: string, sequence = '123') => {
  const first17 = `410102${birth}${sequence}`;
  return first17 + idCheckCharacter(first17);
};
/** Excel's serial number of a date (days from 1899-12-30). */
const serialOf = (date: string) => (Date.parse(`${date}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000;

const ID_A = idOf('19800101', '12'.padEnd(3, '9'));
const ID_B = idOf('19751231', '456');
const ID_C = idOf('19900615', '789');

const HEADER: Cell[] = [
  '序号',
  '案号',
  '乡镇(街道)',
  '姓名',
  '公民身份号码',
  '手机',
  '受理日期',
  '首次信访日期',
  '事项类型',
  '问题分类',
  '办理状态',
  '责任单位',
  '包保领导',
  '包保领导',
  '交办日期',
  '办结时限',
  '化解日期',
  '销号日期',
  '化解结果',
  '备注',
  '主要诉求',
];

/** Three cases in a centre's own layout: every date form, synonyms, a near township, new units and leaders. */
const CASES: Cell[][] = [
  [
    1,
    'XF2026-000101',
    '东',
    '王建国',
    ID_A.toLowerCase(),
    '13812345678',
    new Date(Date.UTC(2026, 2, 5)),
    '2025/12/1',
    '申诉求决',
    '劳动社保',
    '',
    '测试县信访局',
    '张明',
    '',
    '2026.3.8',
    serialOf('2026-05-04'),
    '2026年4月30日',
    '',
    '已支付拖欠工资',
    '',
    '反映工地拖欠工资',
  ],
  [
    2,
    'XF2026-000102',
    '西街道',
    '李四、赵五',
    `${ID_B}、${ID_C}`,
    '',
    '2026-06-01',
    '',
    '建议意见',
    '城乡建设',
    '化解中',
    '县人社局',
    '刘洋',
    '',
    '',
    '',
    '',
    '',
    '',
    '新单位新领导',
    '反映小区道路未硬化',
  ],
  [
    3,
    'XF2026-000103',
    '东镇',
    '孙六',
    '',
    '0371-12345678',
    String(serialOf('2025-09-01')),
    '',
    '检举控告',
    '涉法涉诉',
    '已销号',
    '测试县信访局',
    '张明',
    '',
    '2025-09-05',
    '2025-10-31',
    '2025-11-15',
    '2025-11-20',
    '已答复',
    '',
    '举报村干部侵占集体收益',
  ],
];

const ownLayout = (rows: Cell[][] = CASES) =>
  workbookOf([['测试县信访积案台账（2026 年）'], HEADER, ...rows], (sheet) => {
    sheet.mergeCells('A1:U1');
    sheet.mergeCells('M2:N2');
  });

const countOf = (db: Database.Database, sql: string, ...params: unknown[]) =>
  (db.prepare(sql).get(...params) as { n: number }).n;

describe('importing the petition backlog', () => {
  it('reads a centre own layout: title row, merged header, synonyms, every date form, new units and leaders', async () => {
    const { backend, officer } = await petitionBackend();
    const base64 = await ownLayout();
    const preview = await previewOf(backend, officer, 'petitions', base64);
    expect(preview.headerRow).toBe(2);
    expect(preview.header.find((h) => h.column === 'M')?.field).toBe('leader');
    expect(preview.header.find((h) => h.column === 'N')?.field).toBeNull();
    expect(preview).toMatchObject({ rows: 3, creates: 3, updates: 0, errors: 0 });
    const warnings = preview.problems.map((p) => `${p.row}${p.column} ${p.message}`);
    expect(warnings).toEqual(
      expect.arrayContaining([
        '4L 将新建承办单位“县人社局”',
        '4M 将新建包案领导“刘洋”',
        '4O 未填交办日期，按登记日期 2026-06-01 计',
        '4P 未填办理时限，按受理之日起 60 日计为 2026-07-31',
      ]),
    );

    const { entry } = await importOf(backend, officer, 'petitions', base64);
    expect(entry).toMatchObject({ kind: 'petitions', creates: 3, updates: 0, undoable: true });
    const list = await must(backend.call('petitions.list', { sort: 'caseNo', direction: 'asc' }, officer));
    expect(list.items.map((c) => [c.caseNo, c.status, c.receivedDate, c.dueDate, c.stage])).toEqual([
      ['XF2026-000101', 'resolved', '2026-03-05', '2026-05-04', 'done'],
      ['XF2026-000102', 'resolving', '2026-06-01', '2026-07-31', 'overdue'],
      ['XF2026-000103', 'closed', '2025-09-01', '2025-10-31', 'done'],
    ]);
    expect(list.items[1]!.petitionerNames).toEqual(['李*', '赵*']);

    const first = await must(backend.call('petitions.get', { id: list.items[0]!.id }, officer));
    expect(first).toMatchObject({
      firstPetitionDate: '2025-12-01',
      assignedDate: '2026-03-08',
      resolvedDate: '2026-04-30',
      outcome: '已支付拖欠工资',
      version: 1,
      category: 'labour_social_security',
      itemType: 'appeal',
    });
    expect(first.changes).toEqual([
      expect.objectContaining({ kind: 'import', reason: '从“petitions.xlsx”第 3 行导入', fields: [] }),
    ]);

    readDb(backend, (db) => {
      // Stored as registration stores it: the ID number in capitals.
      expect(
        db.prepare('SELECT zz_open(id_number) AS id_number FROM petitioners WHERE name = ?').get('王建国'),
      ).toEqual({
        id_number: ID_A.toUpperCase(),
      });
      expect(countOf(db, 'SELECT count(*) AS n FROM petitions WHERE import_id = ?', entry.id)).toBe(3);
      // The tallies the figures read, kept by the triggers, equal a recount of the ledger.
      expect(db.prepare(TALLIES_BY_TRIGGERS).all()).toEqual(db.prepare(TALLIES_RECOUNTED).all());
      const unit = db.prepare("SELECT id, kind FROM units WHERE name = '县人社局'").get() as {
        id: string;
        kind: string;
      };
      expect(unit.kind).toBe('county_department');
      expect(db.prepare("SELECT role, unit_id FROM people WHERE name = '刘洋'").get()).toEqual({
        role: 'leader',
        unit_id: unit.id,
      });
    });

    // 按期办结率 from the real dates, as the 统计 page reads it: one of the two concluded on time.
    const figures = await must(backend.call('petitions.figures', {}, officer));
    expect(figures.overall.on_time_rate).toMatchObject({ numerator: 1, denominator: 2 });
    expect(figures.overall.overdue).toMatchObject({ numerator: 1, denominator: 1 });
    const found = await must(backend.call('petitions.list', { keyword: '孙六' }, officer));
    expect(found.items.map((c) => c.caseNo)).toEqual(['XF2026-000103']);
  });

  it('brings 复查 and 复核 in by their dates: a final case blocks the same matter, a late opinion is supervised', async () => {
    const { backend, officer } = await petitionBackend();
    const header: Cell[] = [
      '案件编号',
      '乡镇',
      '信访人',
      '身份证号',
      '登记日期',
      '事项类型',
      '问题类别',
      '承办单位',
      '包案领导',
      '交办日期',
      '答复日期',
      '复查申请日期',
      '复查意见日期',
      '复核申请日期',
      '复核意见日期',
      '化解日期',
      '诉求摘要',
    ];
    const row = (caseNo: string, id: string, reviews: Cell[], resolved = ''): Cell[] => [
      caseNo,
      '东镇',
      '周七',
      id,
      '2026-03-02',
      '申诉求决',
      '劳动社保',
      '测试县信访局',
      '张明',
      '2026-03-05',
      '2026-04-20',
      ...reviews,
      resolved,
      '要求补发工资',
    ];
    const base64 = await workbookOf([
      header,
      row('XF2026-000201', ID_A, ['2026-05-10', '2026-06-05', '2026-06-20', '2026-07-15']),
      row('XF2026-000202', ID_B, ['2026-10-01', '', '', '']),
      row('XF2026-000203', ID_C, ['2026-05-10', '2026-06-05', '', ''], '2026-06-30'),
    ]);
    const preview = await previewOf(backend, officer, 'petitions', base64);
    expect(preview.problems.filter((p) => p.level === 'error')).toEqual([]);
    await importOf(backend, officer, 'petitions', base64);
    const list = await must(backend.call('petitions.list', { sort: 'caseNo', direction: 'asc' }, officer));
    // Today is 2026-11-22: the 复查 requested on 2026-10-01 was due its opinion on 2026-10-31.
    expect(list.items.map((c) => [c.caseNo, c.status, c.statutoryDueDate, c.statutoryStage])).toEqual([
      ['XF2026-000201', 'final', null, 'done'],
      ['XF2026-000202', 'reviewing', '2026-10-31', 'overdue'],
      ['XF2026-000203', 'resolved', null, 'done'],
    ]);
    const queue = await must(backend.call('petitions.supervisionQueue', {}, officer));
    expect(queue.items.map((q) => [q.caseNo, q.reason, q.daysOverdue])).toEqual([['XF2026-000202', 'overdue', 22]]);
    const match = await must(
      backend.call('petitions.finalMatch', { idNumber: ID_A, category: 'labour_social_security' }, officer),
    );
    expect(match).toEqual({ id: list.items[0]!.id, caseNo: 'XF2026-000201' });
    readDb(backend, (db) => expect(db.prepare(TALLIES_BY_TRIGGERS).all()).toEqual(db.prepare(TALLIES_RECOUNTED).all()));

    // A review still pending cannot be resolved, and an opinion needs its request.
    const pending = await workbookOf([
      header,
      row('XF2026-000204', ID_A, ['2026-05-10', '', '', ''], '2026-06-30'),
      row('XF2026-000205', ID_B, ['', '2026-06-05', '', '']),
    ]);
    const refused = await previewOf(backend, officer, 'petitions', pending);
    expect(refused.problems.filter((p) => p.level === 'error').map((p) => `${p.row}${p.column} ${p.message}`)).toEqual([
      '2M 状态为“已化解”须填写复查意见日期（复查、复核尚在进行的积案不能化解）',
      '3L 状态为“已复查”须填写复查申请日期',
    ]);
  });

  it('re-imports by case number: the same file changes nothing, an edited row is one versioned correction', async () => {
    const { backend, officer } = await petitionBackend();
    const base64 = await ownLayout();
    await importOf(backend, officer, 'petitions', base64);
    const again = await importOf(backend, officer, 'petitions', base64);
    expect(again.preview).toMatchObject({ creates: 0, updates: 0, unchanged: 3 });
    expect(readDb(backend, (db) => countOf(db, 'SELECT max(version) AS n FROM petitions'))).toBe(1);

    const edited = CASES.map((row) => [...row]);
    edited[1]![10] = '已化解';
    edited[1]![16] = '2026-11-20';
    edited[1]![18] = '达成协议';
    const { preview } = await importOf(backend, officer, 'petitions', await ownLayout(edited));
    expect(preview).toMatchObject({ creates: 0, updates: 1, unchanged: 2 });
    const list = await must(backend.call('petitions.list', { keyword: 'XF2026-000102' }, officer));
    const detail = await must(backend.call('petitions.get', { id: list.items[0]!.id }, officer));
    expect(detail).toMatchObject({ version: 2, status: 'resolved', resolvedDate: '2026-11-20' });
    const correction = detail.changes.find((c) => c.kind === 'edit')!;
    expect(correction.reason).toBe('从“petitions.xlsx”第 4 行导入更新');
    expect(correction.fields.map((f) => [f.label, f.from, f.to])).toEqual([
      ['状态', '化解中', '已化解'],
      // Resolved without a 答复日期 column: replied on its resolution day.
      ['答复日期', '（空）', '2026-11-20'],
      ['化解日期', '（空）', '2026-11-20'],
      ['化解结果', '（空）', '达成协议'],
    ]);
    expect(readDb(backend, (db) => countOf(db, 'SELECT count(*) AS n FROM petitions'))).toBe(3);
  });

  it('undoes an import the same day: its cases voided, the units and leaders it made disabled, audited', async () => {
    const { backend, officer } = await petitionBackend();
    const { entry } = await importOf(backend, officer, 'petitions', await ownLayout());
    const undone = await must(backend.call('imports.undo', { id: entry.id }, officer));
    expect(undone.undoneAt).not.toBeNull();
    const voided = await must(backend.call('petitions.list', { voided: 'only' }, officer));
    expect(voided.total).toBe(3);
    const detail = await must(backend.call('petitions.get', { id: voided.items[0]!.id }, officer));
    expect(detail.changes.map((c) => [c.kind, c.reason])).toEqual([
      ['import', expect.stringContaining('导入')],
      ['void', '撤销导入'],
    ]);
    readDb(backend, (db) => {
      expect(db.prepare("SELECT disabled_at IS NOT NULL AS off FROM units WHERE name = '县人社局'").get()).toEqual({
        off: 1,
      });
      expect(db.prepare("SELECT disabled_at IS NOT NULL AS off FROM people WHERE name = '刘洋'").get()).toEqual({
        off: 1,
      });
      expect(db.prepare("SELECT disabled_at FROM units WHERE name = '测试县信访局'").get()).toEqual({
        disabled_at: null,
      });
      expect(countOf(db, "SELECT count(*) AS n FROM audit_log WHERE action = 'petitions.void'")).toBe(3);
      expect(countOf(db, "SELECT count(*) AS n FROM audit_log WHERE action = 'imports.undo'")).toBe(1);
      expect(db.prepare(TALLIES_BY_TRIGGERS).all()).toEqual([]);
    });
    const figures = await must(backend.call('petitions.figures', {}, officer));
    expect(figures.overall.resolution_rate.denominator).toBe(0);
  });

  it('leaves the database exactly as it was when a write fails mid-commit', async () => {
    const { backend, officer } = await petitionBackend();
    const base64 = await ownLayout();
    const preview = await previewOf(backend, officer, 'petitions', base64);
    const writer = new Database(backend.dbFile);
    writer.exec(`CREATE TRIGGER fail_third BEFORE INSERT ON petitions WHEN NEW.case_no = 'XF2026-000103'
      BEGIN SELECT RAISE(ABORT, 'disk trouble on row 3'); END`);
    writer.close();
    const before = readDb(backend, (db) => db.serialize());
    const result = await backend.call(
      'imports.commit',
      { kind: 'petitions', fileName: 'petitions.xlsx', base64, sha256: preview.sha256 },
      officer,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    const after = readDb(backend, (db) => db.serialize());
    expect(Buffer.compare(before, after)).toBe(0);
  });

  it('names row and column of each bad value: duplicates, future dates, bad ID numbers, unknown townships', async () => {
    const { backend, officer } = await petitionBackend();
    const bad = CASES.map((row) => [...row]);
    bad[1]![1] = 'XF2026-000101';
    bad[2]![4] = '410102199006157890';
    bad[2]![16] = '2026-12-01';
    bad[2]![17] = '2026-12-02';
    bad[2]![2] = '南湖';
    bad[0]![4] = '110105491231002';
    const base64 = await ownLayout(bad);
    const preview = await previewOf(backend, officer, 'petitions', base64);
    expect(preview.problems).toContainEqual(
      expect.objectContaining({
        level: 'warning',
        column: 'E',
        message:
          '“110105491231002”：第 1 位信访人的身份证号为 15 位旧号码，已按国家标准升为 18 位 11010519491231002X，请与证件核对',
      }),
    );
    const errors = preview.problems.filter((p) => p.level === 'error').map((p) => `${p.row}${p.column} ${p.message}`);
    expect(errors).toEqual(
      expect.arrayContaining([
        '5C 系统中没有名为“南湖”的乡镇（街道），请先在基础数据中添加，或改为已有的乡镇（街道）',
        '5E “410102199006157890”：第 1 位信访人的身份证号校验位不正确，请核对',
        '5Q “化解日期”不能晚于今天（2026-11-22）',
        '5R “销号日期”不能晚于今天（2026-11-22）',
      ]),
    );
    expect(errors).toContain('4B “XF2026-000101”与第 3 行重复，同一文件中每条只能出现一次');
    // A township written without its suffix is taken when only one matches.
    const near = await previewOf(backend, officer, 'petitions', await ownLayout());
    expect(near.errors).toBe(0);
    const commit = await backend.call(
      'imports.commit',
      { kind: 'petitions', fileName: 'bad.xlsx', base64, sha256: preview.sha256 },
      officer,
    );
    expect(commit).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(readDb(backend, (db) => countOf(db, 'SELECT count(*) AS n FROM petitions'))).toBe(0);
  });

  it('refuses statuses the dates contradict', async () => {
    const { backend, officer } = await petitionBackend();
    const bad = CASES.map((row) => [...row]);
    bad[0]![10] = '已销号';
    bad[1]![10] = '排查';
    bad[1]![14] = '2026-06-02';
    bad[2]![10] = '已交办';
    bad[2]![11] = '';
    const preview = await previewOf(backend, officer, 'petitions', await ownLayout(bad));
    const errors = preview.problems.filter((p) => p.level === 'error').map((p) => `${p.row}${p.column} ${p.message}`);
    expect(errors).toEqual(
      expect.arrayContaining([
        '3R 状态为“已销号”须填写销号日期',
        '4O 状态为“排查”不应有交办日期',
        '5L 状态为“已交办”须填写承办单位',
        '5Q 状态为“已交办”不应有化解日期',
      ]),
    );
  });

  it('lets whoever registers cases import them, and nobody else', async () => {
    const { backend, admin, leader, officer } = await petitionBackend();
    const base64 = await ownLayout();
    for (const client of [admin, leader]) {
      const refused = await backend.call('imports.preview', { kind: 'petitions', fileName: 'a.xlsx', base64 }, client);
      expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    const template = await must(backend.call('imports.template', { kind: 'petitions' }, officer));
    expect(template.fileName).toBe('信访积案导入模板.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(template.base64, 'base64') as never);
    expect(book.worksheets.map((s) => s.name)).toEqual(['信访积案', '填写说明']);
    expect(book.worksheets[0]!.getRow(1).values).toEqual(expect.arrayContaining(['*案件编号', '包案领导', '状态']));
    const notes: string[] = [];
    book.worksheets[1]!.eachRow((row) => notes.push(String(row.getCell(1).value ?? '')));
    expect(notes).toEqual(expect.arrayContaining(['状态推定', '日期核对']));
    // The template's example row reads as it is, but for the example township this county lacks.
    const example = await previewOf(backend, officer, 'petitions', template.base64);
    expect(example.problems.filter((p) => p.level === 'error').map((p) => `${p.row}${p.column} ${p.message}`)).toEqual([
      '2B 系统中没有名为“城关镇”的乡镇（街道），请先在基础数据中添加，或改为已有的乡镇（街道）',
    ]);
    await importOf(backend, officer, 'petitions', base64);
    expect((await must(backend.call('imports.list', {}, admin))).total).toBe(0);
    expect((await must(backend.call('imports.list', {}, officer))).items.map((e) => e.kind)).toEqual(['petitions']);
  });
});
