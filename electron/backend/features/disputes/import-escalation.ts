import { v7 as uuidv7 } from 'uuid';
import { compareDates } from '../../../../shared/domain/ledger/calendar';
import { countyDate, countyMidnight } from '../../../../shared/domain/time';
import {
  DISPUTE_LEVEL_LABELS,
  levelRank,
  TRANSFER_DIRECTION_LABELS,
  type DisputeLevel,
} from '../../../../shared/domain/disputes/levels';
import type { DisputeStatus } from '../../../../shared/domain/disputes/statuses';
import { principalOf, type HandlerContext } from '../../api/types';
import type { Sql } from '../../db/sql';
import { choicesOf, readChoice, readDateCell, readText } from '../../import/cells';
import type { ImportFieldSpec, ImportRow, ProblemLog } from '../../import/kind';

/**
 * A dispute moved up a level (上交) before it came in from a workbook: recorded as a transfer would
 * record it (`dispute_transfers` with its reason, a line on the timeline, `escalated`), so the
 * 上交率 counts it. Once recorded, a re-import may correct it but never take it back.
 */
export interface ImportedEscalation {
  from: DisputeLevel;
  to: DisputeLevel;
  on: string;
  reason: string;
}

/** What an old ledger that says 是 but not why is recorded with: honest that the reason is unknown. */
export const UNRECORDED_REASON = '导入：原台账未记原因';

export const ESCALATION_FIELDS: ImportFieldSpec[] = [
  {
    key: 'escalated',
    label: '是否上交',
    synonyms: ['上交', '是否上报', '是否移交上级'],
    example: '',
    note: '是 或 否；填了“上交至”时可不填',
  },
  {
    key: 'escalatedTo',
    label: '上交至',
    synonyms: ['上交层级', '移交层级', '上交单位层级'],
    example: '',
    note: '乡镇（街道）、县 或 市，须高于受理层级；上交的必填',
  },
  {
    key: 'escalatedOn',
    label: '上交日期',
    synonyms: ['上交时间', '移交日期'],
    example: '',
    note: '不填按受理日期；不早于受理日期，不晚于结果日期和今天',
  },
  {
    key: 'escalationReason',
    label: '上交原因',
    synonyms: ['移交原因', '上交理由'],
    example: '',
    note: `不超过 500 字；不填记为“${UNRECORDED_REASON}”`,
  },
];

const YES_NO: Record<string, 'yes' | 'no'> = { 是: 'yes', 否: 'no', Y: 'yes', N: 'no', 已上交: 'yes', 未上交: 'no' };
/** A level as old ledgers write it (村, 乡镇, 县级 …). */
export const DISPUTE_LEVEL_WORDS = choicesOf(DISPUTE_LEVEL_LABELS, {
  村: 'village',
  社区: 'village',
  乡镇: 'township',
  街道: 'township',
  县级: 'county',
  市级: 'city',
});

interface RowFacts {
  level: DisputeLevel;
  receivedOn: string;
  resultOn: string | null;
  today: string;
  /** The escalation already recorded for the row's dispute, if any. */
  stored: ImportedEscalation | null;
}

/** The row's 上交, or the one recorded already when the row says nothing of it; null when none. */
export function readEscalation(row: ImportRow, problems: ProblemLog, facts: RowFacts): ImportedEscalation | null {
  const said = readChoice(row, 'escalated', problems, YES_NO);
  const to = readChoice<DisputeLevel>(row, 'escalatedTo', problems, DISPUTE_LEVEL_WORDS);
  const date = readDateCell(row, 'escalatedOn', problems);
  const reason = readText(row, 'escalationReason', problems, { max: 500 });
  if (said === 'no') {
    if (facts.stored) problems.error(row, 'escalated', '该纠纷已记上交，上交不因导入撤销；请改为“是”或不填');
    else if (to || date || reason) problems.error(row, 'escalated', '填了“上交至”等上交内容，请改为“是”');
    return null;
  }
  if (said === null && !to) {
    if (date || reason) problems.error(row, 'escalatedTo', '填了上交日期或原因，请填写“上交至”');
    return facts.stored;
  }
  if (!to) {
    problems.error(row, 'escalatedTo', '上交的须填写“上交至”（乡镇（街道）、县 或 市）');
    return null;
  }
  if (levelRank(to) <= levelRank(facts.level)) {
    problems.error(
      row,
      'escalatedTo',
      `“上交至”须高于受理层级（${DISPUTE_LEVEL_LABELS[facts.level]}，不填受理层级时为 县）`,
    );
    return null;
  }
  const on = date ?? facts.receivedOn;
  if (compareDates(on, facts.receivedOn) < 0) {
    problems.error(row, 'escalatedOn', `“上交日期”不能早于受理日期（${facts.receivedOn}）`);
  } else if (facts.resultOn && compareDates(on, facts.resultOn) > 0) {
    problems.error(row, 'escalatedOn', `“上交日期”不能晚于结果日期（${facts.resultOn}）`);
  } else if (compareDates(on, facts.today) > 0) {
    problems.error(row, 'escalatedOn', `“上交日期”不能晚于今天（${facts.today}）`);
  }
  return { from: facts.level, to, on, reason: reason || UNRECORDED_REASON };
}

