import { describe, expect, it } from 'vitest';
import {
  DEFAULT_BOARD_WEIGHTS,
  riskBand,
  riskIndex,
  riskIndexOf,
  riskScore,
  type RiskInputs,
} from '../../shared/domain/board/risk-index';

const quiet: RiskInputs = {
  openHazards: { red: 0, orange: 0, yellow: 0, blue: 0 },
  overdueCases: 0,
  openCases: 0,
  overdueTasks: 0,
};

const busy: RiskInputs = {
  openHazards: { red: 2, orange: 3, yellow: 4, blue: 5 },
  overdueCases: 6,
  openCases: 7,
  overdueTasks: 8,
};

describe('the township risk index', () => {
  it('weighs each counted item by its weight', () => {
    // 2×10 + 3×5 + 4×2 + 5×1 + 6×3 + 7×1 + 8×2 = 20 + 15 + 8 + 5 + 18 + 7 + 16
    expect(riskScore(busy, DEFAULT_BOARD_WEIGHTS)).toBe(89);
    const onlyRed = {
      ...DEFAULT_BOARD_WEIGHTS,
      orange: 0,
      yellow: 0,
      blue: 0,
      overdueCase: 0,
      openCase: 0,
      overdueTask: 0,
    };
    expect(riskScore(busy, onlyRed)).toBe(20);
    expect(riskScore(busy, { ...onlyRed, red: 2.5 })).toBe(5);
  });

  it('maps the score onto 0–100 with a saturating scale: 0 for nothing, 50 at the half score, never above 100', () => {
    expect(riskIndexOf(0, 100)).toBe(0);
    expect(riskIndexOf(100, 100)).toBe(50);
    expect(riskIndexOf(89, 100)).toBe(47); // 8900 / 189 = 47.09
    expect(riskIndexOf(300, 100)).toBe(75);
    expect(riskIndexOf(1e9, 100)).toBe(100);
    expect(riskIndexOf(10, 10)).toBe(50);
  });

  it('stays 0 and 低 when every township is quiet, with any weights', () => {
    expect(riskIndex(quiet, DEFAULT_BOARD_WEIGHTS)).toEqual({ score: 0, index: 0, band: 'low' });
    expect(
      riskIndex(busy, {
        ...DEFAULT_BOARD_WEIGHTS,
        red: 0,
        orange: 0,
        yellow: 0,
        blue: 0,
        overdueCase: 0,
        openCase: 0,
        overdueTask: 0,
      }),
    ).toEqual({
      score: 0,
      index: 0,
      band: 'low',
    });
  });

  it('gives one township its own value, not 100 for being the worst', () => {
    expect(riskIndex(busy, DEFAULT_BOARD_WEIGHTS)).toEqual({ score: 89, index: 47, band: 'medium' });
    expect(riskIndex(busy, { ...DEFAULT_BOARD_WEIGHTS, halfScore: 10 })).toEqual({
      score: 89,
      index: 90,
      band: 'high',
    });
  });

  it('bands the index 0–24 低, 25–49 中, 50–74 较高, 75–100 高', () => {
    expect([0, 24, 25, 49, 50, 74, 75, 100].map(riskBand)).toEqual([
      'low',
      'low',
      'medium',
      'medium',
      'elevated',
      'elevated',
      'high',
      'high',
    ]);
  });
});
