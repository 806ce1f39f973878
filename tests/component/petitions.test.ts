import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { afterEach, describe, expect, it } from 'vitest';
import type { PetitionDetail } from '@shared/contract/petitions';
import type { PetitionAction, PetitionStatus } from '@shared/domain/petitions/statuses';
import type { Role } from '@shared/domain/roles';
import { countyDate } from '@shared/domain/time';
import PetitionActionDialog from '@/features/petitions/components/PetitionActionDialog.vue';
import PetitionDrawer from '@/features/petitions/components/PetitionDrawer.vue';
import PetitionFormDialog from '@/features/petitions/components/PetitionFormDialog.vue';
import { emptyPage, findTestId, meWith, mountApp, sessionAnswers, signedInPinia, typeInto } from './helpers/auth';
import { installBridge, removeBridge } from './helpers/fakeBridge';
import { detailWith, referenceAnswers, row, UNIT_ID } from './helpers/petitions';
import { eventually } from './helpers/eventually';

enableAutoUnmount(afterEach);
afterEach(() => {
  removeBridge();
  document.body.innerHTML = '';
});

const listCalls = (bridge: ReturnType<typeof installBridge>) =>
  bridge.mock.calls
    .filter(([method]) => method === 'petitions.list')
    .map(([, input]) => input as Record<string, unknown>);

// The whole app is mounted: the first lazy route of a run takes a few seconds to load.
describe('petition ledger', () => {
  it('shows the masked petitioners and the deadline stage, and searches with the filters', async () => {
    const { bridge } = await mountApp('/petitions', {
      ...sessionAnswers(meWith(['duty_officer'])),
      ...referenceAnswers,
      'petitions.list': () => ({ ok: true, data: { items: [row], total: 1, page: 1, pageSize: 20 } }),
    });
    const table = await findTestId('petitions-table');
    await eventually(() => expect(table.textContent).toContain('XF-2026-0001'));
    expect(table.textContent).toContain('李*、赵**');
    expect(table.textContent).not.toContain('李明');
    expect((await findTestId('petition-stage-XF-2026-0001')).textContent).toContain('超期');
    expect(table.textContent).toContain('征地拆迁');
    expect(table.textContent).toContain('申诉求决');
    expect(document.querySelector('[data-testid="petitions-create"]')).not.toBeNull();
    // Whoever registers cases may bring them in from Excel: the wizard opens on the petition kind.
    (await findTestId('petitions-import')).click();
    const kinds = await findTestId('import-kind');
    expect([...kinds.querySelectorAll('.el-radio-button')].map((k) => k.textContent?.trim())).toEqual([
      '信访积案',
      '风险隐患',
      '稳评',
      '矛盾纠纷',
    ]);
    expect(kinds.querySelector('.is-active')?.textContent?.trim()).toBe('信访积案');

    typeInto(await findTestId<HTMLInputElement>('petitions-keyword'), '补偿款');
    (await findTestId('petitions-search')).querySelector<HTMLElement>('[data-testid="search-submit"]')!.click();
    await eventually(() =>
      expect(listCalls(bridge).at(-1)).toMatchObject({ keyword: '补偿款', sort: 'receivedDate', page: 1 }),
    );
    expect(listCalls(bridge).at(-1)).not.toHaveProperty('townshipCode');
  }, 20_000);

  it('takes its filters from the address (a figure on the 统计 page) and hides registering from readers', async () => {
    const { bridge } = await mountApp(`/petitions?stage=overdue&handlingUnitId=${UNIT_ID}&unitName=县自然资源局`, {
      ...sessionAnswers(meWith(['leader'])),
      ...referenceAnswers,
      'petitions.list': () => emptyPage,
    });
    await findTestId('petitions-table');
    await eventually(() => expect(listCalls(bridge)[0]).toMatchObject({ stage: 'overdue', handlingUnitId: UNIT_ID }));
    expect(document.querySelector('[data-testid="petitions-create"]')).toBeNull();
    expect(document.querySelector('[data-testid="petitions-import"]')).toBeNull();
  }, 20_000);
});

const mountDrawer = (roles: Role[], status: PetitionStatus, over: Partial<PetitionDetail> = {}) => {
  installBridge({
    ...referenceAnswers,
    'petitions.get': () => ({ ok: true, data: { ...detailWith(status), ...over } }),
  });
  return mount(PetitionDrawer, {
    props: { id: row.id },
    global: { plugins: [ElementPlus, signedInPinia(meWith(roles))] },
    attachTo: document.body,
  });
};

