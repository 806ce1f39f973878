import { hazardsCreateInput } from '../../../../shared/contract/hazards';
import type { HandlerContext } from '../../api/types';
import type { RecordCreator } from '../../ledger/registry';
import { createHazard } from './register';

/** A hazard made from another ledger's record (a dispute 转为风险隐患), registered as 登记 would. */
export const hazardCreator: RecordCreator<typeof hazardsCreateInput, HandlerContext> = {
  access: 'risks.write',
  denied: '您没有登记风险隐患的权限，不能转为风险隐患。',
  input: hazardsCreateInput,
  create(ctx, input) {
    const hazard = createHazard(ctx, input);
    return { id: hazard.id, number: hazard.hazardNo };
  },
};
