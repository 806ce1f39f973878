import type { PetitionDetail } from '@shared/contract/petitions';
import type { Access } from '@shared/domain/roles';
import { owesAnswer } from '@shared/domain/petitions/procedure';
import { allowedActions, PETITION_ACTION_LABELS, type PetitionAction } from '@shared/domain/petitions/statuses';

/** What the drawer offers: a transition, or one of the steps that do not change the status. */
export type DrawerAction = PetitionAction | 'progress' | 'extend' | 'supervise';

export interface DrawerButton {
  action: DrawerAction;
  label: string;
  type: 'primary' | 'success' | 'warning' | 'danger' | 'default';
}

const accessOf = (action: PetitionAction): Access => (action === 'closeOut' ? 'petitions.closeOut' : 'petitions.write');

const BUTTON_TYPES: Partial<Record<PetitionAction, DrawerButton['type']>> = {
  refuse: 'warning',
  refuseAgain: 'warning',
  object: 'warning',
  reply: 'success',
  resolve: 'success',
  closeOut: 'success',
  sendBack: 'warning',
  reopen: 'warning',
};

/**
 * The buttons for a case: the transitions its status allows (the domain's `allowedActions`) that
 * the user may take, then progress (已交办 / 化解中), one extension (申诉求决 with a clock running)
 * and supervision (an answer still owed: the written reply, or a 复查 / 复核 opinion). 开始化解 is left to 记录进展, which
 * starts resolving; a case decided on 复核 is final and never offers 重新化解.
 */
export function drawerButtons(detail: PetitionDetail, can: (access: Access) => boolean): DrawerButton[] {
  const buttons: DrawerButton[] = allowedActions(detail.status)
    .filter((action) => action !== 'startResolving' && can(accessOf(action)))
    .filter((action) => action !== 'reopen' || !detail.reReviewDecidedDate)
    .map((action) => ({ action, label: PETITION_ACTION_LABELS[action], type: BUTTON_TYPES[action] ?? 'primary' }));
  const withUnit = detail.status === 'assigned' || detail.status === 'resolving';
  if (withUnit && can('petitions.write')) {
    buttons.push({ action: 'progress', label: '记录进展', type: 'default' });
    if (detail.itemType === 'appeal' && !detail.extension) {
      buttons.push({ action: 'extend', label: '延期', type: 'default' });
    }
  }
  if (owesAnswer(detail.status) && can('petitions.supervise')) {
    buttons.push({ action: 'supervise', label: '督办', type: 'danger' });
  }
  return buttons;
}
