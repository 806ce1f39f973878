import { sql, type Expression, type SqlBool } from 'kysely';

/** Escapes LIKE wildcards so a keyword matches literally. */
export const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** `column LIKE '%keyword%'` with the keyword's wildcards taken literally. */
export const contains = (column: string, keyword: string): Expression<SqlBool> =>
  sql<SqlBool>`${sql.ref(column)} LIKE ${`%${escapeLike(keyword)}%`} ESCAPE '\\'`;

export const offsetOf = (page: number, pageSize: number): number => (page - 1) * pageSize;
