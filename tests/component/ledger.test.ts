import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PetitionDetail } from '@shared/contract/petitions';
import type { LedgerChange } from '@shared/domain/ledger/records';
import type { Role } from '@shared/domain/roles';
import { ApiError } from '@/api/client';
import PetitionActionDialog from '@/features/petitions/components/PetitionActionDialog.vue';
import PetitionDrawer from '@/features/petitions/components/PetitionDrawer.vue';
import ExtendDialog from '@/features/petitions/components/ExtendDialog.vue';
import PetitionEditDialog from '@/features/petitions/components/PetitionEditDialog.vue';
import LedgerTimeline from '@/ledger/LedgerTimeline.vue';
import VoidDialog from '@/ledger/VoidDialog.vue';
import VoidedBanner from '@/ledger/VoidedBanner.vue';
import VoidedFilterItem from '@/ledger/VoidedFilterItem.vue';
import { changeEntries } from '@/ledger/timeline';
import { findTestId, meWith, signedInPinia, typeInto } from './helpers/auth';
import { installBridge, removeBridge } from './helpers/fakeBridge';
import { detailWith, referenceAnswers } from './helpers/petitions';
import { eventually } from './helpers/eventually';

enableAutoUnmount(afterEach);
afterEach(() => {
  removeBridge();
  document.body.innerHTML = '';
});

const STALE = {
  ok: false as const,
  error: {
    code: 'CONFLICT' as const,
    message: '该记录已被他人修改，请刷新后重试。',
    details: [{ path: 'version', message: '该记录已被他人修改，请刷新后重试' }],
  },
};

const correction: LedgerChange = {
  id: 'c1',
  kind: 'edit',
  fields: [
    { field: 'summary', label: '诉求摘要', from: '要求补发征地补偿款', to: '要求补发征地补偿款及利息' },
    { field: 'resolutionPlan', label: '化解方案', from: '（空）', to: '协调县财政分期兑付' },
  ],
  reason: '',
  byName: '王值班',
  at: '2026-10-20T09:00:00+08:00',
};
const voiding: LedgerChange = {
  id: 'c2',
  kind: 'void',
  fields: [],
  reason: '重复录入',
  byName: '刘带班',
  at: '2026-10-21T09:00:00+08:00',
};

const imported: LedgerChange = {
  id: 'c0',
  kind: 'import',
  fields: [],
  reason: '从“2025年积案台账.xlsx”第 7 行导入',
  byName: '王值班',
  at: '2026-10-19T09:00:00+08:00',
};

const global = (roles: Role[] = ['duty_officer']) => ({ plugins: [ElementPlus, signedInPinia(meWith(roles))] });
const errorOf = (element: Element) => element.closest('.el-form-item')!.querySelector('.el-form-item__error');
const textOf = async (testId: string) => (await findTestId<HTMLInputElement>(testId)).value;

describe('the kernel on the timeline', () => {
  it('shows a correction with each field’s old and new value, and a voiding with its reason', async () => {
    mount(LedgerTimeline, {
      props: { entries: changeEntries([correction, voiding]).reverse() },
      global: global(),
      attachTo: document.body,
    });
    const summary = await findTestId('ledger-change-summary');
    expect([...summary.querySelectorAll('td')].map((cell) => cell.textContent)).toEqual([
      '诉求摘要',
      '要求补发征地补偿款',
      '要求补发征地补偿款及利息',
    ]);
    expect((await findTestId('ledger-change-resolutionPlan')).textContent).toContain('（空）');
    const voided = await findTestId('timeline-entry-k-c2');
    expect(voided.textContent).toContain('作废');
    expect(voided.textContent).toContain('原因：重复录入');
    expect(voided.textContent).toContain('刘带班');
    expect(voided.querySelector('[data-testid="ledger-changes"]')).toBeNull();
  });

  it('starts an imported record’s timeline with 导入, naming the file and row', async () => {
    mount(LedgerTimeline, { props: { entries: changeEntries([imported]) }, global: global(), attachTo: document.body });
    const entry = await findTestId('timeline-entry-k-c0');
    expect(entry.querySelector('.title')?.textContent).toBe('导入');
    expect(entry.textContent).toContain('从“2025年积案台账.xlsx”第 7 行导入');
    expect(entry.textContent).not.toContain('原因');
  });

  it('merges the corrections into the case’s timeline in time order', async () => {
    installBridge({
      ...referenceAnswers,
      'petitions.get': () => ({ ok: true, data: { ...detailWith('resolving'), changes: [correction] } }),
    });
    mount(PetitionDrawer, { props: { id: detailWith('resolving').id }, global: global(), attachTo: document.body });
    const timeline = await findTestId('petition-timeline');
    await eventually(() => expect(timeline.textContent).toContain('更正'));
    // Newest first: the correction (10-20) above the progress (10-12) above the registration (10-08).
    const text = timeline.textContent!;
    expect(text.indexOf('更正')).toBeLessThan(text.indexOf('化解进展'));
    expect(text.indexOf('化解进展')).toBeLessThan(text.indexOf('登记'));
    expect(timeline.textContent).toContain('协调县财政分期兑付');
  });
});

