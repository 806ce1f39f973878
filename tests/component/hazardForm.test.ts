import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TownshipBoundary } from '@shared/contract/board';
import type { HazardDetail } from '@shared/contract/hazards';
import { countyDate } from '@shared/domain/time';
import type { ChartOption } from '@/components/echarts';
import HazardFormDialog from '@/features/hazards/components/HazardFormDialog.vue';
import HazardStepDialog from '@/features/hazards/components/HazardStepDialog.vue';
import RegionSelect from '@/components/RegionSelect.vue';
import TownshipSelect from '@/components/TownshipSelect.vue';
import { findTestId, meWith, signedInPinia, typeInto } from './helpers/auth';
import { eventually } from './helpers/eventually';
import { installBridge, removeBridge } from './helpers/fakeBridge';
import { region } from './helpers/regions';

/**
 * ECharts draws on a canvas happy-dom does not have: the chart is replaced by one that keeps the
 * options it is given and the click handler the picker attaches to its canvas, and converts a
 * pixel to the coordinate the test chooses.
 */
const chart = vi.hoisted(() => ({
  options: [] as unknown[],
  click: undefined as undefined | ((event: { offsetX: number; offsetY: number }) => void),
  coordinateAt: (() => null) as (pixel: number[]) => number[] | null,
}));
vi.mock('@/components/echarts', () => ({
  registerMap: vi.fn(),
  init: () => ({
    setOption: (option: unknown) => chart.options.push(option),
    on: () => undefined,
    getZr: () => ({ on: (_: string, handler: typeof chart.click) => (chart.click = handler) }),
    convertFromPixel: (_: unknown, pixel: number[]) => chart.coordinateAt(pixel),
    resize: () => undefined,
    dispose: () => undefined,
  }),
}));

enableAutoUnmount(afterEach);
afterEach(() => {
  removeBridge();
  document.body.innerHTML = '';
  chart.options = [];
  chart.click = undefined;
});

const TOWNSHIP = '990101001000';
const OTHER_TOWNSHIP = '990101002000';
const VILLAGE = '990101001001';
const GRID = '990101001001001';
const LEADER_ID = '0192f3a4-5b6c-7d8e-9f01-23456789aaaa';

const REGIONS = [
  region(TOWNSHIP, '城关镇', 'township', '990101000000'),
  region(OTHER_TOWNSHIP, '南关街道', 'township', '990101000000'),
  region(VILLAGE, '东街村', 'village', TOWNSHIP),
  region(GRID, '东街村第一网格', 'grid', VILLAGE),
];
const page = <T>(items: T[]) => ({ ok: true as const, data: { items, total: items.length, page: 1, pageSize: 200 } });

const square = (x: number): number[][][] => [
  [
    [x, 34],
    [x + 0.1, 34],
    [x + 0.1, 34.1],
    [x, 34],
  ],
];
const BOUNDARY: TownshipBoundary = {
  source: { sourceUnit: '某县自然资源局', approvalNo: '豫S(2026)001号', crs: 'CGCS2000', dataDate: '2026-01-01' },
  geojson: {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { code: TOWNSHIP, name: '城关镇' },
        geometry: { type: 'Polygon', coordinates: square(113) },
      },
      {
        type: 'Feature',
        properties: { code: OTHER_TOWNSHIP, name: '南关街道' },
        geometry: { type: 'Polygon', coordinates: square(113.1) },
      },
    ],
  },
};

function formBridge(boundary: TownshipBoundary | null) {
  return installBridge({
    'dicts.get': () => ({
      ok: true,
      data: { code: 'hazard_category', name: '隐患类别', entries: [{ code: 'land', label: '土地纠纷' }] },
    }),
    'regions.list': (input) => {
      const { level, parentCode } = input as { level: string; parentCode?: string };
      return page(REGIONS.filter((r) => r.level === level && (!parentCode || r.parentCode === parentCode)));
    },
    'board.boundary': () => ({ ok: true, data: boundary }),
    'hazards.create': () => ({ ok: false, error: { code: 'INTERNAL', message: '测试到此为止' } }),
  });
}

const mountForm = () =>
  mount(HazardFormDialog, {
    global: { plugins: [ElementPlus, signedInPinia(meWith(['duty_officer']))] },
    attachTo: document.body,
  });

