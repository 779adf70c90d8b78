/** An admitted stay after triage: a bed, the safety check, belongings, services, extensions, then discharge. */
import type { Condition } from '../../../../shared/domain/person';
import { DAY, HOUR, MIN, TRAINS } from '../../demo/generate/data';
import { leaderOn, otherDeskThan, witnessOn } from '../../demo/generate/staff';
import { dischargeDetail, pickDischarge } from './details';
import type { CustodyItemPlan, StayPlanner, StayTrack } from './ops';

export interface Admission {
  admitAt: number;
  /** The conditions as the admitting triage recorded them. */
  conditions: Condition[];
  /** Admitted in a heat wave with a high temperature (cooling, a medical service). */
  hot: boolean;
  /** A medical zone's bed first. */
  medical: boolean;
}

/**
 * Schedules the stay's steps. Every random draw here happens in a fixed order for the stay (its own Rng), so the
 * same seed plans the same station: move or add draws only with GENERATOR_VERSION bumped.
 */
export function planAdmittedStay(planner: StayPlanner, stay: StayTrack, a: Admission): void {
  const { r, key, cap, arrivedAt, owner, person: p } = stay;
  const { admitAt, conditions, hot } = a;
  const { staff, cal } = planner;
  const write = planner.write;
  const desk = (t: number) => planner.desk(t);
  const exempt = (stay.age !== null && stay.age < 16) || conditions.includes('mental_disorder') || conditions.includes('intellectual_disability');
  const u = r.next();
  const days = exempt
    ? u < 0.3 ? 1 + r.exp(2) : u < 0.8 ? 3 + r.exp(8) : 15 + r.exp(25)
    : u < 0.42 ? 0.3 + r.next() * 0.9 : u < 0.76 ? 1.5 + r.next() * 2.5 : u < 0.93 ? 4 + r.next() * 5 : 9.5 + r.exp(5);
  const bedAt = admitAt + r.int(5, 30) * MIN;
  const dischargeAt = planner.daytime(r, Math.min(cap, arrivedAt + Math.round(days * DAY)), bedAt + 30 * MIN, cap);
  const settleAt = dischargeAt - r.int(5, 25) * MIN;
  /** A step of the admitted stay: only while it is open. */
  const inStay = (t: number, fn: () => void) => {
    if (t > admitAt && t < settleAt) stay.at(t, fn);
  };
  stay.at(bedAt, () => planner.placeBed(stay, bedAt, a.medical));
  if (r.chance(0.7)) {
    const safetyAt = admitAt + r.int(2, 15) * MIN;
    const actor = desk(safetyAt);
    const witness = witnessOn(staff, safetyAt, actor);
    if (witness !== null) {
      const [findings, disposition] = r.weighted([
        [['未发现危险物品', '无'], 70],
        [['随身携带水果刀一把', '暂存保管，离站时归还'], 10],
        [['打火机两个', '暂存保管'], 12],
        [['随身携带管制刀具一把', '已移交派出所'], 3],
        [['携带不明药品若干', '交医务室核查后保管'], 5],
      ] as const);
      inStay(safetyAt, () => write({ k: 'safety', at: safetyAt, actor, witness, stay: key, findings, disposition }));
    }
  }
  if (r.chance(0.35)) {
    const custodyAt = admitAt + r.int(16, 30) * MIN;
    const actor = desk(custodyAt);
    const witness = witnessOn(staff, custodyAt, actor);
    if (witness !== null && custodyAt < settleAt) {
      const items: CustodyItemPlan[] = [];
      const n = r.weighted([[1, 50], [2, 35], [3, 15]] as const);
      const pool = ['手机', '身份证', '现金', '背包', '行李箱', '银行卡', '老人机', '药品（降压药）', '衣物', '户口本复印件', '手表'];
      for (let i = 0; i < n; i++) {
        const description = r.pick(pool);
        if (items.some((x) => x.description === description)) continue;
        items.push({
          description,
          quantity: description === '衣物' ? r.int(2, 6) : 1,
          cashFen: description === '现金' ? r.int(5, 500) * 100 + r.pick([0, 50]) : 0,
          storagePlace: description === '现金' || description === '银行卡' ? '保险柜' : `物品柜${r.pick(['A', 'B', 'C'])}-${String(r.int(1, 40)).padStart(2, '0')}`,
        });
      }
      stay.items = items;
      inStay(custodyAt, () => write({ k: 'custody', at: custodyAt, actor, witness, stay: key, items }));
    }
  }
  // Services during the stay.
  const during = (from: number) => from + Math.round(r.next() * Math.max(0, dischargeAt - from - HOUR));
  if (r.chance(0.25)) {
    const t = during(bedAt + HOUR);
    inStay(t, () => write({ k: 'service', at: t, actor: desk(t), stay: key, kind: 'family_call', note: r.pick(['协助拨打家属电话', '联系户籍地村委会', '家属电话无人接听，次日再联系']) }));
  }
  if (hot || conditions.length || r.chance(0.12)) {
    const t = during(bedAt + 10 * MIN);
    const note = hot ? '发放藿香正气水，物理降温' : conditions.includes('pregnant') ? '孕期检查，联系妇幼保健院' : r.pick(['测量血压，发放降压药', '伤口换药', '感冒，发放感冒药', '站内医生巡诊']);
    inStay(t, () => write({ k: 'service', at: t, actor: desk(t), stay: key, kind: 'medical', note }));
  }
  if (r.chance(0.06)) {
    const t = during(bedAt + 2 * HOUR);
    inStay(t, () => write({ k: 'service', at: t, actor: desk(t), stay: key, kind: 'note', note: r.pick(['情绪稳定，饮食正常', '夜间睡眠差，已安抚', '与同室人员发生口角，已调解']) }));
  }
  if (dischargeAt - arrivedAt > 1.5 * DAY && r.chance(0.03)) {
    const t = during(bedAt + HOUR);
    const to = otherDeskThan(staff, t, owner);
    if (to !== null && t < settleAt - 2 * HOUR) {
      // First-contact responsibility passes only when the other staff member accepts; the owner offers it.
      const offerAt = t;
      const answerAt = t + r.int(1, 6) * HOUR;
      inStay(offerAt, () => write({ k: 'offer', at: offerAt, actor: owner, stay: key, to, note: '交班移交' }));
      if (answerAt < settleAt) {
        const accept = r.chance(0.85);
        inStay(answerAt, () => write({ k: 'answer', at: answerAt, actor: to, stay: key, accept }));
      }
    }
  }
  // Over the stay limit: a duty leader's extension, with a reason.
  if (!exempt) {
    let limitDay = planner.settings.stayLimitDays;
    const lastDay = Math.floor((cal.startOf(dischargeAt) - cal.startOf(arrivedAt)) / DAY) + 1;
    while (lastDay >= limitDay && r.chance(0.93)) {
      const t = cal.startOf(arrivedAt) + (limitDay - 2) * DAY + 10 * HOUR + r.int(0, 120) * MIN;
      if (t >= settleAt || t <= bedAt) break;
      const extDays = r.int(5, 10);
      const reason = r.pick(['等待家属从外省赶来接回', '病情未稳定，需继续观察', '等待托养机构床位', '寻亲有线索，等待核实', '等待户籍地救助站接收']);
      inStay(t, () => write({ k: 'extend', at: t, actor: leaderOn(staff, t), stay: key, days: extDays, reason }));
      limitDay += extDays;
    }
  }
  // Discharge: belongings settled first, a ticket bought for those going home.
  const type = pickDischarge(r, planner.ageAt(p, dischargeAt), conditions, dischargeAt - arrivedAt);
  if (type === 'return_home' && r.chance(0.8)) {
    const t = dischargeAt - r.int(60, 240) * MIN;
    if (t > bedAt) inStay(t, () => write({ k: 'service', at: t, actor: desk(t), stay: key, kind: 'ticket', note: `购买返乡车票 ${r.pick(TRAINS)}${r.int(100, 9999)}次` }));
  }
  stay.at(settleAt, () => {
    stay.items.forEach((item, i) => {
      const t = settleAt + i * 1000;
      const kind =
        type === 'left_without_notice' || type === 'death' || type === 'foster_care' || type === 'hospital' || type === 'other_agency'
          ? item.description === '衣物' && type === 'left_without_notice'
            ? 'disposed'
            : 'handed_over'
          : 'returned';
      const reason =
        kind === 'returned'
          ? undefined
          : kind === 'disposed'
            ? '无保存价值，两人在场处置'
            : { left_without_notice: '转入遗留物品登记保管', death: '移交家属及公安机关', foster_care: '随人移交托养机构', hospital: '随人移交医院', other_agency: '随人移交接收机构' }[type as 'death'];
      write({ k: 'settle', at: t, actor: desk(t), stay: key, item: i, description: item.description, kind, ...(reason ? { reason } : {}) });
    });
  });
  stay.at(dischargeAt, () => {
    write({ k: 'discharge', at: dischargeAt, actor: desk(dischargeAt), stay: key, input: dischargeDetail(r, type, planner.ageAt(p, dischargeAt), dischargeAt, cal) });
    planner.freeBed(stay);
    stay.close();
  });
}
