import { useRoute } from 'vue-router';

/**
 * A list page's filters passed in the address (a figure clicked on a statistics page): fills the
 * search form's fields named in `initial` before the first search; `true` for a switch.
 */
export function useRouteFilters<F extends object>(model: F, initial: F): () => void {
  const route = useRoute();
  return () => {
    for (const key of Object.keys(initial) as Array<keyof F & string>) {
      const value = route.query[key];
      if (typeof value !== 'string' || !value) continue;
      (model as Record<string, unknown>)[key] = typeof initial[key] === 'boolean' ? value === 'true' : value;
    }
  };
}
