import type { z } from 'zod';
import { v7 as uuidv7 } from 'uuid';
import type { Person, personCreateInput, personUpdateInput } from '../../../../shared/contract/people';
import { AppError } from '../../../../shared/errors';
import { invalidField } from '../../api/problems';
import type { HandlerContext } from '../../api/types';
import { audited } from '../../audit/writer';
import { findPerson } from './repo';

/**
 * The administrator keeps the leaders (包案/包保领导) and responsible persons (责任人): post, unit
 * and phone. A person who leaves is disabled, never deleted: the cases they led keep their name.
 * The audit row names the changed fields, never the phone.
 */
type PersonFields = z.output<typeof personCreateInput>;
type PersonChanges = Omit<z.output<typeof personUpdateInput>, 'id'>;

function personOrThrow(ctx: HandlerContext, id: string): Person {
  const person = findPerson(ctx.sql, id);
  if (!person) throw new AppError('NOT_FOUND', '未找到该人员，请刷新后重试。');
  return person;
}

function checkUnit(ctx: HandlerContext, unitId: string): void {
  if (!ctx.sql.prepare('SELECT 1 FROM units WHERE id = ? AND disabled_at IS NULL').get(unitId)) {
    invalidField('unitId', '所在单位不存在或已停用，请从列表选择。');
  }
}

const row = (fields: PersonFields) => ({
  name: fields.name,
  title: fields.title,
  role: fields.role,
  unit_id: fields.unitId,
  phone: fields.phone,
});

export function createPerson(ctx: HandlerContext, fields: PersonFields): Person {
  checkUnit(ctx, fields.unitId);
  const id = uuidv7();
  audited(ctx, { action: 'people.create', entity: 'person', entityId: id, fields: Object.keys(fields) }, () => {
    ctx.sql
      .prepare(
        `INSERT INTO people (id, name, title, role, unit_id, phone, sort)
         VALUES (@id, @name, @title, @role, @unit_id, zz_seal(@phone), (SELECT coalesce(max(sort), 0) + 1 FROM people))`,
      )
      .run({ id, ...row(fields) });
  });
  return personOrThrow(ctx, id);
}

export function updatePerson(ctx: HandlerContext, id: string, changes: PersonChanges): Person {
  personOrThrow(ctx, id);
  checkUnit(ctx, changes.unitId);
  const before = ctx.sql
    .prepare('SELECT name, title, role, unit_id AS unitId, zz_open(phone) AS phone FROM people WHERE id = ?')
    .get(id) as PersonFields;
  const fields: PersonFields = { ...changes, phone: changes.phone ?? before.phone };
  const changed = (Object.keys(fields) as (keyof PersonFields)[]).filter((key) => before[key] !== fields[key]);
  if (changed.length === 0) return personOrThrow(ctx, id);
  audited(ctx, { action: 'people.update', entity: 'person', entityId: id, fields: changed }, () => {
    ctx.sql
      .prepare(
        'UPDATE people SET name = @name, title = @title, role = @role, unit_id = @unit_id, phone = zz_seal(@phone) WHERE id = @id',
      )
      .run({ id, ...row(fields) });
  });
  return personOrThrow(ctx, id);
}

export function setPersonEnabled(ctx: HandlerContext, id: string, enabled: boolean): Person {
  const person = personOrThrow(ctx, id);
  if (person.enabled === enabled) return person;
  const action = enabled ? 'people.enable' : 'people.disable';
  audited(ctx, { action, entity: 'person', entityId: id, fields: ['disabledAt'] }, () => {
    ctx.sql.prepare('UPDATE people SET disabled_at = ? WHERE id = ?').run(enabled ? null : ctx.now().toISOString(), id);
  });
  return personOrThrow(ctx, id);
}
