import { petitionsCreateInput } from '../../../../shared/contract/petitions';
import type { HandlerContext } from '../../api/types';
import type { RecordCreator } from '../../ledger/registry';
import { createPetition } from './register';

/**
 * A petition made from another ledger's record (a dispute 转为信访事项): registered as 登记 would, a
 * case of its own even when a petitioner has another (`separateCase`), so the link names a new case.
 */
export const petitionCreator: RecordCreator<typeof petitionsCreateInput, HandlerContext> = {
  access: 'petitions.write',
  denied: '您没有登记信访事项的权限，不能转为信访事项。',
  input: petitionsCreateInput,
  create(ctx, input) {
    const { petition } = createPetition(ctx, { ...input, separateCase: true });
    return { id: petition.id, number: petition.caseNo };
  },
};
