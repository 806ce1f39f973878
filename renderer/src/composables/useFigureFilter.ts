import { computed } from 'vue';
import { useRoute, useRouter, type LocationQueryRaw } from 'vue-router';
import type { FigureBreakdownRow, FigurePart } from '@/components/figures';

/**
 * A risk-ledger list opened on the records behind a figure of its statistics page: opening it,
 * and the filter in words for the FigureFilterTag, with the way to clear it.
 */
/** How a figure counts, as the domain names it (shared/domain/risks/figures.ts). */
export interface FigureDefinition {
  code: string;
  name: string;
  numeratorLabel: string;
  denominatorLabel: string;
}

/**
 * Opens the list (its route's name) on a figure's part; a breakdown row only narrows the numerator.
 * `period` gives the list's date filters of the period counted, so the list holds what was counted.
 */
export function useOpenFigure(listRoute: string, period: () => LocationQueryRaw = () => ({})) {
  const router = useRouter();
  return (figure: string, part: FigurePart, row?: FigureBreakdownRow): void => {
    const narrowed = row && part === 'numerator' ? { figureKey: row.key, figureLabel: row.label } : {};
    void router.push({ name: listRoute, query: { figure, figurePart: part, ...period(), ...narrowed } });
  };
}

interface FigureModel {
  figure: string;
  figureKey: string;
  figurePart: string;
}

/**
 * 稳评（按剩余风险等级） · 高 · 分子（…）, from the form's figure fields and the row's name in the
 * address; clearing them searches again.
 */
export function useFigureFilter(model: FigureModel, definitions: readonly FigureDefinition[], search: () => void) {
  const route = useRoute();
  const keyLabel = (key: string) => (typeof route.query.figureLabel === 'string' ? route.query.figureLabel : key);
  const text = computed(() => {
    const figure = definitions.find((f) => f.code === model.figure);
    if (!figure) return '';
    const denominator = model.figurePart === 'denominator';
    const key = !denominator && model.figureKey ? ` · ${keyLabel(model.figureKey)}` : '';
    return `${figure.name}${key} · ${denominator ? `分母（${figure.denominatorLabel}）` : `分子（${figure.numeratorLabel}）`}`;
  });

  function clear(): void {
    model.figure = '';
    model.figureKey = '';
    model.figurePart = '';
    search();
  }

  return { text, clear };
}

/** A list form's fields for the figure it was opened on (F: the list's figure codes), read by `useFigureFilter`. */
export const figureFields = <F extends string>() => ({
  figure: '' as F | '',
  figureKey: '',
  figurePart: '' as FigurePart | '',
});
