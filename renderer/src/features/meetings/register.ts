import { defineAsyncComponent } from 'vue';
import { registerRecord } from '@/ledger/records';

/** Lends the other pages a meeting's drawer (今日 opens it from a decision or a task). */
export function registerMeetings(): void {
  registerRecord('meeting', {
    access: 'risks.read',
    drawer: defineAsyncComponent(() => import('./components/MeetingDrawer.vue')),
  });
}
