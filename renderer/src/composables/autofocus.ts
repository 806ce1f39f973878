import type { Directive } from 'vue';

const FIELD = 'input:not([type="hidden"]):not([disabled]):not([readonly]), textarea:not([disabled])';

/** Puts the cursor in the first field under `root` (a form page on mount, a dialog once opened). */
export function focusFirstField(root: Element | null | undefined): void {
  root?.querySelector<HTMLElement>(FIELD)?.focus();
}

/** `<el-form v-autofocus>`: the first field has the cursor when the page opens. */
export const vAutofocus: Directive<HTMLElement> = { mounted: (el) => focusFirstField(el) };
