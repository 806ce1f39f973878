import { levelOfCode, parentCodeOf, REGION_LEVEL_LABELS, type RegionLevel } from '../../../../shared/domain/regions';
import { findCounty } from '../../db/county';
import type { Sql } from '../../db/sql';
import { readText } from '../../import/cells';
import type { ImportKind, ReadRow } from '../../import/kind';
import { disableKeys, existingKeys } from '../../import/references';

/**
 * Regions from a workbook: one row per township, village or grid, by code and name; the level and
 * the parent follow from the code, and a parent must exist already or come in the same file. An
 * existing code is renamed. The county itself is set up in the app, not imported.
 */
interface RegionRow {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string;
}

const DEPTH: Record<RegionLevel, number> = { county: 0, township: 1, village: 2, grid: 3 };

const known = (sql: Sql, codes: readonly string[]) => existingKeys(sql, 'regions', 'code', codes);

export const regionImport: ImportKind<RegionRow> = {
  key: 'regions',
  noun: '行政区划',
  keyField: 'code',
  fields: [
    {
      key: 'code',
      label: '区划代码',
      synonyms: ['代码', '统计用区划代码', '行政区划代码', '网格编码', '编码'],
      required: true,
      example: '410122100000',
      note: '乡镇/街道、村/社区为 12 位统计用区划代码，网格为所属村/社区代码后加 3 位；须在本县代码之下',
    },
    {
      key: 'name',
      label: '名称',
      synonyms: ['区划名称', '乡镇（街道）', '村（社区）', '网格名称'],
      required: true,
      example: '城关镇',
      note: '乡镇、街道、村、社区或网格的规范名称，同一上级下不重名',
    },
  ],
  read({ sql }, rows, problems) {
    const county = findCounty(sql);
    if (!county) {
      problems.error(null, null, '尚未设置本县。请先在“设置本县”中填写县名和 6 位区划代码，再导入行政区划。');
      return [];
    }
    const read: ReadRow<RegionRow>[] = [];
    for (const row of rows) {
      const code = readText(row, 'code', problems, {
        required: true,
        pattern: /^\d{12}(\d{3})?$/,
        shape: '应为 12 位数字（网格 15 位）',
      });
      const name = readText(row, 'name', problems, { required: true, max: 40 });
      if (!code || !name || !/^\d{12}(\d{3})?$/.test(code)) continue;
      const level = levelOfCode(code);
      if (!level || level === 'county') {
        problems.error(row, 'code', `“${code}”不是乡镇、村或网格的代码（本县在“设置本县”中填写）`);
        continue;
      }
      if (!code.startsWith(county.code.slice(0, 6))) {
        problems.error(row, 'code', `“${code}”不在本县（${county.code.slice(0, 6)}）之下`);
        continue;
      }
      read.push({ row, key: code, value: { code, name, level, parentCode: parentCodeOf(code)! } });
    }
    const inFile = new Set(read.map((r) => r.key));
    const inDb = known(sql, [...new Set(read.map((r) => r.value.parentCode))]);
    return read.filter(({ row, value }) => {
      const ok = inFile.has(value.parentCode) || inDb.has(value.parentCode);
      if (!ok) {
        problems.error(
          row,
          'code',
          `${REGION_LEVEL_LABELS[value.level]}“${value.name}”的上级 ${value.parentCode} 既不在系统中也不在本文件中，请先导入上级`,
        );
      }
      return ok;
    });
  },
  existing: (sql, keys) => known(sql, keys),
  write(ctx, rows) {
    const upsert = ctx.sql.prepare(
      `INSERT INTO regions (code, name, level, parent_code, sort)
       VALUES (@code, @name, @level, @parentCode, (SELECT coalesce(max(sort), 0) + 1 FROM regions WHERE parent_code = @parentCode))
       ON CONFLICT (code) DO UPDATE SET name = excluded.name`,
    );
    // Parents before children, whatever the file's order.
    const ordered = [...rows].sort((a, b) => DEPTH[a.value.level] - DEPTH[b.value.level]);
    for (const { value } of ordered) upsert.run(value);
  },
  undo: (ctx, keys) => disableKeys(ctx, 'regions', 'code', keys),
};
