import { afterEach, describe, expect, it } from 'vitest';
import type { StayDetail } from '../../../shared/contract/intake';
import { contentHash } from '../helpers';
import { openDesk, refusal, type Desk } from '../desk';

/**
 * Every step of a stay is someone's responsibility (DOMAIN §1, first-contact responsibility; "a record of who did
 * what"): the stay's history names each step, the staff member who took it and what it was, and a step that is refused
 * changes nothing. Through the dispatcher, as the desk calls it.
 */
let d: Desk;
afterEach(() => d?.st.close());

const nameOf = (userId: number) => d.st.must('accounts.list', {}, d.st.adminSession).find((u) => u.id === userId)!.displayName;
/** The history's last step: what it was, who took it, and what it says. */
const lastStep = (stay: StayDetail) => {
  const e = stay.events.at(-1)!;
  return { kind: e.kind, actor: e.actor, data: e.data };
};
/** The refusal, and that nothing at all was written by it. */
function refusedUnchanged(call: () => { ok: boolean; error?: unknown }) {
  const before = contentHash(d.st.core);
  const r = refusal(call());
  expect(contentHash(d.st.core)).toBe(before);
  return r;
}

describe('a stay’s history names each step, who took it and what it was', () => {
  it('a bed given, then a move with its reason; the zone and the bed by name', () => {
    d = openDesk();
    const desk = nameOf(d.deskId);
    const { stayId } = d.admitted({ name: '钱七', sex: 'male', estimatedAge: 40 });
    const given = d.st.must('intake.assignBed', { stayId, zoneId: 1 }, d.desk);
    expect(lastStep(given)).toEqual({ kind: 'bed_assigned', actor: desk, data: { bed: given.bed!.label, zone: given.bed!.zone } });
    const other = d.st.must('intake.beds', {}, d.desk).find((z) => z.id === 1)!.beds.find((b) => b.id !== given.bed!.bedId && !b.occupant)!;
    const moved = d.st.must('intake.assignBed', { stayId, bedId: other.id, reason: '靠近值班室，便于夜间观察' }, d.desk);
    expect(lastStep(moved)).toEqual({ kind: 'bed_moved', actor: desk, data: { bed: other.label, zone: given.bed!.zone, reason: '靠近值班室，便于夜间观察' } });
  });

  it('the co-signed safety check, belongings received and each one settled, with their details', () => {
    d = openDesk();
    const desk = nameOf(d.deskId);
    const { stayId } = d.admitted({ name: '孙八', sex: 'male', estimatedAge: 45 });
    const checked = d.st.must('intake.safetyCheck', { stayId, findings: '随身有打火机一个', disposition: '代为保管', witness: d.witness() }, d.desk);
    expect(lastStep(checked)).toEqual({ kind: 'safety_check', actor: desk, data: { findings: '随身有打火机一个', disposition: '代为保管' } });
    const received = d.st.must('intake.custodyAdd', {
      stayId,
      items: [
        { description: '打火机', quantity: 1, storagePlace: '柜A-1' },
        { description: '手机', quantity: 1, storagePlace: '柜A-1' },
      ],
      witness: d.witness(),
    }, d.desk);
    expect(lastStep(received)).toEqual({ kind: 'custody_received', actor: desk, data: { items: 2 } });
    const [lighter, phone] = received.custody;
    const disposed = d.st.must('intake.custodySettle', { itemId: lighter!.id, kind: 'disposed', reason: '危险物品，已销毁' }, d.desk);
    expect(lastStep(disposed)).toEqual({ kind: 'custody_settled', actor: desk, data: { item: '打火机', kind: 'disposed', reason: '危险物品，已销毁' } });
    expect(disposed.custody.find((i) => i.id === lighter!.id)!.settlement).toMatchObject({ kind: 'disposed', reason: '危险物品，已销毁', by: desk });
    const returned = d.st.must('intake.custodySettle', { itemId: phone!.id, kind: 'returned', clientConfirmed: true }, d.desk);
    expect(lastStep(returned)).toEqual({ kind: 'custody_settled', actor: desk, data: { item: '手机', kind: 'returned' } });
  });

  it('an extension approved by the duty leader, a family-search task done, a service given', () => {
    d = openDesk();
    const desk = nameOf(d.deskId);
    const { stayId } = d.admitted({ description: '男，约60岁，灰色外套', sex: 'male', estimatedAge: 60 });
    const leader = d.leader;
    const leaderName = d.st.must('auth.session', {}, leader).user.displayName;
    const extended = d.st.must('intake.extend', { stayId, days: 5, reason: '等待家属来接' }, leader);
    expect(lastStep(extended)).toEqual({ kind: 'extended', actor: leaderName, data: { days: 5, reason: '等待家属来接' } });
    const notice = extended.familySearch.find((t) => t.kind === 'notice')!;
    const done = d.st.must('intake.completeTask', { taskId: notice.id, note: '已在寻亲网发布' }, d.desk);
    expect(lastStep(done)).toEqual({ kind: 'family_search', actor: desk, data: { kind: 'notice', note: '已在寻亲网发布' } });
    const served = d.st.must('intake.addService', { stayId, kind: 'medical', note: '测血压 150/95' }, d.desk);
    expect(lastStep(served)).toEqual({ kind: 'service', actor: desk, data: { kind: 'medical', note: '测血压 150/95' } });
    expect(served.services.map((s) => s.data)).toEqual([{ kind: 'medical', note: '测血压 150/95' }]);
  });

  it('a case offered to a colleague names them and the note; the answer is the colleague’s step', () => {
    d = openDesk();
    const { stayId } = d.register({ name: '周九', sex: 'male', estimatedAge: 30 });
    const colleague = d.colleague;
    const offered = d.st.must('intake.offerOwnership', { stayId, toUserId: colleague.id, note: '我下班了，请跟进寻亲' }, d.desk);
    expect(lastStep(offered)).toEqual({ kind: 'ownership_offered', actor: nameOf(d.deskId), data: { to: colleague.id, note: '我下班了，请跟进寻亲' } });
    // The colleague reads what they are asked to follow up on the stay itself, until they answer.
    expect(d.st.must('intake.get', { stayId }, colleague.session).pendingOffer).toMatchObject({ to: { id: colleague.id }, note: '我下班了，请跟进寻亲' });
    const accepted = d.st.must('intake.answerOwnership', { offerId: offered.pendingOffer!.id, accept: true }, colleague.session);
    expect(lastStep(accepted)).toMatchObject({ kind: 'ownership_accepted', actor: nameOf(colleague.id) });
    expect(accepted.pendingOffer).toBeNull();
  });
});

