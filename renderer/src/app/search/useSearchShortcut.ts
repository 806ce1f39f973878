import { onBeforeUnmount, onMounted, type Ref } from 'vue';

/** Ctrl+K (⌘K on a Mac) opens the search box from anywhere on the page, even from a field. */
export function useSearchShortcut(open: Ref<boolean>): void {
  const onKeydown = (event: KeyboardEvent) => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey || event.key.toLowerCase() !== 'k') return;
    event.preventDefault();
    open.value = true;
  };
  onMounted(() => window.addEventListener('keydown', onKeydown));
  onBeforeUnmount(() => window.removeEventListener('keydown', onKeydown));
}
