import { describe, expect, it, vi } from 'vitest';
import { i18n } from '../../renderer/src/i18n';
import { applyServerError } from '../../renderer/src/components/serverErrors';

/** Issue 8: the desk never reads "check the red fields" when nothing is red. */
describe('a refusal from the main process, on a form', () => {
  const t = i18n.getFixedT('zh-CN');

  it('puts each error the form has a field for at that field, and says nothing more', () => {
    const setError = vi.fn();
    const banner = applyServerError({ code: 'VALIDATION', message: 'x', fields: { 'person.idNumber': 'v.id.sexMismatch' } }, setError, t, ['person.idNumber']);
    expect(setError).toHaveBeenCalledWith('person.idNumber', { type: 'server', message: 'v.id.sexMismatch' });
    expect(banner).toBeNull();
  });

  it('names a field the form does not have in the banner, with what is wrong with it, never "check the red fields"', () => {
    const setError = vi.fn();
    const banner = applyServerError({ code: 'VALIDATION', message: 'x', fields: { idNumber: 'v.id.sexMismatch' } }, setError, t, ['person.idNumber']);
    expect(setError).not.toHaveBeenCalled();
    expect(banner).toBe('填写的内容有误：身份证号：身份证号中的性别与登记的性别不一致');
    expect(banner).not.toContain('标红');
  });

  it('places what it can and names the rest', () => {
    const setError = vi.fn();
    const banner = applyServerError(
      { code: 'VALIDATION', message: 'x', fields: { arrivedAt: 'v.future', 'channelDetail.handoverAt': 'v.beforeFloor' } },
      setError,
      t,
      ['arrivedAt'],
    );
    expect(setError).toHaveBeenCalledTimes(1);
    expect(banner).toBe('填写的内容有误：交接时间：时间早于本站允许登记的最早日期（见站点设置）');
  });

  it('says it in English too', () => {
    const banner = applyServerError({ code: 'CONFLICT', message: 'x', fields: { 'person.idNumber': 'v.id.taken' } }, vi.fn(), i18n.getFixedT('en'), []);
    expect(banner).toBe('Some fields are not right: ID number: This ID number belongs to another person: find them first');
  });
});
