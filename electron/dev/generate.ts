/**
 * Development data: a realistic relief station (DOMAIN §1), for the demo ("load a demo station", `--demo`)
 * and for the benchmark's ten-year station. Plain Node: no electron import.
 *
 * One planner simulates the station in time order (arrivals, triage, beds, belongings, family search,
 * extensions, discharges) and hands each step to a writer:
 * - `services` (the demo): the real service functions (register, writePerson, triage, assignBed, discharge …);
 *   only the two co-signed steps (safety check, custody) use the same inserts as the services without the
 *   witness's password check;
 * - `bulk` (the benchmark): prepared statements in big transactions that write the SAME rows — a test runs one
 *   plan through both writers and compares every table.
 *
 * The generator fills a station that has no persons yet. It creates the accounts when there are none
 * (admin `admin` and staff, password `Demo-pass-1`), and writes one audit row (`dev.generate`).
 */
import type { z } from 'zod';
import { dischargeInput, registerInput, triageInput, type DischargeType } from '../../shared/contract/intake';
import type { StationSettings } from '../../shared/contract/settings';
import { checkCharacter, checkIdNumber } from '../../shared/domain/idcard';
import { ageOn, type ArrivalChannel, type Condition } from '../../shared/domain/person';
import { AppError } from '../../shared/domain/result';
import { permissionsOf, type Role } from '../../shared/domain/roles';
import { dayStart, stationDay } from '../../shared/domain/time';
import type { DB } from '../db/open';
import { insertAccount } from '../features/accounts/service';
import { appendAudit } from '../features/audit/chain';
import { addService, answerOwnership, assignBed, completeTask, custodySettle, extend, offerOwnership } from '../features/intake/care';
import { addEvent, discharge, familySearchDue, register, triage, type IntakeCtx } from '../features/intake/stays';
import { addBeds } from '../features/intake/zones';
import { gramText, pinyinKeys, searchText } from '../features/people/search';
import { writePerson, type PersonFields } from '../features/people/service';
import { readSettings, writeSettings } from '../features/settings/service';

export type StationSize = 'demo' | 'bench';

export interface GenerateOptions {
  size: StationSize;
  /** The station's "now": open stays are the ones still running at this instant. */
  now: number;
  seed?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface GenerateReport {
  size: StationSize;
  seed: number;
  now: number;
  usersCreated: string[];
  persons: number;
  stays: number;
  /** Stays still open at `now` (registered, in station, at hospital). */
  open: number;
  inStation: number;
  withBed: number;
  events: number;
  ms: number;
}

/** Bumped whenever the generated data changes, so cached benchmark stations are rebuilt. */
export const GENERATOR_VERSION = 2;
export const DEMO_PASSWORD = 'Demo-pass-1';
export const DEMO_STATION_NAME = '示范区救助管理站';

const MIN = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

// ---------------------------------------------------------------------------------------------------------
// Randomness: deterministic for a seed.

class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  /** mulberry32 */
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)]!;
  }
  exp(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of entries) total += w;
    let x = this.next() * total;
    for (const [v, w] of entries) if ((x -= w) < 0) return v;
    return entries[entries.length - 1]![0];
  }
}

/** A seed for one person or stay, independent of the order things are generated in. */
function seedOf(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const p of parts) {
    h = Math.imul(h ^ (p >>> 0), 0x01000193);
    h ^= h >>> 13;
    h = Math.imul(h, 0x5bd1e995);
    h ^= h >>> 15;
  }
  return h >>> 0;
}

/** A fixed list with weights, picked in O(log n). */
class Weighted<T> {
  private readonly cum: number[] = [];
  private readonly total: number;
  constructor(
    private readonly items: readonly T[],
    weight: (item: T, index: number) => number,
  ) {
    let t = 0;
    items.forEach((it, i) => this.cum.push((t += weight(it, i))));
    this.total = t;
  }
  pick(r: Rng): T {
    const x = r.next() * this.total;
    let lo = 0;
    let hi = this.cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cum[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo]!;
  }
}

// ---------------------------------------------------------------------------------------------------------
// What a station's records are made of.

/** Common surnames, most common first (weighted by rank). */
const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝',
  '欧阳',
  '诸葛',
  '司马',
  '上官',
];
const SURNAME_PICK = new Weighted(SURNAMES, (_s, i) => 1 / (i + 4));

const GIVEN = {
  male1: [...'伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊峰亮成东文兵林海龙坤阳'],
  male2a: [...'建志国永德文海金春立家俊子浩宏晓天明振庆'],
  male2b: [...'国华明强军平林伟勇东成生福贵荣祥刚峰辉斌宇轩涛才'],
  female1: [...'芳娜敏静丽艳娟霞丹萍红玲燕莉洁琳雪梅慧倩婷颖琴云凤兰英'],
  female2a: [...'秀玉桂春晓海美丽雅思欣淑翠小金彩'],
  female2b: [...'英兰芳珍梅华红琴霞燕莲凤云洁婷雪萍娥'],
  olderMale: ['建国', '国庆', '卫东', '解放', '援朝', '建华', '长福', '德胜', '占山', '富贵'],
  olderFemale: ['红梅', '桂兰', '秀英', '玉兰', '淑珍', '桂英', '秀兰', '凤英', '翠花', '素芬'],
  child: ['子轩', '浩然', '宇轩', '梓涵', '欣怡', '一诺', '小明', '小宇', '佳怡', '俊杰', '思琪', '天佑', '子豪', '雨欣'],
};

function givenName(r: Rng, sex: 'male' | 'female', birthYear: number): string {
  if (birthYear >= 2008 && r.chance(0.5)) return r.pick(GIVEN.child);
  if (birthYear < 1965 && r.chance(0.35)) return r.pick(sex === 'male' ? GIVEN.olderMale : GIVEN.olderFemale);
  if (r.chance(0.3)) return r.pick(sex === 'male' ? GIVEN.male1 : GIVEN.female1);
  const a = r.pick(sex === 'male' ? GIVEN.male2a : GIVEN.female2a);
  let b = r.pick(sex === 'male' ? GIVEN.male2b : GIVEN.female2b);
  if (b === a) b = r.pick(sex === 'male' ? GIVEN.male1 : GIVEN.female1);
  return a + b;
}

/** Household registration places with their ID-number region codes and the dialect heard at the desk. */
const REGIONS: readonly (readonly [code: string, place: string, dialect: string, weight: number])[] = [
  ['410102', '河南省郑州市中原区', '河南话', 5],
  ['411302', '河南省南阳市宛城区', '河南话', 5],
  ['411622', '河南省周口市西华县', '河南话', 6],
  ['341202', '安徽省阜阳市颍州区', '安徽话', 5],
  ['341221', '安徽省阜阳市临泉县', '安徽话', 5],
  ['340102', '安徽省合肥市瑶海区', '安徽话', 3],
  ['510104', '四川省成都市锦江区', '四川话', 3],
  ['511702', '四川省达州市通川区', '四川话', 4],
  ['511321', '四川省南充市南部县', '四川话', 4],
  ['500101', '重庆市万州区', '重庆话', 4],
  ['430102', '湖南省长沙市芙蓉区', '湖南话', 3],
  ['431102', '湖南省永州市零陵区', '湖南话', 3],
  ['420106', '湖北省武汉市武昌区', '湖北话', 3],
  ['421102', '湖北省黄冈市黄州区', '湖北话', 3],
  ['360102', '江西省南昌市东湖区', '江西话', 2],
  ['360702', '江西省赣州市章贡区', '客家话', 2],
  ['370102', '山东省济南市历下区', '山东话', 3],
  ['371302', '山东省临沂市兰山区', '山东话', 4],
  ['130102', '河北省石家庄市长安区', '河北话', 3],
  ['130602', '河北省保定市竞秀区', '河北话', 3],
  ['320102', '江苏省南京市玄武区', '南京话', 2],
  ['320302', '江苏省徐州市鼓楼区', '徐州话', 3],
  ['330102', '浙江省杭州市上城区', '吴语', 1],
  ['350102', '福建省福州市鼓楼区', '福州话', 1],
  ['440103', '广东省广州市荔湾区', '粤语', 1],
  ['450102', '广西壮族自治区南宁市兴宁区', '广西话', 2],
  ['520102', '贵州省贵阳市南明区', '贵州话', 2],
  ['520502', '贵州省毕节市七星关区', '贵州话', 3],
  ['530102', '云南省昆明市五华区', '云南话', 2],
  ['610102', '陕西省西安市新城区', '陕西话', 2],
  ['620102', '甘肃省兰州市城关区', '甘肃话', 2],
  ['140105', '山西省太原市小店区', '山西话', 2],
  ['210102', '辽宁省沈阳市和平区', '东北话', 2],
  ['220102', '吉林省长春市南关区', '东北话', 2],
  ['230102', '黑龙江省哈尔滨市道里区', '东北话', 3],
  ['150102', '内蒙古自治区呼和浩特市新城区', '普通话', 1],
  ['110105', '北京市朝阳区', '北京话', 1],
  ['120101', '天津市和平区', '天津话', 1],
];
const REGION_PICK = new Weighted(REGIONS, (r) => r[3]);

