import type { PetitionDetail, PetitionRow } from '@shared/contract/petitions';
import { isOpen, type PetitionStatus } from '@shared/domain/petitions/statuses';
import { emptyPage } from './auth';

/** A petition case as the list and the drawer get it, and the reference data its forms read. */
export const UNIT_ID = '7a1b2c3d-4e5f-4a6b-8c9d-0e1f2a3b4c5d';
export const row: PetitionRow = {
  id: '1f2e3d4c-5b6a-4789-8abc-def012345678',
  caseNo: 'XF-2026-0001',
  itemType: 'appeal',
  category: 'land',
  townshipCode: '990101001000',
  townshipName: '城关镇',
  summary: '要求补发征地补偿款',
  receivedDate: '2026-10-08',
  petitionCount: 3,
  highestLevel: 'city',
  status: 'resolving',
  handlingUnitId: UNIT_ID,
  handlingUnitName: '县自然资源局',
  leaderId: null,
  leaderName: '王副县长',
  dueDate: '2026-11-20',
  stage: 'overdue',
  statutoryDueDate: null,
  statutoryStage: null,
  petitionerNames: ['李*', '赵**'],
  petitionerCount: 2,
};

export const detailWith = (status: PetitionStatus): PetitionDetail => ({
  ...row,
  version: 1,
  voidedAt: null,
  voidReason: null,
  changes: [],
  status,
  stage: isOpen(status) ? row.stage : 'done',
  firstPetitionDate: '2025-03-02',
  responsibleId: null,
  responsibleName: null,
  assignedDate: '2026-10-10',
  extension: null,
  resolutionPlan: '',
  stabilityMeasures: '',
  outcome: null,
  resolvedDate: null,
  closedDate: null,
  acceptedDate: '2026-10-10',
  refusedDate: null,
  objectionDate: null,
  replyDate: null,
  replyKind: null,
  reviewRequestedDate: null,
  reviewDecidedDate: null,
  reReviewRequestedDate: null,
  reReviewHearingDays: null,
  reReviewDecidedDate: null,
  conclusionDueDate: '2026-12-09',
  finalCase: null,
  limits: [],
  createdAt: '2026-10-08T09:00:00+08:00',
  updatedAt: '2026-10-12T09:00:00+08:00',
  petitioners: [
    {
      id: '2a2b2c2d-3e3f-4a4b-8c8d-9e9f0a0b0c0d',
      nameMasked: '李*',
      idNumberMasked: '110***********1234',
      phoneMasked: '138****5678',
      addressMasked: '城关镇****',
      isPrimary: true,
    },
  ],
  events: [
    {
      id: 'e1',
      kind: 'register',
      action: null,
      fromStatus: null,
      toStatus: 'found',
      unitId: null,
      unitName: null,
      reason: '',
      byName: '张伟',
      at: '2026-10-08T09:00:00+08:00',
    },
  ],
  progress: [
    { id: 'p1', date: '2026-10-12', content: '入户走访，听取诉求', byName: '张伟', at: '2026-10-12T10:00:00+08:00' },
  ],
  supervisions: [],
  closeOuts: [],
});

export const dictAnswer = () => ({
  ok: true as const,
  data: { code: 'petition_category', name: '信访问题类别', entries: [{ code: 'land', label: '征地拆迁' }] },
});

export const referenceAnswers = {
  'attachments.list': () => ({ ok: true as const, data: [] }),
  'dicts.get': dictAnswer,
  'units.list': () => emptyPage,
  'people.list': () => emptyPage,
  'regions.list': () => ({
    ok: true as const,
    data: {
      items: [{ code: '990101001000', name: '城关镇', level: 'township', parentCode: '990101000000', childCount: 3 }],
      total: 1,
      page: 1,
      pageSize: 200,
    },
  }),
};
