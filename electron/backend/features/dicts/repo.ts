import type { DictEntry, DictionarySummary } from '../../../../shared/contract/dicts';
import { qb, type Sql } from '../../db/sql';

export const listDictionaries = (sql: Sql): DictionarySummary[] =>
  sql.all(
    qb
      .selectFrom('dictionaries as d')
      .select((eb) => [
        'd.code',
        'd.name',
        eb
          .selectFrom('dict_entries as e')
          .whereRef('e.dict_code', '=', 'd.code')
          .select(eb.fn.countAll<number>().as('n'))
          .as('entryCount'),
      ])
      .orderBy('d.sort'),
  ) as DictionarySummary[];

export const findDictionaryName = (sql: Sql, code: string): string | undefined =>
  sql.get(qb.selectFrom('dictionaries').select('name').where('code', '=', code))?.name;

export const listEntries = (sql: Sql, dictCode: string): DictEntry[] =>
  sql
    .all(
      qb
        .selectFrom('dict_entries')
        .select(['code', 'label', 'sort', 'enabled'])
        .where('dict_code', '=', dictCode)
        .orderBy('sort')
        .orderBy('code'),
    )
    .map((row) => ({ ...row, enabled: row.enabled === 1 }));
