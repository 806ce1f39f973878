import { changesOf } from '../../ledger/changes';
import { sql as rawSql, type Compilable, type RawBuilder, type SqlBool } from 'kysely';
import type { z } from 'zod';
import type { Page } from '../../../../shared/contract';
import type {
  AssessmentDetail,
  EmergencyPlan,
  AssessmentFigureFilter,
  AssessmentRow,
  assessmentsListInput,
} from '../../../../shared/contract/assessments';
import type { DeadlineStage } from '../../../../shared/domain/ledger/deadlines';
import { ASSESSMENT_DIMENSIONS, CONSULTATION_METHODS } from '../../../../shared/domain/risks/assessment-content';
import { suggestConclusion, type ConclusionMapping } from '../../../../shared/domain/risks/assessment-levels';
import { OPEN_TASK_STATUSES } from '../../../../shared/domain/risks/tasks';
import { clockStageSql, type DeadlineClock } from '../../db/clock-sql';
import { listValues, type ListFilters } from '../../db/list-filters';
import type { Schema } from '../../db/schema';
import { nextSerial } from '../../db/serial';
import { named, qb, type NamedParams, type Sql } from '../../db/sql';
import { listPage, pageOf, selection, type LedgerListOf } from '../../ledger/list';
import { FIGURE_CASES } from './figure-cases';
import { displayNameOf } from '../../db/display-name';

/**
 * Queries of the stability assessments. The re-review clock is computed in SQL by the domain's
 * rules (db/clock-sql.ts); the suggestion from the residual level by the centre's mapping.
 */
export type AssessmentTableRow = Schema['assessments'];

/** The clock of the re-reviews and the mapping of the suggestion. */
export interface AssessmentClock extends DeadlineClock {
  mapping: ConclusionMapping;
}

export type ListInput = z.output<typeof assessmentsListInput>;

const SEPARATOR = '\u001f';
const PAIR = '\u001e';

/** The domain's `reReviewStage` in SQL: a clock only while tracking; `@today`, `@dueSoonDays` named. */
export const reReviewStageSql = rawSql<DeadlineStage | null>`CASE WHEN a.status = 'tracking' THEN ${clockStageSql(
  {
    concluded: rawSql<SqlBool>`0`,
    start: rawSql<string>`coalesce(a.last_reviewed_on, a.implemented_on)`,
    due: rawSql<string | null>`a.next_re_review_on`,
  },
  { today: named('today'), dueSoonDays: named('dueSoonDays') },
)} END`;

export const findAssessment = (sql: Sql, id: string): AssessmentTableRow | undefined =>
  sql.get(qb.selectFrom('assessments').selectAll().where('id', '=', id));

export const townshipCodesOf = (sql: Sql, id: string): string[] =>
  sql
    .all(qb.selectFrom('assessment_townships').select('township_code').where('assessment_id', '=', id).orderBy('sort'))
    .map((r) => r.township_code);

const affecting = (condition: (q: ReturnType<typeof townshipRows>) => ReturnType<typeof townshipRows>) =>
  rawSql<SqlBool>`a.id IN (${condition(townshipRows())})`;
const townshipRows = () => qb.selectFrom('assessment_townships').select('assessment_id');

type Selection = ReturnType<typeof allAssessments>;
const allAssessments = () => qb.selectFrom('assessments as a');

type FilterKey = Extract<
  keyof ListInput,
  'keyword' | 'townshipCode' | 'status' | 'riskLevel' | 'decision' | 'matterType' | 'registeredFrom' | 'registeredTo'
>;

/** The list's filters, each by the named parameter of its key (db/list-filters.ts). */
const FILTERS: ListFilters<Selection, FilterKey> = {
  keyword: (q) =>
    q.where(rawSql<SqlBool>`a.rowid IN (SELECT rowid FROM assessments_search WHERE assessments_search MATCH @keyword)`),
  townshipCode: (q) => q.where(affecting((t) => t.where('township_code', '=', named('townshipCode')))),
  status: (q) => q.where('a.status', '=', named('status')),
  riskLevel: (q) => q.where('a.risk_level_after', '=', named('riskLevel')),
  decision: (q) => q.where('a.decision', '=', named('decision')),
  matterType: (q) => q.where('a.matter_type', '=', named('matterType')),
  registeredFrom: (q) => q.where('a.registered_on', '>=', named('registeredFrom')),
  registeredTo: (q) => q.where('a.registered_on', '<=', named('registeredTo')),
};

/** The values the statements name beside the filters': the re-review clock's, for the rows' stages. */
const clockParams = (clock: DeadlineClock): NamedParams => ({ today: clock.today, dueSoonDays: clock.dueSoonDays });