interface TransferRow {
  id: string;
  from_level: DisputeLevel;
  to_level: DisputeLevel;
  at: string;
  reason: string;
}

const FIRST_UP = `SELECT t.id, t.from_level, t.to_level, t.at, t.reason FROM dispute_transfers t
  WHERE t.dispute_id = ? AND t.direction = 'up' ORDER BY t.at, t.id LIMIT 1`;

const escalationOfRow = (t: TransferRow): ImportedEscalation => ({
  from: t.from_level,
  to: t.to_level,
  on: countyDate(new Date(t.at)),
  reason: t.reason,
});

/** The dispute's first move up, as an import compares it. */
export function storedEscalation(sql: Sql, disputeId: string): ImportedEscalation | null {
  const found = sql.prepare(FIRST_UP).get(disputeId) as TransferRow | undefined;
  return found ? escalationOfRow(found) : null;
}

/** The recorded escalations of the disputes an import may find again, by number (one query). */
export function storedEscalations(sql: Sql): Map<string, ImportedEscalation> {
  const rows = sql
    .prepare(
      `SELECT d.dispute_no AS no, t.id, t.from_level, t.to_level, t.at, t.reason FROM disputes d
        JOIN dispute_transfers t ON t.id = (SELECT id FROM dispute_transfers
          WHERE dispute_id = d.id AND direction = 'up' ORDER BY at, id LIMIT 1)
        WHERE d.escalated = 1`,
    )
    .all() as Array<TransferRow & { no: string }>;
  return new Map(rows.map((row) => [row.no, escalationOfRow(row)]));
}

/**
 * Records the escalation, at the county's midnight of its day (the first time, with its line on the
 * timeline), or corrects the recorded one (a re-import). The caller sets `escalated` and `level`.
 */
export function writeEscalation(
  ctx: HandlerContext,
  disputeId: string,
  status: DisputeStatus,
  escalation: ImportedEscalation,
): void {
  const at = countyMidnight(escalation.on);
  const values = { from: escalation.from, to: escalation.to, at, reason: escalation.reason };
  const first = ctx.sql.prepare(FIRST_UP).get(disputeId) as TransferRow | undefined;
  if (first) {
    ctx.sql
      .prepare(
        'UPDATE dispute_transfers SET from_level = @from, to_level = @to, at = @at, reason = @reason WHERE id = @id',
      )
      .run({ ...values, id: first.id });
  } else {
    const by = principalOf(ctx).userId;
    ctx.sql
      .prepare(
        `INSERT INTO dispute_transfers (id, dispute_id, from_level, to_level, direction, reason, by_user, at)
         VALUES (@id, @dispute, @from, @to, 'up', @reason, @by, @at)`,
      )
      .run({ ...values, id: uuidv7(), dispute: disputeId, by });
    ctx.sql
      .prepare(
        `INSERT INTO dispute_events (id, dispute_id, action, from_status, to_status, note, unit_id, by_user, at)
         VALUES (?, ?, 'escalate', ?, ?, ?, NULL, ?, ?)`,
      )
      .run(
        uuidv7(),
        disputeId,
        status,
        status,
        `${TRANSFER_DIRECTION_LABELS.up}至${DISPUTE_LEVEL_LABELS[escalation.to]}：${escalation.reason}`,
        by,
        at,
      );
  }
}
