import { defineAsyncComponent } from 'vue';
import { registerPanel, registerRecord } from '@/ledger/records';

/** Lends the other pages a hazard's drawer, and a case's drawer the hazards linked to it. */
export function registerHazards(): void {
  registerRecord('hazard', {
    access: 'risks.read',
    drawer: defineAsyncComponent(() => import('./components/HazardDrawer.vue')),
    list: 'hazards',
  });
  registerPanel('petition', {
    title: '关联风险隐患',
    access: 'risks.read',
    component: defineAsyncComponent(() => import('./components/PetitionHazards.vue')),
  });
}
