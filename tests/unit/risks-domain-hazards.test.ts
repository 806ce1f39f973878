import { describe, expect, it } from 'vitest';
import {
  allowedHazardActions,
  canHazardTransition,
  coordinateProblems,
  extentProblems,
  HAZARD_ACTION_LABELS,
  HAZARD_ACTIONS,
  HAZARD_LEVEL_COLORS,
  HAZARD_LEVEL_LABELS,
  HAZARD_LEVEL_SHORT_LABELS,
  HAZARD_LEVELS,
  HAZARD_STATUS_LABELS,
  HAZARD_STATUSES,
  hazardDraftProblems,
  hazardLevelRank,
  hazardNoteProblems,
  hazardTransitionError,
  hazardTransitionProblems,
  isHazardOpen,
  isWithinExtent,
  levelChangeDirection,
  levelChangeProblems,
  levelHistoryProblems,
  levelOn,
  locationProblems,
  nextHazardStatus,
  type CountyExtent,
  type HazardAction,
  type HazardStatus,
  type LevelChange,
} from '../../shared/domain/risks';

const LEGAL: Record<HazardStatus, Partial<Record<HazardAction, HazardStatus>>> = {
  found: { startResolving: 'resolving' },
  resolving: { resolve: 'resolved' },
  resolved: { closeOut: 'closed', sendBack: 'resolving' },
  closed: { reopen: 'resolving' },
};
const STATUS_ZH: Record<HazardStatus, string> = {
  found: '发现',
  resolving: '化解中',
  resolved: '已化解',
  closed: '已销号',
};
const ACTION_ZH: Record<HazardAction, string> = {
  startResolving: '开始化解',
  resolve: '确认化解',
  closeOut: '销号',
  sendBack: '退回化解中',
  reopen: '重新化解',
};
const ALLOWED_ZH: Record<HazardStatus, string> = {
  found: '开始化解',
  resolving: '确认化解',
  resolved: '销号、退回化解中',
  closed: '重新化解',
};

const pairs = HAZARD_STATUSES.flatMap((from) => HAZARD_ACTIONS.map((action) => [from, action] as const));
const legalPairs = pairs.filter(([from, action]) => LEGAL[from][action] !== undefined);
const illegalPairs = pairs.filter(([from, action]) => LEGAL[from][action] === undefined);

