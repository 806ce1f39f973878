import { shallowRef } from 'vue';

/**
 * A ledger page's drawer and register form: the record open in the drawer (its id; null when
 * closed) and whether the form is open. A record just registered reloads the list and opens in
 * the drawer.
 */
export function useLedgerDialogs(table: { reload: () => Promise<void> }) {
  const openId = shallowRef<string | null>(null);
  const creating = shallowRef(false);

  function open(row: { id: string }): void {
    openId.value = row.id;
  }

  function created(id: string): void {
    void table.reload();
    openId.value = id;
  }

  return { openId, creating, open, created };
}