const RESIDENCES = ['无固定住所', '无固定住所', '无固定住所', '本市火车站附近', '本市城南桥洞', '本市建设路工地', '本市东郊废弃厂房', '户籍地原住址'];
const BUILDS = ['偏瘦', '中等身材', '偏胖', '瘦高', '矮胖', '瘦小'];
const FEATURES = [
  '左手背有烫伤疤痕',
  '右眉上方有一颗黑痣',
  '门牙缺失',
  '光头',
  '右腿行走不便',
  '左臂有龙形纹身',
  '头发花白，胡须较长',
  '戴黑框眼镜',
  '额头有旧伤疤',
  '左耳佩戴助听器',
  '右手缺一根手指',
  '长发披肩，发尾枯黄',
];
const CLOTHING: Record<'winter' | 'summer' | 'mild', { male: string[]; female: string[] }> = {
  winter: {
    male: ['灰色棉袄、黑色长裤', '军绿色大衣、蓝色运动裤', '黑色羽绒服、牛仔裤', '破旧棉衣、深色长裤、解放鞋'],
    female: ['红色羽绒服、黑色长裤', '紫色棉袄、灰色毛裤', '黑色长款棉衣、运动鞋'],
  },
  summer: {
    male: ['白色短袖T恤、黑色短裤', '蓝色背心、迷彩短裤、拖鞋', '灰色短袖衬衫、长裤'],
    female: ['花色连衣裙、凉鞋', '白色短袖上衣、黑色七分裤', '碎花衬衫、灰色长裤'],
  },
  mild: {
    male: ['深蓝色夹克、灰色长裤', '黑色外套、运动裤', '格子衬衫、牛仔裤'],
    female: ['米色风衣、黑色长裤', '粉色外套、牛仔裤', '灰色毛衣、深色长裙'],
  },
};

const POLICE_UNITS = ['城关派出所', '火车站派出所', '东城派出所', '西城派出所', '南关派出所', '北郊派出所', '新区派出所', '站前派出所'];
const CITY_UNITS = ['城关街道城管中队', '站前街道城管中队', '新华街道城管执法队', '东城区城管执法大队'];
const HOSPITALS = ['区人民医院', '市第一人民医院', '市中医院', '市第三人民医院', '市精神卫生中心'];
const OTHER_STATIONS = ['郑州市救助管理站', '武汉市救助管理站', '合肥市救助管理站', '西安市救助管理站', '长沙市救助管理站', '成都市救助管理站'];
const TIPSTERS = ['环卫工人', '出租车司机', '公交车司机', '志愿者', '热心市民', '超市店员', '社区网格员'];
const FOSTER_HOMES = ['福康托养中心', '仁爱托养院', '夕阳红养护院', '康宁托养服务中心'];
const AGENCIES = ['市儿童福利院', '市社会福利院', '市精神卫生中心', '户籍地救助管理站', '市未成年人救助保护中心'];
const RELATIONS = ['父亲', '母亲', '儿子', '女儿', '哥哥', '姐姐', '弟弟', '妻子', '丈夫', '侄子'];
const TRAINS = ['K', 'T', 'Z', 'G', 'D'];

const ARRIVAL_HOURS = [2, 1.5, 1, 1, 1, 1.2, 2, 3, 4, 5, 5, 5, 4.5, 4, 4, 4, 4.5, 5, 5, 4.5, 4, 3.5, 3, 2.5];
const HOUR_PICK = new Weighted(
  ARRIVAL_HOURS.map((_, i) => i),
  (i) => ARRIVAL_HOURS[i]!,
);

const CHANNEL_WEIGHTS: readonly (readonly [ArrivalChannel, number])[] = [
  ['walk_in', 30],
  ['police', 22],
  ['city_management', 12],
  ['outreach', 18],
  ['public_tip', 8],
  ['hospital', 6],
  ['other_station', 4],
];

const phone = (r: Rng) => `1${r.pick(['3', '5', '8', '9'])}${String(r.int(0, 999_999_999)).padStart(9, '0')}`;
const fullName = (r: Rng, sex: 'male' | 'female') => SURNAME_PICK.pick(r) + givenName(r, sex, 1980);

function seasonOf(month: number): 'winter' | 'summer' | 'mild' {
  if (month === 12 || month <= 2) return 'winter';
  if (month >= 6 && month <= 8) return 'summer';
  return 'mild';
}

/** A valid 18-character ID (check character computed), from a region, birth date and sex. */
function idNumberFor(r: Rng, region: string, birthDate: string, sex: 'male' | 'female'): string {
  const seq = r.int(0, 99) * 10 + (sex === 'male' ? r.pick([1, 3, 5, 7, 9]) : r.pick([0, 2, 4, 6, 8]));
  const first17 = region + birthDate.replaceAll('-', '') + String(seq).padStart(3, '0');
  return first17 + checkCharacter(first17);
}

// ---------------------------------------------------------------------------------------------------------
// The plan: people, their visits, and what happens during each stay.

type Sex = 'male' | 'female';
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type DischargePlan = DistributiveOmit<z.output<typeof dischargeInput>, 'stayId'>;
type RegisterPerson = NonNullable<z.output<typeof registerInput>['person']>;
type Completion = Pick<
  PersonFields,
  'hukouPlace' | 'residence' | 'benefits' | 'dialect' | 'heightCm' | 'build' | 'features' | 'clothing' | 'fieldStates'
>;

interface PersonPlan {
  key: number;
  /** What the desk types at the first registration. */
  quick: RegisterPerson;
  /** Filled in after triage at the first stay; undefined: the record stays incomplete. */
  completion?: Completion;
  sex: Sex;
  /** As the record will hold them: from the ID, stated, or estimated on `estimatedOn`. */
  birthDate: string | null;
  estimatedAge: number | null;
  estimatedOn: string | null;
  unknownIdentity: boolean;
  chronic: Condition[];
  visits: number;
  seen: number;
}

/** The station's staff as the planner uses them. */
interface Staff {
  desk: { id: number; name: string }[];
  leaders: { id: number; name: string }[];
  outreach: string[];
  admin: { id: number; name: string };
  dayZero: number;
}

interface ZonePlan {
  id: number;
  code: string;
  name: string;
  sex: Sex | null;
  minAge: number | null;
  maxAge: number | null;
  medical: boolean;
  beds: { id: number; label: string; stay: number }[];
}

/** A step handed to a writer. `stay` and `person` are the planner's keys; writers map them to row ids. */
export type Op =
  | {
      k: 'register';
      at: number;
      actor: number;
      stay: number;
      person: number;
      newPerson?: RegisterPerson;
      /** For the bulk writer: the final person row (completion included when it happens before `now`). */
      completion?: { at: number; fields: Completion };
      unknownIdentity: boolean;
      channel: ArrivalChannel;
      channelDetail: z.output<typeof registerInput>['channelDetail'];
      arrivedAt: number;
    }
  | { k: 'complete'; at: number; actor: number; person: number; fields: Completion }
  | { k: 'triage'; at: number; actor: number; stay: number; input: Omit<z.output<typeof triageInput>, 'stayId'> }
  | { k: 'bed'; at: number; actor: number; stay: number; bedId: number; label: string; zone: string }
  | { k: 'safety'; at: number; actor: number; witness: number; stay: number; findings: string; disposition: string }
  | { k: 'custody'; at: number; actor: number; witness: number; stay: number; items: CustodyItemPlan[] }
  | { k: 'settle'; at: number; actor: number; stay: number; item: number; description: string; kind: 'returned' | 'disposed' | 'handed_over'; reason?: string }
  | { k: 'service'; at: number; actor: number; stay: number; kind: string; note: string }
  | { k: 'extend'; at: number; actor: number; stay: number; days: number; reason: string }
  | { k: 'task'; at: number; actor: number; stay: number; kind: 'notice' | 'dna_request' | 'notice_refresh'; note: string }
  | { k: 'offer'; at: number; actor: number; stay: number; to: number; note?: string }
  | { k: 'answer'; at: number; actor: number; stay: number; accept: boolean }
  | { k: 'discharge'; at: number; actor: number; stay: number; input: DischargePlan };

interface CustodyItemPlan {
  description: string;
  quantity: number;
  cashFen: number;
  storagePlace: string;
}

interface SizeConfig {
  /** demo: persons whose latest visit falls in the window; bench: persons whose first visit does. */
  persons: number;
  minStays: number;
  windowDays: number;
  repeatShare: number;
  /** Extra beds per zone code (the benchmark's station is a big city station). */
  beds: Partial<Record<string, number>>;
  chunk: number;
}

const SIZES: Record<StationSize, SizeConfig> = {
  demo: { persons: 78, minStays: 0, windowDays: 14, repeatShare: 0.25, beds: {}, chunk: Infinity },
  bench: {
    persons: 200_000,
    minStays: 505_000,
    windowDays: 3652,
    repeatShare: 0.5,
    beds: { men: 300, women: 110, minors: 24, elderly: 110, medical: 36 },
    chunk: 25_000,
  },
};

/** Summer and winter bring more people in (the cooling and the cold-weather campaigns). */
function seasonWeight(month: number): number {
  return [1.35, 1.25, 0.95, 0.8, 0.85, 1.05, 1.35, 1.4, 1.0, 0.8, 0.95, 1.3][month - 1]!;
}

interface Visits {
  at: Float64Array;
  person: Int32Array;
  /** The same person's next arrival (Infinity: none). */
  nextAt: Float64Array;
  count: number;
  persons: number;
  visitsOf: Int32Array;
}

/**
 * Phase one: who comes when. Every visit is fixed before the simulation, so a stay can be closed in time for
 * the same person's next arrival.
 */
