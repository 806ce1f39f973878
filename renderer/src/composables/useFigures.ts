import { onMounted } from 'vue';
import type { OutputOf } from '@shared/contract';
import { call } from '@/api/client';
import { useLoader } from './useLoader';

/** The contract methods of the statistics pages: no input (or only optional filters), one answer. */
type FiguresMethod = 'petitions.figures' | 'assessments.figures' | 'hazards.figures' | 'disputes.figures';

/** A statistics page's figures: loaded on mount and by `load` (刷新), with the backend's message on failure. */
export function useFigures<M extends FiguresMethod>(method: M) {
  const { data: figures, ...state } = useLoader(
    () => call(method, {} as never) as Promise<OutputOf<M>>,
    null as OutputOf<M> | null,
  );
  onMounted(state.load);
  return { figures, ...state };
}
