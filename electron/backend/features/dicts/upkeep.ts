import type { z } from 'zod';
import type { Dictionary, dictEntryInput } from '../../../../shared/contract/dicts';
import { AppError } from '../../../../shared/errors';
import { invalidField } from '../../api/problems';
import type { HandlerContext } from '../../api/types';
import { audited } from '../../audit/writer';
import { findDictionaryName, listEntries } from './repo';

/**
 * The administrator keeps the code lists (categories, unit kinds …): adds entries, renames them and
 * disables them. An entry's code never changes and is never deleted: records store the code.
 */
type EntryInput = z.output<typeof dictEntryInput>;

export function dictionaryOf(ctx: HandlerContext, code: string): Dictionary {
  const name = findDictionaryName(ctx.sql, code);
  if (name === undefined) throw new AppError('NOT_FOUND', `没有代码为 ${code} 的字典，请检查字典代码。`);
  return { code, name, entries: listEntries(ctx.sql, code) };
}

export function addEntry(ctx: HandlerContext, input: EntryInput): Dictionary {
  const dictionary = dictionaryOf(ctx, input.dictCode);
  const byCode = dictionary.entries.find((entry) => entry.code === input.code);
  if (byCode) invalidField('code', `代码 ${input.code} 已用于“${byCode.label}”，请换一个代码。`);
  assertLabelFree(dictionary, input);
  const event = { action: 'dicts.addEntry', entity: 'dict', entityId: input.dictCode, fields: ['code', 'label'] };
  audited(ctx, event, () => {
    ctx.sql
      .prepare(
        `INSERT INTO dict_entries (dict_code, code, label, sort, enabled)
         VALUES (@dictCode, @code, @label, (SELECT coalesce(max(sort), 0) + 1 FROM dict_entries WHERE dict_code = @dictCode), 1)`,
      )
      .run(input);
  });
  return dictionaryOf(ctx, input.dictCode);
}

function assertLabelFree(dictionary: Dictionary, input: EntryInput): void {
  const twin = dictionary.entries.find((entry) => entry.label === input.label && entry.code !== input.code);
  if (twin) invalidField('label', `“${dictionary.name}”中已有名为“${input.label}”的条目，请换一个名称。`);
}

function entryOrThrow(dictionary: Dictionary, code: string) {
  const entry = dictionary.entries.find((e) => e.code === code);
  if (!entry) throw new AppError('NOT_FOUND', `“${dictionary.name}”中没有代码为 ${code} 的条目，请刷新后重试。`);
  return entry;
}

export function renameEntry(ctx: HandlerContext, input: EntryInput): Dictionary {
  const dictionary = dictionaryOf(ctx, input.dictCode);
  if (entryOrThrow(dictionary, input.code).label === input.label) return dictionary;
  assertLabelFree(dictionary, input);
  audited(ctx, { action: 'dicts.renameEntry', entity: 'dict', entityId: input.dictCode, fields: ['label'] }, () => {
    ctx.sql.prepare('UPDATE dict_entries SET label = @label WHERE dict_code = @dictCode AND code = @code').run(input);
  });
  return dictionaryOf(ctx, input.dictCode);
}

export function setEntryEnabled(ctx: HandlerContext, dictCode: string, code: string, enabled: boolean): Dictionary {
  const dictionary = dictionaryOf(ctx, dictCode);
  if (entryOrThrow(dictionary, code).enabled === enabled) return dictionary;
  const action = enabled ? 'dicts.enableEntry' : 'dicts.disableEntry';
  audited(ctx, { action, entity: 'dict', entityId: dictCode, fields: ['enabled'], detail: code }, () => {
    ctx.sql
      .prepare('UPDATE dict_entries SET enabled = ? WHERE dict_code = ? AND code = ?')
      .run(enabled ? 1 : 0, dictCode, code);
  });
  return dictionaryOf(ctx, dictCode);
}
