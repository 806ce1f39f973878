import { describe, expect, it } from 'vitest';
import { petitionsCreateInput } from '../../shared/contract/petitions';
import { checkIdNumber, idCheckCharacter } from '../../shared/domain/id-number';

describe('identity numbers (GB 11643-1999)', () => {
  it('accepts a number whose check character matches, X included, stored upper-case', () => {
    // 11010519491231002X is the standard's own worked example.
    expect(idCheckCharacter('11010519491231002')).toBe('X');
    expect(checkIdNumber('11010519491231002x')).toEqual({ value: '11010519491231002X', problem: null, warning: null });
    expect(checkIdNumber(' 410102198001191234 ').problem).toBeNull();
  });

  it('refuses a wrong check character and a one-digit typo', () => {
    expect(checkIdNumber('110105194912310010').problem).toBe('身份证号校验位不正确，请核对');
    expect(checkIdNumber('11010519491231012X').problem).toBe('身份证号校验位不正确，请核对');
  });

  it('refuses a birth date that does not exist, and numbers of the wrong shape', () => {
    const feb30 = '11010519490230002';
    expect(checkIdNumber(feb30 + idCheckCharacter(feb30)).problem).toBe(
      '身份证号中的出生日期 19490230 不是有效日期，请核对',
    );
    const before1900 = '11010518991231002';
    expect(checkIdNumber(before1900 + idCheckCharacter(before1900)).problem).toContain('18991231 不是有效日期');
    const noArea = '01010519491231002';
    expect(checkIdNumber(noArea + idCheckCharacter(noArea)).problem).toBe('身份证号前 6 位地区码不正确，请核对');
    expect(checkIdNumber('1101051949123100').problem).toBe('身份证号应为 18 位数字（末位可为 X），或 15 位旧号码');
    expect(checkIdNumber('11010519491231002Y').problem).toContain('18 位数字');
  });

  it('accepts a legacy 15-digit number with a warning, upgraded to 18 digits as the standard does', () => {
    const checked = checkIdNumber('110105491231002');
    expect(checked).toEqual({
      value: '11010519491231002X',
      problem: null,
      warning: '身份证号为 15 位旧号码，已按国家标准升为 18 位 11010519491231002X，请与证件核对',
    });
    expect(checkIdNumber('110105490230002').problem).toBe('身份证号中的出生日期 19490230 不是有效日期，请核对');
  });

  it('the contract names the petitioner whose number is wrong, even while another field is wrong', () => {
    const result = petitionsCreateInput.safeParse({
      townshipCode: '999901001000',
      summary: '',
      firstPetitionDate: '2026-01-01',
      receivedDate: '2026-01-02',
      petitioners: [
        { name: '王建国', idNumber: '11010519491231002X' },
        { name: '李四', idNumber: '110105194912310010' },
      ],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toContainEqual(
      expect.objectContaining({
        path: ['petitioners', 1, 'idNumber'],
        message: '第 2 位信访人的身份证号校验位不正确，请核对',
      }),
    );
  });

  it('the contract stores a legacy number upgraded', () => {
    const parsed = petitionsCreateInput.parse({
      townshipCode: '999901001000',
      summary: '讨薪',
      firstPetitionDate: '2026-01-01',
      receivedDate: '2026-01-02',
      petitioners: [{ name: '王建国', idNumber: '110105491231002' }, { name: '李四' }],
    });
    expect(parsed.petitioners.map((p) => p.idNumber)).toEqual(['11010519491231002X', null]);
  });
});
