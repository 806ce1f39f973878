import { describe, expect, it } from 'vitest';
import {
  ASSESSMENT_CONCLUSION_LABELS,
  ASSESSMENT_DECISION_LABELS,
  ASSESSMENT_DECISIONS,
  conclusionMappingProblems,
  DEFAULT_CONCLUSION_MAPPING,
  parseConclusionMapping,
  RISK_LEVEL_DESCRIPTIONS,
  RISK_LEVEL_LABELS,
  RISK_LEVELS,
  riskLevelRank,
  suggestConclusion,
} from '../../shared/domain/risks';

describe('risk levels and conclusions', () => {
  it('has 高 / 中 / 低, most serious first, ranked 2 / 1 / 0, each described', () => {
    expect(RISK_LEVELS).toEqual(['high', 'medium', 'low']);
    expect(RISK_LEVELS.map((l) => RISK_LEVEL_LABELS[l])).toEqual(['高', '中', '低']);
    expect(RISK_LEVELS.map(riskLevelRank)).toEqual([2, 1, 0]);
    expect(RISK_LEVEL_DESCRIPTIONS.high).toContain('群体性事件');
    expect(RISK_LEVEL_DESCRIPTIONS.low).toContain('理解支持');
  });

  it('offers the same three options for the recommendation and the decision', () => {
    expect(ASSESSMENT_CONCLUSION_LABELS).toEqual({ implement: '实施', postpone: '暂缓实施', reject: '不实施' });
    expect(ASSESSMENT_DECISIONS).toEqual(['implement', 'postpone', 'reject']);
    expect(ASSESSMENT_DECISION_LABELS).toEqual(ASSESSMENT_CONCLUSION_LABELS);
  });
});

describe('the suggestion mapping', () => {
  it('suggests by default 低 → 实施, 中 → 暂缓实施, 高 → 不实施', () => {
    expect(suggestConclusion('low')).toBe('implement');
    expect(suggestConclusion('medium')).toBe('postpone');
    expect(suggestConclusion('high')).toBe('reject');
    expect(conclusionMappingProblems(DEFAULT_CONCLUSION_MAPPING)).toEqual([]);
    expect(Object.isFrozen(DEFAULT_CONCLUSION_MAPPING)).toBe(true);
  });

  it('suggests from a custom mapping the administrator saved', () => {
    const parsed = parseConclusionMapping({ low: 'implement', medium: 'implement', high: 'postpone' });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(suggestConclusion('medium', parsed.mapping)).toBe('implement');
    expect(suggestConclusion('high', parsed.mapping)).toBe('postpone');
    expect(suggestConclusion('low', parsed.mapping)).toBe('implement');
  });

  it('accepts the strictest mapping and one that rejects everything', () => {
    expect(conclusionMappingProblems({ low: 'postpone', medium: 'reject', high: 'reject' })).toEqual([]);
    expect(conclusionMappingProblems({ low: 'reject', medium: 'reject', high: 'reject' })).toEqual([]);
  });

  it.each([null, 'low=implement', ['implement', 'postpone', 'reject'], 42])('rejects %j as not a mapping', (input) => {
    expect(conclusionMappingProblems(input)).toEqual([
      { path: 'mapping', message: '建议结论对照表应为“风险等级 → 建议结论”的对象' },
    ]);
    expect(parseConclusionMapping(input).ok).toBe(false);
  });

  it('rejects a missing level, an unknown level and an unknown conclusion, naming each', () => {
    expect(conclusionMappingProblems({ low: 'implement', high: 'yes', severe: 'reject' })).toEqual([
      { path: 'mapping.severe', message: '未知的风险等级“severe”' },
      {
        path: 'mapping.high',
        message: '“高”风险等级的建议结论“yes”无效，应为实施、暂缓实施、不实施之一',
      },
      { path: 'mapping.medium', message: '请为“中”风险等级选择建议结论' },
    ]);
    expect(conclusionMappingProblems({ low: '', medium: null, high: 'reject' }).map((p) => p.path)).toEqual([
      'mapping.medium',
      'mapping.low',
    ]);
  });

  it('rejects a mapping that is more lenient at a higher level', () => {
    expect(conclusionMappingProblems({ low: 'postpone', medium: 'implement', high: 'reject' })).toEqual([
      {
        path: 'mapping.medium',
        message: '风险等级越高，建议结论不能越宽松：“中”建议“实施”，而“低”建议“暂缓实施”',
      },
    ]);
    expect(conclusionMappingProblems({ low: 'implement', medium: 'reject', high: 'implement' })).toEqual([
      {
        path: 'mapping.high',
        message: '风险等级越高，建议结论不能越宽松：“高”建议“实施”，而“中”建议“不实施”',
      },
    ]);
  });

  it('parses to a frozen copy without extra keys', () => {
    const input = { high: 'reject', medium: 'postpone', low: 'implement' };
    const parsed = parseConclusionMapping(input);
    expect(parsed).toEqual({ ok: true, mapping: { high: 'reject', medium: 'postpone', low: 'implement' } });
    if (parsed.ok) {
      expect(parsed.mapping).not.toBe(input);
      expect(Object.isFrozen(parsed.mapping)).toBe(true);
    }
    const bad = parseConclusionMapping({ high: 'implement', medium: 'postpone', low: 'implement' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems.map((p) => p.path)).toEqual(['mapping.high']);
  });
});
