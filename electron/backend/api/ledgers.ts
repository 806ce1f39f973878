import {
  assessmentAttachmentOwner,
  assessmentRegions,
  assessmentSearch,
  assessmentStore,
} from '../features/assessments/store';
import { boardAlertRegions } from '../features/board/snapshot-queries';
import { assessmentTaskOwner } from '../features/assessments/task-owner';
import { disputeDeadlines } from '../features/disputes/notices';
import { disputeRegions, disputeSearch, disputeStore } from '../features/disputes/store';
import { hazardRegions, hazardSearch, hazardStore } from '../features/hazards/store';
import { hazardTaskOwner } from '../features/hazards/task-owner';
import { meetingRegions } from '../features/meetings/repo';
import { meetingTaskOwner } from '../features/meetings/task-owner';
import { petitionDeadlines } from '../features/petitions/notices';
import { petitionAttachmentOwner, petitionRegions, petitionSearch, petitionStore } from '../features/petitions/store';
import { unitRegions } from '../features/units/repo';
import { accountRegions } from '../features/users/repo';
import { notificationRegions } from '../ledger/notifications/notify';
import type { LedgerRegistry } from '../ledger/registry';

const stores = { petition: petitionStore, hazard: hazardStore, assessment: assessmentStore, dispute: disputeStore };

/**
 * What each feature lends the kernel and the other features (`ctx.ledgers`), put together here with
 * the method table, as features may not import one another (docs/architecture.md, Layers).
 */
export const ledgers: LedgerRegistry = {
  records: stores,
  taskOwners: { assessment: assessmentTaskOwner, hazard: hazardTaskOwner, meeting: meetingTaskOwner },
  attachmentOwners: { petition: petitionAttachmentOwner, assessment: assessmentAttachmentOwner },
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
  deadlineNotices: [petitionDeadlines, disputeDeadlines],
};
