import { onBeforeUnmount, onMounted, shallowRef, type ShallowRef } from 'vue';

/** The current time, renewed every `intervalMs` while the component is mounted. */
export function useNow(intervalMs: number): Readonly<ShallowRef<Date>> {
  const now = shallowRef(new Date());
  let timer: ReturnType<typeof setInterval> | undefined;

  onMounted(() => {
    timer = setInterval(() => (now.value = new Date()), intervalMs);
  });
  onBeforeUnmount(() => clearInterval(timer));

  return now;
}
