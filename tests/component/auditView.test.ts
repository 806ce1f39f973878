import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AuditEntry, AuditVerification } from '@shared/contract/audit';
import AuditView from '@/features/audit/views/AuditView.vue';
import { findTestId, meWith, signedInPinia, typeInto } from './helpers/auth';
import { installBridge, removeBridge } from './helpers/fakeBridge';

enableAutoUnmount(afterEach);
afterEach(() => {
  vi.restoreAllMocks();
  removeBridge();
  document.body.innerHTML = '';
});

const entry: AuditEntry = {
  seq: 41,
  at: '2026-11-22T09:05:03.120+08:00',
  userId: '0b9f6c1e-8d4a-4c1b-9a55-3f2d7e6a1b01',
  username: 'admin',
  roles: 'sysadmin',
  client: 'desktop',
  action: 'users.update',
  entity: 'user',
  entityId: '5d1c2b7a-3e4f-4a6b-8c9d-0e1f2a3b4c5d',
  result: 'success',
  fields: ['displayName', 'roles'],
  detail: '修改账号',
};
const page = { ok: true as const, data: { items: [entry], total: 1, page: 1, pageSize: 20 } };
const broken: AuditVerification = {
  ok: false,
  checkedRows: 120,
  firstBadSeq: 42,
  message: '第 42 条记录的哈希与内容不符。',
  verifiedAt: '2026-11-22T08:00:00+08:00',
};

const mountAudit = () =>
  mount(AuditView, { global: { plugins: [ElementPlus, signedInPinia(meWith(['auditor']))] }, attachTo: document.body });

describe('audit log page', () => {
  it('lists entries with Chinese roles, result and changed fields', async () => {
    installBridge({ 'audit.status': () => ({ ok: true, data: null }), 'audit.list': () => page });
    const wrapper = mountAudit();
    await flushPromises();

    const cells = wrapper.findAll('[data-testid="audit-table"] tbody td').map((cell) => cell.text());
    // Shown in this machine's time zone, whatever offset the backend recorded.
    const local = new Date(entry.at);
    const time = `${local.getFullYear()}-11-${String(local.getDate()).padStart(2, '0')} ${String(local.getHours()).padStart(2, '0')}:05:03`;
    expect(cells).toEqual(expect.arrayContaining(['41', time, 'admin', '系统管理员', '成功', 'displayName、roles']));
    expect(wrapper.find('[data-testid="audit-status-banner"]').exists()).toBe(false);
  });

  it('warns when the start-up check failed and names the first bad seq when the chain is verified', async () => {
    installBridge({
      'audit.status': () => ({ ok: true, data: broken }),
      'audit.list': () => page,
      'audit.verify': () => ({ ok: true, data: broken }),
    });
    const wrapper = mountAudit();
    await flushPromises();

    expect(wrapper.get('[data-testid="audit-status-banner"]').text()).toContain('第一条异常记录的序号为 42');

    await wrapper.get('[data-testid="audit-verify"]').trigger('click');
    await flushPromises();
    const result = wrapper.get('[data-testid="audit-verify-result"]');
    expect(result.attributes('data-ok')).toBe('false');
    expect(result.text()).toContain('序号为 42');
    expect(result.text()).toContain('第 42 条记录的哈希与内容不符');
    expect(result.find('.el-alert--error').exists()).toBe(true);
  });

  it('says the chain holds, with the rows checked', async () => {
    installBridge({
      'audit.status': () => ({ ok: true, data: null }),
      'audit.list': () => page,
      'audit.verify': () => ({
        ok: true,
        data: { ok: true, checkedRows: 120, firstBadSeq: null, message: '', verifiedAt: broken.verifiedAt },
      }),
    });
    const wrapper = mountAudit();
    await flushPromises();

    await wrapper.get('[data-testid="audit-verify"]').trigger('click');
    await flushPromises();
    const result = wrapper.get('[data-testid="audit-verify-result"]');
    expect(result.attributes('data-ok')).toBe('true');
    expect(result.text()).toContain('已校验 120 条记录');
    expect(result.find('.el-alert--success').exists()).toBe(true);
  });

  it('exports the searched filter to an .xlsx download', async () => {
    const bridge = installBridge({
      'audit.status': () => ({ ok: true, data: null }),
      'audit.list': () => page,
      'audit.export': () => ({
        ok: true,
        data: { fileName: '审计日志.xlsx', base64: btoa('PK\u0003\u0004'), rows: 1 },
      }),
    });
    const created: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      created.push(blob as Blob);
      return 'blob:audit';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    const wrapper = mountAudit();
    await flushPromises();

    typeInto(await findTestId<HTMLInputElement>('audit-username'), 'admin');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    // Typed after the search: not part of what the table shows, so not exported.
    typeInto(await findTestId<HTMLInputElement>('audit-action'), 'auth.login');
    await wrapper.get('[data-testid="audit-export"]').trigger('click');
    await flushPromises();

    expect(bridge).toHaveBeenCalledWith('audit.export', { username: 'admin' });
    expect(clicked).toHaveLength(1);
    expect(clicked[0]!.download).toBe('审计日志.xlsx');
    expect(created[0]!.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(created[0]!.size).toBe(4);
  });
});
