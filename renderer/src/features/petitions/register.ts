import { defineAsyncComponent } from 'vue';
import { registerRecord } from '@/ledger/records';

/** Lends the other pages a case's drawer and its 督办 (each loaded when first opened). */
export function registerPetitions(): void {
  registerRecord('petition', {
    access: 'petitions.read',
    drawer: defineAsyncComponent(() => import('./components/PetitionDrawer.vue')),
    steps: { supervise: defineAsyncComponent(() => import('./components/SuperviseDialog.vue')) },
    list: 'petitions',
  });
}
