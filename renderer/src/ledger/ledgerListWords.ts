import type { ExportPersonal } from '@/components/ExportDialog.vue';

/** A ledger's 导出 in words: the dialog's title, what it counts (件积案), whose personal data it holds. */
export interface LedgerExportWords {
  title: string;
  noun: string;
  personal?: ExportPersonal;
}

/** What a ledger's list page says: its title, 新建's label, the keyword's hint and, if it exports, its 导出. */
export interface LedgerListWords {
  title: string;
  create: string;
  keyword: string;
  exported?: LedgerExportWords;
}
