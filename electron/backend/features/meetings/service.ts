import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import {
  MEETING_ITEM_KIND_LABELS,
  type MeetingDetail,
  type MeetingItemKind,
  type meetingsAddDecisionInput,
  type meetingsAssignDecisionInput,
  type meetingsCreateInput,
} from '../../../../shared/contract/meetings';
import { hasAccess } from '../../../../shared/domain/roles';
import {
  assignmentFromDecision,
  meetingDecisionProblems,
  meetingProblems,
  MEETING_LEVELS,
  type MeetingDecisionInput,
  type MeetingLevel,
} from '../../../../shared/domain/risks/meetings';
import { inScope } from '../../../../shared/domain/scope';
import type { FieldProblem } from '../../../../shared/domain/ledger/state-machine';
import { AppError } from '../../../../shared/errors';
import { assertNoProblems } from '../../api/problems';
import { principalOf, type HandlerContext } from '../../api/types';
import { qb } from '../../db/sql';
import { audited } from '../../audit/writer';
import { assertRegion, assertTownship, assertUnit } from '../../ledger/references';
import { clockOf, todayOf } from '../../ledger/clock';
import { ownerInScope } from '../../ledger/tasks/owners';
import { createTask } from '../../ledger/tasks/service';
import { findMeeting, findMeetingDetail, nextMeetingNo, type MeetingTableRow } from './repo';

type CreateInput = z.output<typeof meetingsCreateInput>;
type AddDecisionInput = z.output<typeof meetingsAddDecisionInput>;
type AssignInput = z.output<typeof meetingsAssignDecisionInput>;

const meetingEntity = (id: string) => ({ entity: 'meeting', entityId: id });

/** Meetings held in a township: they name it, and it decides who sees them. */
const TOWNSHIP_LEVELS: readonly MeetingLevel[] = ['township', 'village'];

export const detailOf = (ctx: HandlerContext, id: string): MeetingDetail =>
  findMeetingDetail(ctx.sql, id, clockOf(ctx))!;

/** A meeting outside the user's scope is reported as not found, as a case is (see the tasks' owners). */
export function meetingInScope(ctx: HandlerContext, id: string): MeetingTableRow {
  ownerInScope(ctx, 'meeting', id);
  return findMeeting(ctx.sql, id)!;
}

const prefixed = (prefix: string, problems: readonly FieldProblem[]): FieldProblem[] =>
  problems.map((p) => ({ ...p, path: `${prefix}.${p.path}` }));

/** Where a township or village meeting was held; county and city meetings name no township. */
function placeProblems(ctx: HandlerContext, input: CreateInput): FieldProblem[] {
  const level = input.level as MeetingLevel;
  if (!(MEETING_LEVELS as readonly string[]).includes(level)) return [];
  if (!TOWNSHIP_LEVELS.includes(level)) {
    if (input.townshipCode || input.villageCode) {
      return [{ path: 'townshipCode', message: '县级、市级会议不属于某一乡镇，请不要选择乡镇/街道或村/社区' }];
    }
    if (principalOf(ctx).regionCode !== null) {
      throw new AppError('FORBIDDEN', '县级、市级会议由县级账号记录，您只能记录本辖区的乡镇级、村级会议。', [
        { path: 'level', message: '超出您的辖区' },
      ]);
    }
    return [];
  }
  const problems: FieldProblem[] = [];
  if (!input.townshipCode) problems.push({ path: 'townshipCode', message: '乡镇级、村级会议请选择“乡镇/街道”' });
  if (level === 'village' && !input.villageCode) {
    problems.push({ path: 'villageCode', message: '村级会议请选择“村/社区”' });
  }
  return problems;
}

const ITEM_TABLES = {
  hazard: { table: 'hazards', number: 'hazard_no' },
  petition: { table: 'petitions', number: 'case_no' },
  assessment: { table: 'assessments', number: 'assessment_no' },
} as const;

/** The item's id when its number exists and lies in the user's scope; otherwise undefined. */
function resolveItem(ctx: HandlerContext, kind: MeetingItemKind, number: string): string | undefined {
  const scope = principalOf(ctx).regionCode;
  if (kind === 'assessment') {
    const row = ctx.sql.get(qb.selectFrom('assessments').select('id').where('assessment_no', '=', number));
    if (!row) return undefined;
    return ownerVisible(ctx, 'assessment', row.id) ? row.id : undefined;
  }
  const { table, number: column } = ITEM_TABLES[kind];
  const row = ctx.sql.prepare(`SELECT id, township_code FROM ${table} WHERE ${column} = ?`).get(number) as
    { id: string; township_code: string } | undefined;
  return row && inScope(scope, row.township_code) ? row.id : undefined;
}

