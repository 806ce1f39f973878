import type { PetitionRow } from '../../../../shared/contract/petitions';
import { DEADLINE_STAGE_LABELS } from '../../../../shared/domain/ledger/deadlines';
import { PETITION_ITEM_TYPE_LABELS, PETITION_LEVEL_LABELS } from '../../../../shared/domain/petitions/classification';
import { PETITION_STATUS_LABELS } from '../../../../shared/domain/petitions/statuses';
import { principalOf } from '../../api/types';
import { clockOf } from '../../ledger/clock';
import { eachOf, type LedgerExport } from '../../ledger/exports/export';
import { listPetitions, type ListInput } from './repo';
import { petitionStore } from './store';

/** The petition ledger's export (积案台账): the list's filter and order, petitioners masked unless unmasked. */
export const petitionExport: LedgerExport<ListInput, PetitionRow> = {
  store: petitionStore,
  title: '积案台账',
  noun: '积案',
  filterLabels: {
    keyword: '关键字',
    townshipCode: '乡镇',
    category: '类别',
    itemType: '事项类型',
    status: '状态',
    stage: '期限状态',
    handlingUnitId: '承办单位',
    leaderId: '包案领导',
    receivedFrom: '登记日期起',
    receivedTo: '登记日期止',
  },
  valueLabels: { itemType: PETITION_ITEM_TYPE_LABELS, status: PETITION_STATUS_LABELS, stage: DEADLINE_STAGE_LABELS },
  list: (ctx) => {
    const scope = principalOf(ctx).regionCode;
    const clock = clockOf(ctx);
    return (sql, input) => listPetitions(sql, input, scope, clock);
  },
  people: {
    table: 'petitioners',
    key: 'petition_id',
    orderBy: 'is_primary DESC, sort',
    columns: { name: 'name', idNumber: 'id_number', phone: 'phone' },
    audited: ['name', 'idNumber', 'phone'],
  },
  dict: 'petition_category',
  columns: (categoryLabel) => [
    { header: '案件编号', width: 16, value: (r) => r.caseNo },
    { header: '乡镇/街道', width: 12, value: (r) => r.townshipName },
    { header: '问题类别', width: 12, value: (r) => (r.category ? categoryLabel(r.category) : null) },
    { header: '事项类型', width: 10, value: (r) => (r.itemType ? PETITION_ITEM_TYPE_LABELS[r.itemType] : '未分类') },
    { header: '状态', width: 10, value: (r) => PETITION_STATUS_LABELS[r.status] },
    { header: '诉求摘要', width: 40, value: (r) => r.summary },
    { header: '信访人', width: 18, value: (r) => eachOf(r.people, 'name') },
    { header: '身份证号', width: 22, value: (r) => eachOf(r.people, 'idNumber') },
    { header: '联系电话', width: 16, value: (r) => eachOf(r.people, 'phone') },
    { header: '信访人数', width: 8, value: (r) => r.petitionerCount },
    { header: '信访次数', width: 8, value: (r) => r.petitionCount },
    { header: '最高层级', width: 8, value: (r) => PETITION_LEVEL_LABELS[r.highestLevel] },
    { header: '登记日期', width: 12, kind: 'date', value: (r) => r.receivedDate },
    { header: '承办单位', width: 24, value: (r) => r.handlingUnitName },
    { header: '包案领导', width: 10, value: (r) => r.leaderName },
    { header: '办理时限', width: 12, kind: 'date', value: (r) => r.dueDate },
    { header: '期限状态', width: 10, value: (r) => (r.stage ? DEADLINE_STAGE_LABELS[r.stage] : null) },
  ],
};
