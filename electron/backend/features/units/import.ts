import { v7 as uuidv7 } from 'uuid';
import { TOWNSHIP_GOVERNMENT } from '../../../../shared/contract/units';
import { readText } from '../../import/cells';
import type { ImportKind, ReadRow } from '../../import/kind';
import { disableKeys, existingKeys, townshipIndex } from '../../import/references';

/**
 * Units from a workbook, found again by their code: code, name, kind (a 单位类别 label) and, for a
 * township government, its township by name. An existing code is updated.
 */
interface UnitRow {
  code: string;
  name: string;
  kind: string;
  regionCode: string | null;
}

export const unitImport: ImportKind<UnitRow> = {
  key: 'units',
  noun: '承办单位',
  keyField: 'code',
  fields: [
    {
      key: 'code',
      label: '单位代码',
      synonyms: ['代码', '统一社会信用代码', '单位编码', '编码'],
      required: true,
      example: 'ZMX-XFJ',
      note: '1–24 位字母、数字或连字符，如统一社会信用代码或本县自编代码；再次导入时按代码更新',
    },
    {
      key: 'name',
      label: '单位名称',
      synonyms: ['名称', '承办单位', '责任单位'],
      required: true,
      example: '中牟县信访局',
      note: '全称，不重名',
    },
    {
      key: 'kind',
      label: '单位类别',
      synonyms: ['类别', '单位类型', '类型'],
      required: true,
      example: '县直部门',
      note: '填“单位类别”字典中的名称，如 乡镇人民政府/街道办事处、县直部门、政法机关',
    },
    {
      key: 'township',
      label: '所属乡镇',
      synonyms: ['乡镇', '乡镇（街道）', '属地', '所属乡镇（街道）'],
      example: '',
      note: '乡镇人民政府/街道办事处必填（填乡镇名称，可省略“镇”“乡”“街道”）；县直部门留空',
    },
  ],
  read({ sql }, rows, problems) {
    const kinds = new Map(
      (
        sql.prepare("SELECT code, label FROM dict_entries WHERE dict_code = 'unit_kind' AND enabled = 1").all() as {
          code: string;
          label: string;
        }[]
      ).flatMap((k) => [[k.label, k.code], ...k.label.split('/').map((part) => [part, k.code] as [string, string])]),
    );
    const townships = townshipIndex(sql);
    const names = new Map(
      (sql.prepare('SELECT code, name FROM units').all() as { code: string; name: string }[]).map((u) => [
        u.name,
        u.code,
      ]),
    );
    const read: ReadRow<UnitRow>[] = [];
    for (const row of rows) {
      const code = readText(row, 'code', problems, {
        required: true,
        pattern: /^[0-9A-Za-z-]{1,24}$/,
        shape: '应为 1–24 位字母、数字或连字符',
      });
      const name = readText(row, 'name', problems, { required: true, max: 60 });
      const kindText = readText(row, 'kind', problems, { required: true });
      const kind = kindText ? kinds.get(kindText) : undefined;
      if (kindText && !kind) {
        problems.error(row, 'kind', `“${kindText}”不是单位类别，应为：${[...new Set(kinds.keys())].join('、')}`);
      }
      const township = townships.find(row, 'township', problems, kind === TOWNSHIP_GOVERNMENT);
      const owner = names.get(name);
      if (name && owner !== undefined && owner !== code) {
        problems.error(row, 'name', `“${name}”已是代码为 ${owner} 的单位的名称，单位名称不能重复`);
        continue;
      }
      if (!code || !name || !kind) continue;
      read.push({ row, key: code, value: { code, name, kind, regionCode: township?.code ?? null } });
    }
    return read;
  },
  existing: (sql, keys) => existingKeys(sql, 'units', 'code', keys),
  write(ctx, rows) {
    const upsert = ctx.sql.prepare(
      `INSERT INTO units (id, code, name, kind, region_code, sort)
       VALUES (@id, @code, @name, @kind, @regionCode, (SELECT coalesce(max(sort), 0) + 1 FROM units))
       ON CONFLICT (code) DO UPDATE SET name = excluded.name, kind = excluded.kind, region_code = excluded.region_code`,
    );
    for (const { value } of rows) upsert.run({ id: uuidv7(), ...value });
  },
  undo: (ctx, keys) => disableKeys(ctx, 'units', 'code', keys),
};