describe('the hazard registration form', () => {
  it('offers the chosen township’s villages and the village’s grids, and sends them with the people involved', async () => {
    const bridge = formBridge(null);
    const wrapper = mountForm();
    await flushPromises();
    const regionCalls = () => bridge.mock.calls.filter(([method]) => method === 'regions.list').map(([, i]) => i);

    const [village, grid] = wrapper.findAllComponents(RegionSelect);
    expect(village!.props('parentCode')).toBe('');
    expect(village!.find('.is-disabled').exists()).toBe(true);
    wrapper.findComponent(TownshipSelect).vm.$emit('update:modelValue', TOWNSHIP);
    await eventually(() => expect(regionCalls()).toContainEqual(expect.objectContaining({ parentCode: TOWNSHIP })));
    expect(regionCalls()).toContainEqual(expect.objectContaining({ parentCode: TOWNSHIP, level: 'village' }));
    village!.findComponent({ name: 'ElSelect' }).vm.$emit('update:modelValue', VILLAGE);
    await eventually(() =>
      expect(regionCalls()).toContainEqual(expect.objectContaining({ parentCode: VILLAGE, level: 'grid' })),
    );
    grid!.findComponent({ name: 'ElSelect' }).vm.$emit('update:modelValue', GRID);

    (await findTestId('hazard-person-add')).click();
    (await findTestId('hazard-person-add')).click();
    await flushPromises();
    typeInto(await findTestId<HTMLInputElement>('hazard-person-name-0'), '李大山');
    typeInto(await findTestId<HTMLInputElement>('hazard-person-phone-0'), '13911112222');
    typeInto(await findTestId<HTMLInputElement>('hazard-person-name-1'), '王小河');
    typeInto(await findTestId<HTMLInputElement>('hazard-title'), '东街村宅基地纠纷');
    wrapper.findAllComponents({ name: 'ElSelect' })[0]!.vm.$emit('update:modelValue', 'land');
    await flushPromises();

    (await findTestId('hazard-form-submit')).click();
    await eventually(() => expect(bridge).toHaveBeenCalledWith('hazards.create', expect.anything()));
    const sent = bridge.mock.calls.find(([method]) => method === 'hazards.create')![1];
    expect(sent).toMatchObject({
      title: '东街村宅基地纠纷',
      townshipCode: TOWNSHIP,
      villageCode: VILLAGE,
      gridCode: GRID,
      foundOn: countyDate(new Date()),
      people: [
        { name: '李大山', phone: '13911112222' },
        { name: '王小河', phone: null },
      ],
    });
  });

  it('clears the village and grid when the user chooses another township', async () => {
    formBridge(null);
    const wrapper = mountForm();
    await flushPromises();
    const township = wrapper.findComponent(TownshipSelect);
    township.vm.$emit('update:modelValue', TOWNSHIP);
    const [village, grid] = wrapper.findAllComponents(RegionSelect);
    village!.findComponent({ name: 'ElSelect' }).vm.$emit('update:modelValue', VILLAGE);
    grid!.findComponent({ name: 'ElSelect' }).vm.$emit('update:modelValue', GRID);
    await flushPromises();
    expect(village!.props('modelValue')).toBe(VILLAGE);

    township.vm.$emit('update:modelValue', OTHER_TOWNSHIP);
    township.findComponent({ name: 'ElSelect' }).vm.$emit('change', OTHER_TOWNSHIP);
    await flushPromises();
    expect(village!.props('modelValue')).toBe('');
    expect(grid!.props('modelValue')).toBe('');
  });

  it('sets the point from a click on the county map, the chosen township highlighted, still typed over', async () => {
    formBridge(BOUNDARY);
    const wrapper = mountForm();
    await flushPromises();
    wrapper.findComponent(TownshipSelect).vm.$emit('update:modelValue', TOWNSHIP);
    (await findTestId('hazard-map')).click();
    await eventually(() => expect(chart.options.length).toBeGreaterThan(0));
    const drawn = () => chart.options.at(-1) as ChartOption & { geo: { regions: Array<{ name: string }> } };
    expect(drawn().geo.regions.map((r) => r.name)).toEqual([TOWNSHIP]);

    chart.coordinateAt = ([x, y]) => (x === 120 && y === 80 ? [113.0512345678, 34.0498765432] : null);
    chart.click!({ offsetX: 120, offsetY: 80 });
    await flushPromises();
    const lng = await findTestId<HTMLInputElement>('hazard-lng');
    const lat = await findTestId<HTMLInputElement>('hazard-lat');
    await eventually(() => expect(lng.querySelector('input')?.value ?? lng.value).toBe('113.051235'));
    expect(lat.querySelector('input')?.value ?? lat.value).toBe('34.049877');
    const series = drawn().series as Array<{ data: number[][] }>;
    expect(series[0]!.data).toEqual([[113.051235, 34.049877]]);

    // A click off the map (no coordinate) leaves the point as it was.
    chart.click!({ offsetX: 1, offsetY: 1 });
    await flushPromises();
    expect(lng.querySelector('input')?.value ?? lng.value).toBe('113.051235');
  });

  it('says so when no boundary is imported, and keeps the coordinates typeable', async () => {
    formBridge(null);
    mountForm();
    await flushPromises();
    (await findTestId('hazard-map')).click();
    const note = await findTestId('hazard-point-no-boundary');
    expect(note.textContent).toContain('尚未导入本县乡镇边界');
    const lng = await findTestId('hazard-lng');
    expect((lng.querySelector('input') ?? (lng as HTMLInputElement)).disabled).toBe(false);
    expect(chart.options).toEqual([]);
  });
});

