import {
  assessmentAttachmentOwner,
  assessmentRegions,
  assessmentSearch,
  assessmentStore,
} from '../features/assessments/store';
import { boardAlertRegions } from '../features/board/snapshot-queries';
import { assessmentTaskOwner } from '../features/assessments/task-owner';
import { disputeFigureTotals } from '../features/disputes/figures';
import { disputeAttachmentOwner, disputeRegions, disputeSearch, disputeStore } from '../features/disputes/store';
import { hazardCreator } from '../features/hazards/creator';
import { disputeDeadlines } from '../features/disputes/notices';
import { hazardRegions, hazardSearch, hazardStore } from '../features/hazards/store';
import { hazardTaskOwner } from '../features/hazards/task-owner';
import { meetingRegions } from '../features/meetings/repo';
import { meetingTaskOwner } from '../features/meetings/task-owner';
import { petitionCreator } from '../features/petitions/creator';
import { petitionDeadlines } from '../features/petitions/notices';
import { petitionAttachmentOwner, petitionRegions, petitionSearch, petitionStore } from '../features/petitions/store';
import { unitRegions } from '../features/units/repo';
import { accountRegions } from '../features/users/repo';
import { notificationRegions } from '../ledger/notifications/notify';
import type { LedgerRegistry } from '../ledger/registry';
import type { HandlerContext } from './types';

const stores = { petition: petitionStore, hazard: hazardStore, assessment: assessmentStore, dispute: disputeStore };

/**
 * What each feature lends the kernel and the other features (`ctx.ledgers`), put together here with
 * the method table, as features may not import one another (docs/architecture.md, Layers).
 */
export const ledgers: LedgerRegistry<HandlerContext> = {
  records: stores,
  taskOwners: { assessment: assessmentTaskOwner, hazard: hazardTaskOwner, meeting: meetingTaskOwner },
  attachmentOwners: {
    petition: petitionAttachmentOwner,
    assessment: assessmentAttachmentOwner,
    dispute: disputeAttachmentOwner,
  },
  searchIndexes: Object.values(stores).map((store) => store.search),
  searches: [petitionSearch, hazardSearch, assessmentSearch, disputeSearch],
  regionReferences: [
    petitionRegions,
    hazardRegions,
    assessmentRegions,
    disputeRegions,
    meetingRegions,
    unitRegions,
    accountRegions,
    boardAlertRegions,
    notificationRegions,
  ],
  recordCreators: { petition: petitionCreator, hazard: hazardCreator },
  deadlineNotices: [petitionDeadlines, disputeDeadlines],
  disputeFigures: disputeFigureTotals,
};
