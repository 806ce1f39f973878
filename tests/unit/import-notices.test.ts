import { describe, expect, it } from 'vitest';
import { petitionBackend } from '../helpers/petitions';
import { importOf, previewOf, readDb, workbookOf, type Cell } from '../helpers/workbooks';

const HEADER: Cell[] = ['编号', '纠纷类型', '属地', '申请人', '登记日期', '简要案情', '化解方式', '调解组织'];
const routed = (no: number, unit: string): Cell[] => [
  `JF2026-0004${String(no).padStart(2, '0')}`,
  '邻里',
  '东镇',
  `当事人${no}`,
  '2026-11-02',
  '邻里纠纷',
  '人民调解委员会',
  unit,
];

describe('the import preview’s notices', () => {
  it('announces a unit to be made once, naming every row that names it', async () => {
    const { backend, officer } = await petitionBackend();
    const rows = [
      routed(1, '东镇人民调解委员会'),
      routed(2, '东镇人民调解委员会'),
      routed(3, '西街道人民调解委员会'),
      routed(4, '东镇人民调解委员会'),
      routed(5, '测试县信访局'),
      ...Array.from({ length: 11 }, (_, i) => routed(6 + i, '县司法局')),
    ];
    const base64 = await workbookOf([HEADER, ...rows]);
    const preview = await previewOf(backend, officer, 'disputes', base64);
    expect(preview.problems.map((p) => `${p.row}${p.column} ${p.level} ${p.message}`)).toEqual([
      '2H warning 将新建承办单位“东镇人民调解委员会”（第 2、3、5 行）',
      '4H warning 将新建承办单位“西街道人民调解委员会”',
      '7H warning 将新建承办单位“县司法局”（第 7、8、9、10、11、12、13、14、15、16 等 11 行）',
    ]);
    expect(preview).toMatchObject({ creates: 16, errors: 0, warnings: 3 });

    // Each named unit is made once, whatever the number of rows naming it.
    await importOf(backend, officer, 'disputes', base64);
    readDb(backend, (db) => {
      const made = db
        .prepare(
          `SELECT u.name, count(d.id) AS n FROM units u JOIN disputes d ON d.unit_id = u.id
            WHERE u.kind = 'county_department' GROUP BY u.id ORDER BY u.name`,
        )
        .all();
      expect(made).toEqual(
        expect.arrayContaining([
          { name: '东镇人民调解委员会', n: 3 },
          { name: '西街道人民调解委员会', n: 1 },
          { name: '县司法局', n: 11 },
        ]),
      );
    });
  });
});
