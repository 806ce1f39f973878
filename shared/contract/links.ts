import { z } from 'zod';
import type { RecordLinkKind } from '../domain/ledger/links';
import { LEDGER_KEYS, type LedgerKey } from '../domain/ledger/records';
import { defineMethod } from './define';

/** A record of another ledger linked to this one: made from it (`to`) or its source (`from`). */
export interface RecordLinkInfo {
  direction: 'to' | 'from';
  kind: RecordLinkKind;
  ledger: LedgerKey;
  id: string;
  number: string;
  at: string;
}

export const linksListInput = z
  .object({ ledger: z.enum(LEDGER_KEYS), id: z.uuid({ error: '编号格式不正确' }) })
  .strict();

export const linksContract = {
  // session: the kernel checks the record's own ledger's read permission and scope.
  'links.list': defineMethod<RecordLinkInfo[]>()({
    input: linksListInput,
    access: 'session',
    summary: '查询一条记录与其他台账记录的关联（转为信访事项、风险隐患等）',
  }),
};
