import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { afterEach, describe, expect, it } from 'vitest';
import type { Region } from '@shared/contract/regions';
import type { DemoSummary, SystemInfo } from '@shared/contract/system';
import { createMemoryHistory } from 'vue-router';
import { createAppRouter } from '@/app/router';
import HomeView from '@/features/home/views/HomeView.vue';
import type { Role } from '@shared/domain/roles';
import { meWith, signedInPinia } from './helpers/auth';
import { installBridge, removeBridge } from './helpers/fakeBridge';

const emptyInfo: SystemInfo = {
  appName: '综治工作台',
  version: '0.1.0',
  schemaVersion: 1,
  county: null,
  centreName: '社会治理综合服务中心',
  counts: { townships: 0, villages: 0, grids: 0, units: 0, people: 0 },
};
const demoInfo: SystemInfo = {
  ...emptyInfo,
  county: { code: '990101000000', name: '演示县' },
  counts: { townships: 2, villages: 31, grids: 240, units: 12, people: 20 },
};
const townships: Region[] = [
  {
    code: '990101001000',
    name: '城关镇',
    level: 'township',
    parentCode: '990101000000',
    childCount: 18,
    enabled: true,
  },
  {
    code: '990101002000',
    name: '河西乡',
    level: 'township',
    parentCode: '990101000000',
    childCount: 13,
    enabled: true,
  },
];
// An administrator's 工作台 without sections (its own are tested in workbench.test.ts).
const noSections = { 'workbench.get': () => ({ ok: true as const, data: { today: '2026-11-20' } }) };
const townshipPage = { ok: true, data: { items: townships, total: 2, page: 1, pageSize: 200 } } as const;

afterEach(() => {
  removeBridge();
  document.body.innerHTML = '';
});

// The app's own routes: the setup path links to 基础数据 by route name.
const mountHome = (roles: Role[] = ['sysadmin']) =>
  mount(HomeView, {
    global: { plugins: [ElementPlus, signedInPinia(meWith(roles)), createAppRouter(createMemoryHistory())] },
    attachTo: document.body,
  });

