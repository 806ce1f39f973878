import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { afterEach, describe, expect, it } from 'vitest';
import type { AttachmentMeta } from '@shared/contract/attachments';
import type { PetitionDetail, PetitionRow } from '@shared/contract/petitions';
import AssignmentPreview from '@/features/petitions/print/AssignmentPreview.vue';
import { petitionDossier } from '@/features/petitions/print/documents';
import { petitionListPrint } from '@/features/petitions/print/petitionList';
import SupervisionPreview from '@/features/petitions/print/SupervisionPreview.vue';
import { timelineOf } from '@/features/petitions/timeline';
import DutyRosterPreview from '@/features/duty/components/DutyRosterPreview.vue';
import DossierPreview from '@/ledger/print/DossierPreview.vue';
import { LIST_PRINT_MAX, type ListPrint } from '@/ledger/print/listPrint';
import ListPrintPreview from '@/ledger/print/ListPrintPreview.vue';
import { meWith, signedInPinia } from './helpers/auth';
import { eventually } from './helpers/eventually';
import { installBridge, removeBridge } from './helpers/fakeBridge';
import { detailWith, dictAnswer, referenceAnswers, row } from './helpers/petitions';

enableAutoUnmount(afterEach);
afterEach(() => {
  removeBridge();
  document.body.innerHTML = '';
});

const CENTRE = '演示县社会治理综合服务中心';
const global = () => ({ plugins: [ElementPlus, signedInPinia(meWith(['duty_officer']))] });
/** The preview is teleported to the body: what the paper shows. */
const paper = () => document.querySelector('[data-testid="print-document"]')!.textContent!.replace(/\s+/g, ' ');
const click = (testId: string) =>
  (document.querySelector(`[data-testid="${testId}"]`) as HTMLButtonElement).dispatchEvent(new MouseEvent('click'));

const supervised = (): PetitionDetail => ({
  ...detailWith('resolving'),
  responsibleName: '刘责任',
  supervisions: [
    { id: 's1', kind: 'interview', reason: '逾期未办结且未报告进展', byName: '陈督办', at: '2026-11-21T02:00:00.000Z' },
    { id: 's2', kind: 'notice', reason: '化解方案未落实', byName: '陈督办', at: '2026-11-25T02:00:00.000Z' },
    { id: 's3', kind: 'listed', reason: '群众反复到县上访', byName: '陈督办', at: '2026-12-01T02:00:00.000Z' },
  ],
});

describe('交办单', () => {
  it('prints the case to its unit: masked petitioners, summary, 办理时限 with its article, the centre, the receipt lines', async () => {
    const bridge = installBridge({
      'dicts.get': dictAnswer,
      'print.toPrinter': () => ({ ok: true, data: { printed: true } }),
    });
    mount(AssignmentPreview, { props: { detail: supervised() }, global: global() });
    await flushPromises();
    const text = paper();
    expect(document.querySelector('[data-testid="doc-title"]')!.textContent).toBe('信访事项交办单');
    for (const part of [
      '编号：XF-2026-0001',
      '李*（主访人）',
      '要求补发征地补偿款',
      '县自然资源局',
      '2026-11-20（法定办结期限 2026-12-09，《信访工作条例》第三十四条）',
      '征地拆迁',
      '交办单位' + CENTRE,
      '签收人',
      '签收时间',
      '交办日期：2026年10月10日',
    ])
      expect(text).toContain(part);
    // The signature block: the centre and the date of 交办.
    expect(document.querySelector('[data-testid="doc-signature"]')!.textContent).toContain(`${CENTRE}2026年10月10日`);
    // Nothing unmasked reaches the paper.
    expect(text).not.toMatch(/\d{17}[\dX]/);

    click('print-paper');
    await eventually(() =>
      expect(bridge).toHaveBeenCalledWith('print.toPrinter', {
        document: 'assignment',
        title: '信访事项交办单 XF-2026-0001',
        entity: 'petition',
        recordId: row.id,
      }),
    );
  });
});

