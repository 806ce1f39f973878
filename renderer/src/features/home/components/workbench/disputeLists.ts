import type { LocationQueryRaw } from 'vue-router';
import type { TodayDispute, TodayList } from '@shared/contract/today';
import type { DutyDisputes, LeaderWorkbench, UnitWorkbench } from '@shared/contract/workbench';

/** One of a role's dispute lists on 工作台: its count opens the list of 矛盾纠纷 filtered the same way. */
export interface DisputeList {
  key: string;
  title: string;
  list: TodayList<TodayDispute>;
  /** The dispute list's filters (its address) that hold the same disputes. */
  query: LocationQueryRaw;
  /** Shown in the count's colour of alarm. */
  alarm?: boolean;
  /** Only counted, not listed (another list shows its rows). */
  countOnly?: boolean;
}

const BY_DUE = { sort: 'dueDate', direction: 'asc' };

export const dutyDisputeLists = (d: DutyDisputes): DisputeList[] => [
  { key: 'to-route', title: '待分流纠纷', list: d.toRoute, query: { status: 'received' } },
  { key: 'routed', title: '已分流待调处', list: d.routed, query: { status: 'routed', ...BY_DUE } },
  { key: 'to-visit', title: '待回访纠纷', list: d.toVisit, query: { toVisit: 'true' } },
  {
    key: 'supervision',
    title: '纠纷督办（临期、超期）',
    list: d.supervision,
    query: { supervision: 'true', ...BY_DUE },
  },
  {
    key: 'overdue',
    title: '超期纠纷',
    list: d.overdue,
    query: { overdue: 'true', ...BY_DUE },
    alarm: true,
    countOnly: true,
  },
];

export const leaderDisputeLists = (d: NonNullable<LeaderWorkbench['disputes']>): DisputeList[] => [
  { key: 'close-out', title: '待审批销号 · 矛盾纠纷', list: d.closeOut, query: { status: 'visited' } },
  { key: 'overdue', title: '超期纠纷', list: d.overdue, query: { overdue: 'true', ...BY_DUE }, alarm: true },
];

export const unitDisputeLists = (u: UnitWorkbench): DisputeList[] => {
  const unit = { unitId: u.unitId, ...BY_DUE };
  return [
    { key: 'handling', title: '本单位在办纠纷', list: u.disputes.handling, query: { ...unit, open: 'true' } },
    { key: 'due-soon', title: '临期纠纷', list: u.disputes.dueSoon, query: { ...unit, stage: 'due_soon' } },
    {
      key: 'overdue',
      title: '超期纠纷',
      list: u.disputes.overdue,
      query: { ...unit, stage: 'overdue' },
      alarm: true,
    },
  ];
};
