import { ElMessage } from 'element-plus';
import { useRoute } from 'vue-router';
import { contract, type InputOf, type MethodName, type OutputOf, type Page } from '@shared/contract';
import { call, type ApiError } from '@/api/client';
import { useLiveReload } from '@/app/live';
import { sessionMemory, userMemory } from '@/app/userMemory';
import { useSchemaForm, type FormModel } from './useSchemaForm';
import { useTableState, type Paging } from './useTableState';

/** The contract methods that answer with a page of rows. */
export type ListMethod = { [K in MethodName]: OutputOf<K> extends Page<unknown> ? K : never }[MethodName];
export type ItemOf<M extends ListMethod> = OutputOf<M> extends Page<infer T> ? T : never;

/** A list as its user left it: the searched form (sort included) and the page. */
interface ListMemory {
  model: FormModel;
  page: number;
  pageSize: number;
}

/** Free text may hold a name: kept only while the app runs, never written to the workstation's disk. */
const FREE_TEXT_FIELDS: readonly string[] = ['keyword'];

/**
 * A ledger page's search form and table over one list method: the form checks its fields with the
 * method's own input schema, a search applies the checked filters, paging keeps them, and the
 * backend's VALIDATION details come back onto the form fields they name. A change of its feature's
 * records elsewhere reloads the page shown. The first search takes the filters the address brings
 * (a figure's click-through); without them, coming back to the list finds it as the user left it
 * (filters, sort, page; its filters and page size also after a restart).
 */
export function useListPage<M extends ListMethod, F extends FormModel>(method: M, initial: F) {
  const form = useSchemaForm(contract[method].input, initial);
  let filters: Record<string, unknown> = {};
  let searched: FormModel = { ...initial };
  let started = false;
  const route = useRoute() as ReturnType<typeof useRoute> | undefined;
  const kept = sessionMemory<ListMemory>(`list.${method}`);
  const remembered = userMemory<ListMemory>(`list.${method}`);

  function showError(error: ApiError): void {
    form.applyServerErrors(error.details);
    ElMessage.error(error.message);
  }

  /** A page of the list under the search the table shows (打印当前列表 reads them all, up to its cap). */
  // ListMethod guarantees a page, but TypeScript cannot follow that through the generic method name.
  const fetchApplied = (paging: Paging) =>
    call(method, { ...filters, ...paging } as InputOf<M>) as unknown as Promise<Page<ItemOf<M>>>;
  // The table's own pages are what the user comes back to.
  const fetchPage = (paging: Paging) => {
    remember(paging);
    return fetchApplied(paging);
  };
  const table = useTableState(fetchPage, { onError: showError });
  // Another workstation's change to this list's records reads the page shown again (filters kept).
  const feature = method.slice(0, method.indexOf('.'));
  useLiveReload(
    (change) => change.topic === feature,
    () => table.reload(),
  );

  function remember(paging: Paging): void {
    kept.write({ model: searched, ...paging });
    const lasting = Object.fromEntries(Object.entries(searched).filter(([key]) => !FREE_TEXT_FIELDS.includes(key)));
    remembered.write({ model: lasting, page: 1, pageSize: paging.pageSize });
  }

  /**
   * The first search's filters: those the address names (a figure clicked on a statistics page,
   * 查看全部 from the search box; `true` for a switch), or else the list as it was left.
   */
  function recall(): boolean {
    const model = form.model as FormModel;
    const named = Object.keys(initial).filter((key) => typeof route?.query[key] === 'string' && route.query[key]);
    for (const key of named)
      model[key] = typeof initial[key] === 'boolean' ? route!.query[key] === 'true' : route!.query[key];
    const saved = named.length ? undefined : (kept.read() ?? remembered.read());
    if (!saved) return false;
    for (const key of Object.keys(initial)) if (key in saved.model) model[key] = saved.model[key];
    table.page = saved.page;
    table.pageSize = saved.pageSize;
    return true;
  }

  /** Applies the form when it passes the schema; otherwise its fields already show why not. */
  function search(): void {
    const recalled = !started && recall();
    started = true;
    let checked = form.validate();
    // A remembered filter the list no longer takes is forgotten, not shown as the user's mistake.
    if (!checked && recalled) {
      form.reset();
      table.page = 1;
      checked = form.validate();
    }
    if (!checked) return;
    filters = checked as Record<string, unknown>;
    searched = { ...(form.model as FormModel) };
    void (recalled ? table.reload() : table.search());
  }

  function reset(): void {
    form.reset();
    search();
  }

  /** The filters of the search the table shows (not what the form holds since), e.g. for an export. */
  const appliedFilters = (): Readonly<Record<string, unknown>> => ({ ...filters });

  return { form, table, search, reset, appliedFilters, fetchApplied };
}
