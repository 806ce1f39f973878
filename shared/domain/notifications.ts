/**
 * Notifications (通知): what the notification centre tells an account of its cases and its unit's.
 * Written by the step that causes it (交办, 退回, 督办) or by the county day's deadline scan (临期,
 * 超期); each account keeps its own read state.
 */
export const NOTIFICATION_KINDS = ['assigned', 'due_soon', 'overdue', 'returned', 'supervised'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  assigned: '交办',
  due_soon: '临期',
  overdue: '超期',
  returned: '退回',
  supervised: '督办',
};

/** The kinds the day's scan produces, once per record and due date. */
export const DEADLINE_NOTIFICATION_KINDS = ['due_soon', 'overdue'] as const satisfies readonly NotificationKind[];
