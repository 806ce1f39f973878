import type { HazardDetail } from '@shared/contract/hazards';
import { PETITION_STATUS_LABELS } from '@shared/domain/petitions/statuses';
import { HAZARD_LEVEL_LABELS } from '@shared/domain/risks/hazard-levels';
import { HAZARD_SOURCE_LABELS } from '@shared/domain/risks/hazard-record';
import { HAZARD_STATUS_LABELS, HAZARD_TREND_LABELS } from '@shared/domain/risks/hazard-statuses';
import { TASK_STATUS_LABELS } from '@shared/domain/risks/tasks';
import type { DossierSource } from '@/ledger/print/dossier';

const lines = (items: readonly string[]): string => items.join('\n');

/** A hazard's 一案一档 fields as the drawer shows them (people masked), its measures, notes and level changes included. */
export const hazardDossier = (detail: HazardDetail, categoryOf: (code: string) => string): DossierSource => ({
  entity: 'hazard',
  attachments: null,
  fields: [
    { label: '隐患编号', value: detail.hazardNo },
    { label: '状态', value: HAZARD_STATUS_LABELS[detail.status] },
    { label: '名称', value: detail.title, wide: true },
    { label: '风险等级', value: HAZARD_LEVEL_LABELS[detail.level] },
    { label: '隐患类别', value: categoryOf(detail.category) },
    { label: '来源', value: HAZARD_SOURCE_LABELS[detail.source] },
    { label: '发现日期', value: detail.foundOn },
    {
      label: '位置',
      value: [detail.townshipName, detail.villageName, detail.gridName].filter(Boolean).join(' / '),
      wide: true,
    },
    { label: '涉及人数', value: detail.peopleInvolved },
    { label: '包保领导', value: detail.leaderName },
    { label: '责任人', value: detail.responsibleName },
    { label: '化解日期', value: detail.resolvedOn },
    {
      label: '涉及人员',
      value: detail.people.map((p) => p.nameMasked + (p.phoneMasked ? ` ${p.phoneMasked}` : '')).join('、'),
      wide: true,
    },
    { label: '基本情况', value: detail.description, wide: true },
    { label: '稳控化解措施', value: detail.measures, wide: true },
    { label: '化解方案', value: detail.plan, wide: true },
    { label: '化解结果', value: detail.outcome, wide: true },
    {
      label: '化解措施',
      value: lines(
        detail.tasks.map(
          (t) => `${t.title}（${t.unitName}，${t.startDate} 至 ${t.dueDate}，${TASK_STATUS_LABELS[t.status]}）`,
        ),
      ),
      wide: true,
    },
    {
      label: '研判记录',
      value: lines(
        detail.notes.map(
          (n) => `${n.notedOn} ${n.byName}：${n.content}${n.trend ? `（趋势：${HAZARD_TREND_LABELS[n.trend]}）` : ''}`,
        ),
      ),
      wide: true,
    },
    {
      label: '等级变化',
      value: lines(
        detail.levelHistory.map(
          (c) => `${c.changedOn} ${HAZARD_LEVEL_LABELS[c.fromLevel]} → ${HAZARD_LEVEL_LABELS[c.toLevel]}：${c.reason}`,
        ),
      ),
      wide: true,
    },
    {
      label: '关联信访积案',
      value: lines(
        detail.linkedPetitions.map((p) => `${p.caseNo} ${p.summary}（${PETITION_STATUS_LABELS[p.status]}）`),
      ),
      wide: true,
    },
  ],
});
