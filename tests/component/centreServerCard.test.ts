import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_CENTRE_SERVER_SETTINGS,
  type CentreServerView,
  type RunningCentreServer,
} from '@shared/domain/centre-server';
import CentreServerCard from '@/features/settings/components/CentreServerCard.vue';
import { installBridge, removeBridge } from './helpers/fakeBridge';

enableAutoUnmount(afterEach);
afterEach(() => {
  removeBridge();
  document.body.innerHTML = '';
});

const FINGERPRINT = Array.from({ length: 32 }, (_, i) => (i * 7).toString(16).padStart(2, '0').toUpperCase()).join(':');
const SAVED = { ...DEFAULT_CENTRE_SERVER_SETTINGS, enabled: true, address: '192.168.1.20', port: 5710 };
const RUNNING: RunningCentreServer = {
  address: '192.168.1.20',
  port: 5710,
  fingerprint: FINGERPRINT,
  allowedClients: ['192.168.1.0/24'],
  startedAt: new Date(2026, 11, 6, 8, 30, 5).toISOString(),
  fromFlags: false,
};

async function cardWith(view: CentreServerView) {
  installBridge({ 'settings.getServer': () => ({ ok: true, data: view }) });
  const wrapper = mount(CentreServerCard, { global: { plugins: [ElementPlus] }, attachTo: document.body });
  await flushPromises();
  return wrapper;
}

const base = { settings: SAVED, fingerprint: FINGERPRINT, certificateProblem: null };

describe('the centre server card', () => {
  it('shows the server running now: address, port, fingerprint and since when', async () => {
    const card = await cardWith({ ...base, running: RUNNING, restartNeeded: false });
    expect(card.get('[data-testid="server-status-state"]').text()).toBe('运行中');
    expect(card.get('[data-testid="server-status-address"]').text()).toBe('https://192.168.1.20:5710/');
    expect(card.get('[data-testid="server-status-fingerprint"]').text()).toBe(FINGERPRINT);
    expect(card.get('[data-testid="server-status-started"]').text()).toBe('2026-12-06 08:30:05');
    expect(card.find('[data-testid="server-status-restart"]').exists()).toBe(false);
    expect(card.find('[data-testid="server-status-flags"]').exists()).toBe(false);
  });

  it('says 已保存，重启服务后生效 when the saved settings differ from what runs', async () => {
    const card = await cardWith({
      ...base,
      running: { ...RUNNING, allowedClients: ['127.0.0.1'], fromFlags: true },
      restartNeeded: true,
    });
    const note = card.get('[data-testid="server-status-restart"]');
    expect(note.text()).toContain('已保存，重启服务后生效');
    expect(note.text()).toContain('正在运行的仍是上面所列的设置');
    expect(card.get('[data-testid="server-status-flags"]').text()).toContain('参数优先于此处保存的设置');
  });

  it('says none runs here, and that a saved server starts with the next start', async () => {
    const card = await cardWith({ ...base, running: null, restartNeeded: true });
    expect(card.get('[data-testid="server-status-state"]').text()).toBe('未运行');
    expect(card.text()).toContain('本机当前没有以中心服务器方式运行');
    expect(card.get('[data-testid="server-status-restart"]').text()).toContain('按已保存的设置作为中心服务器运行');
  });
});
