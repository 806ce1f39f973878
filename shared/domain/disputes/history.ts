/**
 * A dispute brought in with its history (a ledger kept elsewhere): its status read from a 状态
 * column or, without one, the furthest its dates reach (销号日期 → 已销号, 回访日期 → 已回访, a 结果日期
 * → the 处理结果's status, a 分流日期 or 调处方式/归口单位 → 已分流, otherwise 已受理; 调处中 only when
 * the column says so). The status must agree with its result and its dates, and the dates lie
 * neither in the future nor before the step they follow: 受理 ≤ 分流 ≤ 结果 ≤ 回访 ≤ 销号.
 */
import { happenedProblems, type DateProblem } from '../ledger/happened';
import {
  DISPUTE_RESULT_LABELS,
  DISPUTE_RESULTS,
  DISPUTE_STATUS_LABELS,
  type DisputeResult,
  type DisputeStatus,
} from './statuses';

export interface DisputeHistoryInput {
  status: DisputeStatus | null;
  /** The 处理结果 column: how it ended. */
  result: DisputeResult | null;
  /** A 调处方式 and an 归口单位 were given. */
  handlingKind: boolean;
  unit: boolean;
  receivedOn: string;
  routedOn: string | null;
  resultOn: string | null;
  visitedOn: string | null;
  closedOn: string | null;
  satisfaction: boolean;
}

export interface DisputeHistory {
  status: DisputeStatus;
  result: DisputeResult | null;
  /** The 分流日期: the 受理日期 when a routed dispute's file gives none. */
  routedOn: string | null;
  problems: DateProblem[];
}

/** How far along the loop each status is (the results are one stage). */
const STAGE: Record<DisputeStatus, number> = {
  received: 0,
  routed: 1,
  mediating: 2,
  guided: 3,
  settled: 3,
  unsettled: 3,
  withdrawn: 3,
  converted: 3,
  visited: 4,
  closed: 5,
};
const RESULT_STAGE = 3;

const isResult = (status: DisputeStatus): status is DisputeResult =>
  (DISPUTE_RESULTS as readonly string[]).includes(status);

/** The status the dates imply when the file has no 状态. */
function impliedStatus(input: DisputeHistoryInput): DisputeStatus {
  if (input.closedOn) return 'closed';
  if (input.visitedOn) return 'visited';
  if (input.resultOn || input.result) return input.result ?? 'settled';
  if (input.routedOn || input.handlingKind || input.unit) return 'routed';
  return 'received';
}

export function disputeHistory(input: DisputeHistoryInput, today: string): DisputeHistory {
  const status = input.status ?? impliedStatus(input);
  const label = DISPUTE_STATUS_LABELS[status];
  const stage = STAGE[status];
  const problems: DateProblem[] = [];
  const need = (key: string, what: string) => problems.push({ key, message: `状态为“${label}”须填写${what}` });
  const refuse = (key: string, what: string) => problems.push({ key, message: `状态为“${label}”不应有${what}` });

  // The result: the status itself once there is one, the 处理结果 column after it (回访, 销号).
  let result: DisputeResult | null = null;
  if (isResult(status)) {
    result = status;
    if (input.result && input.result !== status) {
      problems.push({
        key: 'result',
        message: `处理结果“${DISPUTE_RESULT_LABELS[input.result]}”与状态“${label}”不一致`,
      });
    }
  } else if (stage > RESULT_STAGE) {
    result = input.result;
    if (!result) need('result', '处理结果');
  } else if (input.result) refuse('result', '处理结果');

  // Routed to a body: 已分流, 调处中, and a mediation's results; never 已受理 nor 已引导 (guided at intake).
  const routed =
    (stage >= 1 && stage <= 2) || result === 'settled' || result === 'unsettled'
      ? true
      : status === 'received' || result === 'guided'
        ? false
        : input.routedOn !== null || input.handlingKind || input.unit;
  if (routed) {
    if (!input.handlingKind) need('handlingKind', '调处方式');
    if (!input.unit) need('unit', '归口单位');
  } else {
    if (input.routedOn) refuse('routedOn', '分流日期');
    if (input.handlingKind) refuse('handlingKind', '调处方式');
    if (input.unit) refuse('unit', '归口单位');
  }
  const dated = [
    { stage: RESULT_STAGE, key: 'resultOn', what: '结果日期', date: input.resultOn },
    { stage: 4, key: 'visitedOn', what: '回访日期', date: input.visitedOn },
    { stage: 5, key: 'closedOn', what: '销号日期', date: input.closedOn },
  ];
  for (const d of dated) {
    if (stage >= d.stage && !d.date) need(d.key, d.what);
    if (stage < d.stage && d.date) refuse(d.key, d.what);
  }
  if (stage >= 4 && !input.satisfaction) need('satisfaction', '当事人满意度');
  if (stage < 4 && input.satisfaction) refuse('satisfaction', '当事人满意度');

  const routedOn = routed ? (input.routedOn ?? input.receivedOn) : null;
  problems.push(
    ...happenedProblems(
      [
        { key: 'receivedOn', label: '受理日期', date: input.receivedOn },
        { key: 'routedOn', label: '分流日期', date: routed ? input.routedOn : null, notBefore: ['receivedOn'] },
        { key: 'resultOn', label: '结果日期', date: input.resultOn, notBefore: ['receivedOn', 'routedOn'] },
        { key: 'visitedOn', label: '回访日期', date: input.visitedOn, notBefore: ['resultOn'] },
        { key: 'closedOn', label: '销号日期', date: input.closedOn, notBefore: ['visitedOn'] },
      ],
      today,
    ),
  );
  return { status, result, routedOn, problems };
}
