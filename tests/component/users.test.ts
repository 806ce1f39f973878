import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { afterEach, describe, expect, it } from 'vitest';
import type { UserAccount } from '@shared/contract/users';
import type { Role } from '@shared/domain/roles';
import PersonalValue from '@/components/PersonalValue.vue';
import UserFormDialog from '@/features/users/components/UserFormDialog.vue';
import { emptyPage, findTestId, meWith, signedInPinia, typeInto } from './helpers/auth';
import { installBridge, removeBridge } from './helpers/fakeBridge';
import { eventually } from './helpers/eventually';

enableAutoUnmount(afterEach);
afterEach(() => {
  removeBridge();
  document.body.innerHTML = '';
});

const account: UserAccount = {
  id: '5d1c2b7a-3e4f-4a6b-8c9d-0e1f2a3b4c5d',
  username: 'liuyang',
  displayName: '刘洋',
  unitId: null,
  unitName: null,
  regionCode: '990101001000',
  regionName: '城关镇',
  roles: ['duty_officer'],
  phoneMasked: '138****5678',
  enabled: true,
  locked: false,
  mustChangePassword: false,
  passwordChangedAt: '2026-11-01T09:00:00+08:00',
  createdAt: '2026-11-01T09:00:00+08:00',
};

const referenceAnswers = {
  'units.list': () => emptyPage,
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

const mountForm = (target: UserAccount | null) =>
  mount(UserFormDialog, {
    props: { account: target },
    global: { plugins: [ElementPlus, signedInPinia(meWith(['sysadmin']))] },
    attachTo: document.body,
  });

const role = (code: Role) => document.querySelector<HTMLElement>(`[data-testid="user-form-role-${code}"]`)!;
const roleInput = (code: Role) => role(code).querySelector('input')!;

describe('account form', () => {
  it('will not let one account be both administrator and auditor', async () => {
    installBridge(referenceAnswers);
    mountForm(null);
    await findTestId('user-form');
    await flushPromises();

    expect(document.body.textContent).toContain('系统管理员与审计员不能由同一账号兼任');
    roleInput('sysadmin').click();
    await flushPromises();
    expect(roleInput('auditor').disabled).toBe(true);
    expect(role('auditor').classList).toContain('is-disabled');
    expect(roleInput('leader').disabled).toBe(false);

    roleInput('auditor').click();
    await flushPromises();
    expect(roleInput('auditor').checked).toBe(false);

    roleInput('sysadmin').click();
    await flushPromises();
    expect(roleInput('auditor').disabled).toBe(false);
  });

  it('lists what the initial password lacks as it is typed and creates the account once it is sound', async () => {
    const bridge = installBridge({
      ...referenceAnswers,
      'users.create': () => ({ ok: true, data: { ...account, mustChangePassword: true } }),
    });
    const wrapper = mountForm(null);
    await findTestId('user-form');
    await flushPromises();

    typeInto(await findTestId<HTMLInputElement>('user-form-username'), 'liuyang');
    typeInto(await findTestId<HTMLInputElement>('user-form-display-name'), '刘洋');
    roleInput('duty_officer').click();
    typeInto(await findTestId<HTMLInputElement>('user-form-password'), 'liuyang1');
    await flushPromises();
    const problems = (await findTestId('password-problems')).textContent;
    expect(problems).toContain('至少 3 类');
    expect(problems).toContain('密码不能包含用户名');

    (await findTestId('user-form-submit')).click();
    await flushPromises();
    expect(bridge).not.toHaveBeenCalledWith('users.create', expect.anything());

    typeInto(await findTestId<HTMLInputElement>('user-form-password'), 'Chen#2026ok');
    await flushPromises();
    expect(document.querySelector('[data-testid="password-problems"]')).toBeNull();
    expect((await findTestId('password-ok')).textContent).toContain('密码符合要求');

    (await findTestId('user-form-submit')).click();
    await eventually(() =>
      expect(bridge).toHaveBeenCalledWith('users.create', {
        username: 'liuyang',
        displayName: '刘洋',
        password: 'Chen#2026ok',
        roles: ['duty_officer'],
        unitId: null,
        regionCode: null,
        phone: null,
      }),
    );
    await eventually(() => expect(wrapper.emitted('saved')).toHaveLength(1));
  });

  it('shows the backend field errors on the fields they name', async () => {
    installBridge({
      ...referenceAnswers,
      'users.create': () => ({
        ok: false,
        error: {
          code: 'VALIDATION',
          message: '输入有误：角色不能兼任。',
          details: [{ path: 'roles', message: '系统管理员与审计员不能由同一账号兼任' }],
        },
      }),
    });
    mountForm(null);
    await findTestId('user-form');
    typeInto(await findTestId<HTMLInputElement>('user-form-username'), 'liuyang');
    typeInto(await findTestId<HTMLInputElement>('user-form-display-name'), '刘洋');
    roleInput('auditor').click();
    typeInto(await findTestId<HTMLInputElement>('user-form-password'), 'Chen#2026ok');
    // An auditor's account needs an auditor's confirmation, typed in the same dialog.
    typeInto(await findTestId<HTMLInputElement>('auditor-confirm-username'), 'auditor');
    typeInto(await findTestId<HTMLInputElement>('auditor-confirm-password'), 'Audit-2026-Own');
    await flushPromises();

    (await findTestId('user-form-submit')).click();
    expect((await findTestId('user-form-error')).textContent).toContain('输入有误');
    const rolesItem = role('auditor').closest('.el-form-item')!;
    await eventually(() => expect(rolesItem.querySelector('.el-form-item__error')?.textContent).toContain('兼任'));
  });

  it('shows the auditor’s confirmation only for an auditor, and sends it with the account', async () => {
    const bridge = installBridge({ ...referenceAnswers, 'users.create': () => ({ ok: true, data: account }) });
    mountForm(null);
    await findTestId('user-form');
    typeInto(await findTestId<HTMLInputElement>('user-form-username'), 'liuyang');
    typeInto(await findTestId<HTMLInputElement>('user-form-display-name'), '刘洋');
    typeInto(await findTestId<HTMLInputElement>('user-form-password'), 'Chen#2026ok');
    await flushPromises();
    expect(document.querySelector('[data-testid="auditor-confirm"]')).toBeNull();
    roleInput('auditor').click();
    await flushPromises();

    typeInto(await findTestId<HTMLInputElement>('auditor-confirm-username'), 'auditor');
    typeInto(await findTestId<HTMLInputElement>('auditor-confirm-password'), 'Audit-2026-Own');
    await flushPromises();
    (await findTestId('user-form-submit')).click();
    await eventually(() =>
      expect(bridge).toHaveBeenCalledWith(
        'users.create',
        expect.objectContaining({
          roles: ['auditor'],
          auditorConfirmation: { username: 'auditor', password: 'Audit-2026-Own' },
        }),
      ),
    );
  });

  it('keeps the registered phone when editing leaves the phone empty', async () => {
    const bridge = installBridge({ ...referenceAnswers, 'users.update': () => ({ ok: true, data: account }) });
    mountForm(account);
    await findTestId('user-form');
    await flushPromises();

    expect(document.querySelector('[data-testid="user-form-username"]')).toBeNull();
    expect((await findTestId<HTMLInputElement>('user-form-phone')).placeholder).toContain('138****5678');
    typeInto(await findTestId<HTMLInputElement>('user-form-display-name'), '刘洋洋');
    (await findTestId('user-form-submit')).click();

    await eventually(() =>
      expect(bridge).toHaveBeenCalledWith('users.update', {
        id: account.id,
        displayName: '刘洋洋',
        unitId: null,
        regionCode: '990101001000',
        roles: ['duty_officer'],
      }),
    );
  });
});

describe('personal value', () => {
  const mountValue = (roles: Role[]) =>
    mount(PersonalValue, {
      props: {
        masked: account.phoneMasked,
        entity: 'user',
        id: account.id,
        field: 'phone',
        label: '电话',
        owner: '刘洋',
      },
      global: { plugins: [ElementPlus, signedInPinia(meWith(roles))] },
      attachTo: document.body,
    });

  it('reveals the phone in the dialog only after a reason of at least 4 characters', async () => {
    const bridge = installBridge({ 'personal.reveal': () => ({ ok: true, data: { value: '13812345678' } }) });
    const wrapper = mountValue(['leader']);
    expect(wrapper.text()).toContain('138****5678');

    await wrapper.get('[data-testid="reveal-phone"]').trigger('click');
    await findTestId('reveal-dialog');
    (await findTestId('reveal-submit')).click();
    await flushPromises();
    const reasonItem = (await findTestId('reveal-reason')).closest('.el-form-item')!;
    const reasonError = () => reasonItem.querySelector('.el-form-item__error')?.textContent;
    await eventually(() => expect(reasonError()).toContain('必填'));

    typeInto(await findTestId<HTMLInputElement>('reveal-reason'), '核实');
    (await findTestId('reveal-submit')).click();
    await flushPromises();
    await eventually(() => expect(reasonError()).toContain('至少 4 个字'));
    expect(bridge).not.toHaveBeenCalled();

    typeInto(await findTestId<HTMLInputElement>('reveal-reason'), '联系本人核实值班安排');
    (await findTestId('reveal-submit')).click();
    expect((await findTestId('reveal-value')).textContent).toBe('13812345678');
    expect(bridge).toHaveBeenCalledWith('personal.reveal', {
      entity: 'user',
      id: account.id,
      field: 'phone',
      reason: '联系本人核实值班安排',
    });
    // The table cell still shows only the masked value.
    expect(wrapper.find('.personal-value > span').text()).toBe('138****5678');
  });

  it('shows the masked value without 查看 to a user without the personal.reveal permission', () => {
    const wrapper = mountValue(['sysadmin']);
    expect(wrapper.find('.personal-value > span').text()).toBe('138****5678');
    expect(wrapper.find('[data-testid="reveal-phone"]').exists()).toBe(false);
  });
});
