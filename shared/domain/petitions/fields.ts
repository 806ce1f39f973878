/** The names of a case's correctable fields, as the drawer, the correction form and the timeline show them. */
export const PETITION_FIELD_LABELS = {
  townshipCode: '乡镇/街道',
  summary: '诉求摘要',
  firstPetitionDate: '首次信访日期',
  receivedDate: '登记日期',
  highestLevel: '最高层级',
  itemType: '事项类型',
  category: '问题类别',
  responsibleId: '责任人',
  resolutionPlan: '化解方案',
  stabilityMeasures: '稳控措施',
} as const;
