/**
 * Links between records of different ledgers, kept by the kernel (`record_links`): a record made
 * from another (a dispute 转为 a petition or a hazard) names its source, and the source names it.
 */
import type { LedgerKey } from './records';

export const RECORD_LINK_KINDS = ['converted'] as const;
export type RecordLinkKind = (typeof RECORD_LINK_KINDS)[number];

/** What a linked record is called on the drawer's line (已转为信访事项 XF…, 由矛盾纠纷 JF… 转入). */
export const LINKED_RECORD_NOUNS: Record<LedgerKey, string> = {
  petition: '信访事项',
  hazard: '风险隐患',
  assessment: '稳评',
  dispute: '矛盾纠纷',
};

/** The drawer's line for a link seen from one end: this record became the other, or came from it. */
export function linkLine(direction: 'to' | 'from', ledger: LedgerKey): { before: string; after: string } {
  return direction === 'to'
    ? { before: `已转为${LINKED_RECORD_NOUNS[ledger]}`, after: '' }
    : { before: `由${LINKED_RECORD_NOUNS[ledger]}`, after: '转入' };
}