function ownerVisible(ctx: HandlerContext, kind: 'assessment', id: string): boolean {
  try {
    ownerInScope(ctx, kind, id);
    return true;
  } catch {
    return false;
  }
}

/** The items discussed, by number: each found in the user's scope, none twice. */
function itemProblems(
  ctx: HandlerContext,
  items: CreateInput['items'],
): { problems: FieldProblem[]; resolved: Array<{ kind: MeetingItemKind; id: string }> } {
  const problems: FieldProblem[] = [];
  const resolved: Array<{ kind: MeetingItemKind; id: string }> = [];
  const mayReadCases = hasAccess(principalOf(ctx).roles, 'petitions.read');
  items.forEach((item, i) => {
    const label = MEETING_ITEM_KIND_LABELS[item.kind];
    if (item.kind === 'petition' && !mayReadCases) {
      problems.push({ path: `items.${i}.kind`, message: '您没有查看信访积案的权限，不能将积案列为研判事项' });
      return;
    }
    const id = resolveItem(ctx, item.kind, item.number);
    if (!id) {
      problems.push({
        path: `items.${i}.number`,
        message: `未找到编号为 ${item.number} 的${label}，可能不在您的辖区内，请核对编号`,
      });
    } else if (resolved.some((r) => r.kind === item.kind && r.id === id)) {
      problems.push({ path: `items.${i}.number`, message: `${label} ${item.number} 已列入研判事项` });
    } else resolved.push({ kind: item.kind, id });
  });
  return { problems, resolved };
}

function decisionProblems(
  ctx: HandlerContext,
  decision: MeetingDecisionInput,
  heldOn: string,
  prefix: string | null,
): FieldProblem[] {
  const problems = meetingDecisionProblems(decision, { heldOn, today: todayOf(ctx) });
  const prefixedProblems = prefix ? prefixed(prefix, problems) : problems;
  if (decision.assign && decision.unitId && !problems.some((p) => p.path === 'unitId')) {
    assertUnit(ctx, decision.unitId, prefix ? `${prefix}.unitId` : 'unitId', '责任单位');
  }
  return prefixedProblems;
}

/** Inserts a decision and, when it is assigned, the task it becomes (audited by tasks.create). */
function insertDecision(
  ctx: HandlerContext,
  meeting: { id: string; held_on: string },
  decision: MeetingDecisionInput,
  sort: number,
): void {
  const id = uuidv7();
  ctx.sql.run(
    qb.insertInto('meeting_decisions').values({
      id,
      meeting_id: meeting.id,
      sort,
      content: decision.content!.trim(),
      decided_on: meeting.held_on,
      task_id: null,
      by_user: principalOf(ctx).userId,
      at: ctx.now().toISOString(),
    }),
  );
  if (decision.assign) assignTask(ctx, meeting, id, decision);
}

function assignTask(
  ctx: HandlerContext,
  meeting: { id: string; held_on: string },
  decisionId: string,
  decision: MeetingDecisionInput,
): void {
  const draft = assignmentFromDecision({ ...decision, assign: true }, { heldOn: meeting.held_on });
  const task = createTask(ctx, { ownerKind: 'meeting', ownerId: meeting.id, ...draft });
  ctx.sql.run(qb.updateTable('meeting_decisions').set({ task_id: task.id }).where('id', '=', decisionId));
}