describe('void dialog', () => {
  const mountVoid = (action: 'void' | 'restore', submit: (input: unknown) => Promise<PetitionDetail>) =>
    mount(VoidDialog, {
      props: {
        action,
        record: { ...detailWith('resolving'), version: 3 },
        noun: '积案',
        number: 'XF-2026-0001',
        submit,
        refresh: async () => detailWith('resolving'),
      },
      global: global(['leader']),
      attachTo: document.body,
    });

  it('refuses an empty reason, then calls the method with the id, the version shown and the reason', async () => {
    const voided = { ...detailWith('resolving'), version: 4, voidedAt: '2026-10-21T01:00:00Z', voidReason: '重复录入' };
    const submit = vi.fn(async () => voided);
    const wrapper = mountVoid('void', submit);
    const dialog = await findTestId('void-dialog');
    expect(dialog.textContent).toContain('作废积案 XF-2026-0001');
    expect(dialog.textContent).toContain('不删除任何内容');
    expect(dialog.textContent).toContain('恢复');
    const button = await findTestId('void-submit');
    expect(button.classList).toContain('el-button--danger');

    button.click();
    await flushPromises();
    await eventually(async () => expect(errorOf(await findTestId('void-reason'))?.textContent).toContain('请填写'));
    expect(submit).not.toHaveBeenCalled();

    typeInto(await findTestId<HTMLInputElement>('void-reason'), '重复录入');
    button.click();
    await eventually(() =>
      expect(submit).toHaveBeenCalledWith({ id: detailWith('resolving').id, version: 3, reason: '重复录入' }),
    );
    await eventually(() => expect(wrapper.emitted('saved')).toEqual([[voided]]));
  });

  it('restores with a primary button and shows the backend’s refusal', async () => {
    const submit = vi.fn(async (): Promise<PetitionDetail> => {
      throw new ApiError({
        code: 'CONFLICT',
        message: '该积案未作废，无需恢复。',
        details: [{ path: 'status', message: '未作废' }],
      });
    });
    mountVoid('restore', submit);
    const button = await findTestId('void-submit');
    expect(button.classList).toContain('el-button--primary');
    typeInto(await findTestId<HTMLInputElement>('void-reason'), '经核实并非重复');
    button.click();
    await eventually(async () => expect((await findTestId('void-error')).textContent).toContain('无需恢复'));
    expect(document.querySelector('[data-testid="conflict-alert"]')).toBeNull();
  });
});

describe('the lists’ 已作废 switch', () => {
  it('asks the list for the voided records alone when ticked, and for those in force when not', async () => {
    const wrapper = mount(VoidedFilterItem, {
      props: {
        testId: 'voided-filter',
        modelValue: '' as 'only' | '',
        'onUpdate:modelValue': (value: 'only' | '') => wrapper.setProps({ modelValue: value }),
      },
      global: global(),
      attachTo: document.body,
    });
    const box = await findTestId('voided-filter');
    box.click();
    await eventually(() => expect(wrapper.props('modelValue')).toBe('only'));
    box.click();
    await eventually(() => expect(wrapper.props('modelValue')).toBe(''));
  });
});

describe('voided banner and the drawer of a voided case', () => {
  const voided: PetitionDetail = {
    ...detailWith('resolving'),
    version: 2,
    voidedAt: '2026-10-21T01:00:00Z',
    voidReason: '重复录入',
    changes: [voiding],
  };

  it('names the reason and the time, and offers 恢复 only to whoever may void', async () => {
    mount(VoidedBanner, { props: { record: voided }, global: global(['leader']), attachTo: document.body });
    const banner = await findTestId('voided-banner');
    expect(banner.textContent).toMatch(/本记录已作废（原因：重复录入，2026-10-21 \d\d:00）/);
    expect(document.querySelector('[data-testid="voided-restore"]')).not.toBeNull();
    document.body.innerHTML = '';

    mount(VoidedBanner, { props: { record: voided }, global: global(['duty_officer']), attachTo: document.body });
    expect((await findTestId('voided-banner')).textContent).toContain('联系带班领导');
    expect(document.querySelector('[data-testid="voided-restore"]')).toBeNull();
  });

  it('hides every step and change on a voided case', async () => {
    installBridge({ ...referenceAnswers, 'petitions.get': () => ({ ok: true, data: voided }) });
    mount(PetitionDrawer, { props: { id: voided.id }, global: global(['duty_officer']), attachTo: document.body });
    await findTestId('voided-banner');
    expect(document.querySelector('[data-testid="petition-actions"]')).toBeNull();
    expect(document.querySelector('[data-testid="petition-edit"]')).toBeNull();
  });

  it('offers 更正 to a duty officer and 作废 to a leader on a case in force', async () => {
    installBridge({ ...referenceAnswers, 'petitions.get': () => ({ ok: true, data: detailWith('resolving') }) });
    mount(PetitionDrawer, { props: { id: voided.id }, global: global(['duty_officer']), attachTo: document.body });
    await findTestId('petition-edit');
    expect(document.querySelector('[data-testid="petition-void"]')).toBeNull();
    document.body.innerHTML = '';

    mount(PetitionDrawer, { props: { id: voided.id }, global: global(['leader']), attachTo: document.body });
    await findTestId('petition-void');
    expect(document.querySelector('[data-testid="petition-edit"]')).toBeNull();
  });
});