const actionsShown = () =>
  [...document.querySelectorAll<HTMLElement>('[data-testid^="petition-action-"]')]
    .map((element) => element.dataset.testid!.replace('petition-action-', ''))
    .filter((action) => action !== 'dialog');

describe('petition drawer', () => {
  it('shows the fields, masked petitioners and the merged timeline', async () => {
    mountDrawer(['duty_officer'], 'resolving');
    const drawer = await findTestId('petition-drawer');
    await eventually(() => expect(drawer.textContent).toContain('要求补发征地补偿款'));
    expect(drawer.textContent).toContain('110***********1234');
    expect(document.querySelector('[data-testid="reveal-idNumber"]')).not.toBeNull();
    const timeline = (await findTestId('petition-timeline')).textContent;
    expect(timeline).toContain('入户走访');
    expect(timeline!.indexOf('化解进展')).toBeLessThan(timeline!.indexOf('登记'));
  });

  it('offers only the steps the status allows and the user may take', async () => {
    mountDrawer(['duty_officer'], 'resolving');
    await findTestId('petition-action-reply');
    expect(actionsShown()).toEqual(['transfer', 'reply', 'progress', 'extend', 'supervise']);
  });

  it('leaves the close-out of a resolved case to the leader', async () => {
    mountDrawer(['duty_officer'], 'resolved');
    await findTestId('petition-action-sendBack');
    expect(actionsShown()).toEqual(['sendBack']);
    document.body.innerHTML = '';

    mountDrawer(['leader'], 'resolved');
    await findTestId('petition-action-closeOut');
    expect(actionsShown()).toEqual(['closeOut']);
  });

  it('offers 重新化解 on a closed case, but not on one decided on 复核', async () => {
    mountDrawer(['duty_officer'], 'closed');
    await findTestId('petition-action-reopen');
    expect(actionsShown()).toEqual(['reopen']);
    document.body.innerHTML = '';

    mountDrawer(['duty_officer'], 'closed', { reReviewDecidedDate: '2026-10-09' });
    const drawer = await findTestId('petition-drawer');
    await eventually(() => expect(drawer.textContent).toContain('要求补发征地补偿款'));
    expect(actionsShown()).toEqual([]);
  });
});

describe('register form', () => {
  const mountForm = () =>
    mount(PetitionFormDialog, {
      global: { plugins: [ElementPlus, signedInPinia(meWith(['duty_officer']))] },
      attachTo: document.body,
    });

  async function fillIn(wrapper: ReturnType<typeof mountForm>): Promise<void> {
    await findTestId('petition-form');
    await flushPromises();
    typeInto(await findTestId<HTMLInputElement>('petition-form-petitioner-name-0'), '李明');
    typeInto(await findTestId<HTMLInputElement>('petition-form-petitioner-id-0'), '110101199001061234');
    typeInto(await findTestId<HTMLInputElement>('petition-form-summary'), '要求补发征地补偿款');
    wrapper.findComponent({ name: 'ElSelect' }).vm.$emit('update:modelValue', '990101001000');
    wrapper.findAllComponents({ name: 'ElDatePicker' })[0]!.vm.$emit('update:modelValue', '2025-03-02');
    await flushPromises();
  }

  it('checks the fields before sending and marks a field the backend refuses', async () => {
    const bridge = installBridge({
      ...referenceAnswers,
      'petitions.create': () => ({
        ok: false,
        error: {
          code: 'VALIDATION',
          message: '输入有误，请检查标出的项目。',
          details: [{ path: 'petitioners.0.idNumber', message: '身份证号校验位不正确' }],
        },
      }),
    });
    const wrapper = mountForm();
    await findTestId('petition-form');
    (await findTestId('petition-form-submit')).click();
    await flushPromises();
    expect(bridge).not.toHaveBeenCalledWith('petitions.create', expect.anything());
    const nameItem = (await findTestId('petition-form-petitioner-name-0')).closest('.el-form-item')!;
    await eventually(() => expect(nameItem.querySelector('.el-form-item__error')?.textContent).toContain('姓名'));

    await fillIn(wrapper);
    (await findTestId('petition-form-submit')).click();
    await eventually(() =>
      expect(bridge).toHaveBeenCalledWith(
        'petitions.create',
        expect.objectContaining({
          townshipCode: '990101001000',
          firstPetitionDate: '2025-03-02',
          petitioners: [{ name: '李明', idNumber: '110101199001061234', phone: null, address: null }],
        }),
      ),
    );
    expect((await findTestId('petition-form-error')).textContent).toContain('输入有误');
    const idItem = (await findTestId('petition-form-petitioner-id-0')).closest('.el-form-item')!;
    await eventually(() => expect(idItem.querySelector('.el-form-item__error')?.textContent).toContain('校验位'));
  });

  it('says so when the backend records the registration as a repeat petition', async () => {
    installBridge({
      ...referenceAnswers,
      'petitions.create': () => ({
        ok: true,
        data: { petition: { ...detailWith('resolving'), petitionCount: 4 }, linked: true },
      }),
    });
    const wrapper = mountForm();
    await fillIn(wrapper);
    (await findTestId('petition-form-submit')).click();
    const linked = await findTestId('petition-form-linked');
    expect(linked.textContent).toContain('重复信访');
    expect(linked.textContent).toContain('XF-2026-0001');
    expect(linked.textContent).toContain('4 次');
    expect(wrapper.emitted('saved')).toBeUndefined();
  });
});