const detail = (over: Partial<HazardDetail> = {}): HazardDetail => ({
  id: '0192f3a4-5b6c-7d8e-9f01-23456789abcd',
  hazardNo: 'FX2026-000001',
  title: '东街村宅基地纠纷',
  category: 'land',
  source: 'grid',
  level: 'orange',
  status: 'found',
  foundOn: '2026-11-20',
  townshipCode: TOWNSHIP,
  townshipName: '城关镇',
  villageName: null,
  peopleInvolved: null,
  leaderId: null,
  leaderName: null,
  responsibleName: null,
  updatedAt: '2026-11-20T02:00:00.000Z',
  version: 3,
  voidedAt: null,
  voidReason: null,
  changes: [],
  description: '',
  villageCode: null,
  gridCode: null,
  gridName: null,
  lng: null,
  lat: null,
  responsibleId: null,
  plan: '',
  measures: '',
  outcome: null,
  levelChangedOn: '2026-11-20',
  resolvedOn: null,
  closedOn: null,
  createdAt: '2026-11-20T02:00:00.000Z',
  allowedActions: ['startResolving'],
  people: [],
  events: [],
  levelHistory: [],
  notes: [],
  tasks: [],
  linkedPetitions: [],
  linkedAssessmentIds: [],
  ...over,
});

describe('the level change of a hazard', () => {
  it('asks for the 包保领导 when the level turns red, and shows the backend’s refusal on that field', async () => {
    const bridge = installBridge({
      'people.list': () => page([{ id: LEADER_ID, name: '刘县长', title: '副县长' }]),
      'hazards.changeLevel': () => ({
        ok: false,
        error: {
          code: 'VALIDATION',
          message: '红色隐患须明确“包保领导”，请先指定',
          details: [{ path: 'responsibleLeaderId', message: '红色隐患须明确“包保领导”，请先指定' }],
        },
      }),
    });
    const wrapper = mount(HazardStepDialog, {
      props: { detail: detail(), step: 'changeLevel', refresh: async () => detail() },
      global: { plugins: [ElementPlus, signedInPinia(meWith(['duty_officer']))] },
      attachTo: document.body,
    });
    await flushPromises();
    expect(document.querySelector('[data-testid="hazard-level-leader"]')).toBeNull();

    await wrapper.get('[data-testid="hazard-level-yellow"] input').setValue(true);
    expect(document.querySelector('[data-testid="hazard-level-leader"]')).toBeNull();
    await wrapper.get('[data-testid="hazard-level-red"] input').setValue(true);
    const leader = await findTestId('hazard-level-leader');
    const item = leader.closest('.el-form-item')!;
    expect(item.textContent).toContain('包保领导');
    expect(item.classList.contains('is-required')).toBe(true);

    typeInto(await findTestId<HTMLInputElement>('hazard-level-reason'), '扬言聚集');
    // The plan is checked here too: the refusal that reaches the backend is the leader's alone.
    const plan = document.querySelector<HTMLTextAreaElement>('textarea[placeholder="红色隐患须一案一策"]')!;
    typeInto(plan as unknown as HTMLInputElement, '一案一策：联合会商');
    (await findTestId('hazard-step-submit')).click();
    await eventually(() => expect(item.textContent).toContain('红色隐患须明确“包保领导”，请先指定'));
    expect(bridge).toHaveBeenCalledWith(
      'hazards.changeLevel',
      expect.objectContaining({ level: 'red', plan: '一案一策：联合会商', version: 3 }),
    );
  });

  it('starts from the hazard’s 包保领导, sent with the change', async () => {
    const bridge = installBridge({
      'people.list': () => page([{ id: LEADER_ID, name: '刘县长', title: '副县长' }]),
      'hazards.changeLevel': () => ({ ok: true, data: detail({ level: 'red', leaderId: LEADER_ID }) }),
    });
    const wrapper = mount(HazardStepDialog, {
      props: {
        detail: detail({ leaderId: LEADER_ID, leaderName: '刘县长', plan: '已有方案' }),
        step: 'changeLevel',
        refresh: async () => detail(),
      },
      global: { plugins: [ElementPlus, signedInPinia(meWith(['duty_officer']))] },
      attachTo: document.body,
    });
    await flushPromises();
    await wrapper.get('[data-testid="hazard-level-red"] input').setValue(true);
    typeInto(await findTestId<HTMLInputElement>('hazard-level-reason'), '扬言聚集');
    (await findTestId('hazard-step-submit')).click();
    await eventually(() =>
      expect(bridge).toHaveBeenCalledWith(
        'hazards.changeLevel',
        expect.objectContaining({ level: 'red', responsibleLeaderId: LEADER_ID }),
      ),
    );
    await eventually(() => expect(wrapper.emitted('saved')).toHaveLength(1));
  });
});