// The correction dialog's date pickers and selects take a few seconds to render in happy-dom.
describe('a stale version', () => {
  const opened = { ...detailWith('resolving'), version: 5 };
  const updates = (bridge: ReturnType<typeof installBridge>) =>
    bridge.mock.calls.filter(([method]) => method === 'petitions.update').map(([, input]) => input);

  const mountEdit = (latest: PetitionDetail, answers: Array<() => unknown>) => {
    const bridge = installBridge({
      ...referenceAnswers,
      'petitions.update': () => answers.shift()!() as never,
    });
    const refresh = vi.fn(async () => latest);
    const wrapper = mount(PetitionEditDialog, {
      props: { detail: opened, refresh },
      global: global(),
      attachTo: document.body,
    });
    return { bridge, refresh, wrapper };
  };

  it('keeps the typed input, reloads the latest into untouched fields and saves on the new version', async () => {
    const latest = { ...opened, version: 6, stabilityMeasures: '专人包保，每日见面' };
    const saved = { ...latest, version: 7, summary: '要求补发征地补偿款及利息' };
    const { bridge, refresh, wrapper } = mountEdit(latest, [() => STALE, () => ({ ok: true, data: saved })]);
    await findTestId('petition-edit-dialog');
    typeInto(await findTestId<HTMLInputElement>('petition-edit-summary'), '要求补发征地补偿款及利息');
    (await findTestId('petition-edit-submit')).click();

    const alert = await findTestId('conflict-alert');
    expect(alert.textContent).toContain('该记录已被他人修改，请刷新后重试。');
    expect(updates(bridge)[0]).toMatchObject({ version: 5, summary: '要求补发征地补偿款及利息' });
    expect(await textOf('petition-edit-summary')).toBe('要求补发征地补偿款及利息');
    expect(document.querySelector('[data-testid="petition-edit-error"]')).toBeNull();
    expect(wrapper.emitted('saved')).toBeUndefined();

    (await findTestId('conflict-reload')).click();
    await eventually(() => expect(document.querySelector('[data-testid="conflict-alert"]')).toBeNull());
    expect(refresh).toHaveBeenCalledOnce();
    expect(await textOf('petition-edit-summary')).toBe('要求补发征地补偿款及利息');
    expect(await textOf('petition-edit-measures')).toBe('专人包保，每日见面');

    (await findTestId('petition-edit-submit')).click();
    await eventually(() => expect(wrapper.emitted('saved')).toEqual([[saved]]));
    expect(updates(bridge)[1]).toMatchObject({
      id: opened.id,
      version: 6,
      summary: '要求补发征地补偿款及利息',
      stabilityMeasures: '专人包保，每日见面',
      category: 'land',
      responsibleId: null,
    });
  }, 20_000);

  it.each([
    ['confirm-cancel', '要求补发征地补偿款及利息'],
    ['confirm-ok', '要求补发征地补偿款（他人改）'],
  ])(
    'asks whose value stays where both changed the same field (%s)',
    async (button, kept) => {
      const latest = { ...opened, version: 6, summary: '要求补发征地补偿款（他人改）' };
      mountEdit(latest, [() => STALE]);
      await findTestId('petition-edit-dialog');
      typeInto(await findTestId<HTMLInputElement>('petition-edit-summary'), '要求补发征地补偿款及利息');
      (await findTestId('petition-edit-submit')).click();
      (await findTestId('conflict-reload')).click();
      const choice = await eventually(() => {
        const found = document.querySelector<HTMLElement>(`.${button}`);
        if (!found) throw new Error('未出现确认框');
        return found;
      });
      expect(document.querySelector('.el-message-box')!.textContent).toContain('“诉求摘要”');
      choice.click();
      await eventually(async () => expect(await textOf('petition-edit-summary')).toBe(kept));
    },
    20_000,
  );

  it('sends nothing when a correction changes nothing', async () => {
    const { bridge, wrapper } = mountEdit(opened, []);
    await findTestId('petition-edit-dialog');
    (await findTestId('petition-edit-submit')).click();
    await eventually(() => expect(document.body.textContent).toContain('没有改动任何内容'));
    expect(updates(bridge)).toEqual([]);
    expect(wrapper.emitted('saved')).toBeUndefined();
  });

  // 化解 follows the written reply: the step dialogs open on a replied case.
  const replied = { ...detailWith('replied'), version: 5 };

  it('keeps a step refused as stale open, and takes it on the version 重新载入 read', async () => {
    const latest = { ...replied, version: 6 };
    const answers = [() => STALE, () => ({ ok: true, data: detailWith('resolved') })];
    const bridge = installBridge({
      ...referenceAnswers,
      'petitions.transition': () => answers.shift()!() as never,
    });
    const wrapper = mount(PetitionActionDialog, {
      props: { detail: replied, action: 'resolve', refresh: async () => latest },
      global: global(),
      attachTo: document.body,
    });
    typeInto(await findTestId<HTMLInputElement>('petition-action-field-outcome'), '已兑付补偿款，信访人息诉');
    (await findTestId('petition-action-submit')).click();
    await findTestId('conflict-alert');
    expect(document.querySelector('[data-testid="petition-action-error"]')).toBeNull();
    expect(wrapper.emitted('saved')).toBeUndefined();

    (await findTestId('conflict-reload')).click();
    await eventually(() => expect(document.querySelector('[data-testid="conflict-alert"]')).toBeNull());
    expect(await textOf('petition-action-field-outcome')).toBe('已兑付补偿款，信访人息诉');
    (await findTestId('petition-action-submit')).click();
    await eventually(() => expect(wrapper.emitted('saved')).toEqual([[detailWith('resolved')]]));
    const versions = bridge.mock.calls.filter(([method]) => method === 'petitions.transition');
    expect(versions.map(([, input]) => (input as { version: number }).version)).toEqual([5, 6]);
  });

  it('sends the version the drawer showed with every step', async () => {
    const bridge = installBridge({
      ...referenceAnswers,
      'petitions.transition': () => ({ ok: true, data: detailWith('resolved') }),
    });
    mount(PetitionActionDialog, {
      props: { detail: replied, action: 'resolve', refresh: async () => replied },
      global: global(),
      attachTo: document.body,
    });
    typeInto(await findTestId<HTMLInputElement>('petition-action-field-outcome'), '已兑付补偿款，信访人息诉');
    (await findTestId('petition-action-submit')).click();
    await eventually(() =>
      expect(bridge).toHaveBeenCalledWith(
        'petitions.transition',
        expect.objectContaining({ id: replied.id, action: 'resolve', version: 5 }),
      ),
    );
  });
});

