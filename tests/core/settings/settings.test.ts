import { afterEach, describe, expect, it } from 'vitest';
import { readSettings, writeSettings } from '../../../electron/features/settings/service';
import { openStation, type TestStation } from '../helpers';

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
});