const withColumns = (query: Selection) =>
  query
    .innerJoin('units as u', 'u.id', 'a.proposing_unit_id')
    .selectAll('a')
    .select([
      'u.name as unit_name',
      reReviewStageSql.as('stage'),
      rawSql<
        string | null
      >`(SELECT group_concat(t.township_code || ${rawSql.lit(PAIR)} || g.name, ${rawSql.lit(SEPARATOR)} ORDER BY t.sort)
        FROM assessment_townships t JOIN regions g ON g.code = t.township_code WHERE t.assessment_id = a.id)`.as(
        'townships',
      ),
    ]);

type JoinedRow = AssessmentTableRow & { unit_name: string; stage: DeadlineStage | null; townships: string | null };

function toRow(row: JoinedRow, clock: AssessmentClock): AssessmentRow {
  return {
    id: row.id,
    assessmentNo: row.assessment_no,
    matter: row.matter,
    matterType: row.matter_type,
    proposingUnitId: row.proposing_unit_id,
    proposingUnitName: row.unit_name,
    townships: (row.townships ? row.townships.split(SEPARATOR) : []).map((pair) => {
      const [code = '', name = ''] = pair.split(PAIR);
      return { code, name };
    }),
    peopleAffected: row.people_affected,
    registeredOn: row.registered_on,
    status: row.status,
    riskLevelBefore: row.risk_level_before,
    riskLevelAfter: row.risk_level_after,
    suggestedConclusion: row.risk_level_after ? suggestConclusion(row.risk_level_after, clock.mapping) : null,
    recommendedConclusion: row.recommended_conclusion,
    decision: row.decision,
    decidedOn: row.decided_on,
    nextReReviewOn: row.next_re_review_on,
    reReviewStage: row.stage,
  };
}

const SORT_COLUMNS = {
  registeredOn: 'a.registered_on',
  assessmentNo: 'a.assessment_no',
  peopleAffected: 'a.people_affected',
  decidedOn: 'a.decided_on',
  nextReReviewOn: 'a.next_re_review_on',
} as const;

/** ORDER BY from the whitelisted sort; rows without the date come last either way; the id breaks ties. */
function orderOf(input: Pick<ListInput, 'sort' | 'direction'>): RawBuilder<unknown> {
  const direction = input.direction === 'asc' ? 'ASC' : 'DESC';
  const column = SORT_COLUMNS[input.sort];
  const undatedLast = input.sort === 'decidedOn' || input.sort === 'nextReReviewOn' ? `${column} IS NULL, ` : '';
  return rawSql.raw(`${undatedLast}${column} ${direction}, a.id ${direction}`);
}

/**
 * The assessment list through the kernel (ledger/list.ts): in scope through any township it
 * affects, its figures the assessment figures' cases (figure-cases.ts), the page picked on the bare
 * table before its rows are joined.
 */
const ASSESSMENT_LIST: LedgerListOf<Selection, FilterKey, AssessmentFigureFilter, ListInput, JoinedRow> = {
  ledger: 'assessments',
  alias: 'a',
  from: allAssessments,
  filters: FILTERS,
  inScope: (q) => q.where(affecting((t) => t.where('township_code', 'like', named('scopePrefix')))),
  figures: FIGURE_CASES,
  order: orderOf,
  rows: (picked, order) => withColumns(allAssessments()).where(picked).orderBy(order) as Compilable<JoinedRow>,
};

/** The assessments in the user's scope, voided ones left out, and the values their SQL names. */
export const assessmentsInScope = (
  scope: string | null,
  clock: DeadlineClock,
  registered: { keyword?: string } & Pick<ListInput, 'registeredFrom' | 'registeredTo'> = {},
) => ({
  assessments: selection(ASSESSMENT_LIST, registered, scope),
  params: { ...listValues(registered, scope), ...clockParams(clock) },
});

/** One page of a selection built per call (the re-reviews due); `params` binds its named values. */
export const pageRows = (
  sql: Sql,
  clock: AssessmentClock,
  page: Selection,
  order: RawBuilder<unknown>,
  params: NamedParams,
): AssessmentRow[] => sql.all(pageOf(ASSESSMENT_LIST, page, order), params).map((row) => toRow(row, clock));

export function listAssessments(
  sql: Sql,
  input: ListInput,
  scope: string | null,
  clock: AssessmentClock,
): Page<AssessmentRow> {
  const { total, rows } = listPage(sql, ASSESSMENT_LIST, input, scope, clockParams(clock));
  return { items: rows.map((row) => toRow(row, clock)), total, page: input.page, pageSize: input.pageSize };
}

