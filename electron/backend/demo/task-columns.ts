/** The columns the demo writes of a measure or an assigned task and of its timeline, in the order of their rows. */
export const RISK_TASK_COLUMNS = [
  'id',
  'owner_kind',
  'owner_id',
  'kind',
  'title',
  'unit_id',
  'start_date',
  'due_date',
  'status',
  'progress_note',
  'completed_on',
  'outcome',
  'created_by',
  'created_at',
  'updated_at',
];

export const RISK_TASK_EVENT_COLUMNS = [
  'id',
  'task_id',
  'action',
  'from_status',
  'to_status',
  'note',
  'due_date',
  'by_user',
  'at',
];
