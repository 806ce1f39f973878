import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { DisputeDetail, disputesTransferInput } from '../../../../shared/contract/disputes';
import {
  DISPUTE_LEVEL_LABELS,
  TRANSFER_DIRECTION_LABELS,
  transferDirection,
  transferProblems,
} from '../../../../shared/domain/disputes/levels';
import { isDisputeOpen } from '../../../../shared/domain/disputes/statuses';
import { assertNoProblems } from '../../api/problems';
import { principalOf, type HandlerContext } from '../../api/types';
import { qb } from '../../db/sql';
import { ledgerWrite } from '../../ledger/write';
import { detailOf } from './common';
import { addDisputeEvent } from './events';
import { disputeStore } from './store';

type Input = z.output<typeof disputesTransferInput>;

/**
 * Moves an open dispute up (上交) or down (下交) a level with its reason, on its transfers and its
 * timeline. Once moved up it stays counted in the 上交率, whatever follows.
 */
export function transferDispute(ctx: HandlerContext, input: Input): DisputeDetail {
  ledgerWrite(ctx, disputeStore, input, { action: 'disputes.transfer' }, (row) => {
    assertNoProblems(transferProblems(input, { level: row.level, open: isDisputeOpen(row.status) }));
    const direction = transferDirection(row.level, input.toLevel);
    ctx.sql.run(
      qb.insertInto('dispute_transfers').values({
        id: uuidv7(),
        dispute_id: row.id,
        from_level: row.level,
        to_level: input.toLevel,
        direction,
        reason: input.reason,
        by_user: principalOf(ctx).userId,
        at: ctx.now().toISOString(),
      }),
    );
    addDisputeEvent(ctx, {
      dispute_id: row.id,
      action: direction === 'up' ? 'escalate' : 'delegate',
      from_status: row.status,
      to_status: row.status,
      note: `${TRANSFER_DIRECTION_LABELS[direction]}至${DISPUTE_LEVEL_LABELS[input.toLevel]}：${input.reason}`,
      unit_id: null,
    });
    return {
      set: { level: input.toLevel, ...(direction === 'up' ? { escalated: 1 } : {}) },
      fields: ['level'],
      detail: `${row.level}→${input.toLevel}`,
    };
  });
  return detailOf(ctx, input.id);
}
