import { afterEach, describe, expect, it } from 'vitest';
import { openStation, type TestStation } from '../helpers';

/** Every handler gets the station's settings and today's station-calendar day with the call (electron/rpc/dispatch.ts). */
let st: TestStation | undefined;
afterEach(() => {
  st?.close();
  st = undefined;
});

describe('the call’s settings and today', () => {
  it('today is the station-calendar day in the station’s time zone, as the settings stand at the call', () => {
    const s = (st = openStation());
    const desk = s.userWith(['front_desk'], 'desk');
    // 01:00 on 20 July in Shanghai is still 18:00 on 19 July in London.
    s.clock.t = Date.UTC(2026, 6, 19, 17, 0);
    const { personId } = s.must('intake.register', { person: { name: '十八岁', birthDate: '2008-07-20' }, channel: 'walk_in', arrivedAt: s.clock.t }, desk);
    expect(s.must('people.get', { id: personId }, desk).age).toBe(18);
    expect(s.must('intake.board', {}, desk).today).toBe('2026-07-20');
    s.must('settings.update', { stationName: '测试区救助管理站', timeZone: 'Europe/London', idleLockMinutes: 10 }, s.adminSession);
    expect(s.must('people.get', { id: personId }, desk).age).toBe(17);
    expect(s.must('intake.board', {}, desk).today).toBe('2026-07-19');
  });

  it('a settings change answers with the new settings, and its audit row keeps the old ones as before', () => {
    const s = (st = openStation());
    const answer = s.must('settings.update', { stationName: '新站名', timeZone: 'Asia/Shanghai', idleLockMinutes: 7 }, s.adminSession);
    expect(answer).toMatchObject({ stationName: '新站名', idleLockMinutes: 7 });
    expect(s.must('settings.get', {}, s.adminSession)).toEqual(answer);
    const row = s.core.db.prepare("SELECT before, after FROM audit_log WHERE procedure = 'settings.update'").get() as { before: string; after: string };
    expect(JSON.parse(row.before)).toMatchObject({ stationName: '测试区救助管理站', idleLockMinutes: 10 });
    expect(JSON.parse(row.after)).toMatchObject({ stationName: '新站名', idleLockMinutes: 7 });
  });
});
