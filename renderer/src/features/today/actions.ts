import type {
  TodayAssessment,
  TodayDispute,
  TodayHazard,
  TodayMeetingDecision,
  TodayNote,
  TodayPetition,
  TodayTask,
} from '@shared/contract/today';
import { useAuthStore } from '@/app/authStore';
import type { RowAction } from '@/components/tableColumns';
import type { RecordKind } from '@/ledger/records';

/**
 * The 操作 of each of 今日's sections: the next step in the drawer or dialog its ledger already
 * has (`openRecord`), or 督办 of a case (`supervise`); a user who may not take the step sees 查看.
 */
export function todayActions(
  openRecord: (kind: RecordKind, id: string) => void,
  supervise: (row: TodayPetition) => void,
) {
  const auth = useAuthStore();
  const canWrite = (): boolean => auth.can('risks.write');
  const taskAction = (): string => (canWrite() ? '办理' : '查看');
  const openOwner = (row: TodayTask): void => openRecord(row.ownerKind, row.ownerId);

  const arrivedHazards: RowAction<TodayHazard>[] = [
    {
      label: () => (canWrite() ? '记录研判' : '查看'),
      testid: (row) => `today-hazard-${row.hazardNo}`,
      run: (row) => openRecord('hazard', row.id),
    },
  ];
  const arrivedPetitions: RowAction<TodayPetition>[] = [
    { label: '梳理交办', run: (row) => openRecord('petition', row.id) },
  ];
  const arrivedDisputes: RowAction<TodayDispute>[] = [
    {
      label: (row) => (row.status === 'received' && auth.can('disputes.write') ? '分流' : '查看'),
      testid: (row) => `today-dispute-${row.disputeNo}`,
      run: (row) => openRecord('dispute', row.id),
    },
  ];
  const notes: RowAction<TodayNote>[] = [{ label: '查看', run: (row) => openRecord('hazard', row.hazardId) }];
  const decisions: RowAction<TodayMeetingDecision>[] = [
    {
      label: (row) => (row.taskId ? '查看' : canWrite() ? '交办' : '查看'),
      run: (row) => openRecord('meeting', row.meetingId),
    },
  ];
  const assessmentDecisions: RowAction<TodayAssessment>[] = [
    { label: '查看', run: (row) => openRecord('assessment', row.id) },
  ];
  const assignments: RowAction<TodayTask>[] = [
    { label: taskAction, testid: (row) => `today-assignment-${row.title}`, run: openOwner },
  ];
  const duePetitions: RowAction<TodayPetition>[] = [
    { label: '办理', run: (row) => openRecord('petition', row.id) },
    { label: '督办', tone: 'warning', show: () => auth.can('petitions.supervise'), run: supervise },
  ];
  const dueDisputes: RowAction<TodayDispute>[] = [
    { label: () => (auth.can('disputes.write') ? '办理' : '查看'), run: (row) => openRecord('dispute', row.id) },
  ];
  // An overdue measure is one to urge on (督办) for who works the risks.
  const dueTasks: Record<'dueToday' | 'overdueToday', RowAction<TodayTask>[]> = {
    dueToday: [{ label: taskAction, run: openOwner }],
    overdueToday: [{ label: () => (canWrite() ? '督办' : taskAction()), run: openOwner }],
  };
  const reReviews: RowAction<TodayAssessment>[] = [
    { label: () => (canWrite() ? '复评' : '查看'), run: (row) => openRecord('assessment', row.id) },
  ];
  return {
    arrivedHazards,
    arrivedPetitions,
    arrivedDisputes,
    notes,
    decisions,
    assessmentDecisions,
    assignments,
    duePetitions,
    dueDisputes,
    dueTasks,
    reReviews,
  };
}
