import type { PetitionDetail } from '../../../../shared/contract/petitions';
import type { HandlerContext } from '../../api/types';
import { clockOf } from '../../ledger/clock';
import { recordInScope } from '../../ledger/write';
import { findDetail, type PetitionTableRow } from './repo';
import { petitionStore } from './store';

/** A case outside the user's township is reported as not found, as for accounts. */
export const caseInScope = (ctx: HandlerContext, id: string): PetitionTableRow => recordInScope(ctx, petitionStore, id);

export const detailOf = (ctx: HandlerContext, id: string): PetitionDetail => findDetail(ctx.sql, id, clockOf(ctx))!;

export const petitionEntity = (id: string) => ({ entity: 'petition', entityId: id });
