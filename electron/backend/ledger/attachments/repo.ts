import { sql as rawSql, type InferResult } from 'kysely';
import type { AttachmentMeta } from '../../../../shared/contract/attachments';
import type { AttachmentEntity } from '../../../../shared/domain/attachments';
import type { Schema } from '../../db/schema';
import { qb, type Sql } from '../../db/sql';
import { displayNameOf } from '../../db/display-name';

export type AttachmentRow = Schema['attachments'];

// Close-outs live in each ledger's own link table; petitions' is the only one so far.
const closeOutIds = rawSql<string | null>`(SELECT group_concat(closeout_id) FROM petition_closeout_attachments
  WHERE attachment_id = a.id)`;

/** A row as lists show it: the uploader's name and the close-outs citing the file. */
const metaQuery = () =>
  qb
    .selectFrom('attachments as a')
    .select([
      'a.id',
      'a.entity',
      'a.entity_id',
      'a.purpose',
      'a.file_name',
      'a.mime',
      'a.size',
      'a.sha256',
      'a.uploaded_at',
      displayNameOf('a.uploaded_by').as('uploaded_by_name'),
      closeOutIds.as('closeout_ids'),
    ]);

type MetaRow = InferResult<ReturnType<typeof metaQuery>>[number];

const toMeta = (row: MetaRow): AttachmentMeta => ({
  id: row.id,
  entity: row.entity,
  entityId: row.entity_id,
  purpose: row.purpose,
  fileName: row.file_name,
  mime: row.mime,
  size: row.size,
  sha256: row.sha256,
  uploadedByName: row.uploaded_by_name,
  uploadedAt: row.uploaded_at,
  closeOutIds: row.closeout_ids ? row.closeout_ids.split(',') : [],
});

export const listAttachments = (sql: Sql, entity: AttachmentEntity, entityId: string): AttachmentMeta[] =>
  sql
    .all(
      metaQuery()
        .where('a.entity', '=', entity)
        .where('a.entity_id', '=', entityId)
        .orderBy('a.uploaded_at')
        .orderBy('a.id'),
    )
    .map(toMeta);

export const findAttachmentMeta = (sql: Sql, id: string): AttachmentMeta | undefined => {
  const row = sql.get(metaQuery().where('a.id', '=', id));
  return row && toMeta(row);
};

export const findAttachment = (sql: Sql, id: string): AttachmentRow | undefined =>
  sql.get(qb.selectFrom('attachments').selectAll().where('id', '=', id));

export const insertAttachment = (sql: Sql, row: AttachmentRow): void => {
  sql.run(qb.insertInto('attachments').values(row));
};
