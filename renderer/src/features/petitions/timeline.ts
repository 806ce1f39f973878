import { changeEntries, newestFirst, type TimelineEntry } from '@/ledger/timeline';
import { SUPERVISION_KIND_LABELS, type PetitionDetail } from '@shared/contract/petitions';
import { PETITION_ACTION_LABELS, PETITION_STATUS_LABELS, type PetitionAction } from '@shared/domain/petitions/statuses';

const EVENT_TITLES = { register: '登记', repeat: '重复信访', extension: '延期', update: '修改信息' } as const;

/**
 * Events, progress, supervisions, close-outs and the kernel's corrections, voidings and restorings
 * of a case in one list, the newest first.
 */
export function timelineOf(detail: PetitionDetail): TimelineEntry[] {
  return newestFirst([
    ...detail.events.map((event): TimelineEntry => {
      const title =
        event.kind === 'transition'
          ? (PETITION_ACTION_LABELS[event.action as PetitionAction] ?? event.action ?? '办理')
          : EVENT_TITLES[event.kind];
      const move =
        event.fromStatus && event.toStatus && event.fromStatus !== event.toStatus
          ? `${PETITION_STATUS_LABELS[event.fromStatus]} → ${PETITION_STATUS_LABELS[event.toStatus]}`
          : '';
      const unit = event.unitName ? `承办单位：${event.unitName}` : '';
      return {
        key: `e-${event.id}`,
        at: event.at,
        title,
        text: [move, unit, event.reason].filter(Boolean).join('；'),
        byName: event.byName,
        type: event.kind === 'repeat' ? 'warning' : 'primary',
      };
    }),
    ...detail.progress.map((entry): TimelineEntry => ({
      key: `p-${entry.id}`,
      at: entry.at,
      title: `化解进展（${entry.date}）`,
      text: entry.content,
      byName: entry.byName,
      type: 'info',
    })),
    ...detail.supervisions.map((entry): TimelineEntry => ({
      key: `s-${entry.id}`,
      at: entry.at,
      title: `督办：${SUPERVISION_KIND_LABELS[entry.kind]}`,
      text: entry.reason,
      byName: entry.byName,
      type: 'danger',
      action: '督办通知',
    })),
    ...detail.closeOuts.map((entry): TimelineEntry => ({
      key: `c-${entry.id}`,
      at: entry.at,
      title: '销号审批',
      text: `销号依据：${entry.evidence}`,
      byName: entry.approvedByName,
      type: 'success',
    })),
    ...changeEntries(detail.changes),
  ]);
}
