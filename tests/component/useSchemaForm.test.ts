import { describe, expect, it } from 'vitest';
import { nextTick } from 'vue';
import { contract } from '@shared/contract';
import { regionsListInput } from '@shared/contract/regions';
import { useSchemaForm } from '@/composables/useSchemaForm';

const blank = () => ({ keyword: '', level: '', parentCode: '' });

describe('useSchemaForm', () => {
  it('marks each invalid field with its own Chinese message and returns nothing', () => {
    const form = useSchemaForm(regionsListInput, blank());
    form.model.keyword = '长'.repeat(51);
    form.model.level = 'province';
    form.model.parentCode = '1234';

    expect(form.validate()).toBeNull();
    expect(form.errors.keyword).toBe('不能超过 50 个字符，请删减');
    expect(form.errors.level).toBe('不在可选范围内，请从列表中选择');
    expect(form.errors.parentCode).toBe('区划代码应为 12 位数字（网格为 15 位），请检查');
  });

  it('treats empty inputs as not given and returns the parsed input when valid', () => {
    const form = useSchemaForm(regionsListInput, blank());
    form.model.keyword = '  城关 ';

    const parsed = form.validate();
    expect(parsed).toMatchObject({ keyword: '城关', page: 1, pageSize: 20 });
    expect(parsed).not.toHaveProperty('parentCode');
    expect(Object.keys(form.errors)).toHaveLength(0);
  });

  it('re-checks a field as it changes, leaving untouched fields quiet', async () => {
    const form = useSchemaForm(regionsListInput, blank());
    form.model.parentCode = '12';
    await nextTick();
    expect(form.errors.parentCode).toMatch(/12 位数字/);
    expect(form.errors.keyword).toBeUndefined();

    form.model.parentCode = '410102000000';
    await nextTick();
    expect(form.errors.parentCode).toBeUndefined();
  });

  it('applyServerErrors marks the field named by details[].path and returns the rest', () => {
    const form = useSchemaForm(regionsListInput, blank());
    const unplaced = form.applyServerErrors([
      { path: 'keyword', message: '关键字含有不允许的字符，请修改' },
      { path: 'pageSize', message: '不能大于 200' },
    ]);

    expect(form.errors.keyword).toBe('关键字含有不允许的字符，请修改');
    expect(unplaced).toEqual([{ path: 'pageSize', message: '不能大于 200' }]);
  });

  it('reset restores the initial values and clears the marks', () => {
    const form = useSchemaForm(regionsListInput, blank());
    form.model.keyword = 'x';
    form.applyServerErrors([{ path: 'keyword', message: '错误' }]);

    form.reset();
    expect(form.model.keyword).toBe('');
    expect(form.errors.keyword).toBeUndefined();
  });

  it('re-checks one value of a list row as it changes, leaving the other rows quiet', async () => {
    const form = useSchemaForm(contract['duty.save'].input, {
      date: '2026-11-23',
      entries: [
        { role: 'leader', name: '周带班', phone: '' },
        { role: 'officer', name: '', phone: '' },
        { role: 'officer', name: '', phone: '' },
      ],
    });
    form.model.entries[0]!.name = '';
    await nextTick();
    expect(form.errors['entries.0.name']).toBe('请填写值班人员姓名');
    expect(form.errors['entries.1.name']).toBeUndefined();

    form.model.entries[0]!.name = '周带班';
    await nextTick();
    expect(form.errors['entries.0.name']).toBeUndefined();

    // A removed row takes its marks with it; the row that moved up is checked in its new place.
    expect(form.validate()).toBeNull();
    expect(form.errors['entries.2.name']).toBe('请填写值班人员姓名');
    form.model.entries.splice(1, 1);
    form.model.entries[1]!.name = '吴值守';
    await nextTick();
    expect(Object.keys(form.errors)).toEqual([]);
  });

  it('reset leaves the restored fields unmarked, even where the initial value is not valid yet', async () => {
    const form = useSchemaForm(contract['board.importBoundaryPreview'].input, {
      geojson: '',
      property: '',
      matchBy: 'name',
    });
    form.model.property = 'NAME';
    await nextTick();
    form.reset();
    await nextTick();
    expect(Object.keys(form.errors)).toEqual([]);
  });
});
