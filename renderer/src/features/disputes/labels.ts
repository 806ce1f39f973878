import type { DisputeDetail } from '@shared/contract/disputes';
import { COORDINATION_LABELS, HANDLING_KIND_LABELS, LEGAL_PATH_LABELS } from '@shared/domain/disputes/handling';
import { DISPUTE_LEVEL_LABELS } from '@shared/domain/disputes/levels';
import {
  CONVERSION_TARGET_LABELS,
  DISPUTE_ACTION_LABELS,
  DISPUTE_RESULT_LABELS,
  SATISFACTION_LABELS,
  type DisputeAction,
} from '@shared/domain/disputes/statuses';

/** A timeline line's title: the step and the status it led to (once, where they read the same). */
export function eventTitle(action: string, status: string): string {
  const named: Record<string, string> = { register: '受理', escalate: '上交', delegate: '下交' };
  const step = named[action] ?? DISPUTE_ACTION_LABELS[action as DisputeAction] ?? action;
  return step === status ? step : `${step} → ${status}`;
}

/** How the dispute is being or was handled, in one line for the drawer. */
export function handlingOf(d: DisputeDetail): string {
  const parts = [
    d.handlingKind && HANDLING_KIND_LABELS[d.handlingKind],
    d.unitName,
    d.coordination && COORDINATION_LABELS[d.coordination],
    d.coUnits.length ? `协同：${d.coUnits.map((u) => u.name).join('、')}` : null,
    d.mediator && `调解员 ${d.mediator}`,
  ];
  return parts.filter(Boolean).join(' · ') || '—';
}

/** The result in one line: what it was and what follows from it. */
export function resultOf(d: DisputeDetail): string {
  if (!d.result) return '—';
  const parts = [
    DISPUTE_RESULT_LABELS[d.result],
    d.legalPath && `途径：${LEGAL_PATH_LABELS[d.legalPath]}`,
    d.convertedTo && `转为${CONVERSION_TARGET_LABELS[d.convertedTo]}`,
    d.judicialConfirmation === true ? '已申请司法确认' : null,
    d.preventedCriminal ? `防止民转刑 ${d.preventedCriminalPeople} 人` : null,
    d.preventedCollective ? '防止群体性上访' : null,
    d.resultOn,
  ];
  return parts.filter(Boolean).join(' · ');
}

export const visitOf = (d: DisputeDetail): string =>
  d.satisfaction ? `${SATISFACTION_LABELS[d.satisfaction]} · ${d.visitNote ?? ''} · ${d.visitedOn ?? ''}` : '—';

export const levelOf = (d: Pick<DisputeDetail, 'level' | 'escalated'>): string =>
  DISPUTE_LEVEL_LABELS[d.level] + (d.escalated ? '（曾上交）' : '');