describe('督办通知', () => {
  it.each([
    ['s1', '约谈通知', '决定对你单位有关负责人进行约谈', '督〔2026〕XF-2026-0001-1 号', '2026年11月21日'],
    ['s2', '督办通报', '现将有关情况予以通报', '督〔2026〕XF-2026-0001-2 号', '2026年11月25日'],
    ['s3', '挂牌督办通知', '决定对该事项挂牌督办', '督〔2026〕XF-2026-0001-3 号', '2026年12月1日'],
  ])('%s is a %s under the red masthead, to the unit, with the reason', async (id, title, decision, docNo, date) => {
    installBridge({});
    mount(SupervisionPreview, { props: { detail: supervised(), supervisionId: id }, global: global() });
    await flushPromises();
    expect(document.querySelector('[data-testid="doc-title"]')!.textContent).toBe(title);
    const masthead = document.querySelector('[data-testid="doc-masthead"]')!.textContent!;
    expect(masthead).toContain(CENTRE);
    expect(masthead).toContain(docNo);
    expect(document.querySelector('[data-testid="supervision-addressee"]')!.textContent!.trim()).toBe('县自然资源局：');
    const reason = supervised().supervisions.find((s) => s.id === id)!.reason;
    const body = document.querySelector('[data-testid="supervision-body"]')!.textContent!;
    expect(body).toContain(`因${reason}，`);
    expect(body).toContain(decision);
    expect(paper()).toContain('李*（主访人）');
    expect(document.querySelector('[data-testid="doc-signature"]')!.textContent).toContain(date);
  });
});

describe('一案一档', () => {
  const file = (n: number, over: Partial<AttachmentMeta> = {}): AttachmentMeta => ({
    id: `0193a000-0000-7000-8000-00000000000${n}`,
    entity: 'petition',
    entityId: row.id,
    purpose: 'material',
    fileName: `材料${n}.pdf`,
    mime: 'application/pdf',
    size: 3 * 1024 * 1024,
    sha256: `${n}f`.repeat(32),
    uploadedByName: '王值班',
    uploadedAt: '2026-11-22T02:00:00.000Z',
    closeOutIds: [],
    ...over,
  });

  it('prints all fields, the whole timeline oldest first and each attachment with its SHA-256 start; 保存为 PDF names the record', async () => {
    const detail = supervised();
    const bridge = installBridge({
      'attachments.list': () => ({ ok: true, data: [file(1), file(2, { fileName: '现场照片.png', size: 2048 })] }),
      'print.toPdf': () => ({ ok: true, data: { saved: true, fileName: 'x.pdf' } }),
    });
    mount(DossierPreview, {
      props: {
        source: petitionDossier(detail, () => '征地拆迁'),
        recordId: detail.id,
        noun: '积案',
        number: detail.caseNo,
        timeline: timelineOf(detail),
        voided: false,
      },
      global: global(),
    });
    await eventually(() => expect(document.querySelector('[data-testid="dossier-attachments"]')).not.toBeNull());
    expect(document.querySelector('[data-testid="doc-title"]')!.textContent).toBe('积案一案一档');
    const fields = document.querySelector('[data-testid="dossier-fields"]')!.textContent!;
    for (const part of ['XF-2026-0001', '城关镇', '征地拆迁', '县自然资源局', '王副县长', '刘责任', '第三十四条'])
      expect(fields).toContain(part);
    expect(fields).toContain('李*（主访人），身份证号 110***********1234，电话 138****5678');

    const lines = [...document.querySelectorAll('[data-testid="dossier-timeline"] tbody tr')].map(
      (tr) => tr.children[1]!.textContent,
    );
    expect(lines).toEqual(['登记', '化解进展（2026-10-12）', '督办：约谈', '督办：通报', '督办：挂牌督办']);

    const files = [...document.querySelectorAll('[data-testid="dossier-attachments"] tbody tr')].map((tr) =>
      [...tr.children].map((td) => td.textContent),
    );
    expect(files).toEqual([
      ['1', '材料1.pdf', '3.0 MB', expect.stringContaining('王值班'), '1f1f1f1f1f1f1f1f'],
      ['2', '现场照片.png', '2.0 KB', expect.stringContaining('王值班'), '2f2f2f2f2f2f2f2f'],
    ]);

    click('print-pdf');
    await eventually(() =>
      expect(bridge).toHaveBeenCalledWith('print.toPdf', {
        document: 'dossier',
        title: '积案一案一档 XF-2026-0001',
        entity: 'petition',
        recordId: detail.id,
      }),
    );
  });

  it('keeps 打印 off and says why when the attachments cannot be read', async () => {
    installBridge({ 'attachments.list': () => ({ ok: false, error: { code: 'FORBIDDEN', message: '无权查看附件' } }) });
    const detail = supervised();
    mount(DossierPreview, {
      props: {
        source: petitionDossier(detail, () => '征地拆迁'),
        recordId: detail.id,
        noun: '积案',
        number: detail.caseNo,
        timeline: [],
        voided: true,
      },
      global: global(),
    });
    await eventually(() => expect(document.body.textContent).toContain('附件清单未能读取：无权查看附件'));
    expect((document.querySelector('[data-testid="print-paper"]') as HTMLButtonElement).disabled).toBe(true);
    expect(document.querySelector('[data-testid="dossier-voided"]')).not.toBeNull();
  });
});