/** Measures (risk tasks of kind `measure`) not cancelled, and those still open. */
export function measureCounts(sql: Sql, id: string): { measureCount: number; openMeasureCount: number } {
  const row = sql.get(
    qb
      .selectFrom('risk_tasks')
      .select((eb) => [
        eb.fn.countAll<number>().as('all'),
        eb.fn.sum<number>(eb.case().when('status', 'in', OPEN_TASK_STATUSES).then(1).else(0).end()).as('open'),
      ])
      .where('owner_kind', '=', 'assessment')
      .where('owner_id', '=', id)
      .where('kind', '=', 'measure')
      .where('status', '!=', 'cancelled'),
  );
  return { measureCount: row?.all ?? 0, openMeasureCount: row?.open ?? 0 };
}

const userName = displayNameOf('t.by_user');

/** The findings (in the domain's order of dimensions), consultations (order of methods) and risks found. */
export function contentOf(sql: Sql, id: string) {
  const dimensions = sql.all(
    qb.selectFrom('assessment_findings').select(['dimension', 'finding']).where('assessment_id', '=', id),
  );
  const consultations = sql.all(
    qb
      .selectFrom('assessment_consultations')
      .select(['method', 'count', 'participants', 'supporters', 'opponents', 'neutrals'])
      .where('assessment_id', '=', id),
  );
  return {
    dimensions: dimensions.sort(
      (a, b) => ASSESSMENT_DIMENSIONS.indexOf(a.dimension) - ASSESSMENT_DIMENSIONS.indexOf(b.dimension),
    ),
    consultations: consultations.sort(
      (a, b) => CONSULTATION_METHODS.indexOf(a.method) - CONSULTATION_METHODS.indexOf(b.method),
    ),
    risksFound: sql.all(
      qb
        .selectFrom('assessment_risks')
        .select(['description', 'level'])
        .where('assessment_id', '=', id)
        .orderBy('sort'),
    ),
  };
}

/** The plan as the drawer shows it: its summary and date, and its file's name when one was uploaded. */
function emergencyPlanOf(sql: Sql, row: AssessmentTableRow): EmergencyPlan | null {
  if (row.emergency_plan_summary === null) return null;
  const file = row.emergency_plan_attachment_id
    ? sql.get(
        qb.selectFrom('attachments').select(['id', 'file_name']).where('id', '=', row.emergency_plan_attachment_id),
      )
    : undefined;
  return {
    summary: row.emergency_plan_summary,
    drawnUpOn: row.emergency_plan_on,
    file: file ? { id: file.id, fileName: file.file_name } : null,
  };
}

export function findDetail(sql: Sql, id: string, clock: AssessmentClock): AssessmentDetail | undefined {
  const row = sql.get(withColumns(allAssessments()).where('a.id', '=', id), clockParams(clock)) as
    JoinedRow | undefined;
  if (!row) return undefined;
  return {
    ...toRow(row, clock),
    description: row.description,
    assessingBody: row.assessing_body,
    ...contentOf(sql, id),
    recommendationReason: row.recommendation_reason,
    emergencyPlan: emergencyPlanOf(sql, row),
    decidedBy: row.decided_by,
    decisionReason: row.decision_reason,
    implementedOn: row.implemented_on,
    lastReviewedOn: row.last_reviewed_on,
    archiveNote: row.archive_note,
    archivedOn: row.archived_on,
    ...measureCounts(sql, id),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
    voidedAt: row.voided_at,
    voidReason: row.void_reason,
    changes: changesOf(sql, 'assessment', id),
    events: sql
      .all(
        qb
          .selectFrom('assessment_events as t')
          .select([
            't.id',
            't.kind',
            't.action',
            't.from_status',
            't.to_status',
            't.note',
            't.at',
            userName.as('by_name'),
          ])
          .where('t.assessment_id', '=', id)
          .orderBy('t.at')
          .orderBy('t.id'),
      )
      .map((e) => ({
        id: e.id,
        kind: e.kind,
        action: e.action,
        fromStatus: e.from_status,
        toStatus: e.to_status,
        note: e.note,
        byName: e.by_name,
        at: e.at,
      })),
    reReviews: sql
      .all(
        qb
          .selectFrom('assessment_re_reviews as t')
          .select([
            't.id',
            't.reviewed_on',
            't.finding',
            't.risk_level',
            't.next_re_review_on',
            't.at',
            userName.as('by_name'),
          ])
          .where('t.assessment_id', '=', id)
          .orderBy('t.reviewed_on')
          .orderBy('t.id'),
      )
      .map((r) => ({
        id: r.id,
        reviewedOn: r.reviewed_on,
        finding: r.finding,
        riskLevel: r.risk_level,
        nextReReviewOn: r.next_re_review_on,
        byName: r.by_name,
        at: r.at,
      })),
  };
}

/** The next `WP2026-0001` of the year. */
export const nextAssessmentNo = (sql: Sql, year: string): string => nextSerial(sql, 'assessments', `WP${year}-`, 4);
