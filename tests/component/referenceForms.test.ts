import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportLogEntry } from '@shared/contract/imports';
import type { Person } from '@shared/contract/people';
import ImportLog from '@/components/import/ImportLog.vue';
import PersonFormDialog from '@/features/admin/components/PersonFormDialog.vue';
import UnitFormDialog from '@/features/admin/components/UnitFormDialog.vue';
import { findTestId, typeInto } from './helpers/auth';
import { installBridge, removeBridge } from './helpers/fakeBridge';
import { eventually } from './helpers/eventually';

enableAutoUnmount(afterEach);
afterEach(() => {
  removeBridge();
  document.body.innerHTML = '';
});

const UNIT_ID = '0199a0b0-0000-7000-8000-0000000000aa';
const person: Person = {
  id: '0199a0b0-0000-7000-8000-0000000000bb',
  name: '王建国',
  title: '副县长',
  role: 'leader',
  unitId: UNIT_ID,
  unitName: '中牟县信访局',
  phoneMasked: '138****5678',
  enabled: true,
};
const unitsPage = () => ({
  ok: true as const,
  data: { items: [{ id: UNIT_ID, name: '中牟县信访局' }], total: 1, page: 1, pageSize: 50 },
});
const plugins = { global: { plugins: [ElementPlus] }, attachTo: document.body };

describe('领导与责任人 form', () => {
  it('keeps the registered phone when the field is left empty', async () => {
    const bridge = installBridge({
      'units.list': unitsPage,
      'people.update': (input) => ({ ok: true, data: { ...person, ...(input as object) } }),
    });
    mount(PersonFormDialog, { props: { person }, ...plugins });
    const phone = await findTestId<HTMLInputElement>('person-form-phone');
    expect(phone.placeholder).toBe('已登记 138****5678，留空则不修改');

    typeInto(await findTestId<HTMLInputElement>('person-form-title'), '县委常委');
    (await findTestId('person-form-submit')).click();
    await eventually(() =>
      expect(bridge).toHaveBeenCalledWith('people.update', {
        id: person.id,
        name: '王建国',
        title: '县委常委',
        role: 'leader',
        unitId: UNIT_ID,
      }),
    );
  });

  it('sends an empty phone when 清除已登记的电话 is ticked', async () => {
    const bridge = installBridge({
      'units.list': unitsPage,
      'people.update': () => ({ ok: true, data: person }),
    });
    mount(PersonFormDialog, { props: { person }, ...plugins });
    (await findTestId('person-form-phone-clear')).querySelector('input')!.click();
    await flushPromises();
    (await findTestId('person-form-submit')).click();
    await eventually(() =>
      expect(bridge).toHaveBeenCalledWith('people.update', expect.objectContaining({ id: person.id, phone: '' })),
    );
  });
});

describe('承办单位 form', () => {
  it('asks a township government for its township before saving', async () => {
    const bridge = installBridge({});
    const kinds = [{ code: 'township_government', label: '乡镇人民政府/街道办事处', sort: 1, enabled: true }];
    const unit = {
      id: UNIT_ID,
      code: 'CGZ',
      name: '城关镇人民政府',
      kind: 'township_government',
      regionCode: null,
      enabled: true,
    };
    mount(UnitFormDialog, { props: { unit, kinds, townships: [] }, ...plugins });
    (await findTestId('unit-form-submit')).click();
    await eventually(() =>
      expect(document.querySelector('[data-testid="unit-form"]')!.textContent).toContain(
        '乡镇人民政府/街道办事处须选择所属乡镇（街道）',
      ),
    );
    expect(bridge).not.toHaveBeenCalled();
  });
});

describe('导入记录', () => {
  const entry: ImportLogEntry = {
    id: '0199a0b0-0000-7000-8000-000000000001',
    kind: 'people',
    fileName: '领导与责任人.xlsx',
    sha256: '0123456789abcdef'.repeat(4),
    sheet: '人员',
    rows: 2,
    creates: 2,
    updates: 0,
    byName: '系统管理员',
    at: '2026-11-22T02:00:00.000Z',
    undoneAt: null,
    undoable: true,
  };

  it('lists each import with its short digest, and undoes one after asking', async () => {
    let undone = false;
    const bridge = installBridge({
      'imports.list': () => ({
        ok: true,
        data: {
          items: [undone ? { ...entry, undoneAt: '2026-11-22T03:00:00.000Z', undoable: false } : entry],
          total: 1,
          page: 1,
          pageSize: 20,
        },
      }),
      'imports.undo': () => {
        undone = true;
        return { ok: true, data: entry };
      },
    });
    const wrapper = mount(ImportLog, plugins);
    await flushPromises();
    const row = wrapper.get('[data-testid="import-log-table"] tbody tr');
    expect(row.text()).toMatch(/领导与责任人\s*领导与责任人\.xlsx（人员）\s*0123456789ab…\s*系统管理员/);
    expect(row.text()).toContain('2 行：新增 2、更新 0');

    await wrapper.get('[data-testid="import-undo-领导与责任人.xlsx"]').trigger('click');
    await eventually(() => expect(document.body.textContent).toContain('这次导入新增的 2 条领导与责任人将停用或作废'));
    expect(bridge).not.toHaveBeenCalledWith('imports.undo', expect.anything());
    document.querySelector<HTMLElement>('.confirm-ok')!.click();
    await eventually(() => expect(bridge).toHaveBeenCalledWith('imports.undo', { id: entry.id }));
    await eventually(() => expect(wrapper.get('[data-testid="import-log-table"] tbody tr').text()).toContain('已撤销'));
    expect(wrapper.find('[data-testid="import-undo-领导与责任人.xlsx"]').exists()).toBe(false);
  });
});