describe('a step refused changes nothing', () => {
  it('a bed only for an admitted client, in a zone or bed that exists and is in use', () => {
    d = openDesk();
    const waiting = d.register({ name: '吴十', sex: 'male', estimatedAge: 40 }).stayId;
    expect(refusedUnchanged(() => d.st.call('intake.assignBed', { stayId: waiting, zoneId: 1 }, d.desk))).toMatchObject({ code: 'CONFLICT', fields: { bedId: 'v.notAdmitted' } });
    const { stayId } = d.admitted({ name: '郑一', sex: 'male', estimatedAge: 40 });
    expect(refusedUnchanged(() => d.st.call('intake.assignBed', { stayId, zoneId: 9_999 }, d.desk))).toMatchObject({ code: 'NOT_FOUND' });
    expect(refusedUnchanged(() => d.st.call('intake.assignBed', { stayId, bedId: 9_999 }, d.desk))).toMatchObject({ code: 'NOT_FOUND' });
    const bed = d.st.must('intake.beds', {}, d.desk).find((z) => z.id === 1)!.beds.find((b) => !b.occupant)!;
    d.st.must('intake.bedSetActive', { bedId: bed.id, active: false }, d.st.adminSession);
    expect(refusedUnchanged(() => d.st.call('intake.assignBed', { stayId, bedId: bed.id }, d.desk))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('a belonging settled once is not settled again, and one that does not exist is not found', () => {
    d = openDesk();
    const { stayId } = d.admitted({ name: '王二', sex: 'male', estimatedAge: 40 });
    const [phone] = d.st.must('intake.custodyAdd', { stayId, items: [{ description: '手机', quantity: 1, storagePlace: '柜A-1' }], witness: d.witness() }, d.desk).custody;
    d.st.must('intake.custodySettle', { itemId: phone!.id, kind: 'returned', clientConfirmed: true }, d.desk);
    expect(refusedUnchanged(() => d.st.call('intake.custodySettle', { itemId: phone!.id, kind: 'disposed', reason: '重复' }, d.desk))).toMatchObject({ code: 'CONFLICT' });
    expect(refusedUnchanged(() => d.st.call('intake.custodySettle', { itemId: 9_999, kind: 'returned', clientConfirmed: true }, d.desk))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('only a stay in the station is extended; a family-search task is done once', () => {
    d = openDesk();
    const waiting = d.register({ description: '女，约30岁', sex: 'female', estimatedAge: 30 });
    const leader = d.leader;
    expect(refusedUnchanged(() => d.st.call('intake.extend', { stayId: waiting.stayId, days: 3, reason: '等待' }, leader))).toMatchObject({ code: 'CONFLICT' });
    const task = d.st.must('intake.get', { stayId: waiting.stayId }, d.desk).familySearch[0]!;
    d.st.must('intake.completeTask', { taskId: task.id, note: '已发布' }, d.desk);
    expect(refusedUnchanged(() => d.st.call('intake.completeTask', { taskId: task.id, note: '再次发布' }, d.desk))).toMatchObject({ code: 'CONFLICT' });
    expect(refusedUnchanged(() => d.st.call('intake.completeTask', { taskId: 9_999, note: '无此任务' }, d.desk))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('a case is offered only by its owner, to another active colleague, one offer at a time, answered once by its addressee', () => {
    d = openDesk();
    const { stayId } = d.register({ name: '冯三', sex: 'male', estimatedAge: 30 });
    const colleague = d.colleague;
    const offer = (to: number, session = d.desk) => d.st.call('intake.offerOwnership', { stayId, toUserId: to }, session);
    expect(refusedUnchanged(() => offer(d.deskId))).toMatchObject({ code: 'VALIDATION', fields: { toUserId: 'v.witnessSelf' } });
    expect(refusedUnchanged(() => offer(d.deskId, colleague.session))).toMatchObject({ code: 'FORBIDDEN' });
    const leaderId = d.st.must('auth.session', {}, d.leader).user.id;
    d.st.must('accounts.setDisabled', { id: leaderId, disabled: true }, d.st.adminSession);
    expect(refusedUnchanged(() => offer(leaderId))).toMatchObject({ code: 'VALIDATION', fields: { toUserId: 'v.witnessUnknown' } });
    const open = d.st.must('intake.offerOwnership', { stayId, toUserId: colleague.id }, d.desk).pendingOffer!;
    expect(refusedUnchanged(() => offer(colleague.id))).toMatchObject({ code: 'CONFLICT' });
    expect(refusedUnchanged(() => d.st.call('intake.answerOwnership', { offerId: open.id, accept: true }, d.desk))).toMatchObject({ code: 'FORBIDDEN' });
    d.st.must('intake.answerOwnership', { offerId: open.id, accept: false }, colleague.session);
    expect(refusedUnchanged(() => d.st.call('intake.answerOwnership', { offerId: open.id, accept: true }, colleague.session))).toMatchObject({ code: 'NOT_FOUND' });
    expect(d.st.must('intake.get', { stayId }, d.desk).owner).toMatchObject({ id: d.deskId });
  });
});
