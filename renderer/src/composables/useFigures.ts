import { onMounted, ref, watch } from 'vue';
import type { OutputOf } from '@shared/contract';
import type { FigurePeriod } from '@shared/domain/ledger/figure-period';
import { call } from '@/api/client';
import { useLoader } from './useLoader';

/** The contract methods of the statistics pages: the period counted in, the figures out. */
type FiguresMethod = 'petitions.figures' | 'assessments.figures' | 'hazards.figures' | 'disputes.figures';

/**
 * A statistics page's figures over its period (null: every record): loaded on mount, again on
 * each change of the period and by `load` (刷新), with the backend's message on failure.
 */
export function useFigures<M extends FiguresMethod>(method: M) {
  const period = ref<FigurePeriod | null>(null);
  const { data: figures, ...state } = useLoader(
    () => call(method, (period.value ? { period: period.value } : {}) as never) as Promise<OutputOf<M>>,
    null as OutputOf<M> | null,
  );
  onMounted(state.load);
  watch(period, state.load);
  return { figures, period, ...state };
}
