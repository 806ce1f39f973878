import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { HazardDetail, hazardsAddNoteInput } from '../../../../shared/contract/hazards';
import type { HazardLevel } from '../../../../shared/domain/risks/hazard-levels';
import { hazardNoteProblems, type HazardTrend } from '../../../../shared/domain/risks/hazard-statuses';
import { assertNoProblems } from '../../api/problems';
import { principalOf, type HandlerContext } from '../../api/types';
import { qb } from '../../db/sql';
import { audited } from '../../audit/writer';
import { todayOf } from '../../ledger/clock';
import { workableRecord } from '../../ledger/write';
import { detailOf, hazardEntity } from './common';
import { hazardStore } from './store';

type Input = z.output<typeof hazardsAddNoteInput>;

/** A dated analysis note (研判记录) or trend note (动向); a suggested colour changes nothing by itself. */
export function addHazardNote(ctx: HandlerContext, input: Input): HazardDetail {
  const row = workableRecord(ctx, hazardStore, input.id);
  assertNoProblems(
    hazardNoteProblems(input.kind, input, { status: row.status, foundOn: row.found_on, today: todayOf(ctx) }),
  );
  const fields = [
    'notedOn',
    'content',
    ...(input.trend ? ['trend'] : []),
    ...(input.suggestedLevel ? ['suggestedLevel'] : []),
  ];
  audited(ctx, { action: 'hazards.addNote', ...hazardEntity(row.id), fields, detail: input.kind }, () => {
    ctx.sql.run(
      qb.insertInto('hazard_notes').values({
        id: uuidv7(),
        hazard_id: row.id,
        kind: input.kind,
        noted_on: input.notedOn,
        content: input.content,
        trend: (input.trend || null) as HazardTrend | null,
        suggested_level: (input.suggestedLevel || null) as HazardLevel | null,
        by_user: principalOf(ctx).userId,
        at: ctx.now().toISOString(),
      }),
    );
    ctx.sql.run(qb.updateTable('hazards').set({ updated_at: ctx.now().toISOString() }).where('id', '=', row.id));
  });
  return detailOf(ctx, row.id);
}