function planVisits(cfg: SizeConfig, size: StationSize, now: number, seed: number, tz: string): Visits {
  const r = new Rng(seedOf(seed, 1));
  const windowStart = dayStart(stationDay(now - cfg.windowDays * DAY, tz), tz);
  const days: number[] = [];
  const weights: number[] = [];
  for (let d = windowStart; d < now; d = dayStart(stationDay(d + DAY + 2 * HOUR, tz), tz)) {
    days.push(d);
    weights.push(seasonWeight(Number(stationDay(d, tz).slice(5, 7))));
  }
  const dayPick = new Weighted(
    days.map((_, i) => i),
    (i) => weights[i]!,
  );
  const timeOn = (dayIndex: number) => days[dayIndex]! + HOUR_PICK.pick(r) * HOUR + r.int(0, 59) * MIN + r.int(0, 59) * 1000;
  const list: number[][] = [];
  let total = 0;
  const latest = now - 10 * MIN;
  for (let p = 0; p < cfg.persons || total < cfg.minStays; p++) {
    const repeat = r.chance(cfg.repeatShare);
    const k = repeat ? r.weighted([[2, 30], [3, 25], [4, 20], [5, 14], [6, 11]] as const) : 1;
    const times: number[] = [];
    if (size === 'demo') {
      // The latest visit is in the fortnight; earlier ones go back months.
      let t = timeOn(r.int(0, days.length - 1));
      if (t > latest) t = latest - r.int(20, 600) * MIN;
      times.push(t);
      for (let i = 1; i < k; i++) times.unshift(times[0]! - (r.int(20, 200) * DAY + r.int(0, 23) * HOUR));
    } else {
      let t = timeOn(dayPick.pick(r));
      for (let i = 0; i < k && t < latest; i++) {
        times.push(t);
        t += Math.round((5 + r.exp(110)) * DAY) + (r.int(0, 23) - 12) * HOUR;
      }
      if (t >= latest && times.length === 0) continue;
    }
    list.push(times);
    total += times.length;
  }
  const at = new Float64Array(total);
  const person = new Int32Array(total);
  const nextAt = new Float64Array(total);
  const visitsOf = new Int32Array(list.length);
  let n = 0;
  list.forEach((times, p) => {
    visitsOf[p] = times.length;
    times.forEach((t, i) => {
      at[n] = t;
      person[n] = p;
      nextAt[n] = times[i + 1] ?? Infinity;
      n += 1;
    });
  });
  const order = new Uint32Array(total).map((_, i) => i).sort((a, b) => at[a]! - at[b]! || a - b);
  return {
    at: Float64Array.from(order, (i) => at[i]!),
    person: Int32Array.from(order, (i) => person[i]!),
    nextAt: Float64Array.from(order, (i) => nextAt[i]!),
    count: total,
    persons: list.length,
    visitsOf,
  };
}

/** A min-heap of timed steps; ties keep the order they were scheduled in. */
class Agenda {
  private readonly items: { at: number; seq: number; run: () => void }[] = [];
  private seq = 0;
  get size() {
    return this.items.length;
  }
  peek(): number {
    return this.items[0]?.at ?? Infinity;
  }
  push(at: number, run: () => void): void {
    const items = this.items;
    const item = { at, seq: this.seq++, run };
    let i = items.push(item) - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(item, items[parent]!)) break;
      items[i] = items[parent]!;
      i = parent;
    }
    items[i] = item;
  }
  pop(): () => void {
    const items = this.items;
    const top = items[0]!;
    const last = items.pop()!;
    if (items.length) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= items.length) break;
        const c = l + 1 < items.length && this.less(items[l + 1]!, items[l]!) ? l + 1 : l;
        if (!this.less(items[c]!, last)) break;
        items[i] = items[c]!;
        i = c;
      }
      items[i] = last;
    }
    return top.run;
  }
  private less(a: { at: number; seq: number }, b: { at: number; seq: number }): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }
}

/**
 * The station calendar, computed once for the whole period (the planner asks for days millions of times, in no
 * particular order, and time-zone arithmetic is slow); outside the period it asks date-fns.
 */
class Calendar {
  private readonly starts: number[] = [];
  private readonly days: string[] = [];
  private last = 0;
  constructor(
    private readonly tz: string,
    from: number,
    to: number,
  ) {
    for (let d = dayStart(stationDay(from, tz), tz); d <= to; d = dayStart(stationDay(d + DAY + 2 * HOUR, tz), tz)) {
      this.starts.push(d);
      this.days.push(stationDay(d, tz));
    }
  }
  private index(t: number): number {
    const s = this.starts;
    const i = this.last;
    if (i + 1 < s.length && t >= s[i]! && t < s[i + 1]!) return i;
    if (s.length < 2 || t < s[0]! || t >= s[s.length - 1]!) return -1;
    let lo = 0;
    let hi = s.length - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid]! <= t) lo = mid;
      else hi = mid - 1;
    }
    return (this.last = lo);
  }
  dayOf(t: number): string {
    const i = this.index(t);
    return i < 0 ? stationDay(t, this.tz) : this.days[i]!;
  }
  startOf(t: number): number {
    const i = this.index(t);
    return i < 0 ? dayStart(stationDay(t, this.tz), this.tz) : this.starts[i]!;
  }
  month(t: number): number {
    return Number(this.dayOf(t).slice(5, 7));
  }
}

class Planner {
  private readonly agenda = new Agenda();
  private readonly persons = new Map<number, PersonPlan>();
  private readonly idsTaken = new Set<string>();
  private stayKeys = 0;
  /** For the report: what is still open at `now`. */
  readonly open = new Map<number, { status: string; bed: boolean }>();
  counts = { persons: 0, stays: 0 };

  constructor(
    private readonly write: (op: Op) => void,
    private readonly now: number,
    private readonly seed: number,
    private readonly settings: StationSettings,
    private readonly staff: Staff,
    private readonly zones: ZonePlan[],
    private readonly visits: Visits,
    private readonly cal: Calendar,
  ) {}

  run(onProgress: ((done: number, total: number) => void) | undefined, chunk: number, commit: () => void): void {
    const { visits } = this;
    let next = 0;
    let sinceCommit = 0;
    for (;;) {
      const arrival = next < visits.count ? visits.at[next]! : Infinity;
      const stepAt = this.agenda.peek();
      if (arrival === Infinity && stepAt === Infinity) break;
      if (arrival <= stepAt) {
        this.arrive(next);
        next += 1;
        if (++sinceCommit >= chunk) {
          commit();
          sinceCommit = 0;
        }
        if (onProgress && (next % 1000 === 0 || next === visits.count)) onProgress(next, visits.count);
      } else {
        this.agenda.pop()();
      }
    }
  }

  // -- people ------------------------------------------------------------------------------------------

