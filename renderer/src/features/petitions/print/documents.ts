import { SUPERVISION_KIND_LABELS, type PetitionDetail, type SupervisionKind } from '@shared/contract/petitions';
import { PETITION_ITEM_TYPE_LABELS, PETITION_LEVEL_LABELS } from '@shared/domain/petitions/classification';
import { STATUTORY_LIMITS } from '@shared/domain/petitions/clocks';
import { REPLY_KIND_LABELS } from '@shared/domain/petitions/procedure';
import { PETITION_STATUS_LABELS } from '@shared/domain/petitions/statuses';
import type { DossierSource } from '@/ledger/print/dossier';

/** The petitioners as the drawer shows them: masked, the primary first and marked. */
export const petitionersText = (detail: PetitionDetail): string =>
  detail.petitioners.map((p) => `${p.nameMasked}${p.isPrimary ? '（主访人）' : ''}`).join('、') || '—';

/** One petitioner's line in the dossier: every masked value the drawer shows. */
const petitionerLine = (p: PetitionDetail['petitioners'][number]): string =>
  [
    `${p.nameMasked}${p.isPrimary ? '（主访人）' : ''}`,
    p.idNumberMasked && `身份证号 ${p.idNumberMasked}`,
    p.phoneMasked && `电话 ${p.phoneMasked}`,
    p.addressMasked && `住址 ${p.addressMasked}`,
  ]
    .filter(Boolean)
    .join('，');

/** 办理时限 with the law it answers to: never later than Art. 34's date (extended once, by Art. 34 too). */
export function dueText(detail: PetitionDetail): string {
  if (!detail.dueDate) return '未定（尚未交办）';
  if (!detail.conclusionDueDate) return detail.dueDate;
  const extended = detail.extension ? `，已延长 ${detail.extension.days} 日` : '';
  return `${detail.dueDate}（法定办结期限 ${detail.conclusionDueDate}${extended}，《信访工作条例》${STATUTORY_LIMITS.conclusion.article}）`;
}

/** The case's 一案一档 fields, in the drawer's order. */
export const petitionDossier = (detail: PetitionDetail, categoryOf: (code: string) => string): DossierSource => ({
  entity: 'petition',
  attachments: 'petition',
  fields: [
    { label: '案件编号', value: detail.caseNo },
    { label: '状态', value: PETITION_STATUS_LABELS[detail.status] },
    { label: '乡镇/街道', value: detail.townshipName },
    { label: '问题类别', value: detail.category ? categoryOf(detail.category) : null },
    { label: '事项类型', value: detail.itemType ? PETITION_ITEM_TYPE_LABELS[detail.itemType] : '未分类' },
    { label: '最高层级', value: PETITION_LEVEL_LABELS[detail.highestLevel] },
    { label: '首次信访日期', value: detail.firstPetitionDate },
    { label: '登记日期', value: detail.receivedDate },
    { label: '信访次数', value: detail.petitionCount },
    { label: '信访人数', value: detail.petitionerCount },
    { label: '承办单位', value: detail.handlingUnitName },
    { label: '包案领导', value: detail.leaderName },
    { label: '责任人', value: detail.responsibleName },
    { label: '交办日期', value: detail.assignedDate },
    { label: '办理时限', value: dueText(detail), wide: true },
    { label: '受理决定日期', value: detail.acceptedDate },
    {
      label: '答复（办结）日期',
      value: detail.replyDate
        ? `${detail.replyDate}（${detail.replyKind ? REPLY_KIND_LABELS[detail.replyKind] : '历史数据，未记载'}）`
        : null,
    },
    { label: '化解日期', value: detail.resolvedDate },
    { label: '销号日期', value: detail.closedDate },
    { label: '信访人', value: detail.petitioners.map(petitionerLine).join('\n'), wide: true },
    { label: '诉求摘要', value: detail.summary, wide: true },
    { label: '化解方案', value: detail.resolutionPlan, wide: true },
    { label: '稳控措施', value: detail.stabilityMeasures, wide: true },
    { label: '化解结果', value: detail.outcome, wide: true },
  ],
});

/** 督办通知's three kinds: the title and what the unit is asked to do. */
export const SUPERVISION_NOTICES: Record<SupervisionKind, { title: string; decision: string; request: string }> = {
  interview: {
    title: '约谈通知',
    decision: '经研究，决定对你单位有关负责人进行约谈。',
    request:
      '请你单位主要负责人和具体承办人按本中心通知的时间、地点参加约谈，并携带该事项的办理材料，当面说明办理情况和下一步措施。',
  },
  notice: {
    title: '督办通报',
    decision: '现将有关情况予以通报。',
    request: '请你单位高度重视，对照问题认真整改，于办理时限届满前将整改落实情况书面报送本中心。',
  },
  listed: {
    title: '挂牌督办通知',
    decision: '经研究，决定对该事项挂牌督办。',
    request:
      '请你单位明确责任领导和具体责任人，制定化解方案，每周向本中心报送办理进展，办结后书面报请销号；未经本中心同意，不得摘牌。',
  },
};

export const supervisionLabel = (kind: SupervisionKind): string => SUPERVISION_KIND_LABELS[kind];