describe('hazard statuses', () => {
  it('has 发现 → 化解中 → 已化解 → 已销号 with Chinese action labels', () => {
    expect(HAZARD_STATUS_LABELS).toEqual(STATUS_ZH);
    expect(HAZARD_ACTION_LABELS).toEqual(ACTION_ZH);
    expect(HAZARD_STATUSES.filter(isHazardOpen)).toEqual(['found', 'resolving']);
  });

  it('covers all 20 pairs: 5 legal, 15 refused', () => {
    expect(legalPairs).toHaveLength(5);
    expect(illegalPairs).toHaveLength(15);
  });

  it.each(legalPairs)('allows %s → %s', (from, action) => {
    expect(canHazardTransition(from, action)).toBe(true);
    expect(nextHazardStatus(from, action)).toBe(LEGAL[from][action]);
  });

  it.each(illegalPairs)('refuses %s → %s with the status, the action and what is allowed', (from, action) => {
    const message = `当前状态为“${STATUS_ZH[from]}”，不能“${ACTION_ZH[action]}”。可进行：${ALLOWED_ZH[from]}`;
    expect(canHazardTransition(from, action)).toBe(false);
    expect(nextHazardStatus(from, action)).toBeNull();
    expect(hazardTransitionError(from, action)).toBe(message);
    expect(hazardTransitionProblems(from, action, {}, { level: 'blue' })).toEqual([{ path: 'status', message }]);
  });

  it('lists the allowed actions', () => {
    expect(allowedHazardActions('resolved')).toEqual(['closeOut', 'sendBack']);
  });

  it.each([
    [
      'found',
      'startResolving',
      ['responsibleLeaderId', 'responsiblePersonId', 'measures'],
      ['包保领导', '责任人', '稳控化解措施'],
    ],
    ['resolving', 'resolve', ['outcome'], ['化解结果']],
    ['resolved', 'closeOut', ['approvingLeaderId', 'evidence'], ['审批领导', '销号依据']],
    ['resolved', 'sendBack', ['reason'], ['原因']],
    ['closed', 'reopen', ['reason'], ['原因']],
  ] as const)('%s → %s needs %j', (from, action, fields, labels) => {
    expect(hazardTransitionProblems(from, action, { outcome: ' ' }, { level: 'yellow' })).toEqual(
      fields.map((path, i) => ({ path, message: `请填写“${labels[i]}”` })),
    );
  });

  it('starts resolving a red hazard only with its own plan (一案一策)', () => {
    const input = { responsibleLeaderId: 'L1', responsiblePersonId: 'P1', measures: '每日走访' };
    expect(hazardTransitionProblems('found', 'startResolving', input, { level: 'red' })).toEqual([
      { path: 'plan', message: '红色隐患须一案一策，请填写“化解方案”' },
    ]);
    expect(
      hazardTransitionProblems('found', 'startResolving', { ...input, plan: '专班化解' }, { level: 'red' }),
    ).toEqual([]);
    expect(hazardTransitionProblems('found', 'startResolving', input, { level: 'red', hasPlan: true })).toEqual([]);
    expect(hazardTransitionProblems('found', 'startResolving', input, { level: 'orange' })).toEqual([]);
  });

  it('does not resolve a hazard while measures are open', () => {
    expect(
      hazardTransitionProblems('resolving', 'resolve', { outcome: '已发放' }, { level: 'yellow', openMeasureCount: 1 }),
    ).toEqual([{ path: 'measures', message: '还有 1 项化解措施未完成，请完成或撤销后再确认化解' }]);
  });
});

