import { HANDLING_KIND_LABELS } from '../../../../shared/domain/disputes/handling';
import {
  DISPUTE_CHANNEL_LABELS,
  DISPUTE_RISK_COLOUR_LABELS,
  DISPUTE_URGENCY_LABELS,
} from '../../../../shared/domain/disputes/intake';
import { DISPUTE_LEVEL_LABELS } from '../../../../shared/domain/disputes/levels';
import {
  DISPUTE_RESULT_LABELS,
  DISPUTE_STATUS_LABELS,
  SATISFACTION_LABELS,
} from '../../../../shared/domain/disputes/statuses';
import type { Named } from '../../../../shared/domain/import/names';
import { inScope } from '../../../../shared/domain/scope';
import { principalOf, type HandlerContext } from '../../api/types';
import type { Sql } from '../../db/sql';
import { cellText } from '../../import/cells';
import { NameIndex } from '../../import/references';
import type { ImportChoices, ImportRow, ProblemLog } from '../../import/kind';

type Village = Named & { parent: string; township: string };

const villagesIn = (sql: Sql): Village[] =>
  sql
    .prepare(
      `SELECT v.code, v.name, v.parent_code AS parent, t.name AS township FROM regions v JOIN regions t ON t.code = v.parent_code
        WHERE v.level = 'village' AND v.disabled_at IS NULL AND t.disabled_at IS NULL ORDER BY t.sort, t.code, v.sort, v.code`,
    )
    .all() as Village[];

/** The villages in use, matched by name within the township a row names. */
export function villageIndex(sql: Sql) {
  const byTownship = new Map<string, Village[]>();
  for (const village of villagesIn(sql)) {
    byTownship.set(village.parent, [...(byTownship.get(village.parent) ?? []), village]);
  }
  const indexes = new Map<string, NameIndex<Named>>();
  return {
    find(row: ImportRow, key: string, problems: ProblemLog, township: Named): Named | null {
      if (!cellText(row.cell(key))) return null;
      let index = indexes.get(township.code);
      if (!index) {
        index = new NameIndex(byTownship.get(township.code) ?? [], `${township.name}下属村（社区）`);
        indexes.set(township.code, index);
      }
      return index.find(row, key, problems);
    },
  };
}

/** The template's 可选值 sheet: every closed list and dictionary a column takes, and the places in the user's scope. */
export function importChoices(ctx: HandlerContext): ImportChoices {
  const scope = principalOf(ctx).regionCode;
  const categories = ctx.sql
    .prepare("SELECT label FROM dict_entries WHERE dict_code = 'dispute_category' AND enabled = 1 ORDER BY sort")
    .pluck()
    .all() as string[];
  const townships = ctx.sql
    .prepare("SELECT code, name FROM regions WHERE level = 'township' AND disabled_at IS NULL ORDER BY sort, code")
    .all() as Named[];
  const villages = villagesIn(ctx.sql).filter((v) => inScope(scope, v.code));
  return [
    { header: '受理渠道', values: Object.values(DISPUTE_CHANNEL_LABELS) },
    { header: '纠纷类别', values: categories },
    { header: '调处方式', values: Object.values(HANDLING_KIND_LABELS) },
    { header: '紧急程度', values: Object.values(DISPUTE_URGENCY_LABELS) },
    { header: '风险等级', values: Object.values(DISPUTE_RISK_COLOUR_LABELS) },
    { header: '受理层级', values: Object.values(DISPUTE_LEVEL_LABELS) },
    { header: '是否上交', values: ['是', '否'] },
    { header: '上交至', values: Object.values(DISPUTE_LEVEL_LABELS).slice(1) },
    { header: '状态', values: Object.values(DISPUTE_STATUS_LABELS) },
    { header: '处理结果', values: Object.values(DISPUTE_RESULT_LABELS) },
    { header: '当事人满意度', values: Object.values(SATISFACTION_LABELS) },
    { header: '乡镇（街道）', values: townships.filter((t) => inScope(scope, t.code)).map((t) => t.name) },
    { header: '村（社区）', values: villages.map((v) => v.name) },
    { header: '所属乡镇', values: villages.map((v) => v.township) },
  ];
}
