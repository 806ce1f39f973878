import type { AttachmentMeta } from '@shared/contract/attachments';
import type { AttachmentEntity } from '@shared/domain/attachments';
import type { TimelineEntry } from '../timeline';
import { formatDateTime } from '@/utils/datetime';

/** One field of a record as its dossier prints it; `wide` takes a whole line (long texts). */
export interface DossierField {
  label: string;
  value: string | number | null | undefined;
  wide?: boolean;
}

/** What a drawer hands the kernel for its record's 一案一档. */
export interface DossierSource {
  /** The ledger's key (petition, hazard, assessment), the audit row's entity. */
  entity: string;
  /** Whose attachments the record has (`attachments.list`); null for a ledger without files. */
  attachments: AttachmentEntity | null;
  fields: DossierField[];
}

type Cell = { label: string; value: string };
/** The fields' table: two to a line, a wide one alone. */
export function fieldRows(fields: readonly DossierField[]): Array<[Cell] | [Cell, Cell | null]> {
  const rows: Array<[Cell] | [Cell, Cell | null]> = [];
  let open: [Cell, Cell | null] | null = null;
  for (const field of fields) {
    const cell = {
      label: field.label,
      value: field.value === null || field.value === undefined || field.value === '' ? '—' : String(field.value),
    };
    if (field.wide) {
      open = null;
      rows.push([cell]);
    } else if (open && open[1] === null) {
      open[1] = cell;
      open = null;
    } else {
      open = [cell, null];
      rows.push(open);
    }
  }
  return rows;
}

/** The timeline in the order things happened, each line's text with a correction's fields. */
export const chronicle = (timeline: readonly TimelineEntry[]) =>
  [...timeline]
    .sort((a, b) => a.at.localeCompare(b.at))
    .map((entry) => ({
      key: entry.key,
      at: formatDateTime(new Date(entry.at)),
      title: entry.title,
      text: [entry.text, ...(entry.fields ?? []).map((f) => `${f.label}：${f.from || '（空）'} → ${f.to || '（空）'}`)]
        .filter(Boolean)
        .join('\n'),
      byName: entry.byName,
    }));

/** A file's size as people read it. */
export const fileSize = (bytes: number): string =>
  bytes < 1024
    ? `${bytes} B`
    : bytes < 1024 * 1024
      ? `${(bytes / 1024).toFixed(1)} KB`
      : `${(bytes / 1048576).toFixed(1)} MB`;

/** The dossier's attachments list: enough of the SHA-256 to match a file by eye. */
export const attachmentLines = (files: readonly AttachmentMeta[]) =>
  files.map((file, i) => ({
    key: file.id,
    no: i + 1,
    fileName: file.fileName,
    size: fileSize(file.size),
    uploaded: `${file.uploadedByName} ${formatDateTime(new Date(file.uploadedAt))}`,
    sha256: file.sha256.slice(0, 16),
  }));
