import { v7 as uuidv7 } from 'uuid';
import { PERSON_ROLES, type PersonRole } from '../../../../shared/contract/people';
import { readChoice, readText } from '../../import/cells';
import type { ImportKind, ReadRow } from '../../import/kind';
import { disableKeys, existingKeys, unitIndex } from '../../import/references';

/**
 * Leaders and responsible persons from a workbook, found again by unit and name (a person has no
 * code): name, post, role, unit (by name) and phone. An existing person is updated.
 */
interface PersonRow {
  name: string;
  title: string;
  role: PersonRole;
  unitId: string;
  phone: string;
}

const ROLE_WORDS: Record<string, PersonRole> = {
  包案领导: 'leader',
  包保领导: 'leader',
  领导: 'leader',
  责任领导: 'leader',
  责任人: 'responsible',
  具体责任人: 'responsible',
};

/** The unit and the name: how a person is found again. */
const KEY = "unit_id || ':' || name";

export const personImport: ImportKind<PersonRow> = {
  key: 'people',
  noun: '领导与责任人',
  keyField: 'name',
  fields: [
    {
      key: 'name',
      label: '姓名',
      required: true,
      example: '王建国',
      note: '同一单位内姓名不重复；再次导入时按单位和姓名更新',
    },
    {
      key: 'title',
      label: '职务',
      synonyms: ['职位', '现任职务'],
      required: true,
      example: '副县长',
      note: '现任职务',
    },
    {
      key: 'role',
      label: '类别',
      synonyms: ['角色', '人员类别'],
      required: true,
      example: '包案领导',
      note: `填 包案领导（或 包保领导、责任领导）或 责任人`,
    },
    {
      key: 'unit',
      label: '所在单位',
      synonyms: ['单位', '工作单位', '所属单位'],
      required: true,
      example: '中牟县信访局',
      note: '已在基础数据中的承办单位名称（先导入承办单位）',
    },
    {
      key: 'phone',
      label: '联系电话',
      synonyms: ['电话', '手机', '手机号', '联系方式'],
      example: '13800000000',
      note: '11 位手机号或带区号的固定电话；系统中默认打码显示',
    },
  ],
  read({ sql }, rows, problems) {
    const units = unitIndex(sql);
    const read: ReadRow<PersonRow>[] = [];
    for (const row of rows) {
      const name = readText(row, 'name', problems, { required: true, max: 20 });
      const title = readText(row, 'title', problems, { required: true, max: 60 });
      const role = readChoice(row, 'role', problems, ROLE_WORDS, true);
      const unit = units.find(row, 'unit', problems, true);
      const phone = readText(row, 'phone', problems, {
        pattern: /^(1\d{10}|0\d{2,3}-?\d{7,8})$/,
        shape: '应为 11 位手机号或带区号的固定电话',
      });
      if (!name || !title || !role || !unit || !PERSON_ROLES.includes(role)) continue;
      read.push({ row, key: `${unit.code}:${name}`, value: { name, title, role, unitId: unit.code, phone } });
    }
    return read;
  },
  existing: (sql, keys) => existingKeys(sql, 'people', KEY, keys),
  write(ctx, rows, existing) {
    const insert = ctx.sql.prepare(
      `INSERT INTO people (id, name, title, role, unit_id, phone, sort)
       VALUES (@id, @name, @title, @role, @unitId, zz_seal(@phone), (SELECT coalesce(max(sort), 0) + 1 FROM people))`,
    );
    const update = ctx.sql.prepare(
      `UPDATE people SET title = @title, role = @role, phone = zz_seal(@phone) WHERE unit_id = @unitId AND name = @name`,
    );
    for (const { key, value } of rows) {
      if (existing.has(key)) update.run(value);
      else insert.run({ id: uuidv7(), ...value });
    }
  },
  undo: (ctx, keys) => disableKeys(ctx, 'people', KEY, keys),
};
