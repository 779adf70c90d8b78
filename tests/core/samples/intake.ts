import type { Samples } from './types';

/** A valid input for each of intake's procedures. */
export const intakeSamples = {
  'intake.register': { person: { name: '张三', sex: 'male', estimatedAge: 40 }, channel: 'walk_in', arrivedAt: Date.UTC(2026, 6, 20, 0, 30) },
  'intake.get': { stayId: 1 },
  'intake.board': {},
  'intake.boardList': { list: 'incomplete', offset: 0, limit: 20 },
  'intake.staff': {},
  'intake.triage': { stayId: 1, decision: 'admit', temperatureC: 37.2 },
  'intake.setConditions': { stayId: 1, conditions: ['critically_ill'] },
  'intake.safetyCheck': { stayId: 1, findings: '随身小刀一把', disposition: '代为保管', witness: { userId: 2, password: 'Own-pass-22' } },
  'intake.custodyAdd': { stayId: 1, items: [{ description: '手机', quantity: 1, storagePlace: '保管柜A-3' }], witness: { userId: 2, password: 'Own-pass-22' } },
  'intake.custodySettle': { itemId: 1, kind: 'returned', clientConfirmed: true },
  'intake.beds': {},
  'intake.assignBed': { stayId: 1, zoneId: 1 },
  'intake.extend': { stayId: 1, days: 5, reason: '等待家属接回' },
  'intake.completeTask': { taskId: 1, note: '已在寻亲网发布公告' },
  'intake.addService': { stayId: 1, kind: 'meal', note: '晚餐' },
  'intake.offerOwnership': { stayId: 1, toUserId: 2 },
  'intake.answerOwnership': { offerId: 1, accept: true },
  'intake.discharge': { stayId: 1, type: 'return_home', ticket: 'K123 次火车票', cashFen: 1500, receiptSigned: true },
  'intake.zones': {},
  'intake.zoneSave': { code: 'women_elderly', name: '老年女宿区', sex: 'female', minAge: 60 },
  'intake.bedsAdd': { zoneId: 5, labels: ['医-05'] },
  'intake.bedSetActive': { bedId: 1, active: true },
  'intake.exportRegister': { from: '2026-07-01', to: '2026-07-31' },
} satisfies Samples;
