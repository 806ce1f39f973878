import { defineAsyncComponent } from 'vue';
import { registerRecord } from '@/ledger/records';

/** Lends the other pages a dispute's drawer (a related dispute, the search box, 工作台 later). */
export function registerDisputes(): void {
  registerRecord('dispute', {
    access: 'disputes.read',
    drawer: defineAsyncComponent(() => import('./components/DisputeDrawer.vue')),
    list: 'disputes',
  });
}
