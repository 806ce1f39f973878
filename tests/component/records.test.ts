import { enableAutoUnmount, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { afterEach, describe, expect, it } from 'vitest';
import { defineComponent, h } from 'vue';
import type { LinkedHazard } from '@shared/contract/hazards';
import type { Role } from '@shared/domain/roles';
import { registerFeatures } from '@/app/features';
import PetitionDrawer from '@/features/petitions/components/PetitionDrawer.vue';
import RecordLink from '@/ledger/RecordLink.vue';
import { recordStep, registerPanel, registerRecord, useRecordPanels } from '@/ledger/records';
import { findTestId, meWith, signedInPinia } from './helpers/auth';
import { eventually } from './helpers/eventually';
import { installBridge, removeBridge } from './helpers/fakeBridge';
import { detailWith, referenceAnswers, row } from './helpers/petitions';

enableAutoUnmount(afterEach);
afterEach(() => {
  removeBridge();
  document.body.innerHTML = '';
});

const global = (roles: Role[]) => ({ plugins: [ElementPlus, signedInPinia(meWith(roles))] });

/** A drawer standing in for a feature's: shows the id it was opened with and closes on a click. */
const FakeDrawer = defineComponent({
  props: { id: { type: String, required: true } },
  emits: ['closed'],
  setup:
    (props, { emit }) =>
    () =>
      h('button', { 'data-testid': 'fake-drawer', onClick: () => emit('closed') }, `抽屉 ${props.id}`),
});

const linked: LinkedHazard = {
  id: '0192f3a4-5b6c-7d8e-9f01-23456789abcd',
  hazardNo: 'FX2026-000001',
  title: '征地补偿纠纷',
  level: 'orange',
  status: 'resolving',
};

describe('the records registry (ledger/records.ts)', () => {
  it("shows in a case's drawer the linked hazards that the hazards feature registered as a panel", async () => {
    registerFeatures();
    installBridge({
      ...referenceAnswers,
      'petitions.get': () => ({ ok: true, data: detailWith('resolving') }),
      'hazards.linkedToPetition': () => ({ ok: true, data: [linked] }),
    });
    mount(PetitionDrawer, { props: { id: row.id }, global: global(['duty_officer']), attachTo: document.body });
    const panel = await findTestId('petition-hazards');
    await eventually(() => expect(panel.textContent).toContain('征地补偿纠纷'));
    expect(panel.textContent).toContain('橙色');
    expect(document.querySelector('[data-testid="petition-drawer"]')!.textContent).toContain('关联风险隐患');
    expect(document.querySelector(`[data-testid="record-link-${linked.hazardNo}"]`)).not.toBeNull();
    expect(recordStep('petition', 'supervise')).toBeTruthy();
  });

  it('opens the drawer a feature registered from a record link, for a user who may read that kind only', async () => {
    registerRecord('hazard', { access: 'risks.read', drawer: FakeDrawer });
    mount(RecordLink, {
      props: { kind: 'hazard', id: linked.id, number: linked.hazardNo },
      global: global(['duty_officer']),
      attachTo: document.body,
    });
    (await findTestId(`record-link-${linked.hazardNo}`)).click();
    const drawer = await findTestId('fake-drawer');
    expect(drawer.textContent).toBe(`抽屉 ${linked.id}`);
    drawer.click();
    await eventually(() => expect(document.querySelector('[data-testid="fake-drawer"]')).toBeNull());

    const plain = mount(RecordLink, {
      props: { kind: 'hazard', id: linked.id, number: linked.hazardNo },
      global: global(['auditor']),
    });
    expect(plain.text()).toBe(linked.hazardNo);
    expect(plain.find('button').exists()).toBe(false);
  });

  it('lists the panels of a kind that the user may see, one per heading', () => {
    const panel = { title: '测试面板', access: 'petitions.read', component: FakeDrawer } as const;
    registerPanel('meeting', panel);
    registerPanel('meeting', panel);
    signedInPinia(meWith(['leader']));
    expect(useRecordPanels('meeting').value.map((shown) => shown.title)).toEqual(['测试面板']);
    signedInPinia(meWith(['auditor']));
    expect(useRecordPanels('meeting').value).toEqual([]);
  });

  it('says which step a kind does not offer', () => {
    registerRecord('assessment', { access: 'risks.read', drawer: FakeDrawer });
    expect(() => recordStep('assessment', 'supervise')).toThrow('The assessment records offer no step supervise');
  });
});
