import { enableAutoUnmount, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { BoardDisputeTownship, BoardTownship } from '@shared/contract/board';
import TownshipDrill from '@/board/components/TownshipDrill.vue';

enableAutoUnmount(afterEach);

const TOWNSHIP: BoardTownship = {
  code: '999901001000',
  name: '城关镇',
  riskIndex: 42,
  band: 'medium',
  openHazards: { red: 1, orange: 2, yellow: 3, blue: 4 },
  openCases: 7,
  overdueCases: 2,
  overdueTasks: 1,
  resolution: { numerator: 3, denominator: 5, rate: 0.6 },
};

const DISPUTES: BoardDisputeTownship = {
  code: '999901001000',
  today: 3,
  received: 40,
  resolution: { numerator: 29, denominator: 40, rate: 29 / 40 },
  open: 11,
};

describe('the board’s township drill-down', () => {
  it('shows the township’s disputes as counts: today’s intake, the open ones, 化解率 with its parts', async () => {
    const drill = mount(TownshipDrill, { props: { township: TOWNSHIP, disputes: DISPUTES } });
    const line = drill.get('[data-testid="board-drill-disputes"]').text().replace(/\s+/g, '');
    expect(line).toBe('矛盾纠纷：今日受理3件，在办11件；近30日化解率72.50%（29/40）');
    await drill.get('[data-testid="board-drill-disputes-open"]').trigger('click');
    expect(drill.emitted('open')).toEqual([['disputes']]);
  });

  it('says 0 and a dash for a township with no disputes, and leaves the line out when none are known', () => {
    const none = {
      ...DISPUTES,
      today: 0,
      received: 0,
      open: 0,
      resolution: { numerator: 0, denominator: 0, rate: null },
    };
    const empty = mount(TownshipDrill, { props: { township: TOWNSHIP, disputes: none } });
    expect(empty.get('[data-testid="board-drill-disputes"]').text().replace(/\s+/g, '')).toBe(
      '矛盾纠纷：今日受理0件，在办0件；近30日化解率—（0/0）',
    );
    const missing = mount(TownshipDrill, { props: { township: TOWNSHIP } });
    expect(missing.find('[data-testid="board-drill-disputes"]').exists()).toBe(false);
    expect(missing.text()).toContain('在办积案 7 件');
  });
});
