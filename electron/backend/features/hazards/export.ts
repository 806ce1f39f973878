import type { HazardRow } from '../../../../shared/contract/hazards';
import { HAZARD_LEVEL_LABELS } from '../../../../shared/domain/risks/hazard-levels';
import { HAZARD_SOURCE_LABELS } from '../../../../shared/domain/risks/hazard-record';
import { HAZARD_STATUS_LABELS } from '../../../../shared/domain/risks/hazard-statuses';
import { principalOf } from '../../api/types';
import { todayOf } from '../../ledger/clock';
import { eachOf, type LedgerExport } from '../../ledger/exports/export';
import { listHazards, type ListInput } from './repo';
import { hazardStore } from './store';

/** The hazard ledger's export (风险隐患台账): the list's filter and order, people masked unless unmasked. */
export const hazardExport: LedgerExport<ListInput, HazardRow> = {
  store: hazardStore,
  title: '风险隐患台账',
  noun: '风险隐患',
  filterLabels: {
    keyword: '关键字',
    townshipCode: '乡镇/街道',
    category: '类别',
    level: '等级',
    status: '状态',
    open: '在办',
    leaderId: '包保领导',
    foundFrom: '发现日期起',
    foundTo: '发现日期止',
    figure: '统计口径',
    figureKey: '口径分项',
    figurePart: '口径部分',
  },
  valueLabels: { level: HAZARD_LEVEL_LABELS, status: HAZARD_STATUS_LABELS },
  list: (ctx) => {
    const scope = principalOf(ctx).regionCode;
    const today = todayOf(ctx);
    return (sql, input) => listHazards(sql, input, scope, today);
  },
  people: {
    table: 'hazard_people',
    key: 'hazard_id',
    orderBy: 'sort',
    columns: { name: 'name', phone: 'phone' },
    audited: ['peopleName', 'peoplePhone'],
  },
  dict: 'hazard_category',
  columns: (categoryLabel) => [
    { header: '编号', width: 16, value: (r) => r.hazardNo },
    { header: '名称', width: 36, value: (r) => r.title },
    { header: '类别', width: 14, value: (r) => categoryLabel(r.category) },
    { header: '等级', width: 8, value: (r) => HAZARD_LEVEL_LABELS[r.level] },
    { header: '状态', width: 10, value: (r) => HAZARD_STATUS_LABELS[r.status] },
    { header: '来源', width: 12, value: (r) => HAZARD_SOURCE_LABELS[r.source] },
    { header: '乡镇/街道', width: 12, value: (r) => r.townshipName },
    { header: '村/社区', width: 12, value: (r) => r.villageName },
    { header: '发现日期', width: 12, kind: 'date', value: (r) => r.foundOn },
    { header: '包保领导', width: 10, value: (r) => r.leaderName },
    { header: '责任人', width: 10, value: (r) => r.responsibleName },
    { header: '涉及人数', width: 8, value: (r) => r.peopleInvolved },
    { header: '涉及人员', width: 24, value: (r) => (r.people.length ? eachOf(r.people, 'name') : null) },
    { header: '联系电话', width: 24, value: (r) => (r.people.length ? eachOf(r.people, 'phone') : null) },
  ],
};
