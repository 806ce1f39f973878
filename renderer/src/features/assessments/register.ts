import { defineAsyncComponent } from 'vue';
import { registerRecord } from '@/ledger/records';

/** Lends the other pages a stability assessment's drawer. */
export function registerAssessments(): void {
  registerRecord('assessment', {
    access: 'risks.read',
    drawer: defineAsyncComponent(() => import('./components/AssessmentDrawer.vue')),
    list: 'assessments',
  });
}