describe('action dialog', () => {
  const mountAction = (action: PetitionAction, status: PetitionStatus, roles: Role[] = ['duty_officer']) =>
    mount(PetitionActionDialog, {
      props: { detail: detailWith(status), action, refresh: async () => detailWith(status) },
      global: { plugins: [ElementPlus, signedInPinia(meWith(roles))] },
      attachTo: document.body,
    });

  const fieldsAsked = () =>
    [...document.querySelectorAll<HTMLElement>('[data-testid^="petition-action-item-"]')].map((element) =>
      element.dataset.testid!.replace('petition-action-item-', ''),
    );

  it.each([
    ['assign', 'classified', ['handlingUnitId', 'responsibleLeaderId', 'dueDate']],
    ['transfer', 'assigned', ['handlingUnitId', 'reason']],
    ['resolve', 'resolving', ['outcome', 'happenedOn']],
    ['sendBack', 'resolved', ['reason']],
    ['reopen', 'closed', ['reason', 'dueDate']],
  ] as const)('asks %s for exactly its required fields', async (action, status, fields) => {
    installBridge(referenceAnswers);
    mountAction(action, status);
    await findTestId('petition-action-dialog');
    expect(fieldsAsked()).toEqual(fields);
  });

  it('asks a close-out only for the evidence and signs it as the leader, refusing it empty', async () => {
    const bridge = installBridge({
      ...referenceAnswers,
      'petitions.transition': () => ({ ok: true, data: detailWith('closed') }),
    });
    mountAction('closeOut', 'resolved', ['leader']);
    await findTestId('petition-action-dialog');
    expect(fieldsAsked()).toEqual(['evidence', 'happenedOn']);
    expect((await findTestId('petition-action-approver')).textContent).toContain('张伟');

    (await findTestId('petition-action-submit')).click();
    await flushPromises();
    const item = await findTestId('petition-action-item-evidence');
    await eventually(() => expect(item.querySelector('.el-form-item__error')?.textContent).toContain('销号依据'));
    expect(bridge).not.toHaveBeenCalledWith('petitions.transition', expect.anything());
  });

  it('dates a resolution today, shows a refused date on its field, and sends the real day a late entry picks', async () => {
    const message = '“化解日期”不能早于交办日期（2026-10-10）';
    const bridge = installBridge({
      ...referenceAnswers,
      'petitions.transition': () => ({
        ok: false,
        error: { code: 'VALIDATION', message, details: [{ path: 'happenedOn', message }] },
      }),
    });
    mountAction('resolve', 'replied');
    const item = await findTestId('petition-action-item-happenedOn');
    expect(item.textContent).toContain('化解日期');
    const today = countyDate(new Date());
    expect(item.querySelector('input')!.value).toBe(today);

    typeInto(await findTestId<HTMLInputElement>('petition-action-field-outcome'), '双方达成和解协议');
    (await findTestId('petition-action-submit')).click();
    await eventually(() =>
      expect(bridge).toHaveBeenCalledWith(
        'petitions.transition',
        expect.objectContaining({ action: 'resolve', outcome: '双方达成和解协议', happenedOn: today }),
      ),
    );
    await eventually(() => expect(item.querySelector('.el-form-item__error')?.textContent).toBe(message));

    const picker = item.querySelector('input')!;
    typeInto(picker, '2026-10-12');
    picker.dispatchEvent(new Event('change'));
    (await findTestId('petition-action-submit')).click();
    await eventually(() =>
      expect(bridge).toHaveBeenLastCalledWith(
        'petitions.transition',
        expect.objectContaining({ action: 'resolve', happenedOn: '2026-10-12' }),
      ),
    );
  });
});
