import { z } from 'zod';
import type { LedgerChange } from '../domain/ledger/records';

/** What every ledger's contract shares: versions, voiding, the kernel's timeline entries. */

const id = z.uuid({ error: '编号格式不正确' });

/** The version the user's screen showed; a change based on an older one is refused (CONFLICT). */
export const versionField = z.number({ error: '缺少记录版本，请刷新后重试' }).int().min(1);

/** 作废 and 恢复 alike: the record, the version read, and the reason. */
export const voidInput = z
  .object({
    id,
    version: versionField,
    reason: z.string().trim().min(1, { error: '请填写“原因”' }).max(500, { error: '“原因”不能超过 500 个字' }),
  })
  .strict();

/** Lists leave voided records out unless asked: `only` lists the voided ones (已作废). */
export const voidedFilter = z.enum(['exclude', 'only']).default('exclude');

/** The kernel's part of every record's detail. */
export interface LedgerRecordFields {
  version: number;
  voidedAt: string | null;
  voidReason: string | null;
  /** Corrections, voidings and restorings, oldest first. */
  changes: LedgerChange[];
}