describe('colour levels', () => {
  it('has 红 / 橙 / 黄 / 蓝, most serious first, with display colours', () => {
    expect(HAZARD_LEVELS.map((l) => HAZARD_LEVEL_LABELS[l])).toEqual(['红色', '橙色', '黄色', '蓝色']);
    expect(HAZARD_LEVELS.map((l) => HAZARD_LEVEL_SHORT_LABELS[l]).join('')).toBe('红橙黄蓝');
    expect(HAZARD_LEVELS.map(hazardLevelRank)).toEqual([3, 2, 1, 0]);
    for (const level of HAZARD_LEVELS) {
      expect(HAZARD_LEVEL_COLORS[level].fill).toMatch(/^#[0-9a-f]{6}$/);
      expect(HAZARD_LEVEL_COLORS[level].text).toMatch(/^#[0-9a-f]{6}$/);
    }
    expect(HAZARD_LEVEL_COLORS.yellow.text).not.toBe('#ffffff');
  });

  it('tells a raise from a lowering', () => {
    expect(levelChangeDirection('blue', 'red')).toBe('raised');
    expect(levelChangeDirection('orange', 'yellow')).toBe('lowered');
    expect(levelChangeDirection('yellow', 'yellow')).toBeNull();
  });
});

describe('changing a hazard’s colour', () => {
  const current = { level: 'yellow', status: 'resolving', today: '2026-03-10', lastChangedOn: '2026-03-01' } as const;

  it('goes ahead with a new level, a reason and a date', () => {
    expect(levelChangeProblems({ level: 'orange', reason: '人数增加', changedOn: '2026-03-10' }, current)).toEqual([]);
  });

  it('requires a reason, a date and a level', () => {
    expect(levelChangeProblems({}, current)).toEqual([
      { path: 'level', message: '请选择“风险等级”' },
      { path: 'reason', message: '请填写“调整原因”' },
      { path: 'changedOn', message: '请填写“调整日期”' },
    ]);
    expect(levelChangeProblems({ level: 'blue', reason: '   ', changedOn: '2026-03-05' }, current)).toEqual([
      { path: 'reason', message: '请填写“调整原因”' },
    ]);
  });

  it('refuses the same level, an unknown level, a date in the future or before the last change', () => {
    expect(levelChangeProblems({ level: 'yellow', reason: 'x', changedOn: '2026-03-05' }, current)).toEqual([
      { path: 'level', message: '当前已是“黄色”，请选择另一个等级' },
    ]);
    expect(levelChangeProblems({ level: 'purple', reason: 'x', changedOn: '2026-03-05' }, current)).toEqual([
      { path: 'level', message: '“风险等级”应为红色、橙色、黄色、蓝色之一' },
    ]);
    expect(levelChangeProblems({ level: 'blue', reason: 'x', changedOn: '2026-03-11' }, current)).toEqual([
      { path: 'changedOn', message: '“调整日期”不能晚于今天（2026-03-10）' },
    ]);
    expect(levelChangeProblems({ level: 'blue', reason: 'x', changedOn: '2026-02-28' }, current)).toEqual([
      { path: 'changedOn', message: '“调整日期”不能早于上次调整日期（2026-03-01）' },
    ]);
  });

  it('turns a hazard red only with a responsible leader and a plan', () => {
    expect(levelChangeProblems({ level: 'red', reason: '跨部门', changedOn: '2026-03-10' }, current)).toEqual([
      { path: 'responsibleLeaderId', message: '红色隐患须明确“包保领导”，请先指定' },
      { path: 'plan', message: '红色隐患须一案一策，请填写“化解方案”' },
    ]);
    expect(
      levelChangeProblems(
        { level: 'red', reason: '跨部门', changedOn: '2026-03-10', plan: '专班' },
        { ...current, responsibleLeaderId: 'L1' },
      ),
    ).toEqual([]);
  });

  it('keeps a closed-out hazard’s colour', () => {
    expect(
      levelChangeProblems({ level: 'blue', reason: 'x', changedOn: '2026-03-10' }, { ...current, status: 'closed' }),
    ).toEqual([{ path: 'status', message: '已销号的隐患不能调整等级，如有新情况请先重新化解' }]);
  });

  const history: LevelChange[] = [
    { from: 'blue', to: 'yellow', changedOn: '2026-02-10', reason: '人数增加' },
    { from: 'yellow', to: 'red', changedOn: '2026-02-20', reason: '聚集' },
    { from: 'red', to: 'orange', changedOn: '2026-02-20', reason: '当日稳控' },
    { from: 'orange', to: 'blue', changedOn: '2026-03-31', reason: '已缓和' },
  ];
  const found = { level: 'blue', foundOn: '2026-02-01' } as const;

  it('gives the colour a hazard had on any day, the last change of a day winning', () => {
    expect(levelOn(found, history, '2026-01-31')).toBeNull();
    expect(levelOn(found, history, '2026-02-01')).toBe('blue');
    expect(levelOn(found, history, '2026-02-10')).toBe('yellow');
    expect(levelOn(found, history, '2026-02-19')).toBe('yellow');
    expect(levelOn(found, history, '2026-02-20')).toBe('orange');
    expect(levelOn(found, history, '2026-03-30')).toBe('orange');
    expect(levelOn(found, history, '2026-04-01')).toBe('blue');
  });

  it('checks a stored history is a chain', () => {
    expect(levelHistoryProblems('blue', history)).toEqual([]);
    expect(
      levelHistoryProblems('yellow', [
        { from: 'blue', to: 'red', changedOn: '2026-02-10', reason: 'x' },
        { from: 'red', to: 'blue', changedOn: '2026-02-09', reason: 'y' },
      ]),
    ).toEqual(['第 1 次调整从“蓝色”开始，但此前为“黄色”', '第 2 次调整的日期早于上一次']);
  });
});

describe('trend and analysis notes', () => {
  const context = { status: 'resolving', foundOn: '2026-03-01', today: '2026-03-10' } as const;

  it('takes a dated note with content', () => {
    expect(
      hazardNoteProblems('analysis', { notedOn: '2026-03-10', content: '研判为可控', suggestedLevel: 'blue' }, context),
    ).toEqual([]);
    expect(
      hazardNoteProblems('trend', { notedOn: '2026-03-01', content: '有人在群里串联', trend: 'rising' }, context),
    ).toEqual([]);
  });

  it('names the missing parts by kind', () => {
    expect(hazardNoteProblems('analysis', {}, context)).toEqual([
      { path: 'notedOn', message: '请填写“研判日期”' },
      { path: 'content', message: '请填写“研判意见”' },
    ]);
    expect(hazardNoteProblems('trend', {}, context).map((p) => p.message)).toEqual([
      '请填写“记录日期”',
      '请填写“动向情况”',
    ]);
  });

  it('refuses dates outside found … today, unknown trends and levels, and notes on a closed hazard', () => {
    expect(
      hazardNoteProblems(
        'trend',
        { notedOn: '2026-02-28', content: 'x', trend: 'up', suggestedLevel: 'pink' },
        context,
      ),
    ).toEqual([
      { path: 'notedOn', message: '“记录日期”不能早于发现日期（2026-03-01）' },
      { path: 'trend', message: '“趋势”应为升温、平稳、趋缓之一' },
      { path: 'suggestedLevel', message: '“建议等级”应为红色、橙色、黄色、蓝色之一' },
    ]);
    expect(hazardNoteProblems('trend', { notedOn: '2026-03-11', content: 'x' }, context)).toEqual([
      { path: 'notedOn', message: '“记录日期”不能晚于今天（2026-03-10）' },
    ]);
    expect(
      hazardNoteProblems('analysis', { notedOn: '2026-03-05', content: 'x' }, { ...context, status: 'closed' }),
    ).toEqual([{ path: 'status', message: '已销号的隐患不再记录动向或研判，如有新情况请先重新化解' }]);
  });
});

describe('coordinates in the county’s extent', () => {
  const extent: CountyExtent = { minLng: 113.5, minLat: 34.2, maxLng: 114.25, maxLat: 34.75 };

  it.each([
    [113.8, 34.5, true],
    [113.5, 34.2, true], // south-west corner
    [114.25, 34.75, true], // north-east corner
    [113.5, 34.75, true],
    [114.0, 34.2, true], // on the southern edge
    [113.4999999, 34.5, false],
    [114.2500001, 34.5, false],
    [113.8, 34.1999999, false],
    [113.8, 34.7500001, false],
    [116.4, 39.9, false],
  ])('(%f, %f) inside: %s', (lng, lat, inside) => {
    expect(isWithinExtent({ lng, lat }, extent)).toBe(inside);
    expect(coordinateProblems({ lng, lat }, extent).length === 0).toBe(inside);
  });

  it('names the coordinate that is out and the range', () => {
    expect(coordinateProblems({ lng: 114.3, lat: 34.5 }, extent)).toEqual([
      { path: 'lng', message: '“经度”114.3 不在本县范围内（113.5 至 114.25）' },
    ]);
    expect(coordinateProblems({ lng: 112, lat: 35 }, extent).map((p) => p.path)).toEqual(['lng', 'lat']);
  });

  it('accepts no coordinates, but not one without the other nor nonsense', () => {
    expect(coordinateProblems({}, extent)).toEqual([]);
    expect(coordinateProblems({ lng: null, lat: null }, extent)).toEqual([]);
    expect(coordinateProblems({ lng: 113.8 }, extent)).toEqual([
      { path: 'lat', message: '已填经度，请同时填写“纬度”' },
    ]);
    expect(coordinateProblems({ lat: 34.5 }, extent)).toEqual([{ path: 'lng', message: '已填纬度，请同时填写“经度”' }]);
    expect(coordinateProblems({ lng: Number.NaN, lat: 91 }, extent)).toEqual([
      { path: 'lng', message: '“经度”应为 -180 至 180 之间的数' },
      { path: 'lat', message: '“纬度”应为 -90 至 90 之间的数' },
    ]);
  });

  it('refuses an invalid extent: that is the administrator’s data', () => {
    expect(extentProblems(extent)).toEqual([]);
    expect(extentProblems({ minLng: 114, minLat: 34, maxLng: 113, maxLat: 35 })).toEqual([
      '县域范围的最小经纬度应小于最大经纬度',
    ]);
    expect(extentProblems({ minLng: -181, minLat: 34, maxLng: 113, maxLat: 95 })).toEqual([
      '县域范围的经度应为 -180 至 180 之间的数',
      '县域范围的纬度应为 -90 至 90 之间的数',
    ]);
    expect(() => coordinateProblems({ lng: 1, lat: 1 }, { minLng: 1, minLat: 1, maxLng: 1, maxLat: 2 })).toThrow(
      '县域范围的最小经纬度应小于最大经纬度',
    );
  });
});

describe('where a hazard is', () => {
  const township = '410102001000';
  const village = '410102001002';
  const grid = '410102001002003';

  it('accepts a township alone or with its own village and grid', () => {
    expect(locationProblems({ townshipCode: township })).toEqual([]);
    expect(locationProblems({ townshipCode: township, villageCode: village, gridCode: grid })).toEqual([]);
  });

  it('requires a township-level code', () => {
    expect(locationProblems({})).toEqual([{ path: 'townshipCode', message: '请选择“乡镇/街道”' }]);
    expect(locationProblems({ townshipCode: '410102000000' })).toEqual([
      { path: 'townshipCode', message: '“乡镇/街道”应为 12 位乡镇级区划代码' },
    ]);
  });

  it('leaves nesting to the backend (a moved village keeps its code), refuses a grid without a village', () => {
    expect(locationProblems({ townshipCode: township, villageCode: '410102002001' })).toEqual([]);
    expect(locationProblems({ townshipCode: township, gridCode: grid })).toEqual([
      { path: 'villageCode', message: '选择网格前请先选择“村/社区”' },
    ]);
    expect(locationProblems({ townshipCode: township, villageCode: township, gridCode: '123' })).toEqual([
      { path: 'villageCode', message: '“村/社区”应为 12 位村级区划代码' },
      { path: 'gridCode', message: '“网格”应为 15 位网格编码' },
    ]);
  });

  it('checks a whole hazard draft', () => {
    const extent: CountyExtent = { minLng: 113.5, minLat: 34.2, maxLng: 114.25, maxLat: 34.75 };
    const draft = {
      title: '某楼盘停工',
      category: 'stalled_housing',
      source: 'grid',
      level: 'orange',
      foundOn: '2026-03-01',
      townshipCode: township,
      lng: 113.9,
      lat: 34.6,
      peopleInvolved: 120,
    };
    expect(hazardDraftProblems(draft, extent, '2026-03-02')).toEqual([]);
    expect(
      hazardDraftProblems(
        { ...draft, title: '', source: 'rumour', foundOn: '2026-03-03', lat: 30, peopleInvolved: -1 },
        extent,
        '2026-03-02',
      ),
    ).toEqual([
      { path: 'title', message: '请填写“隐患名称”' },
      { path: 'source', message: '“来源”应为网格员上报、排查、热线、信访、其他之一' },
      { path: 'foundOn', message: '“发现日期”不能晚于今天（2026-03-02）' },
      { path: 'lat', message: '“纬度”30 不在本县范围内（34.2 至 34.75）' },
      { path: 'peopleInvolved', message: '“涉及人数”应为不小于 0 的整数' },
    ]);
  });
});
