import type { DictEntry, DictionarySummary } from '../../../../shared/contract/dicts';
import { named, qb, type Sql } from '../../db/sql';

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

// Every form's pickers read a dictionary: both statements are compiled once (`Sql.shaped`).
export const findDictionaryName = (sql: Sql, code: string): string | undefined =>
  sql
    .shaped('dicts.name', () => qb.selectFrom('dictionaries').select('name').where('code', '=', named('code')))
    .get({
      code,
    })?.name;

export const listEntries = (sql: Sql, dictCode: string): DictEntry[] =>
  sql
    .shaped('dicts.entries', () =>
      qb
        .selectFrom('dict_entries')
        .select(['code', 'label', 'sort', 'enabled'])
        .where('dict_code', '=', named('code'))
        .orderBy('sort')
        .orderBy('code'),
    )
    .all({ code: dictCode })
    .map((row) => ({ ...row, enabled: row.enabled === 1 }));