  private newPerson(key: number, arrivedAt: number, registerAt: number): PersonPlan {
    const r = new Rng(seedOf(this.seed, 2, key));
    const today = this.cal.dayOf(registerAt);
    const year = Number(today.slice(0, 4));
    const sex: Sex = r.chance(0.72) ? 'male' : 'female';
    const group = r.weighted([['minor', 6], ['adult', 70], ['elderly', 24]] as const);
    const age = group === 'minor' ? r.int(8, 17) : group === 'elderly' ? r.int(60, 88) : r.int(18, 59);
    const born = `${year - age - (r.chance(0.5) ? 1 : 0)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
    const birthDate = born > today ? `${year - age - 1}${born.slice(4)}` : born;
    const unknownIdentity = r.chance(group === 'elderly' ? 0.13 : 0.09);
    const chronic: Condition[] = [];
    if (r.chance(unknownIdentity ? 0.25 : 0.04)) chronic.push('mental_disorder');
    else if (r.chance(unknownIdentity ? 0.15 : 0.03)) chronic.push('intellectual_disability');
    if (r.chance(group === 'elderly' ? 0.07 : 0.025)) chronic.push('severe_disability');
    const region = REGION_PICK.pick(r);
    const season = seasonOf(Number(today.slice(5, 7)));
    const clothing = r.pick(CLOTHING[season][sex]);
    const build = r.pick(BUILDS);
    const heightCm = sex === 'male' ? r.int(155, 182) : r.int(145, 168);
    const plan: PersonPlan = {
      key,
      quick: {},
      sex,
      birthDate: null,
      estimatedAge: null,
      estimatedOn: null,
      unknownIdentity,
      chronic,
      visits: this.visits.visitsOf[key]!,
      seen: 0,
    };
    if (unknownIdentity) {
      const estimate = age < 18 ? age : Math.max(18, Math.round(age / 5) * 5);
      const feature = r.pick(FEATURES);
      const speech = chronic.includes('mental_disorder') ? '，言语混乱，说不清姓名和住址' : chronic.includes('intellectual_disability') ? '，反应迟缓，无法准确表达' : '，不愿透露姓名';
      const ageKnown = r.chance(0.96);
      plan.quick = {
        sex,
        ...(ageKnown ? { estimatedAge: estimate } : {}),
        description: `${sex === 'male' ? '男' : '女'}，${ageKnown ? `约${estimate}岁` : '年龄不详'}，${build}，身高约${Math.round(heightCm / 5) * 5}厘米，身穿${clothing}，${feature}${speech}`,
      };
      if (ageKnown) {
        plan.estimatedAge = estimate;
        plan.estimatedOn = today;
      }
      if (r.chance(0.75)) {
        const dialectHeard = r.chance(0.5);
        plan.completion = {
          ...(dialectHeard ? { dialect: `口音似${region[2]}` } : {}),
          heightCm,
          build,
          features: feature,
          clothing,
          fieldStates: {
            name: 'unknown',
            idNumber: 'unknown',
            hukouPlace: 'unknown',
            residence: 'unknown',
            benefits: 'unknown',
            ...(dialectHeard ? {} : { dialect: 'unknown' }),
            ...(ageKnown ? {} : { birth: 'unknown' }),
          },
        };
      }
      return plan;
    }
    const name = SURNAME_PICK.pick(r) + givenName(r, sex, Number(birthDate.slice(0, 4)));
    const idKind = r.weighted([
      ['id18', group === 'minor' ? 40 : 60],
      ['id15', group !== 'minor' && Number(birthDate.slice(0, 4)) <= 1980 ? 8 : 0],
      ['none', 35],
    ] as const);
    let idNumber: string | undefined;
    if (idKind !== 'none') {
      let id = idNumberFor(r, region[0], birthDate, sex);
      for (let i = 0; this.idsTaken.has(id) && i < 50; i++) id = idNumberFor(r, region[0], birthDate, sex);
      if (!this.idsTaken.has(id)) {
        this.idsTaken.add(id);
        // A legacy 15-digit card: region, 2-digit year, month, day, sequence; converted on save.
        idNumber = idKind === 'id15' ? id.slice(0, 6) + id.slice(8, 17) : id;
      }
    }
    if (idNumber) {
      plan.quick = { name, idNumber };
      plan.birthDate = birthDate;
    } else if (r.chance(0.4)) {
      plan.quick = { name, sex, birthDate };
      plan.birthDate = birthDate;
    } else {
      plan.quick = { name, sex, estimatedAge: age };
      plan.estimatedAge = age;
      plan.estimatedOn = today;
    }
    if (r.chance(0.85)) {
      const refusesHukou = r.chance(0.05);
      const benefits = group === 'elderly' ? r.weighted([['none', 70], ['dibao', 18], ['wubao', 12]] as const) : r.weighted([['none', 88], ['dibao', 12]] as const);
      plan.completion = {
        ...(refusesHukou ? {} : { hukouPlace: region[1] }),
        residence: r.pick(RESIDENCES),
        benefits,
        dialect: region[2],
        ...(r.chance(0.6) ? { heightCm } : {}),
        ...(r.chance(0.5) ? { build } : {}),
        ...(r.chance(0.15) ? { features: r.pick(FEATURES) } : {}),
        ...(r.chance(0.4) ? { clothing } : {}),
        fieldStates: {
          ...(idNumber ? {} : { idNumber: r.chance(0.6) ? 'unknown' : 'refused' }),
          ...(refusesHukou ? { hukouPlace: 'refused' } : {}),
        },
      };
    }
    return plan;
  }

  private ageAt(p: PersonPlan, t: number): number | null {
    return ageOn(this.cal.dayOf(t), { birthDate: p.birthDate, estimatedAge: p.estimatedAge, estimatedOn: p.estimatedOn });
  }

  // -- staff on duty -----------------------------------------------------------------------------------

  private shift(t: number): number {
    return Math.floor((t - this.staff.dayZero) / (12 * HOUR));
  }
  private desk(t: number): number {
    const d = this.staff.desk;
    return d[(((this.shift(t) % d.length) + d.length) % d.length)]!.id;
  }
  /** A second staff member on the same shift, or none when the station has only one. */
  private witness(t: number, actor: number): number | null {
    const d = this.staff.desk;
    const s = ((this.shift(t) % d.length) + d.length) % d.length;
    for (const cand of [d[(s + 1) % d.length], ...this.staff.leaders]) if (cand && cand.id !== actor) return cand.id;
    return null;
  }
  private leader(t: number): number {
    const l = this.staff.leaders.length ? this.staff.leaders : this.staff.desk;
    const day = Math.floor((t - this.staff.dayZero) / DAY);
    return l[((day % l.length) + l.length) % l.length]!.id;
  }
  private otherDesk(t: number, actor: number): number | null {
    const others = this.staff.desk.filter((d) => d.id !== actor);
    return others.length ? others[Math.floor(t / HOUR) % others.length]!.id : null;
  }

  // -- one stay ----------------------------------------------------------------------------------------

  private arrive(v: number): void {
    const { visits, now } = this;
    const key = this.stayKeys++;
    const r = new Rng(seedOf(this.seed, 3, key));
    const arrivedAt = visits.at[v]!;
    const personKey = visits.person[v]!;
    const nextAt = visits.nextAt[v]!;
    const registerAt = arrivedAt + r.int(2, 12) * MIN;
    if (registerAt > now) return;
    let person = this.persons.get(personKey);
    const isNew = !person;
    if (!person) {
      person = this.newPerson(personKey, arrivedAt, registerAt);
      if (person.visits > 1) this.persons.set(personKey, person);
      this.counts.persons += 1;
    }
    person.seen += 1;
    if (person.seen >= person.visits) this.persons.delete(personKey);
    this.counts.stays += 1;
    const p = person;
    const owner = this.desk(registerAt);
    const channel = p.unknownIdentity && r.chance(0.5) ? r.weighted([['police', 40], ['outreach', 30], ['public_tip', 20], ['hospital', 10]] as const) : r.weighted(CHANNEL_WEIGHTS);
    const channelDetail = this.channelDetail(r, channel, arrivedAt);
    // The latest a stay may end: before the same person's next arrival; stays older than four weeks are over.
    const cap = Math.min(nextAt - 2 * HOUR, arrivedAt < now - 28 * DAY ? now - r.int(1, 12) * HOUR : Infinity);

    const triageAt = registerAt + r.int(5, 45) * MIN;
    const month = this.cal.month(arrivedAt);
    const age = this.ageAt(p, registerAt);
    const acute: Condition[] = [];
    if (r.chance(0.02)) acute.push('critically_ill');
    if (p.sex === 'female' && age !== null && age >= 18 && age <= 45 && r.chance(0.05)) acute.push('pregnant');
    const conditions = [...p.chronic, ...acute];
    const hot = month >= 6 && month <= 8 && r.chance(0.08);
    const temperatureC = hot ? r.int(378, 405) / 10 : r.chance(0.6) ? r.int(360, 372) / 10 : undefined;
    const minor = age !== null && age < 18;
    const decision: 'admit' | 'hospital' | 'police' | 'refuse' = conditions.includes('critically_ill') || (temperatureC ?? 0) >= 39.5
      ? 'hospital'
      : minor
        ? 'admit'
        : r.weighted([['admit', 90], ['hospital', 2.5], ['police', 2], ['refuse', 5.5]] as const);

    const stay = { key, person: p, status: 'registered' as string, bed: null as ZonePlan['beds'][number] | null, age, items: [] as CustodyItemPlan[] };
    // The record is completed after triage at the first stay (when that is before now and before the stay ends).
    const completionAt = triageAt + r.int(20, 180) * MIN;
    const completion = isNew && p.completion && completionAt < cap && completionAt <= now ? { at: completionAt, fields: p.completion } : undefined;
    this.write({
      k: 'register',
      at: registerAt,
      actor: owner,
      stay: key,
      person: personKey,
      ...(isNew ? { newPerson: p.quick } : {}),
      ...(completion ? { completion } : {}),
      unknownIdentity: p.unknownIdentity,
      channel,
      channelDetail,
      arrivedAt,
    });
    this.open.set(key, { status: 'registered', bed: false });
    const at = (t: number, fn: () => void) => {
      if (t <= now) this.agenda.push(t, fn);
    };
    const closeOpen = () => this.open.delete(key);

    if (completion) at(completion.at, () => this.write({ k: 'complete', at: completion.at, actor: this.desk(completion.at), person: personKey, fields: completion.fields }));
    if (p.unknownIdentity) this.familySearch(r, key, registerAt, arrivedAt, cap, at);

    const triageInputOf = (d: typeof decision, t: number): Omit<z.output<typeof triageInput>, 'stayId'> => ({
      decision: d,
      ...(temperatureC !== undefined ? { temperatureC } : {}),
      conditions,
      ...(d === 'refuse' ? { refusalReason: r.weighted([['refuses_safety_check', 20], ['refuses_information', 25], ['false_information', 15], ['can_pay', 15], ['demands_cash', 20], ['not_eligible', 5]] as const) } : {}),
      ...(d === 'hospital' ? { destination: r.pick(HOSPITALS) } : d === 'police' ? { destination: r.pick(POLICE_UNITS) } : {}),
      ...(d === 'police' ? { note: r.pick(['醉酒，情绪激动，有攻击行为', '疑似吸毒，交公安处置', '身份存疑，疑似在逃人员']) } : d === 'hospital' ? { note: hot ? '疑似中暑，体温过高' : r.pick(['高烧不退', '外伤出血', '呼吸困难', '意识模糊']) } : t % 7 === 0 ? { note: '情绪稳定' } : {}),
    });

    if (triageAt > Math.min(cap, now)) return; // still waiting for triage
    at(triageAt, () => {
      this.write({ k: 'triage', at: triageAt, actor: this.desk(triageAt), stay: key, input: triageInputOf(decision, triageAt) });
      stay.status = { admit: 'in_station', hospital: 'at_hospital', police: 'handed_to_police', refuse: 'refused' }[decision];
      if (decision === 'police' || decision === 'refuse') closeOpen();
      else this.open.set(key, { status: stay.status, bed: false });
    });
    if (decision === 'police' || decision === 'refuse') return;

    let admitAt = triageAt;
    let fromHospital = false;
    let stayConditions = conditions;
    if (decision === 'hospital') {
      // Back from hospital and admitted, or the stay ends at the hospital.
      if (r.chance(0.45)) {
        admitAt = triageAt + r.int(20, 96) * HOUR;
        const back = admitAt;
        if (back < cap) {
          stayConditions = conditions.filter((c) => c !== 'critically_ill');
          const input = { ...triageInputOf('admit', back), conditions: stayConditions };
          at(back, () => {
            this.write({ k: 'triage', at: back, actor: this.desk(back), stay: key, input });
            stay.status = 'in_station';
            this.open.set(key, { status: 'in_station', bed: false });
          });
        } else fromHospital = true;
      } else fromHospital = true;
    }
    if (fromHospital) {
      const end = Math.min(cap, triageAt + r.int(1, 10) * DAY + r.int(0, 8) * HOUR);
      const dischargeAt = this.daytime(r, end, triageAt + HOUR, cap);
      const type = r.weighted([
        ['hospital', 50],
        ['family_collected', 20],
        ['left_without_notice', 14],
        ['death', (age ?? 0) >= 60 || conditions.includes('critically_ill') ? 8 : 1],
        ['other_agency', 5],
      ] as const);
      at(dischargeAt, () => {
        this.write({ k: 'discharge', at: dischargeAt, actor: this.desk(dischargeAt), stay: key, input: this.dischargeDetail(r, type, stay.age ?? null, dischargeAt) });
        closeOpen();
      });
      return;
    }

    // Admitted: placed, checked, belongings, services, then discharged.
    const exempt = (age !== null && age < 16) || stayConditions.includes('mental_disorder') || stayConditions.includes('intellectual_disability');
    const u = r.next();
    const days = exempt
      ? u < 0.3 ? 1 + r.exp(2) : u < 0.8 ? 3 + r.exp(8) : 15 + r.exp(25)
      : u < 0.42 ? 0.3 + r.next() * 0.9 : u < 0.76 ? 1.5 + r.next() * 2.5 : u < 0.93 ? 4 + r.next() * 5 : 9.5 + r.exp(5);
    const bedAt = admitAt + r.int(5, 30) * MIN;
    const dischargeAt = this.daytime(r, Math.min(cap, arrivedAt + Math.round(days * DAY)), bedAt + 30 * MIN, cap);
    const settleAt = dischargeAt - r.int(5, 25) * MIN;
    /** A step of the admitted stay: only while it is open. */
    const inStay = (t: number, fn: () => void) => {
      if (t > admitAt && t < settleAt) at(t, fn);
    };
    at(bedAt, () => this.placeBed(stay, bedAt, stayConditions.includes('critically_ill') || (temperatureC ?? 0) >= 38.5));
    if (r.chance(0.7)) {
      const safetyAt = admitAt + r.int(2, 15) * MIN;
      const actor = this.desk(safetyAt);
      const witness = this.witness(safetyAt, actor);
      if (witness !== null) {
        const [findings, disposition] = r.weighted([
          [['未发现危险物品', '无'], 70],
          [['随身携带水果刀一把', '暂存保管，离站时归还'], 10],
          [['打火机两个', '暂存保管'], 12],
          [['随身携带管制刀具一把', '已移交派出所'], 3],
          [['携带不明药品若干', '交医务室核查后保管'], 5],
        ] as const);
        inStay(safetyAt, () => this.write({ k: 'safety', at: safetyAt, actor, witness, stay: key, findings, disposition }));
      }
    }
    if (r.chance(0.35)) {
      const custodyAt = admitAt + r.int(16, 30) * MIN;
      const actor = this.desk(custodyAt);
      const witness = this.witness(custodyAt, actor);
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
        inStay(custodyAt, () => this.write({ k: 'custody', at: custodyAt, actor, witness, stay: key, items }));
      }
    }
    // Services during the stay.
    const during = (from: number) => from + Math.round(r.next() * Math.max(0, dischargeAt - from - HOUR));
    if (r.chance(0.25)) {
      const t = during(bedAt + HOUR);
      inStay(t, () => this.write({ k: 'service', at: t, actor: this.desk(t), stay: key, kind: 'family_call', note: r.pick(['协助拨打家属电话', '联系户籍地村委会', '家属电话无人接听，次日再联系']) }));
    }
    if (hot || stayConditions.length || r.chance(0.12)) {
      const t = during(bedAt + 10 * MIN);
      const note = hot ? '发放藿香正气水，物理降温' : stayConditions.includes('pregnant') ? '孕期检查，联系妇幼保健院' : r.pick(['测量血压，发放降压药', '伤口换药', '感冒，发放感冒药', '站内医生巡诊']);
      inStay(t, () => this.write({ k: 'service', at: t, actor: this.desk(t), stay: key, kind: 'medical', note }));
    }
    if (r.chance(0.06)) {
      const t = during(bedAt + 2 * HOUR);
      inStay(t, () => this.write({ k: 'service', at: t, actor: this.desk(t), stay: key, kind: 'note', note: r.pick(['情绪稳定，饮食正常', '夜间睡眠差，已安抚', '与同室人员发生口角，已调解']) }));
    }
    if (dischargeAt - arrivedAt > 1.5 * DAY && r.chance(0.03)) {
      const t = during(bedAt + HOUR);
      const to = this.otherDesk(t, owner);
      if (to !== null && t < settleAt - 2 * HOUR) {
        // First-contact responsibility passes only when the other staff member accepts; the owner offers it.
        const offerAt = t;
        const answerAt = t + r.int(1, 6) * HOUR;
        inStay(offerAt, () => this.write({ k: 'offer', at: offerAt, actor: owner, stay: key, to, note: '交班移交' }));
        if (answerAt < settleAt) {
          const accept = r.chance(0.85);
          inStay(answerAt, () => {
            this.write({ k: 'answer', at: answerAt, actor: to, stay: key, accept });
          });
        }
      }
    }
    // Over the stay limit: a duty leader's extension, with a reason.
    if (!exempt) {
      let limitDay = this.settings.stayLimitDays;
      const lastDay = Math.floor((this.cal.startOf(dischargeAt) - this.cal.startOf(arrivedAt)) / DAY) + 1;
      while (lastDay >= limitDay && r.chance(0.93)) {
        const t = this.cal.startOf(arrivedAt) + (limitDay - 2) * DAY + 10 * HOUR + r.int(0, 120) * MIN;
        if (t >= settleAt || t <= bedAt) break;
        const extDays = r.int(5, 10);
        const reason = r.pick(['等待家属从外省赶来接回', '病情未稳定，需继续观察', '等待托养机构床位', '寻亲有线索，等待核实', '等待户籍地救助站接收']);
        inStay(t, () => this.write({ k: 'extend', at: t, actor: this.leader(t), stay: key, days: extDays, reason }));
        limitDay += extDays;
      }
    }
    // Discharge: belongings settled first, a ticket bought for those going home.
    const type = this.pickDischarge(r, this.ageAt(p, dischargeAt), stayConditions, dischargeAt - arrivedAt);
    if (type === 'return_home' && r.chance(0.8)) {
      const t = dischargeAt - r.int(60, 240) * MIN;
      if (t > bedAt) inStay(t, () => this.write({ k: 'service', at: t, actor: this.desk(t), stay: key, kind: 'ticket', note: `购买返乡车票 ${r.pick(TRAINS)}${r.int(100, 9999)}次` }));
    }
    at(settleAt, () => {
      stay.items.forEach((item, i) => {
        const t = settleAt + i * 1000;
        const kind = type === 'left_without_notice' || type === 'death' || type === 'foster_care' || type === 'hospital' || type === 'other_agency' ? (item.description === '衣物' && type === 'left_without_notice' ? 'disposed' : 'handed_over') : 'returned';
        const reason =
          kind === 'returned'
            ? undefined
            : kind === 'disposed'
              ? '无保存价值，两人在场处置'
              : { left_without_notice: '转入遗留物品登记保管', death: '移交家属及公安机关', foster_care: '随人移交托养机构', hospital: '随人移交医院', other_agency: '随人移交接收机构' }[type as 'death'];
        this.write({ k: 'settle', at: t, actor: this.desk(t), stay: key, item: i, description: item.description, kind, ...(reason ? { reason } : {}) });
      });
    });
    at(dischargeAt, () => {
      this.write({ k: 'discharge', at: dischargeAt, actor: this.desk(dischargeAt), stay: key, input: this.dischargeDetail(r, type, this.ageAt(p, dischargeAt), dischargeAt) });
      if (stay.bed) this.freeBed(stay.bed);
      stay.bed = null;
      closeOpen();
    });
  }

  /** Discharges happen in the day, between 8:00 and 18:00, never before `notBefore` nor after `cap`. */
  private daytime(r: Rng, t: number, notBefore: number, cap: number): number {
    const start = this.cal.startOf(t);
    let d = start + r.int(8 * 60, 18 * 60) * MIN;
    if (d < notBefore) d = notBefore + r.int(10, 120) * MIN;
    return Math.min(d, Math.max(cap, notBefore));
  }

  private familySearch(r: Rng, key: number, registerAt: number, arrivedAt: number, cap: number, at: (t: number, fn: () => void) => void): void {
    const due = familySearchDue(this.settings, arrivedAt);
    const notes = { notice: '已在全国救助寻亲网发布寻亲公告', dna_request: '已联系派出所采集DNA样本', notice_refresh: '寻亲公告已更新' };
    for (const [kind, dueAt] of due) {
      const p = kind === 'notice' ? 0.92 : kind === 'dna_request' ? 0.65 : 0.7;
      if (!r.chance(p)) continue;
      const t = kind === 'notice' ? registerAt + r.int(60, 20 * 60) * MIN : kind === 'dna_request' ? registerAt + r.int(1, 8) * DAY + r.int(0, 8) * HOUR : dueAt - r.int(-72, 48) * HOUR;
      if (t >= cap) continue;
      at(t, () => {
        if (this.open.has(key)) this.write({ k: 'task', at: t, actor: this.desk(t), stay: key, kind, note: notes[kind] });
      });
    }
  }

  private channelDetail(r: Rng, channel: ArrivalChannel, arrivedAt: number): z.output<typeof registerInput>['channelDetail'] {
    switch (channel) {
      case 'police': {
        const a = SURNAME_PICK.pick(r);
        const b = SURNAME_PICK.pick(r);
        return { unit: r.pick(POLICE_UNITS), officers: a === b ? `${a}警官` : `${a}警官、${b}警官`, handoverAt: arrivedAt };
      }
      case 'city_management':
        return { unit: r.pick(CITY_UNITS), ...(r.chance(0.5) ? { phone: phone(r) } : {}) };
      case 'outreach':
        return { unit: '本站街面巡查组', ...(this.staff.outreach.length ? { referrer: r.pick(this.staff.outreach) } : {}) };
      case 'public_tip':
        return { referrer: r.pick(TIPSTERS), ...(r.chance(0.7) ? { phone: phone(r) } : {}) };
      case 'hospital':
        return { unit: r.pick(HOSPITALS), referrer: r.pick(['急诊科护士', '社工部', '急诊科医生']), ...(r.chance(0.5) ? { phone: phone(r) } : {}) };
      case 'other_station':
        return { unit: r.pick(OTHER_STATIONS) };
      case 'walk_in':
        return {};
    }
  }

  /** Only what the discharge rules allow for this person (DOMAIN §1). */
  private pickDischarge(r: Rng, age: number | null, conditions: Condition[], length: number): DischargeType {
    const mental = conditions.includes('mental_disorder') || conditions.includes('intellectual_disability');
    if (age !== null && age < 18) return r.weighted([['return_home', 45], ['family_collected', 40], ['other_agency', 15]] as const);
    if (mental)
      return r.weighted([
        ['family_collected', 35],
        ['foster_care', length > 10 * DAY ? 40 : 5],
        ['return_home', 15],
        ['hospital', 10],
        ['other_agency', 10],
        ['left_without_notice', 5],
      ] as const);
    const entries: [DischargeType, number][] =
      age !== null && age >= 60
        ? [['return_home', 30], ['family_collected', 20], ['self_discharge', 20], ['foster_care', 7], ['hospital', 7], ['left_without_notice', 8], ['assistance_ended', 4], ['death', 1.5], ['other_agency', 2]]
        : [['return_home', 38], ['self_discharge', 27], ['left_without_notice', 14], ['family_collected', 8], ['assistance_ended', 7], ['hospital', 3], ['other_agency', 3], ['death', 0.1]];
    return r.weighted(entries.filter(([t]) => t !== 'self_discharge' || age !== null));
  }

  /** The discharge input as the contract's schema outputs it (keys in schema order, defaults filled). */
  private dischargeDetail(r: Rng, type: DischargeType, age: number | null, t: number): DischargePlan {
    const note = r.chance(0.1) ? { note: r.pick(['已告知救助政策', '离站时情绪稳定', '发放干粮和饮用水']) } : {};
    switch (type) {
      case 'return_home': {
        const cash = r.chance(0.35) ? r.int(5, 20) * 100 : 0;
        return {
          ...note,
          type,
          ticket: r.chance(0.8) ? `${r.pick(TRAINS)}${r.int(100, 9999)}次火车票` : r.pick(['长途汽车票', '乘车凭证', '返乡车票及途中食品']),
          cashFen: cash,
          receiptSigned: cash > 0,
          ...(age !== null && age < 16 ? { escort: `站内工作人员${fullName(r, r.chance(0.5) ? 'male' : 'female')}护送` } : {}),
        };
      }
      case 'family_collected': {
        const sex = r.chance(0.6) ? 'male' : 'female';
        const year = Number(this.cal.dayOf(t).slice(0, 4)) - r.int(25, 65);
        const born = `${year}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
        return { ...note, type, collectorName: fullName(r, sex), relation: r.pick(RELATIONS), collectorIdNumber: idNumberFor(r, REGION_PICK.pick(r)[0], born, sex) };
      }
      case 'self_discharge':
        return { ...note, type, declarationSigned: true };
      case 'left_without_notice':
        return { ...note, type, record: r.pick(['夜间巡查时发现人员不在床位，监控显示其自行离开', '外出后未返回，电话联系未果', '趁开门之际自行离开，已报告带班领导']) };
      case 'foster_care':
        return { ...note, type, home: r.pick(FOSTER_HOMES) };
      case 'hospital':
        return { ...note, type, hospital: r.pick(HOSPITALS) };
      case 'other_agency':
        return { ...note, type, agency: r.pick(AGENCIES) };
      case 'assistance_ended':
        return { ...note, type, notice: r.pick(['受助人员拒不配合，经批准终止救助', '受助人员已有能力自行返乡，终止救助', '查实有固定住所和收入来源，终止救助']) };
      case 'death':
        return { ...note, type, policeInformed: true, policeUnit: r.pick(POLICE_UNITS) };
    }
  }

  // -- beds --------------------------------------------------------------------------------------------

  /** The zone rules of assignBed: sex, age range, a minor never in an adult zone. */
  private fits(z: ZonePlan, sex: Sex, age: number | null): boolean {
    if (z.sex && z.sex !== sex) return false;
    if (z.minAge !== null || z.maxAge !== null) {
      if (age === null) return false;
      if (age < 18 && (z.minAge ?? 0) >= 18) return false;
      if ((z.minAge !== null && age < z.minAge) || (z.maxAge !== null && age > z.maxAge)) return false;
    }
    return true;
  }

  private placeBed(stay: { key: number; person: PersonPlan; status: string; bed: ZonePlan['beds'][number] | null }, t: number, medical: boolean): void {
    if (stay.status !== 'in_station') return;
    const age = this.ageAt(stay.person, t);
    const order = [...this.zones].sort((a, b) => Number(b.medical === medical) - Number(a.medical === medical));
    for (const z of order) {
      if (!this.fits(z, stay.person.sex, age)) continue;
      const bed = z.beds.find((b) => b.stay === -1);
      if (!bed) continue;
      bed.stay = stay.key;
      stay.bed = bed;
      this.write({ k: 'bed', at: t, actor: this.desk(t), stay: stay.key, bedId: bed.id, label: bed.label, zone: z.name });
      this.open.set(stay.key, { status: 'in_station', bed: true });
      return;
    }
  }

  private freeBed(bed: ZonePlan['beds'][number]): void {
    bed.stay = -1;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Writers.

interface Writer {
  apply(op: Op): void;
  /** Called between chunks of the bulk path (commit, flush). */
  checkpoint(): void;
  finish(): void;
}

interface WriterEnv {
  db: DB;
  settings: StationSettings;
  users: Map<number, string>;
  calendar: Calendar;
}

/** Through the services, as the desk would: the demo station. */
class ServiceWriter implements Writer {
  private readonly stays = new Map<number, number>();
  private readonly persons = new Map<number, number>();
  private readonly items = new Map<number, number[]>();
  constructor(private readonly env: WriterEnv) {}

  private ctx(op: { at: number; actor: number }): IntakeCtx {
    return { db: this.env.db, now: op.at, actorId: op.actor, settings: this.env.settings };
  }

  apply(op: Op): void {
    const { db } = this.env;
    const c = this.ctx(op);
    switch (op.k) {
      case 'register': {
        const known = this.persons.get(op.person);
        const input = registerInput.parse({
          ...(known !== undefined ? { personId: known } : { person: op.newPerson }),
          channel: op.channel,
          channelDetail: op.channelDetail,
          arrivedAt: op.arrivedAt,
        });
        const out = register(c, input);
        this.persons.set(op.person, out.personId);
        this.stays.set(op.stay, out.stayId);
        return;
      }
      case 'complete':
        writePerson(db, this.persons.get(op.person)!, op.fields, { now: op.at, today: stationDay(op.at, this.env.settings.timeZone), actorId: op.actor });
        return;
      case 'triage':
        triage(c, triageInput.parse({ stayId: this.stays.get(op.stay), ...op.input }));
        return;
      case 'bed':
        assignBed(c, this.stays.get(op.stay)!, { bedId: op.bedId }, undefined);
        return;
      case 'safety':
        insertSafetyCheck(db, this.stays.get(op.stay)!, op);
        return;
      case 'custody':
        this.items.set(op.stay, insertCustody(db, this.stays.get(op.stay)!, op));
        return;
      case 'settle':
        custodySettle(c, this.items.get(op.stay)![op.item]!, op.kind, op.reason, op.kind === 'returned');
        return;
      case 'service':
        addService(c, this.stays.get(op.stay)!, op.kind, op.note);
        return;
      case 'extend':
        extend(c, this.stays.get(op.stay)!, op.days, op.reason);
        return;
      case 'task': {
        const task = db.prepare('SELECT id FROM family_search_tasks WHERE stay_id = ? AND kind = ?').get(this.stays.get(op.stay), op.kind) as { id: number };
        completeTask(c, task.id, op.note);
        return;
      }
      case 'offer':
        offerOwnership(c, this.stays.get(op.stay)!, op.to, op.note);
        return;
      case 'answer': {
        const offer = db.prepare('SELECT id FROM ownership_offers WHERE stay_id = ? AND answered_at IS NULL').get(this.stays.get(op.stay)) as { id: number };
        answerOwnership(c, offer.id, op.accept);
        return;
      }
      case 'discharge':
        discharge(c, dischargeInput.parse({ stayId: this.stays.get(op.stay), ...op.input }));
        this.items.delete(op.stay);
        return;
    }
  }
  checkpoint(): void {}
  finish(): void {}
}

/** The co-signed steps without the witness's password (the generator knows who was there). Same rows as care.ts. */
function insertSafetyCheck(db: DB, stayId: number, op: Extract<Op, { k: 'safety' }>): void {
  db.prepare('INSERT INTO safety_checks (stay_id, at, findings, disposition, witness_1, witness_2) VALUES (?, ?, ?, ?, ?, ?)').run(
    stayId,
    op.at,
    op.findings,
    op.disposition,
    op.actor,
    op.witness,
  );
  addEvent(db, stayId, op.actor, op.at, 'safety_check', { findings: op.findings, disposition: op.disposition });
}

function insertCustody(db: DB, stayId: number, op: Extract<Op, { k: 'custody' }>): number[] {
  const insert = db.prepare(
    'INSERT INTO custody_items (stay_id, description, quantity, cash_fen, storage_place, received_at, staff_1, staff_2) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const ids = op.items.map((i) => Number(insert.run(stayId, i.description, i.quantity, i.cashFen, i.storagePlace, op.at, op.actor, op.witness).lastInsertRowid));
  addEvent(db, stayId, op.actor, op.at, 'custody_received', { items: op.items.length });
  return ids;
}

/**
 * Prepared statements in big transactions: the benchmark's ten-year station. Every row is the one the services
 * would write for the same step (tests/core/generate.test.ts runs one plan through both writers and compares).
 */
class BulkWriter implements Writer {
  private readonly stays = new Map<number, number>();
  private readonly persons = new Map<number, number>();
  private readonly items = new Map<number, number[]>();
  private readonly ftsPending = new Map<number, Parameters<typeof searchText>[0]>();
  private readonly pinyinCache = new Map<string, { full: string; initials: string }>();
  private readonly s;

  constructor(private readonly env: WriterEnv) {
    this.cal = env.calendar;
    const p = (sql: string) => env.db.prepare(sql);
    this.s = {
      person: p(
        `INSERT INTO persons (name, sex, birth_date, estimated_age, estimated_on, id_number, hukou_place, residence, benefits, dialect, height_cm,
           build, features, clothing, description, field_states, pinyin_full, pinyin_initials, created_at, created_by, updated_at)
         VALUES (@name, @sex, @birth_date, @estimated_age, @estimated_on, @id_number, @hukou_place, @residence, @benefits, @dialect, @height_cm,
           @build, @features, @clothing, @description, @field_states, @pinyin_full, @pinyin_initials, @created_at, @created_by, @updated_at)`,
      ),
      ftsInsert: p('INSERT INTO persons_search (rowid, text) VALUES (?, ?)'),
      gramInsert: p('INSERT INTO persons_grams (rowid, grams) VALUES (?, ?)'),
      stay: p(
        `INSERT INTO stays (person_id, arrived_at, arrived_on, channel, channel_detail, status, owner_id, registered_by, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, 'registered', ?, ?, ?, ?)`,
      ),
      event: p('INSERT INTO stay_events (stay_id, at, actor_id, kind, data) VALUES (?, ?, ?, ?, ?)'),
      task: p('INSERT INTO family_search_tasks (stay_id, kind, due_at) VALUES (?, ?, ?)'),
      taskDone: p('UPDATE family_search_tasks SET done_at = ?, done_by = ?, note = ? WHERE stay_id = ? AND kind = ?'),
      triage: p('UPDATE stays SET status = ?, triage = ?, conditions = ?, temperature_c10 = coalesce(?, temperature_c10), updated_at = ? WHERE id = ?'),
      bed: p('INSERT INTO bed_assignments (stay_id, bed_id, from_at, by_user, reason) VALUES (?, ?, ?, ?, NULL)'),
      safety: p('INSERT INTO safety_checks (stay_id, at, findings, disposition, witness_1, witness_2) VALUES (?, ?, ?, ?, ?, ?)'),
      item: p('INSERT INTO custody_items (stay_id, description, quantity, cash_fen, storage_place, received_at, staff_1, staff_2) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
      settle: p('INSERT INTO custody_settlements (item_id, kind, reason, client_confirmed, at, by_user) VALUES (?, ?, ?, ?, ?, ?)'),
      extension: p('INSERT INTO stay_extensions (stay_id, days, reason, approved_by, at) VALUES (?, ?, ?, ?, ?)'),
      offer: p('INSERT INTO ownership_offers (stay_id, from_user, to_user, note, offered_at) VALUES (?, ?, ?, ?, ?)'),
      answer: p('UPDATE ownership_offers SET answered_at = ?, accepted = ? WHERE stay_id = ? AND answered_at IS NULL'),
      owner: p('UPDATE stays SET owner_id = ?, updated_at = ? WHERE id = ?'),
      discharge: p(`UPDATE stays SET status = 'discharged', discharge_type = ?, discharge_detail = ?, discharged_at = ?, updated_at = ? WHERE id = ?`),
      freeBed: p('UPDATE bed_assignments SET to_at = ? WHERE stay_id = ? AND to_at IS NULL'),
      closeOffers: p('UPDATE ownership_offers SET answered_at = ?, accepted = 0 WHERE stay_id = ? AND answered_at IS NULL'),
    };
    env.db.exec('BEGIN');
  }

  private readonly cal: Calendar;
  private event(stayId: number, actor: number, at: number, kind: string, data: Record<string, unknown>): void {
    this.s.event.run(stayId, at, actor, kind, JSON.stringify(data));
  }
  private pinyin(name: string): { full: string; initials: string } {
    let k = this.pinyinCache.get(name);
    if (!k) this.pinyinCache.set(name, (k = pinyinKeys(name)));
    return k;
  }

  apply(op: Op): void {
    const s = this.s;
    switch (op.k) {
      case 'register': {
        let personId = this.persons.get(op.person);
        if (personId === undefined) personId = this.insertPerson(op);
        this.persons.set(op.person, personId);
        const stayId = Number(
          s.stay.run(personId, op.arrivedAt, this.cal.dayOf(op.arrivedAt), op.channel, JSON.stringify(op.channelDetail), op.actor, op.actor, op.at, op.at).lastInsertRowid,
        );
        this.stays.set(op.stay, stayId);
        this.event(stayId, op.actor, op.at, 'registered', { channel: op.channel });
        if (op.unknownIdentity) for (const [kind, due] of familySearchDue(this.env.settings, op.arrivedAt)) s.task.run(stayId, kind, due);
        return;
      }
      case 'complete':
        return; // written with the person's row (see insertPerson)
      case 'triage': {
        const stayId = this.stays.get(op.stay)!;
        const i = op.input;
        const status = { admit: 'in_station', hospital: 'at_hospital', police: 'handed_to_police', refuse: 'refused' }[i.decision];
        const record = {
          decision: i.decision,
          ...(i.refusalReason ? { refusalReason: i.refusalReason } : {}),
          ...(i.destination ? { destination: i.destination } : {}),
          ...(i.note ? { note: i.note } : {}),
          at: op.at,
          by: this.env.users.get(op.actor)!,
        };
        s.triage.run(status, JSON.stringify(record), JSON.stringify(i.conditions), i.temperatureC === undefined ? null : Math.round(i.temperatureC * 10), op.at, stayId);
        this.event(stayId, op.actor, op.at, 'triage', { ...record, status });
        if (status === 'handed_to_police' || status === 'refused') this.stays.delete(op.stay);
        return;
      }
      case 'bed': {
        const stayId = this.stays.get(op.stay)!;
        s.bed.run(stayId, op.bedId, op.at, op.actor);
        this.event(stayId, op.actor, op.at, 'bed_assigned', { bed: op.label, zone: op.zone });
        return;
      }
      case 'safety': {
        const stayId = this.stays.get(op.stay)!;
        s.safety.run(stayId, op.at, op.findings, op.disposition, op.actor, op.witness);
        this.event(stayId, op.actor, op.at, 'safety_check', { findings: op.findings, disposition: op.disposition });
        return;
      }
      case 'custody': {
        const stayId = this.stays.get(op.stay)!;
        this.items.set(
          op.stay,
          op.items.map((i) => Number(s.item.run(stayId, i.description, i.quantity, i.cashFen, i.storagePlace, op.at, op.actor, op.witness).lastInsertRowid)),
        );
        this.event(stayId, op.actor, op.at, 'custody_received', { items: op.items.length });
        return;
      }
      case 'settle': {
        const stayId = this.stays.get(op.stay)!;
        s.settle.run(this.items.get(op.stay)![op.item]!, op.kind, op.reason ?? null, op.kind === 'returned' ? 1 : 0, op.at, op.actor);
        this.event(stayId, op.actor, op.at, 'custody_settled', { item: op.description, kind: op.kind, ...(op.reason ? { reason: op.reason } : {}) });
        return;
      }
      case 'service':
        this.event(this.stays.get(op.stay)!, op.actor, op.at, 'service', { kind: op.kind, note: op.note });
        return;
      case 'extend': {
        const stayId = this.stays.get(op.stay)!;
        s.extension.run(stayId, op.days, op.reason, op.actor, op.at);
        this.event(stayId, op.actor, op.at, 'extended', { days: op.days, reason: op.reason });
        return;
      }
      case 'task': {
        const stayId = this.stays.get(op.stay)!;
        s.taskDone.run(op.at, op.actor, op.note, stayId, op.kind);
        this.event(stayId, op.actor, op.at, 'family_search', { kind: op.kind, note: op.note });
        return;
      }
      case 'offer': {
        const stayId = this.stays.get(op.stay)!;
        s.offer.run(stayId, op.actor, op.to, op.note ?? null, op.at);
        this.event(stayId, op.actor, op.at, 'ownership_offered', { to: op.to, ...(op.note ? { note: op.note } : {}) });
        return;
      }
      case 'answer': {
        const stayId = this.stays.get(op.stay)!;
        s.answer.run(op.at, op.accept ? 1 : 0, stayId);
        if (op.accept) s.owner.run(op.actor, op.at, stayId);
        this.event(stayId, op.actor, op.at, op.accept ? 'ownership_accepted' : 'ownership_declined', {});
        return;
      }
      case 'discharge': {
        const stayId = this.stays.get(op.stay)!;
        const { type, ...detail } = op.input;
        s.discharge.run(type, JSON.stringify(detail), op.at, op.at, stayId);
        s.freeBed.run(op.at, stayId);
        s.closeOffers.run(op.at, stayId);
        this.event(stayId, op.actor, op.at, 'discharged', { type, ...detail });
        this.stays.delete(op.stay);
        this.items.delete(op.stay);
        return;
      }
    }
  }

  /** The person's row as writePerson leaves it after the quick registration and, when it happened, the completion. */
  private insertPerson(op: Extract<Op, { k: 'register' }>): number {
    const q = op.newPerson ?? {};
    const today = this.cal.dayOf(op.at);
    let sex = q.sex ?? null;
    let birthDate = q.birthDate ?? null;
    let idNumber: string | null = null;
    if (q.idNumber) {
      const id = checkIdNumber(q.idNumber, today);
      if (!id.ok) throw new Error(`generator: invalid ID ${q.idNumber}`);
      idNumber = id.normalized;
      birthDate = id.birthDate;
      sex = id.sex;
    }
    const keys = q.name ? this.pinyin(q.name) : { full: '', initials: '' };
    const f = op.completion?.fields ?? {};
    const states = op.completion ? (f.fieldStates ?? {}) : {};
    const row = {
      name: q.name ?? null,
      sex,
      birth_date: birthDate,
      estimated_age: q.estimatedAge ?? null,
      estimated_on: q.estimatedAge !== undefined ? today : null,
      id_number: idNumber,
      hukou_place: f.hukouPlace ?? null,
      residence: f.residence ?? null,
      benefits: f.benefits ?? null,
      dialect: f.dialect ?? null,
      height_cm: f.heightCm ?? null,
      build: f.build ?? null,
      features: f.features ?? null,
      clothing: f.clothing ?? null,
      description: q.description ?? null,
      field_states: JSON.stringify(states),
      pinyin_full: keys.full,
      pinyin_initials: keys.initials,
      created_at: op.at,
      created_by: op.actor,
      updated_at: op.completion?.at ?? op.at,
    };
    const id = Number(this.s.person.run(row).lastInsertRowid);
    this.ftsPending.set(id, row);
    return id;
  }

  private flushIndex(): void {
    for (const [id, p] of this.ftsPending) {
      this.s.ftsInsert.run(id, searchText(p));
      const grams = gramText(p);
      if (grams) this.s.gramInsert.run(id, grams);
    }
    this.ftsPending.clear();
  }

  checkpoint(): void {
    this.flushIndex();
    this.env.db.exec('COMMIT');
    this.env.db.exec('BEGIN');
  }

  finish(): void {
    this.flushIndex();
    this.env.db.exec('COMMIT');
  }
}

// ---------------------------------------------------------------------------------------------------------
// The station: accounts, beds, and the run.

const STAFF: readonly { username: string; displayName: string; roles: Role[] }[] = [
  { username: 'admin', displayName: '王建国', roles: ['admin'] },
  { username: 'liming', displayName: '李明', roles: ['front_desk'] },
  { username: 'zhaojing', displayName: '赵静', roles: ['front_desk'] },
  { username: 'sunwei', displayName: '孙伟', roles: ['front_desk'] },
  { username: 'zhoulan', displayName: '周兰', roles: ['front_desk'] },
  { username: 'chenzhiqiang', displayName: '陈志强', roles: ['duty_leader'] },
  { username: 'yangli', displayName: '杨丽', roles: ['duty_leader'] },
  { username: 'wuhao', displayName: '吴浩', roles: ['duty_staff'] },
  { username: 'hexiaomei', displayName: '何晓梅', roles: ['storekeeper'] },
  { username: 'guoping', displayName: '郭平', roles: ['food_safety'] },
  { username: 'majun', displayName: '马军', roles: ['inspector'] },
];

/** The demo accounts (all with password `Demo-pass-1`), for the UI's "sign in as" hints and the tests. */
export const DEMO_ACCOUNTS = STAFF.map(({ username, displayName, roles }) => ({ username, displayName, roles }));

function ensureStaff(db: DB, now: number): { staff: Staff; created: string[] } {
  const created: string[] = [];
  if (!db.prepare('SELECT 1 FROM users LIMIT 1').get()) {
    writeSettings(db, { stationName: DEMO_STATION_NAME, timeZone: 'Asia/Shanghai' });
    // Every demo account has the same published password: it is hashed once (scrypt takes ~0.1–0.2 s), and the
    // staff rows are written as insertAccount writes them, with that hash.
    const [first, ...rest] = STAFF;
    const admin = insertAccount(db, { ...first!, password: DEMO_PASSWORD, mustChangePassword: false }, now);
    const hash = (db.prepare('SELECT password_hash FROM users WHERE id = ?').get(admin.id) as { password_hash: string }).password_hash;
    const user = db.prepare(
      `INSERT INTO users (username, display_name, password_hash, must_change_password, created_at, updated_at) VALUES (?, ?, ?, 0, ?, ?)`,
    );
    const role = db.prepare('INSERT INTO user_roles (user_id, role) VALUES (?, ?)');
    created.push(first!.username);
    for (const s of rest) {
      const id = Number(user.run(s.username, s.displayName, hash, now, now).lastInsertRowid);
      for (const r of s.roles) role.run(id, r);
      created.push(s.username);
    }
  }
  const users = db
    .prepare(
      `SELECT u.id, u.display_name AS name, (SELECT group_concat(role, ',') FROM user_roles r WHERE r.user_id = u.id) AS roles
       FROM users u WHERE u.disabled = 0 ORDER BY u.id`,
    )
    .all() as { id: number; name: string; roles: string | null }[];
  const withRole = (role: Role) => users.filter((u) => (u.roles ?? '').split(',').includes(role));
  const canWrite = users.filter((u) => permissionsOf(((u.roles ?? '').split(',').filter(Boolean) as Role[])).includes('intake.write'));
  const admin = withRole('admin')[0] ?? users[0];
  if (!admin) throw new AppError('CONFLICT', 'The station has no active account to generate data as.');
  const deskRole = withRole('front_desk');
  const desk = (deskRole.length ? deskRole : canWrite.length ? canWrite : [admin]).map(({ id, name }) => ({ id, name }));
  const leaders = withRole('duty_leader').map(({ id, name }) => ({ id, name }));
  const day = stationDay(now, readSettings(db).timeZone);
  return {
    staff: { desk, leaders, outreach: withRole('duty_staff').map((u) => u.name), admin: { id: admin.id, name: admin.name }, dayZero: dayStart(day, readSettings(db).timeZone) + 8 * HOUR },
    created,
  };
}

/** The benchmark's big station: more beds in the standard zones, through the zone settings' service. */
function addStationBeds(db: DB, extra: Partial<Record<string, number>>): void {
  const prefix: Record<string, string> = { men: '男', women: '女', minors: '少', elderly: '老', medical: '医' };
  for (const [code, n] of Object.entries(extra)) {
    const zone = db.prepare('SELECT id FROM zones WHERE code = ?').get(code) as { id: number } | undefined;
    if (!zone || !n) continue;
    const have = (db.prepare('SELECT count(*) AS n FROM beds WHERE zone_id = ?').get(zone.id) as { n: number }).n;
    addBeds(
      db,
      zone.id,
      Array.from({ length: n }, (_, i) => `${prefix[code] ?? code}-${String(have + i + 1).padStart(2, '0')}`),
    );
  }
}

function loadZones(db: DB): ZonePlan[] {
  const zones = db.prepare('SELECT * FROM zones WHERE active = 1 ORDER BY sort, id').all() as {
    id: number;
    code: string;
    name: string;
    sex: Sex | null;
    min_age: number | null;
    max_age: number | null;
    medical: number;
  }[];
  const beds = db.prepare('SELECT id, zone_id, label FROM beds WHERE active = 1 ORDER BY label').all() as { id: number; zone_id: number; label: string }[];
  return zones.map((z) => ({
    id: z.id,
    code: z.code,
    name: z.name,
    sex: z.sex,
    minAge: z.min_age,
    maxAge: z.max_age,
    medical: z.medical === 1,
    beds: beds.filter((b) => b.zone_id === z.id).map((b) => ({ id: b.id, label: b.label, stay: -1 })),
  }));
}

/**
 * Builds a station in an opened, migrated database that holds no persons yet.
 * `demo`: a fortnight of stays through the services, about 60–120 persons, some 15–30 in the station.
 * `bench`: ten years, at least 200,000 persons and 500,000 stays, through the bulk path.
 */
export function generateStation(db: DB, opts: GenerateOptions): GenerateReport {
  return generateWith(db, opts, opts.size === 'demo' ? 'services' : 'bulk');
}

/** The same, with the writer chosen (the tests run one plan through both). */
export function generateWith(db: DB, opts: GenerateOptions, writerKind: 'services' | 'bulk'): GenerateReport {
  const started = Date.now();
  const seed = opts.seed ?? 20_260_720;
  const cfg = SIZES[opts.size];
  if (db.prepare('SELECT 1 FROM persons LIMIT 1').get()) {
    throw new AppError('CONFLICT', 'This station already has people registered; demo data goes into an empty station only.');
  }
  const setup = db.transaction(() => {
    const s = ensureStaff(db, opts.now);
    addStationBeds(db, cfg.beds);
    return s;
  });
  const { staff, created } = setup.immediate();
  const settings = readSettings(db);
  const users = new Map((db.prepare('SELECT id, display_name FROM users').all() as { id: number; display_name: string }[]).map((u) => [u.id, u.display_name]));
  const visits = planVisits(cfg, opts.size, opts.now, seed, settings.timeZone);
  const env: WriterEnv = { db, settings, users, calendar: new Calendar(settings.timeZone, visits.at[0] ?? opts.now, opts.now + 120 * DAY) };

  const run = (writer: Writer) => {
    const planner = new Planner((op) => writer.apply(op), opts.now, seed, settings, staff, loadZones(db), visits, env.calendar);
    planner.run(opts.onProgress, cfg.chunk, () => writer.checkpoint());
    writer.finish();
    return planner;
  };
  let planner: Planner;
  if (writerKind === 'services') planner = db.transaction(() => run(new ServiceWriter(env))).immediate();
  else {
    // A bulk load: a big page cache (random-order index inserts) and no fsync per chunk; both restored after.
    const cacheSize = db.pragma('cache_size', { simple: true }) as number;
    const synchronous = db.pragma('synchronous', { simple: true }) as number;
    db.pragma('cache_size = -262144');
    db.pragma('synchronous = OFF');
    try {
      planner = run(new BulkWriter(env));
    } catch (e) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw e;
    } finally {
      db.pragma(`cache_size = ${cacheSize}`);
      db.pragma(`synchronous = ${synchronous}`);
    }
  }

  const open = [...planner.open.values()];
  const report: GenerateReport = {
    size: opts.size,
    seed,
    now: opts.now,
    usersCreated: created,
    persons: planner.counts.persons,
    stays: planner.counts.stays,
    open: open.length,
    inStation: open.filter((o) => o.status === 'in_station').length,
    withBed: open.filter((o) => o.bed).length,
    events: (db.prepare('SELECT count(*) AS n FROM stay_events').get() as { n: number }).n,
    ms: 0,
  };
  db.transaction(() => {
    const { ms: _ms, ...counts } = report;
    appendAudit(db, {
      at: opts.now,
      actorId: staff.admin.id,
      actorName: staff.admin.name,
      procedure: 'dev.generate',
      entity: 'station',
      entityId: 'station',
      before: null,
      after: { generator: GENERATOR_VERSION, ...counts },
    });
  }).immediate();
  report.ms = Date.now() - started;
  return report;
}
