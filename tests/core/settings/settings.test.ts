import { afterEach, describe, expect, it } from 'vitest';
import { readSettings, writeSettings } from '../../../electron/features/settings/service';
import { contentHash, openStation, type TestStation } from '../helpers';

let st: TestStation | undefined;
afterEach(() => {
  st?.close();
  st = undefined;
});

describe('station settings', () => {
  it('are read as committed: a change rolled back is not remembered, a committed one is seen at once', () => {
    st = openStation();
    const db = st.core.db;
    const before = readSettings(db).stationName;
    expect(() =>
      db.transaction(() => {
        writeSettings(db, { stationName: '回滚的站名' });
        expect(readSettings(db).stationName).toBe('回滚的站名'); // inside the transaction, its own change
        throw new Error('roll back');
      })(),
    ).toThrow('roll back');
    expect(readSettings(db).stationName).toBe(before);
    st.must('settings.update', { stationName: '新站名', timeZone: 'Asia/Urumqi', idleLockMinutes: 5 }, st.adminSession);
    expect(readSettings(db)).toMatchObject({ stationName: '新站名', timeZone: 'Asia/Urumqi', idleLockMinutes: 5 });
    // A caller changing its copy changes nothing else.
    readSettings(db).stationName = '改了副本';
    expect(readSettings(db).stationName).toBe('新站名');
  });

  it('a new station starts from DOMAIN’s defaults: warn on day 8 of 10, notice in 24 h, DNA in 7 working days, refresh after 30 days', () => {
    st = openStation();
    expect(st.must('settings.get', {}, st.adminSession)).toMatchObject({
      stayWarnDay: 8,
      stayLimitDays: 10,
      familyNoticeHours: 24,
      dnaWorkingDays: 7,
      noticeRefreshDays: 30,
      dateFloor: '2000-01-01',
      lateRegistrationHours: 24,
      stockExpiringDays: 30,
    });
  });

  it('a box left empty keeps the stored setting', () => {
    st = openStation();
    const base = { stationName: '测试区救助管理站', timeZone: 'Asia/Shanghai', idleLockMinutes: 10 };
    st.must('settings.update', { ...base, stayLimitDays: 12 }, st.adminSession);
    expect(st.must('settings.update', { ...base, stayLimitDays: undefined, idleLockMinutes: 6 }, st.adminSession)).toMatchObject({ stayLimitDays: 12, idleLockMinutes: 6 });
    expect(st.must('settings.get', {}, st.adminSession)).toMatchObject({ stayLimitDays: 12, idleLockMinutes: 6 });
  });

  it('a setting never saved reads as its default, and one this version does not know (a newer version’s) is left out', () => {
    st = openStation();
    const db = st.core.db;
    db.prepare("INSERT INTO settings (key, value) VALUES ('newerSetting', '1')").run();
    db.prepare("DELETE FROM settings WHERE key = 'stayLimitDays'").run();
    st.must('settings.update', { stationName: '新站名', timeZone: 'Asia/Shanghai', idleLockMinutes: 10 }, st.adminSession); // forgets what was read
    const settings = st.must('settings.get', {}, st.adminSession);
    expect(settings.stayLimitDays).toBe(10);
    expect(settings).not.toHaveProperty('newerSetting');
  });

  it('the warning day of the stay clock may fall on the limit day, never after it; a refused change changes nothing', () => {
    st = openStation();
    const base = { stationName: '测试区救助管理站', timeZone: 'Asia/Shanghai', idleLockMinutes: 10, stayLimitDays: 12 };
    expect(st.must('settings.update', { ...base, stayWarnDay: 12 }, st.adminSession)).toMatchObject({ stayWarnDay: 12, stayLimitDays: 12 });
    const before = contentHash(st.core);
    const after = st.call('settings.update', { ...base, stayWarnDay: 13 }, st.adminSession);
    expect(after.ok || after.error).toMatchObject({ code: 'VALIDATION', fields: { stayWarnDay: 'v.warnAfterLimit' } });
    // The limit alone, moved before the stored warning day, is refused the same way.
    const limit = st.call('settings.update', { ...base, stayLimitDays: 11 }, st.adminSession);
    expect(limit.ok || limit.error).toMatchObject({ code: 'VALIDATION', fields: { stayWarnDay: 'v.warnAfterLimit' } });
    // A form's emptied box arrives as a key with no value (IPC keeps it): the stored warning day still counts.
    const emptied = st.call('settings.update', { ...base, stayLimitDays: 11, stayWarnDay: undefined }, st.adminSession);
    expect(emptied.ok || emptied.error).toMatchObject({ code: 'VALIDATION', fields: { stayWarnDay: 'v.warnAfterLimit' } });
    expect(contentHash(st.core)).toBe(before);
  });

  it('a change is recorded with the settings as they were and as they are now', () => {
    st = openStation();
    st.must('settings.update', { stationName: '新站名', timeZone: 'Asia/Urumqi', idleLockMinutes: 5 }, st.adminSession);
    const row = st.core.db.prepare("SELECT actor_name, entity, entity_id, before, after FROM audit_log WHERE procedure = 'settings.update'").get() as Record<string, string>;
    expect(row).toMatchObject({ actor_name: '王站长', entity: 'settings', entity_id: 'station' });
    expect(JSON.parse(row.before!)).toMatchObject({ stationName: '测试区救助管理站', timeZone: 'Asia/Shanghai', idleLockMinutes: 10, stayLimitDays: 10 });
    expect(JSON.parse(row.after!)).toMatchObject({ stationName: '新站名', timeZone: 'Asia/Urumqi', idleLockMinutes: 5, stayLimitDays: 10 });
  });
});