describe('a step that asks first', () => {
  it('sends nothing when the user declines, and the step once confirmed', async () => {
    const extended = { ...detailWith('resolving'), dueDate: '2026-12-30' };
    const bridge = installBridge({ 'petitions.extend': () => ({ ok: true, data: extended }) });
    const wrapper = mount(ExtendDialog, {
      props: { detail: { ...detailWith('resolving'), itemType: 'appeal' } },
      global: global(),
      attachTo: document.body,
    });
    typeInto(await findTestId<HTMLInputElement>('petition-extend-approved-by'), '县信访局张局长');
    typeInto(await findTestId<HTMLInputElement>('petition-extend-reason'), '涉及多部门协调');
    // Each question opens a message box of its own; the one answered is the newest.
    const confirmed = async (button: 'confirm-cancel' | 'confirm-ok') => {
      const asked = document.querySelectorAll('.el-message-box').length;
      (await findTestId('petition-extend-submit')).click();
      const box = await eventually(() => {
        const boxes = document.querySelectorAll('.el-message-box');
        if (boxes.length <= asked) throw new Error('未出现确认框');
        return boxes[boxes.length - 1]!;
      });
      expect(box.textContent).toContain('只能延长一次');
      box.querySelector<HTMLElement>(`.${button}`)!.click();
    };

    await confirmed('confirm-cancel');
    await flushPromises();
    expect(bridge).not.toHaveBeenCalled();

    await confirmed('confirm-ok');
    await eventually(() => expect(wrapper.emitted('saved')).toEqual([[extended]]));
    // The extension names the version the drawer showed, so a stale one is refused.
    expect(bridge).toHaveBeenCalledWith('petitions.extend', expect.objectContaining({ days: 30, version: 1 }));
    await eventually(() => expect(document.body.textContent).toContain('办理期限已延长'));
  });
});
