import { z } from 'zod';

/**
 * Chinese messages for schema failures, written for the people filling the forms: each says what
 * is wrong with the field and what to do. A schema may still give its own message for a field.
 */
type Issue = Parameters<z.core.$ZodErrorMap>[0];

const TYPE_NAMES: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  boolean: '是或否',
  array: '列表',
  object: '对象',
  date: '日期',
};

function sizeMessage(issue: Issue & { code: 'too_big' | 'too_small' }): string {
  const big = issue.code === 'too_big';
  const limit = big ? (issue as { maximum: number | bigint }).maximum : (issue as { minimum: number | bigint }).minimum;
  switch (issue.origin) {
    case 'string':
      if (!big && Number(limit) === 1) return '不能为空，请填写';
      return big ? `不能超过 ${limit} 个字符，请删减` : `至少需要 ${limit} 个字符`;
    case 'array':
    case 'set':
      return big ? `最多 ${limit} 项，请减少` : `至少需要 ${limit} 项`;
    default:
      return big ? `不能大于 ${limit}` : `不能小于 ${limit}`;
  }
}

export function chineseMessage(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return '必填，请填写';
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      return `应为${expected}，请检查`;
    }
    case 'too_big':
    case 'too_small':
      return sizeMessage(issue);
    case 'invalid_value':
      return '不在可选范围内，请从列表中选择';
    case 'invalid_format':
      return '格式不正确，请检查';
    case 'unrecognized_keys':
      return `包含不认识的字段（${issue.keys.join('、')}），请去掉`;
    case 'not_multiple_of':
      return `应为 ${issue.divisor} 的整数倍`;
    default:
      return '输入无效，请检查';
  }
}

z.config({ customError: chineseMessage });