describe('打印当前列表', () => {
  it('describes the filter, reads the pages up to the cap and says how many were left out', async () => {
    installBridge(referenceAnswers);
    const total = 2345;
    const pages: number[] = [];
    const fetch = ({ page, pageSize }: { page: number; pageSize: number }) => {
      pages.push(page);
      const count = Math.min(pageSize, total - (page - 1) * pageSize);
      const items: PetitionRow[] = Array.from({ length: count }, (_, i) => ({
        ...row,
        id: `row-${page}-${i}`,
        caseNo: `XF2026-${String((page - 1) * pageSize + i + 1).padStart(6, '0')}`,
      }));
      return Promise.resolve({ items, total, page, pageSize });
    };
    const applied = {
      keyword: '补偿',
      townshipCode: '990101001000',
      status: 'resolving',
      category: 'land',
      voided: '',
    };
    const print = petitionListPrint(fetch, () => applied, {
      category: () => '征地拆迁',
      unit: (id) => id,
      leader: (id) => id,
      figure: () => '',
    });
    // mount() does not carry a generic component's row type: the preview reads rows only through the columns.
    mount(ListPrintPreview, { props: { print: print as unknown as ListPrint<{ id: string }> }, global: global() });
    await eventually(() =>
      expect(document.querySelectorAll('[data-testid="list-print-table"] tbody tr')).toHaveLength(LIST_PRINT_MAX),
    );
    expect(pages).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const meta = document.querySelector('[data-testid="list-print-meta"]')!.textContent!;
    expect(meta).toContain('筛选条件：关键词：补偿；乡镇/街道：城关镇；问题类别：征地拆迁；状态：化解中');
    expect(meta).toContain('共 2345 条');
    expect(document.querySelector('[data-testid="list-print-capped"]')!.textContent).toContain(
      '当前筛选共 2345 条，超过打印上限 2000 条，本表只打印前 2000 条',
    );
    const headings = [...document.querySelectorAll('[data-testid="list-print-table"] thead th')].map(
      (th) => th.textContent,
    );
    expect(headings).toEqual([
      '序号',
      '案件编号',
      '乡镇/街道',
      '信访人',
      '诉求摘要',
      '状态',
      '承办单位',
      '办理时限',
      '登记日期',
    ]);
    const last = document.querySelectorAll('[data-testid="list-print-table"] tbody tr')[LIST_PRINT_MAX - 1]!;
    expect(last.children[0]!.textContent).toBe('2000');
    expect(last.children[1]!.textContent).toBe('XF2026-002000');
    expect(last.children[3]!.textContent).toBe('李*、赵**');
  });
});

describe('值班表', () => {
  it('prints every day of the month with its people, phones masked, unrostered days said so', async () => {
    const asked: unknown[] = [];
    installBridge({
      'duty.list': (input) => {
        asked.push(input);
        return {
          ok: true,
          data: [
            {
              date: '2026-02-03',
              entries: [
                { role: 'leader', name: '王局长', phone: '13812345678' },
                { role: 'officer', name: '李值班', phone: null },
              ],
            },
          ],
        };
      },
    });
    mount(DutyRosterPreview, { props: { date: '2026-02-17' }, global: global() });
    await eventually(() =>
      expect(document.querySelector('[data-testid="print-paper"]')!.hasAttribute('disabled')).toBe(false),
    );
    expect(asked).toEqual([{ from: '2026-02-01', to: '2026-02-28' }]);
    expect(document.querySelector('.doc-subtitle')!.textContent).toBe('2026年2月');
    const rows = [...document.querySelectorAll('[data-testid="duty-print-table"] tbody tr')];
    expect(rows).toHaveLength(28);
    const third = [...rows[2]!.children].map((td) => td.textContent!.trim());
    expect(third).toEqual(['02-03 周二', '王局长 138****5678', '李值班']);
    expect(rows[3]!.textContent).toContain('未排班');
    expect(paper()).not.toContain('13812345678');
  });
});
