import { defineAsyncComponent, h, type FunctionalComponent } from 'vue';
import type { PetitionAction } from '@shared/domain/petitions/statuses';
import { registerRecord } from '@/ledger/records';

const PetitionStep = defineAsyncComponent(() => import('./components/PetitionStep.vue'));
/** A step of the procedure as the registry's steps take it (props `{ id, number }`). */
const stepOf =
  (action: PetitionAction): FunctionalComponent =>
  (_props, { attrs }) =>
    h(PetitionStep, { ...(attrs as { id: string; number: string }), action });

/** Lends the other pages a case's drawer, its 督办 and the steps 工作台 offers (each loaded when first opened). */
export function registerPetitions(): void {
  registerRecord('petition', {
    access: 'petitions.read',
    drawer: defineAsyncComponent(() => import('./components/PetitionDrawer.vue')),
    steps: {
      supervise: defineAsyncComponent(() => import('./components/SuperviseDialog.vue')),
      classify: stepOf('classify'),
      assign: stepOf('assign'),
      closeOut: stepOf('closeOut'),
    },
    list: 'petitions',
  });
}
