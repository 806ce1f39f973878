import { enableAutoUnmount, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { afterEach, describe, expect, it } from 'vitest';
import { defineComponent, h, ref } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { SearchGroup } from '@shared/contract/search';
import SearchPalette from '@/app/search/SearchPalette.vue';
import { useSearchShortcut } from '@/app/search/useSearchShortcut';
import { registerRecord } from '@/ledger/records';
import { findTestId, meWith, signedInPinia, typeInto } from './helpers/auth';
import { eventually } from './helpers/eventually';
import { installBridge, removeBridge } from './helpers/fakeBridge';

enableAutoUnmount(afterEach);
afterEach(() => {
  removeBridge();
  document.body.innerHTML = '';
});

/** A drawer standing in for a feature's (a functional one): shows the id it was opened with. */
const FakeDrawer = (props: { id: string }) => h('div', { 'data-testid': 'fake-drawer' }, `抽屉 ${props.id}`);
FakeDrawer.props = ['id'];

const groups: SearchGroup[] = [
  {
    ledger: 'petition',
    title: '信访积案',
    total: 7,
    items: [
      { id: 'p1', number: 'XF2026-000007', title: '反映王庄征地补偿未到位', excerpt: null, people: ['王*国'] },
      { id: 'p2', number: 'XF2026-000003', title: '反映拖欠工资', excerpt: null, people: ['王*'] },
    ],
  },
  { ledger: 'hazard', title: '风险隐患', total: 0, items: [] },
  {
    ledger: 'assessment',
    title: '稳评',
    total: 1,
    items: [{ id: 'a1', number: 'WP2026-0001', title: '王庄片区改造', excerpt: '涉及王庄 120 户', people: [] }],
  },
];

/** The workstation's part: the palette and the Ctrl+K that opens it, on a router with the ledgers' lists. */
async function mountPalette() {
  const asked: unknown[] = [];
  installBridge({
    'search.all': (input) => {
      asked.push(input);
      return { ok: true, data: { groups } };
    },
  });
  for (const [kind, list] of [
    ['petition', 'petitions'],
    ['hazard', 'hazards'],
    ['assessment', 'assessments'],
  ] as const) {
    registerRecord(kind, { access: kind === 'petition' ? 'petitions.read' : 'risks.read', drawer: FakeDrawer, list });
  }
  const router = createRouter({
    history: createMemoryHistory(),
    routes: ['/', '/petitions', '/hazards', '/assessments'].map((path) => ({
      path,
      name: path.slice(1) || 'home',
      component: { render: () => null },
    })),
  });
  await router.push('/');
  const Host = defineComponent({
    setup() {
      const open = ref(false);
      useSearchShortcut(open);
      return () => h(SearchPalette, { open: open.value, 'onUpdate:open': (v: boolean) => (open.value = v), delay: 0 });
    },
  });
  mount(Host, {
    global: { plugins: [ElementPlus, signedInPinia(meWith(['duty_officer'])), router] },
    attachTo: document.body,
  });
  return { asked, router };
}

const press = (target: EventTarget, key: string, init: KeyboardEventInit = {}) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init }));

const activeLine = () => document.querySelector('[data-testid="search-results"] .entry.active');

async function openAndType(keyword: string) {
  press(window, 'k', { ctrlKey: true });
  const input = await findTestId<HTMLInputElement>('search-input');
  typeInto(input, keyword);
  await findTestId('search-hit-XF2026-000007');
  return input;
}

describe('the search box (Ctrl+K)', () => {
  it('opens on Ctrl+K, searches the typed keyword and shows the groups that found something, the keyword marked', async () => {
    const { asked } = await mountPalette();
    expect(document.querySelector('[data-testid="search-input"]')).toBeNull();
    await openAndType(' 王庄 ');
    expect(asked).toEqual([{ keyword: '王庄', limit: 5 }]);
    expect(document.querySelector('[data-testid="search-group-petition"]')!.textContent).toContain('共 7 条');
    expect(document.querySelector('[data-testid="search-group-hazard"]')).toBeNull();
    expect(document.querySelector('[data-testid="search-hit-XF2026-000007"] mark')!.textContent).toBe('王庄');
    expect(document.querySelector('[data-testid="search-hit-WP2026-0001"]')!.textContent).toContain('涉及王庄 120 户');
    expect(document.querySelector('[data-testid="search-more-petition"]')!.textContent).toContain('查看全部 7 条');
    // The assessments' one record is all there is: no 查看全部.
    expect(document.querySelector('[data-testid="search-more-assessment"]')).toBeNull();
  });

  it('moves with ↑/↓ through the records and 查看全部, wrapping round, and Enter opens the record’s drawer', async () => {
    await mountPalette();
    const input = await openAndType('王庄');
    expect(activeLine()?.getAttribute('data-testid')).toBe('search-hit-XF2026-000007');
    press(input, 'ArrowDown');
    await eventually(() => expect(activeLine()?.getAttribute('data-testid')).toBe('search-hit-XF2026-000003'));
    press(input, 'ArrowDown');
    await eventually(() => expect(activeLine()?.getAttribute('data-testid')).toBe('search-more-petition'));
    press(input, 'ArrowDown');
    await eventually(() => expect(activeLine()?.getAttribute('data-testid')).toBe('search-hit-WP2026-0001'));
    press(input, 'ArrowDown');
    await eventually(() => expect(activeLine()?.getAttribute('data-testid')).toBe('search-hit-XF2026-000007'));
    press(input, 'ArrowUp');
    await eventually(() => expect(activeLine()?.getAttribute('data-testid')).toBe('search-hit-WP2026-0001'));

    press(input, 'Enter');
    expect((await findTestId('fake-drawer')).textContent).toBe('抽屉 a1');
  });

  it('opens the whole list filtered by the keyword from 查看全部', async () => {
    const { router } = await mountPalette();
    const input = await openAndType('王庄');
    press(input, 'ArrowDown');
    press(input, 'ArrowDown');
    await eventually(() => expect(activeLine()?.getAttribute('data-testid')).toBe('search-more-petition'));
    press(input, 'Enter');
    await eventually(() =>
      expect(router.currentRoute.value.fullPath).toBe(`/petitions?keyword=${encodeURIComponent('王庄')}`),
    );
  });

  it('says when nothing was found and shows a refusal in the box', async () => {
    await mountPalette();
    installBridge({
      'search.all': (input) =>
        (input as { keyword: string }).keyword === '无'
          ? { ok: true, data: { groups: groups.map((g) => ({ ...g, total: 0, items: [] })) } }
          : { ok: false, error: { code: 'VALIDATION', message: '关键字不能超过 50 个字' } },
    });
    press(window, 'k', { metaKey: true });
    const input = await findTestId<HTMLInputElement>('search-input');
    typeInto(input, '无');
    expect((await findTestId('search-empty')).textContent).toContain('未找到与“无”相关的记录');
    typeInto(input, '坏');
    expect((await findTestId('search-error')).textContent).toContain('关键字不能超过 50 个字');
  });
});
