import { ElMessage } from 'element-plus';
import { contract, type InputOf, type MethodName, type OutputOf, type Page } from '@shared/contract';
import { call, type ApiError } from '@/api/client';
import { useLiveReload } from '@/app/live';
import { useSchemaForm, type FormModel } from './useSchemaForm';
import { useTableState, type Paging } from './useTableState';

/** The contract methods that answer with a page of rows. */
type ListMethod = { [K in MethodName]: OutputOf<K> extends Page<unknown> ? K : never }[MethodName];
type ItemOf<M extends ListMethod> = OutputOf<M> extends Page<infer T> ? T : never;

/**
 * A ledger page's search form and table over one list method: the form checks its fields with the
 * method's own input schema, a search applies the checked filters, paging keeps them, and the
 * backend's VALIDATION details come back onto the form fields they name. A change of its feature's
 * records elsewhere reloads the page shown.
 */
export function useListPage<M extends ListMethod, F extends FormModel>(method: M, initial: F) {
  const form = useSchemaForm(contract[method].input, initial);
  let filters: Record<string, unknown> = {};

  function showError(error: ApiError): void {
    form.applyServerErrors(error.details);
    ElMessage.error(error.message);
  }

  // ListMethod guarantees a page, but TypeScript cannot follow that through the generic method name.
  const fetchPage = (paging: Paging) =>
    call(method, { ...filters, ...paging } as InputOf<M>) as unknown as Promise<Page<ItemOf<M>>>;
  const table = useTableState(fetchPage, { onError: showError });
  // Another workstation's change to this list's records reads the page shown again (filters kept).
  const feature = method.slice(0, method.indexOf('.'));
  useLiveReload(
    (change) => change.topic === feature,
    () => table.reload(),
  );

  /** Applies the form when it passes the schema; otherwise its fields already show why not. */
  function search(): void {
    const checked = form.validate();
    if (!checked) return;
    filters = checked as Record<string, unknown>;
    void table.search();
  }

  function reset(): void {
    form.reset();
    search();
  }

  /** The filters of the search the table shows (not what the form holds since), e.g. for an export. */
  const appliedFilters = (): Readonly<Record<string, unknown>> => ({ ...filters });

  /** A page of the list under the search the table shows (打印当前列表 reads them all, up to its cap). */
  const fetchApplied = fetchPage;

  return { form, table, search, reset, appliedFilters, fetchApplied };
}