/** Records a meeting with its attendees, items discussed and decisions, in one audited transaction. */
export function createMeeting(ctx: HandlerContext, input: CreateInput): MeetingDetail {
  const today = todayOf(ctx);
  const problems = meetingProblems({ ...input, attendeeCount: input.attendees.length }, today);
  problems.push(...placeProblems(ctx, input));
  const items = itemProblems(ctx, input.items);
  problems.push(...items.problems);
  const heldOn = input.heldOn.trim();
  input.decisions.forEach((d, i) => problems.push(...decisionProblems(ctx, d, heldOn, `decisions.${i}`)));
  assertNoProblems(problems);
  if (input.townshipCode) assertTownship(ctx, input.townshipCode, '会议');
  assertRegion(ctx, input.villageCode, 'villageCode', 'village', input.townshipCode ?? null);

  const id = uuidv7();
  const now = ctx.now().toISOString();
  const fields = ['level', 'heldOn', 'topic', 'chairedBy', 'townshipCode', 'villageCode', 'location', 'summary'];
  audited(
    ctx,
    {
      action: 'meetings.create',
      ...meetingEntity(id),
      fields: [...fields, 'attendees', 'items', 'decisions'],
      detail: `参会 ${input.attendees.length} 人，研判 ${items.resolved.length} 项，议定 ${input.decisions.length} 项`,
    },
    () => {
      ctx.sql.run(
        qb.insertInto('meetings').values({
          id,
          meeting_no: nextMeetingNo(ctx.sql, heldOn.slice(0, 4)),
          level: input.level as MeetingLevel,
          held_on: heldOn,
          topic: input.topic,
          chaired_by: input.chairedBy,
          township_code: input.townshipCode,
          village_code: input.villageCode,
          location: input.location,
          summary: input.summary,
          created_by: principalOf(ctx).userId,
          created_at: now,
          updated_at: now,
        }),
      );
      input.attendees.forEach((a, sort) =>
        ctx.sql.run(qb.insertInto('meeting_attendees').values({ meeting_id: id, sort, name: a.name, unit: a.unit })),
      );
      items.resolved.forEach((item, sort) =>
        ctx.sql.run(
          qb.insertInto('meeting_items').values({ meeting_id: id, item_kind: item.kind, item_id: item.id, sort }),
        ),
      );
      input.decisions.forEach((d, sort) => insertDecision(ctx, { id, held_on: heldOn }, d, sort));
    },
  );
  return detailOf(ctx, id);
}

/** One more decision of a meeting held (a later session, a decision recorded late); assigned at once if asked. */
export function addMeetingDecision(ctx: HandlerContext, input: AddDecisionInput): MeetingDetail {
  const meeting = meetingInScope(ctx, input.id);
  assertNoProblems(decisionProblems(ctx, input, meeting.held_on, null));
  const sort =
    ctx.sql.get(
      qb
        .selectFrom('meeting_decisions')
        .select((eb) => eb.fn.coalesce(eb.fn.max('sort'), eb.val(-1)).as('n'))
        .where('meeting_id', '=', meeting.id),
    )!.n + 1;
  audited(
    ctx,
    {
      action: 'meetings.addDecision',
      ...meetingEntity(meeting.id),
      fields: ['content', ...(input.assign ? ['unitId', 'dueDate'] : [])],
    },
    () => {
      insertDecision(ctx, meeting, input, sort);
      ctx.sql.run(qb.updateTable('meetings').set({ updated_at: ctx.now().toISOString() }).where('id', '=', meeting.id));
    },
  );
  return detailOf(ctx, meeting.id);
}

/** Turns a decision into a task for a unit with a deadline (交办), tracked as any other task. */
export function assignMeetingDecision(ctx: HandlerContext, input: AssignInput): MeetingDetail {
  const decision = ctx.sql.get(qb.selectFrom('meeting_decisions').selectAll().where('id', '=', input.decisionId));
  if (!decision) throw new AppError('NOT_FOUND', '未找到该议定事项，请刷新后重试。');
  const meeting = meetingInScope(ctx, decision.meeting_id);
  if (decision.task_id) {
    const message = '该议定事项已交办，请在交办事项中办理';
    throw new AppError('CONFLICT', message, [{ path: 'status', message }]);
  }
  const draft = { content: decision.content, assign: true, unitId: input.unitId, dueDate: input.dueDate };
  assertNoProblems(decisionProblems(ctx, draft, meeting.held_on, null));
  audited(
    ctx,
    {
      action: 'meetings.assignDecision',
      ...meetingEntity(meeting.id),
      fields: ['unitId', 'dueDate'],
      detail: decision.id,
    },
    () => {
      assignTask(ctx, meeting, decision.id, draft);
      ctx.sql.run(qb.updateTable('meetings').set({ updated_at: ctx.now().toISOString() }).where('id', '=', meeting.id));
    },
  );
  return detailOf(ctx, meeting.id);
}