describe('home view', () => {
  it('lists the county townships with code, name and village count', async () => {
    const bridge = installBridge({
      ...noSections,
      'system.info': () => ({ ok: true, data: demoInfo }),
      'regions.list': () => townshipPage,
    });
    const wrapper = mountHome();
    await flushPromises();

    expect(bridge).toHaveBeenCalledWith(
      'regions.list',
      expect.objectContaining({ level: 'township', parentCode: '990101000000' }),
    );
    const table = wrapper.find('[data-testid="home-townships"]');
    const rows = table.findAll('tbody tr').map((row) => row.findAll('td').map((cell) => cell.text()));
    expect(rows).toEqual([
      ['1', '990101001000', '城关镇', '18'],
      ['2', '990101002000', '河西乡', '13'],
    ]);
    expect(wrapper.find('[data-testid="first-run"]').exists()).toBe(false);
  });

  it('shows the first-run card when the database has no county', async () => {
    installBridge({ ...noSections, 'system.info': () => ({ ok: true, data: emptyInfo }) });
    const wrapper = mountHome();
    await flushPromises();

    expect(wrapper.find('[data-testid="first-run"]').text()).toContain('载入演示数据');
    expect(wrapper.find('[data-testid="home-townships"]').exists()).toBe(false);
  });

  it('tells a user who may not load the demo whom to ask, without the button', async () => {
    installBridge({ ...noSections, 'system.info': () => ({ ok: true, data: emptyInfo }) });
    const wrapper = mountHome(['duty_officer']);
    await flushPromises();

    expect(wrapper.find('[data-testid="load-demo"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="first-run-ask-admin"]').text()).toContain('系统管理员');
  });

  it('loads the chosen demo scale, then shows the townships and the counts loaded', async () => {
    const summary: DemoSummary = { county: '演示县', townships: 2, villages: 31, grids: 240, units: 12, people: 20 };
    let loaded = false;
    const bridge = installBridge({
      ...noSections,
      'system.info': () => ({ ok: true, data: loaded ? demoInfo : emptyInfo }),
      'system.loadDemo': () => {
        loaded = true;
        return { ok: true, data: summary };
      },
      'regions.list': () => townshipPage,
    });
    const wrapper = mountHome();
    await flushPromises();

    await wrapper.find('[data-testid="load-demo"]').trigger('click');
    await flushPromises();
    (document.querySelector('[data-testid="demo-scale-large"] input') as HTMLInputElement).click();
    await flushPromises();
    (document.querySelector('[data-testid="load-demo-confirm"]') as HTMLButtonElement).click();
    await flushPromises();

    expect(bridge).toHaveBeenCalledWith('system.loadDemo', { scale: 'large' });
    expect(document.body.textContent).toContain('网格 240 个');
    expect(wrapper.find('[data-testid="home-townships"]').text()).toContain('城关镇');
  });

  it('sets up the county as the first step, then offers each kind by template, import or by hand', async () => {
    let county: SystemInfo['county'] = null;
    const bridge = installBridge({
      ...noSections,
      'system.info': () => ({ ok: true, data: { ...emptyInfo, county } }),
      'regions.setUpCounty': (input) => {
        county = { code: '410122000000', name: (input as { name: string }).name };
        return { ok: true, data: { ...townships[0]!, code: county.code, name: county.name, level: 'county' } };
      },
      'regions.list': () => ({ ok: true, data: { items: [], total: 0, page: 1, pageSize: 200 } }),
    });
    const wrapper = mountHome();
    await flushPromises();
    expect(wrapper.get<HTMLButtonElement>('[data-testid="setup-import-regions"]').element.disabled).toBe(true);
    expect(wrapper.find('[data-testid="setup-manual-regions"]').exists()).toBe(false);

    await wrapper.get('[data-testid="county-name"]').setValue('中牟县');
    await wrapper.get('[data-testid="county-code"]').setValue('410122');
    await wrapper.get('[data-testid="county-form"]').trigger('submit');
    await flushPromises();

    expect(bridge).toHaveBeenCalledWith('regions.setUpCounty', { name: '中牟县', divisionCode: '410122' });
    expect(wrapper.get('[data-testid="setup-county-done"]').text()).toContain('中牟县（410122）');
    expect(wrapper.get<HTMLButtonElement>('[data-testid="setup-import-regions"]').element.disabled).toBe(false);
    expect(wrapper.get('[data-testid="setup-manual-units"]').attributes('href')).toBe('/admin?tab=units');
    expect(wrapper.get('[data-testid="setup-counts-regions"]').text()).toBe(
      '已有 乡镇/街道 0 个、村/社区 0 个、网格 0 个',
    );
    expect(wrapper.get('[data-testid="home-overview"]').text()).toContain('中牟县');
  });

  it('keeps the setup path for the administrator until units and people exist, not for others', async () => {
    const partial: SystemInfo = { ...demoInfo, counts: { ...demoInfo.counts, people: 0 } };
    installBridge({
      ...noSections,
      'system.info': () => ({ ok: true, data: partial }),
      'regions.list': () => townshipPage,
    });
    const admin = mountHome();
    await flushPromises();
    expect(admin.get('[data-testid="setup-counts-units"]').text()).toBe('已有 承办单位 12 个');
    expect(admin.get('[data-testid="first-run"]').text()).toContain('继续设置本县：演示县');
    admin.unmount();

    const leader = mountHome(['leader']);
    await flushPromises();
    expect(leader.find('[data-testid="first-run"]').exists()).toBe(false);
    // The leader's page is their 工作台, not the county's reference table.
    expect(leader.find('[data-testid="workbench"]').exists()).toBe(true);
    expect(leader.find('[data-testid="home-townships"]').exists()).toBe(false);
  });

  it('shows the server message when loading the demo fails', async () => {
    const message = '数据库中已有县区数据，不能再载入演示数据。';
    installBridge({
      'system.info': () => ({ ok: true, data: emptyInfo }),
      'system.loadDemo': () => ({ ok: false, error: { code: 'CONFLICT', message } }),
    });
    const wrapper = mountHome();
    await flushPromises();

    await wrapper.find('[data-testid="load-demo"]').trigger('click');
    await flushPromises();
    (document.querySelector('[data-testid="load-demo-confirm"]') as HTMLButtonElement).click();
    await flushPromises();

    expect(document.body.textContent).toContain(message);
    expect(wrapper.find('[data-testid="first-run"]').exists()).toBe(true);
  });
});
