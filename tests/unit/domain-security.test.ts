import { describe, expect, it } from 'vitest';
import { maskAddress, maskIdNumber, maskName, maskPhone } from '../../shared/domain/masking';
import { passwordProblems } from '../../shared/domain/password-policy';
import { conflictingRoles, hasAccess, ROLE_PERMISSIONS, ROLES } from '../../shared/domain/roles';
import { inScope } from '../../shared/domain/scope';

describe('masking', () => {
  it('masks an 18-character ID number as 410***********1234', () => {
    expect(maskIdNumber('410102199001011234')).toBe('410***********1234');
    expect(maskIdNumber('41010219900101123X')).toBe('410***********123X');
  });

  it('masks a mobile number as 138****5678', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  it('keeps the surname of a name', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('李小明')).toBe('李*明');
    expect(maskName('欧阳娜娜')).toBe('欧阳**');
    expect(maskName('')).toBe('');
  });

  it('keeps the start of an address and hides the rest', () => {
    expect(maskAddress('青禾县南关街道北街社区3号楼2单元')).toBe('青禾县南关街****');
    expect(maskAddress('某村')).toBe('某****');
  });
});

describe('password policy', () => {
  it('accepts 8+ characters from 3 classes', () => {
    expect(passwordProblems('Abcdefg1')).toEqual([]);
    expect(passwordProblems('abc-defg1')).toEqual([]);
  });

  it('names every rule a password breaks', () => {
    expect(passwordProblems('abc')).toEqual(['密码至少 8 位', '密码须包含大写字母、小写字母、数字、符号中的至少 3 类']);
    expect(passwordProblems('abcdefgh1')).toEqual(['密码须包含大写字母、小写字母、数字、符号中的至少 3 类']);
    expect(passwordProblems('Zhang-2026', 'zhang')).toEqual(['密码不能包含用户名']);
  });
});

describe('roles', () => {
  it('keeps the administrator out of the audit log and the auditor out of every change', () => {
    expect(hasAccess(['sysadmin'], 'audit.read')).toBe(false);
    expect(hasAccess(['auditor'], 'audit.read')).toBe(true);
    for (const permission of ['users.manage', 'settings.manage', 'demo.load', 'personal.reveal'] as const) {
      expect(hasAccess(['auditor'], permission)).toBe(false);
    }
  });

  it('gives every role at least one permission, and forbids sysadmin with auditor', () => {
    for (const role of ROLES) expect(ROLE_PERMISSIONS[role].length).toBeGreaterThan(0);
    expect(conflictingRoles(['sysadmin', 'auditor'])).toEqual(['sysadmin', 'auditor']);
    expect(conflictingRoles(['duty_officer', 'leader'])).toBeNull();
  });
});

describe('region scope', () => {
  it('lets a county user see everything and a township user only its subtree', () => {
    expect(inScope(null, '999901002001')).toBe(true);
    expect(inScope('999901001000', '999901001002')).toBe(true);
    expect(inScope('999901001000', '999901001002003')).toBe(true);
    expect(inScope('999901001000', '999901002001')).toBe(false);
    expect(inScope('999901001000', null)).toBe(false);
  });
});
