import { afterEach, describe, expect, it } from 'vitest';
import type { Input } from '../../../shared/contract';
import { checkCharacter } from '../../../shared/domain/idcard';
import { contentHash, openStation, type TestStation } from '../helpers';

let st: TestStation;
let desk: string; // a front-desk session
let deskId: number;
let colleague: { id: number; session: string };
afterEach(() => st?.close());

const HOUR = 3_600_000;
/** 03:00 on 20 July 2026 in Shanghai. */
const NIGHT = Date.UTC(2026, 6, 19, 19, 0);

function station() {
  st = openStation();
  st.clock.t = NIGHT + 5 * 60_000;
  desk = st.userWith(['front_desk'], 'desk');
  colleague = { session: st.userWith(['front_desk'], 'colleague'), id: 0 };
  const users = st.must('accounts.list', {}, st.adminSession);
  deskId = users.find((u) => u.username === 'desk')!.id;
  colleague.id = users.find((u) => u.username === 'colleague')!.id;
}
/** Days pass: the idle lock engages, and the desk unlocks with their password. */
function daysPass(n: number) {
  st.clock.advance(n * 24 * HOUR);
  for (const s of [desk, colleague.session]) st.must('auth.unlock', { password: 'Own-pass-22' }, s);
  st.must('auth.unlock', { password: 'Admin-pass-1' }, st.adminSession);
}
const witness = () => ({ userId: colleague.id, password: 'Own-pass-22' });
const err = (r: { ok: boolean; error?: { code: string; fields?: Record<string, string> } }) => (r.ok ? 'ok' : `${r.error!.code} ${JSON.stringify(r.error!.fields ?? {})}`);

/** The ids the search box finds for `q`, in the order it lists them. */
const ids = (q: string) => st.must('people.search', { q }, desk).map((h) => h.id);

function quick(person: Input<'intake.register'>['person'], extra: Partial<Input<'intake.register'>> = {}) {
  return st.must('intake.register', { person, channel: 'walk_in', arrivedAt: NIGHT, ...extra }, desk);
}
function admitted(person: Input<'intake.register'>['person']) {
  const { stayId, personId } = quick(person);
  st.must('intake.triage', { stayId, decision: 'admit' }, desk);
  return { stayId, personId };
}
const validId = (first17: string) => first17 + checkCharacter(first17);

describe('quick intake and first-contact responsibility', () => {
  it('registers an unknown person in a few fields, owned by whoever registered them, shown as incomplete', () => {
    station();
    const { stayId } = quick({ description: '男，约50岁，光头，灰色外套', sex: 'male', estimatedAge: 50 });
    const stay = st.must('intake.get', { stayId }, desk);
    expect(stay).toMatchObject({ status: 'registered', owner: { id: deskId }, registeredBy: { id: deskId }, arrivedOn: '2026-07-20', incomplete: true, age: 50 });
    expect(stay.person.missing).toEqual(expect.arrayContaining(['name', 'idNumber', 'hukouPlace']));
  });

  it('refuses a registration with neither name nor description, and police arrivals without the unit', () => {
    station();
    expect(err(st.call('intake.register', { person: { sex: 'male' }, channel: 'walk_in', arrivedAt: NIGHT }, desk))).toContain('v.nameOrDescription');
    expect(err(st.call('intake.register', { person: { name: '李四' }, channel: 'police', arrivedAt: NIGHT }, desk))).toContain('v.policeUnit');
    const ok = st.must('intake.register', { person: { name: '李四' }, channel: 'police', channelDetail: { unit: '东城派出所', officers: '王警官', handoverAt: NIGHT }, arrivedAt: NIGHT }, desk);
    expect(st.must('intake.get', { stayId: ok.stayId }, desk).channelDetail).toMatchObject({ unit: '东城派出所', officers: '王警官' });
  });

  it('passes ownership only when the other staff member accepts', () => {
    station();
    const { stayId } = quick({ name: '赵六', sex: 'male' });
    expect(err(st.call('intake.offerOwnership', { stayId, toUserId: colleague.id }, colleague.session))).toMatch(/^FORBIDDEN/);
    const offered = st.must('intake.offerOwnership', { stayId, toUserId: colleague.id, note: '交班' }, desk);
    expect(offered.owner.id).toBe(deskId);
    expect(st.must('intake.board', {}, colleague.session).offersToMe.lines.map((l) => l.stayId)).toEqual([stayId]);
    expect(err(st.call('intake.answerOwnership', { offerId: offered.pendingOffer!.id, accept: true }, desk))).toMatch(/^FORBIDDEN/);
    const accepted = st.must('intake.answerOwnership', { offerId: offered.pendingOffer!.id, accept: true }, colleague.session);
    expect(accepted.owner.id).toBe(colleague.id);
    expect(accepted.pendingOffer).toBeNull();
  });

  it('a discharge withdraws a handover still waiting: a closed case has no one to hand over to, and stays with its owner', () => {
    station();
    const { stayId } = admitted({ name: '赵六', sex: 'male', birthDate: '1980-01-01' });
    const offerId = st.must('intake.offerOwnership', { stayId, toUserId: colleague.id, note: '交班' }, desk).pendingOffer!.id;
    const gone = st.must('intake.discharge', { stayId, type: 'left_without_notice', record: '夜间自行离开' }, desk);
    expect(gone.pendingOffer).toBeNull();
    expect(err(st.call('intake.answerOwnership', { offerId, accept: true }, colleague.session))).toMatch(/^NOT_FOUND/);
    expect(st.must('intake.get', { stayId }, desk).owner.id).toBe(deskId);
  });
});

describe('people: ID numbers, search, search-before-create, links', () => {
  it('an invalid ID is a field error naming the part; a valid one fills birth date and sex', () => {
    station();
    const { personId } = quick({ name: '王五' });
    expect(err(st.call('people.update', { id: personId, idNumber: '110105194912310021' }, desk))).toContain('v.id.checksum');
    expect(err(st.call('people.update', { id: personId, idNumber: '110105194902300020' }, desk))).toContain('v.id.birthDate');
    expect(err(st.call('people.update', { id: personId, idNumber: '11010519491231' }, desk))).toContain('v.id.length');
    expect(err(st.call('people.update', { id: personId, idNumber: '11010519491231002X', birthDate: '1950-01-01' }, desk))).toContain('v.id.birthMismatch');
    expect(err(st.call('people.update', { id: personId, idNumber: '11010519491231002X', sex: 'male' }, desk))).toContain('v.id.sexMismatch');
    const p = st.must('people.update', { id: personId, idNumber: '110105491231002' }, desk); // 15-digit, converted
    expect(p).toMatchObject({ idNumber: '11010519491231002X', birthDate: '1949-12-31', sex: 'female' });
    const other = quick({ name: '另一人' });
    // A number already on record is refused, naming whose it is, so the desk can open that record.
    const taken = st.call('people.update', { id: other.personId, idNumber: '11010519491231002X' }, desk);
    expect(taken.ok ? null : taken.error).toMatchObject({ code: 'CONFLICT', fields: { idNumber: 'v.id.taken' }, detail: { personId } });
    // The record's own number is no conflict.
    expect(st.must('people.update', { id: personId, idNumber: '11010519491231002X' }, desk).idNumber).toBe('11010519491231002X');
  });

  it('finds people by name fragment, full pinyin, initials, ID digits and description words', () => {
    station();
    const zhang = quick({ name: '张三丰', sex: 'male' }).personId;
    st.must('people.update', { id: zhang, idNumber: validId('41010219700101123') }, desk);
    const zeng = quick({ name: '曾小贤', sex: 'male' }).personId;
    const bald = quick({ description: '光头，左臂有龙形纹身', sex: 'male' }).personId;
    expect(ids('三丰')).toContain(zhang);
    expect(ids('三')).toContain(zhang);
    expect(ids('zs')).toContain(zhang);
    expect(ids('zhangs')).toContain(zhang);
    expect(ids('zhangsanfeng')).toContain(zhang);
    expect(ids('zxx')).toEqual([zeng]); // 曾 read as a surname: zeng
    expect(ids('0101123')).toEqual([zhang]);
    expect(ids('龙形纹身')).toEqual([bald]);
    expect(ids('纹身')).toEqual([bald]);
    // Control characters in the query (a NUL from a pasted or hostile string) never break the search.
    for (const q of ['张\u0000三丰', 'a\u0000b', 'zhang\u0000s', '\u0000\u0000\u0000']) expect(st.call('people.search', { q }, desk).ok, JSON.stringify(q)).toBe(true);
    expect(ids('三丰\u0000')).toContain(zhang);
    const hit = st.must('people.search', { q: '张三' }, desk)[0]!;
    expect(hit.lastStay).toMatchObject({ status: 'registered' });
  });

  it('search finds a record by what it says after each edit: a new name and its pinyin, description, features, clothing', () => {
    station();
    const nameless = quick({ description: '桥下发现的男子', sex: 'male' }).personId;
    // No name, no pinyin: its hit shows no initials.
    expect(st.must('people.search', { q: '桥下发现' }, desk)).toMatchObject([{ id: nameless, name: null, pinyinInitials: '' }]);
    expect(st.core.db.prepare('SELECT pinyin_full, pinyin_initials FROM persons WHERE id = ?').get(nameless)).toEqual({ pinyin_full: '', pinyin_initials: '' });
    const { personId } = quick({ name: '张三丰', sex: 'male' });
    st.must('people.update', { id: personId, name: '李四光' }, desk);
    expect(ids('李四光')).toEqual([personId]);
    expect(ids('lisiguang')).toEqual([personId]);
    expect(ids('张三丰')).toEqual([]);
    st.must('people.update', { id: personId, description: '车站候车室发现' }, desk);
    expect(ids('候车室')).toEqual([personId]);
    st.must('people.update', { id: personId, features: '右手缺小指' }, desk);
    expect(ids('右手缺小指')).toEqual([personId]);
    st.must('people.update', { id: personId, clothing: '红色羽绒服' }, desk);
    expect(ids('红色羽绒服')).toEqual([personId]);
    // Every edit stamps the record with when it last changed.
    st.clock.advance(60_000);
    st.must('people.update', { id: personId, dialect: '湖北口音' }, desk);
    expect(st.core.db.prepare('SELECT updated_at FROM persons WHERE id = ?').pluck().get(personId)).toBe(st.clock.now());
  });

  it('search-before-create offers the same ID, name with birth year, and pinyin with sex, with past stays', () => {
    station();
    const first = admitted({ name: '刘备', sex: 'male', birthDate: '1980-05-05' });
    st.must('intake.discharge', { stayId: first.stayId, type: 'left_without_notice', record: '夜间自行离开' }, desk);
    const m = st.must('people.matches', { name: '刘备', sex: 'male', birthYear: 1980 }, desk);
    expect(m).toHaveLength(1);
    expect(m[0]).toMatchObject({ id: first.personId, reasons: expect.arrayContaining(['name_birth_year', 'pinyin_sex']) });
    expect(m[0]!.stays.map((s) => s.id)).toEqual([first.stayId]);
    expect(st.must('people.matches', { name: '留备', sex: 'male' }, desk).map((x) => x.id)).toEqual([first.personId]); // same pinyin
    expect(st.must('people.matches', { name: '刘备', sex: 'female' }, desk)).toEqual([]);
    // One click links the new stay to that person; a second open stay for them is refused.
    const again = st.must('intake.register', { personId: first.personId, channel: 'outreach', arrivedAt: NIGHT + 60_000 }, desk);
    expect(again.personId).toBe(first.personId);
    expect(st.must('people.get', { id: first.personId }, desk).stays).toHaveLength(2);
    expect(err(st.call('intake.register', { personId: first.personId, channel: 'walk_in', arrivedAt: NIGHT + 120_000 }, desk))).toContain('v.openStay');
  });

  it('search reads pinyin as a pinyin keyboard types it: ü as v (吕布 by lvbu, lb), capitals as lower case; only the first character as a surname', () => {
    station();
    const lv = quick({ name: '吕布', sex: 'male' }).personId;
    const zhang = quick({ name: '张三丰', sex: 'male' }).personId;
    expect(ids('lvbu')).toEqual([lv]);
    expect(ids('lb')).toEqual([lv]);
    expect(ids('lv')).toEqual([lv]);
    expect(ids('LB')).toEqual([lv]);
    expect(ids('ZS')).toEqual([zhang]);
    expect(ids('ZSF')).toEqual([zhang]);
    expect(st.must('people.get', { id: lv }, desk)).toMatchObject({ name: '吕布' });
    expect(st.core.db.prepare('SELECT pinyin_full, pinyin_initials FROM persons WHERE id = ?').get(lv)).toEqual({ pinyin_full: 'lvbu', pinyin_initials: 'lb' });
    // The pinyin is made of letters only: a name's middle dot (a Uyghur name written in characters) is not part of it.
    const uyghur = quick({ name: '阿依古丽·买买提', sex: 'female' }).personId;
    expect(ids('ayglmmt')).toEqual([uyghur]);
    expect(ids('ayigulimaimaiti')).toEqual([uyghur]);
    // 乐 as a surname is yue, in a given name le: 王乐乐 is wang le le.
    const wang = quick({ name: '王乐乐', sex: 'female' }).personId;
    expect(ids('wanglele')).toEqual([wang]);
    expect(ids('wll')).toEqual([wang]);
    expect(ids('wangyue')).toEqual([]);
  });

  it('search matches a query within one field, never across the end of one field and the start of the next', () => {
    station();
    const zhang = quick({ name: '张三丰', sex: 'male', description: '左臂纹身' }).personId;
    st.must('people.update', { id: zhang, features: '右手缺指' }, desk);
    expect(ids('三丰')).toEqual([zhang]);
    expect(ids('纹身')).toEqual([zhang]);
    expect(ids('右手缺')).toEqual([zhang]);
    expect(ids('丰zh')).toEqual([]); // name, then its pinyin
    expect(ids('fengzsf')).toEqual([]); // full pinyin, then the initials
    expect(ids('纹身右')).toEqual([]); // description, then features
  });

  it('search folds ASCII letters in the record and the query alike, for three letters or more as for fewer; other letters are found as written', () => {
    station();
    const id = quick({ description: '穿NIKE外套的男子', sex: 'male' }).personId;
    for (const q of ['nike', 'NIKE', 'Nike', 'ik', 'IK', 'k']) expect(ids(q), q).toEqual([id]);
    // Other letters are found as written: ß stays ß.
    const street = quick({ description: 'Tourist, sagt nur Weißstraße', sex: 'male' }).personId;
    expect(ids('weißstraße')).toEqual([street]);
    expect(ids('straße')).toEqual([street]);
  });

  it('a double quote in a query is a character to find, not the index’s syntax', () => {
    station();
    const id = quick({ description: '外号"老黑"，常在桥下', sex: 'male' }).personId;
    const other = quick({ description: '老黑色外套', sex: 'male' }).personId;
    expect(ids('"老黑"')).toEqual([id]);
    expect(ids('黑"，')).toEqual([id]);
    expect(ids('"')).toEqual([id]);
    expect(ids('老黑')).toEqual([other, id]);
    expect(ids('""')).toEqual([]);
  });

  it('control characters in a query read as spaces (from NUL to U+001F, and DEL); every other character is searched as typed', () => {
    station();
    const zhang = quick({ name: '张三丰', sex: 'male' }).personId;
    expect(ids('\u0000三丰')).toEqual([zhang]);
    expect(ids('\u001f三丰\u007f')).toEqual([zhang]);
    expect(ids('zhang\u007f')).toEqual([zhang]);
    expect(ids('\u0001张\u001e')).toEqual([zhang]);
    expect(ids('三\u0000丰')).toEqual([]); // a space inside: 三 丰 is not in the name
    expect(ids('三丰~')).toEqual([]); // ~ is no control character
    expect(ids('\u007f\u0000\u001f')).toEqual([]);
  });

  it('search-before-create finds the ID number however the card reads: a lower-case x, an old 15-digit number', () => {
    station();
    const { personId } = quick({ name: '王芳', sex: 'female', idNumber: '11010519491231002X' });
    const matched = (idNumber: string) => st.must('people.matches', { idNumber }, desk).map((x) => ({ id: x.id, reasons: x.reasons }));
    expect(matched('11010519491231002X')).toEqual([{ id: personId, reasons: ['id_number'] }]);
    expect(matched('11010519491231002x')).toEqual([{ id: personId, reasons: ['id_number'] }]);
    expect(matched('110105491231002')).toEqual([{ id: personId, reasons: ['id_number'] }]); // the same card before 1999
    // A number typed so far, or one with a wrong check character, matches nobody (and breaks nothing).
    expect(matched('11010519491231002')).toEqual([]);
    expect(matched('110105194912310021')).toEqual([]);
    expect(matched('11010549123100')).toEqual([]);
  });

  it('search-before-create lists the likeliest first: more reasons before fewer, the same ID number before a name; each with its age and last stay', () => {
    station();
    const byId = quick({ name: '王芳', sex: 'female', idNumber: '11010519491231002X' });
    const both = quick({ name: '刘备', sex: 'male', birthDate: '1980-05-05' });
    const byPinyin = quick({ name: '留备', sex: 'male' });
    const m = st.must('people.matches', { name: '刘备', sex: 'male', birthYear: 1980, idNumber: '11010519491231002X' }, desk);
    expect(m.map((x) => [x.id, [...x.reasons].sort()])).toEqual([
      [both.personId, ['name_birth_year', 'pinyin_sex']],
      [byId.personId, ['id_number']],
      [byPinyin.personId, ['pinyin_sex']],
    ]);
    expect(m[0]).toMatchObject({ name: '刘备', sex: 'male', age: 46, lastStay: { id: both.stayId, status: 'registered', dischargedAt: null } });
    expect(m[1]).toMatchObject({ age: 76, idNumber: '11010519491231002X', stays: [{ id: byId.stayId }] });
    expect(m[2]).toMatchObject({ age: null, lastStay: { id: byPinyin.stayId } });
  });

  it('search-before-create offers at most ten people, and none for a name, a sex or a birth year alone', () => {
    station();
    for (let i = 0; i < 12; i++) quick({ name: '刘备', sex: 'male', description: `第${i}位` });
    quick({ description: '无名男子', sex: 'male' });
    const m = st.must('people.matches', { name: '刘备', sex: 'male' }, desk);
    expect(m).toHaveLength(10);
    expect(new Set(m.map((x) => x.id)).size).toBe(10);
    for (const x of m) expect(x.reasons).toEqual(['pinyin_sex']);
    expect(st.must('people.matches', { name: '刘备' }, desk)).toEqual([]);
    expect(st.must('people.matches', { sex: 'male' }, desk)).toEqual([]);
    expect(st.must('people.matches', { birthYear: 1980 }, desk)).toEqual([]);
    // A name with no letter to read as pinyin never offers the records that have no name.
    expect(st.must('people.matches', { name: '——', sex: 'male' }, desk)).toEqual([]);
  });

  it('links two records of one person reversibly, without merging anything', () => {
    station();
    const a = quick({ name: '孙七', sex: 'male' }).personId;
    const b = quick({ description: '自称孙七的男子', sex: 'male' }).personId;
    const before = st.must('people.get', { id: b }, desk);
    const linked = st.must('people.link', { a, b, reason: '照片比对为同一人' }, desk);
    expect(linked.links).toMatchObject([{ otherId: b, reason: '照片比对为同一人' }]);
    // Each side shows the other record, by name when it has one, and who linked them when.
    const link = { id: linked.links[0]!.id, reason: '照片比对为同一人', linkedAt: st.clock.now(), linkedBy: 'desk' };
    expect(linked.links).toEqual([{ ...link, otherId: b, otherName: null }]);
    expect(st.must('people.get', { id: b }, desk).links).toEqual([{ ...link, otherId: a, otherName: '孙七' }]);
    expect(err(st.call('people.link', { a: b, b: a, reason: '再链接' }, desk))).toMatch(/^CONFLICT/);
    const unlinked = st.must('people.unlink', { linkId: linked.links[0]!.id, reason: '核实后不是同一人' }, desk);
    expect(unlinked.links).toEqual([]);
    expect(st.must('people.get', { id: b }, desk)).toMatchObject({ stays: before.stays, description: before.description });
    expect(st.core.db.prepare('SELECT unlink_reason FROM person_links').get()).toEqual({ unlink_reason: '核实后不是同一人' });
  });

  it('the person page shows each registration field as saved, an emptied field as empty, and the day an age was estimated', () => {
    station();
    const registeredAt = st.clock.now();
    const { personId } = quick({ name: '马六', sex: 'male' });
    const fields = {
      hukouPlace: '河南省周口市',
      residence: '无固定住所',
      benefits: 'dibao',
      dialect: '河南口音',
      heightCm: 172,
      build: '偏瘦',
      features: '左眉有疤',
      clothing: '蓝色外套',
      description: '在桥下发现',
    } as const;
    daysPass(2);
    const saved = st.must('people.update', { id: personId, ...fields, estimatedAge: 50 }, desk);
    expect(saved).toMatchObject({ ...fields, name: '马六', sex: 'male', birthDate: null, estimatedAge: 50, estimatedOn: '2026-07-22', age: 50, idNumber: null });
    expect(saved).toMatchObject({ hasPhoto: false, createdAt: registeredAt });
    // Emptied text is no text: shown as empty, and the rest stays as it was.
    const emptied = st.must('people.update', { id: personId, build: '', features: '', hukouPlace: '' }, desk);
    expect(emptied).toMatchObject({ build: null, features: null, hukouPlace: null, clothing: '蓝色外套', residence: '无固定住所', estimatedOn: '2026-07-22' });
    expect(emptied.missing).toEqual(['idNumber', 'hukouPlace']);
  });

  it('a record lists as missing each identity field neither filled nor marked unknown or refused; a birth date or an estimated age fills the birth', () => {
    station();
    const nobody = quick({ description: '男，约50岁，光头' }).personId;
    expect(st.must('people.get', { id: nobody }, desk).missing).toEqual(['name', 'sex', 'birth', 'idNumber', 'hukouPlace', 'residence', 'benefits', 'dialect']);
    const { personId } = quick({ name: '马六', sex: 'male' });
    expect(st.must('people.get', { id: personId }, desk).missing).toEqual(['birth', 'idNumber', 'hukouPlace', 'residence', 'benefits', 'dialect']);
    const missing = (fields: Omit<Input<'people.update'>, 'id'>) => st.must('people.update', { id: personId, ...fields }, desk).missing;
    expect(missing({ estimatedAge: 50, residence: '无固定住所', fieldStates: { benefits: 'unknown', dialect: 'refused' } })).toEqual(['idNumber', 'hukouPlace']);
    expect(missing({ idNumber: validId('11010519790315001') })).toEqual(['hukouPlace']);
    expect(missing({ hukouPlace: '河南省周口市' })).toEqual([]);
    // The estimate alone, or the date alone: each fills the birth.
    const dated = quick({ name: '牛七', birthDate: '1980-05-05' }).personId;
    expect(st.must('people.get', { id: dated }, desk).missing).toEqual(['sex', 'idNumber', 'hukouPlace', 'residence', 'benefits', 'dialect']);
  });
});

describe('a person’s photo and links', () => {
  const b64 = (bytes: number[]) => Buffer.from(bytes).toString('base64');
  const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13];
  const JPEG = [0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0];

  it('a photo is kept only when its first bytes are the picture it claims to be; else refused at dataBase64 (v.photoType)', () => {
    station();
    const { personId } = quick({ name: '周八', sex: 'male' });
    expect(st.must('people.photo', { id: personId }, desk)).toBeNull();
    expect(st.must('people.get', { id: personId }, desk).hasPhoto).toBe(false);
    expect(st.must('people.setPhoto', { id: personId, dataBase64: b64(PNG), type: 'image/png' }, desk).hasPhoto).toBe(true);
    expect(st.must('people.photo', { id: personId }, desk)).toEqual({ dataBase64: b64(PNG), type: 'image/png' });
    st.must('people.setPhoto', { id: personId, dataBase64: b64(JPEG), type: 'image/jpeg' }, desk);
    expect(st.must('people.photo', { id: personId }, desk)).toEqual({ dataBase64: b64(JPEG), type: 'image/jpeg' });
    const notA = (bytes: number[], type: 'image/png' | 'image/jpeg') => err(st.call('people.setPhoto', { id: personId, dataBase64: b64(bytes), type }, desk));
    expect(notA(JPEG, 'image/png')).toBe('VALIDATION {"dataBase64":"v.photoType"}');
    expect(notA(PNG, 'image/jpeg')).toBe('VALIDATION {"dataBase64":"v.photoType"}');
    expect(notA([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x00, 0, 0], 'image/png')).toBe('VALIDATION {"dataBase64":"v.photoType"}'); // the 8th byte wrong
    expect(notA([0xff, 0x00, 0xff, 0xe0], 'image/jpeg')).toBe('VALIDATION {"dataBase64":"v.photoType"}'); // the 2nd byte wrong
    expect(notA([0x00, 0xd8, 0xff, 0xe0], 'image/jpeg')).toBe('VALIDATION {"dataBase64":"v.photoType"}'); // the 1st byte wrong
    // Each refusal kept the photo there was.
    expect(st.must('people.photo', { id: personId }, desk)).toEqual({ dataBase64: b64(JPEG), type: 'image/jpeg' });
    expect(err(st.call('people.setPhoto', { id: personId + 1000, dataBase64: b64(PNG), type: 'image/png' }, desk))).toMatch(/^NOT_FOUND/);
    // No one on record, no photo to show.
    expect(st.must('people.photo', { id: personId + 1000 }, desk)).toBeNull();
  });

  it('a record is never linked to itself (v.linkSelf), nor to one that does not exist; an unlinked pair may be linked again', () => {
    station();
    const a = quick({ name: '孙七', sex: 'male' }).personId;
    const b = quick({ description: '自称孙七的男子', sex: 'male' }).personId;
    expect(err(st.call('people.link', { a, b: a, reason: '同一人' }, desk))).toBe('VALIDATION {"b":"v.linkSelf"}');
    expect(err(st.call('people.link', { a, b: b + 1000, reason: '同一人' }, desk))).toMatch(/^NOT_FOUND/);
    expect(err(st.call('people.link', { a: b + 1000, b: a, reason: '同一人' }, desk))).toMatch(/^NOT_FOUND/);
    const first = st.must('people.link', { a: b, b: a, reason: '照片比对为同一人' }, desk).links[0]!;
    expect(first).toMatchObject({ otherId: a });
    st.must('people.unlink', { linkId: first.id, reason: '核实后不是同一人' }, desk);
    expect(err(st.call('people.unlink', { linkId: first.id, reason: '再解除' }, desk))).toMatch(/^NOT_FOUND/);
    const again = st.must('people.link', { a, b, reason: '再次核实为同一人' }, desk).links;
    expect(again).toMatchObject([{ otherId: b, reason: '再次核实为同一人' }]);
    expect(again[0]!.id).not.toBe(first.id);
  });

  it('a person not on record is NOT_FOUND: to read, to edit, to clear the ID number of, to register a stay for', () => {
    station();
    expect(err(st.call('people.get', { id: 999_999 }, desk))).toBe('NOT_FOUND {}');
    expect(err(st.call('people.update', { id: 999_999, dialect: '四川话' }, desk))).toBe('NOT_FOUND {}');
    expect(err(st.call('people.clearIdNumber', { id: 999_999, reason: '抄错' }, desk))).toMatch(/^NOT_FOUND/);
    expect(err(st.call('intake.register', { personId: 999_999, channel: 'walk_in', arrivedAt: NIGHT }, desk))).toMatch(/^NOT_FOUND/);
  });
});

describe('triage, special groups and the safety check', () => {
  it('admits, refers, hands over or refuses with a reason; records temperature and conditions', () => {
    station();
    const a = quick({ name: '甲', sex: 'male' });
    expect(err(st.call('intake.triage', { stayId: a.stayId, decision: 'refuse' }, desk))).toContain('refusalReason');
    const refused = st.must('intake.triage', { stayId: a.stayId, decision: 'refuse', refusalReason: 'demands_cash' }, desk);
    expect(refused).toMatchObject({ status: 'refused', triage: { decision: 'refuse', refusalReason: 'demands_cash' } });
    expect(err(st.call('intake.triage', { stayId: a.stayId, decision: 'admit' }, desk))).toContain('v.alreadyTriaged');
    const b = quick({ name: '乙', sex: 'male' });
    const hot = st.must('intake.triage', { stayId: b.stayId, decision: 'hospital', destination: '区人民医院', temperatureC: 40.2, conditions: ['critically_ill'] }, desk);
    expect(hot).toMatchObject({ status: 'at_hospital', temperatureC: 40.2, conditions: ['critically_ill'] });
  });

  it('derives minor and elderly from birth date or estimate', () => {
    station();
    const kid = quick({ name: '小明', sex: 'male', birthDate: '2011-08-01' });
    expect(st.must('intake.get', { stayId: kid.stayId }, desk)).toMatchObject({ age: 14, ageGroup: 'minor_under16' });
    const old = quick({ description: '老人', sex: 'female', estimatedAge: 72 });
    expect(st.must('intake.get', { stayId: old.stayId }, desk).ageGroup).toBe('elderly');
  });

  it('needs two different staff, the second signing with their own password', () => {
    station();
    const { stayId } = admitted({ name: '丙', sex: 'male' });
    const base = { stayId, findings: '随身携带折叠刀', disposition: '交派出所' };
    expect(err(st.call('intake.safetyCheck', { ...base, witness: { userId: deskId, password: 'Own-pass-22' } }, desk))).toContain('v.witnessSelf');
    expect(err(st.call('intake.safetyCheck', { ...base, witness: { userId: colleague.id, password: 'wrong-one' } }, desk))).toMatch(/^BAD_CREDENTIALS/);
    const done = st.must('intake.safetyCheck', { ...base, witness: witness() }, desk);
    expect(done.safetyChecks).toMatchObject([{ findings: '随身携带折叠刀', witnesses: ['desk', 'colleague'] }]);
  });
});

describe('belongings custody', () => {
  it('blocks discharge until every item is returned (client confirms) or settled with a reason', () => {
    station();
    const { stayId } = admitted({ name: '丁', sex: 'male', estimatedAge: 40 });
    const withItems = st.must('intake.custodyAdd', {
      stayId,
      items: [
        { description: '手机', quantity: 1, storagePlace: '柜A-1' },
        { description: '现金', quantity: 1, cashFen: 12_350, storagePlace: '保险柜' },
      ],
      witness: witness(),
    }, desk);
    expect(withItems.custody.map((i) => i.staff)).toEqual([['desk', 'colleague'], ['desk', 'colleague']]);
    const discharge = { stayId, type: 'return_home' as const, ticket: '车票 G123' };
    expect(err(st.call('intake.discharge', discharge, desk))).toContain('v.custodyOpen');
    const [phone, cash] = withItems.custody;
    expect(err(st.call('intake.custodySettle', { itemId: phone!.id, kind: 'returned' }, desk))).toContain('v.clientConfirm');
    expect(err(st.call('intake.custodySettle', { itemId: cash!.id, kind: 'handed_over' }, desk))).toContain('reason');
    const settled = st.must('intake.custodySettle', { itemId: phone!.id, kind: 'returned', clientConfirmed: true }, desk);
    // Each item shows how it was settled, by whom and when, or that it is still held.
    expect(settled.custody.map((i) => i.settlement)).toEqual([
      { kind: 'returned', reason: null, clientConfirmed: true, at: st.clock.t, by: 'desk' },
      null,
    ]);
    expect(err(st.call('intake.custodySettle', { itemId: phone!.id, kind: 'disposed', reason: 'x' }, desk))).toMatch(/^CONFLICT/);
    st.must('intake.custodySettle', { itemId: cash!.id, kind: 'handed_over', reason: '交派出所保管' }, desk);
    expect(st.must('intake.get', { stayId }, desk).custody[1]!.settlement).toMatchObject({ kind: 'handed_over', reason: '交派出所保管', clientConfirmed: false });
    expect(st.must('intake.discharge', discharge, desk).status).toBe('discharged');
  });
});

describe('zones and beds', () => {
  it('one person a bed; moves keep history; discharge frees the bed', () => {
    station();
    const a = admitted({ name: '男一', sex: 'male', estimatedAge: 30 });
    const b = admitted({ name: '男二', sex: 'male', estimatedAge: 31 });
    const bed1 = st.must('intake.beds', {}, desk)[0]!.beds[0]!;
    expect(st.must('intake.assignBed', { stayId: a.stayId, bedId: bed1.id }, desk).bed).toMatchObject({ label: '男-01', zone: '男宿区' });
    expect(err(st.call('intake.assignBed', { stayId: b.stayId, bedId: bed1.id }, desk))).toContain('v.bedTaken');
    const moved = st.must('intake.assignBed', { stayId: a.stayId, zoneId: 1, reason: '靠近值班室' }, desk);
    expect(moved.bed?.label).toBe('男-02');
    expect(st.core.db.prepare('SELECT count(*) AS n FROM bed_assignments WHERE stay_id = ?').get(a.stayId)).toEqual({ n: 2 });
    st.must('intake.discharge', { stayId: a.stayId, type: 'left_without_notice', record: '未告知离站' }, desk);
    expect(st.must('intake.beds', {}, desk)[0]!.occupied).toBe(0);
  });

  it('refuses the wrong sex, a minor in an adult zone, an unknown age, and an unadmitted stay', () => {
    station();
    const woman = admitted({ name: '女一', sex: 'female', estimatedAge: 30 });
    expect(err(st.call('intake.assignBed', { stayId: woman.stayId, zoneId: 1 }, desk))).toContain('v.zoneSex');
    const boy = admitted({ name: '少年', sex: 'male', birthDate: '2010-01-01' });
    expect(err(st.call('intake.assignBed', { stayId: boy.stayId, zoneId: 1 }, desk))).toContain('v.zoneMinor');
    expect(st.must('intake.assignBed', { stayId: boy.stayId, zoneId: 3 }, desk).bed?.zone).toBe('未成年人区');
    const noAge = admitted({ name: '无年龄', sex: 'male' });
    expect(err(st.call('intake.assignBed', { stayId: noAge.stayId, zoneId: 1 }, desk))).toContain('v.zoneAgeUnknown');
    expect(st.must('intake.assignBed', { stayId: noAge.stayId, zoneId: 5 }, desk).bed?.zone).toBe('医疗观察区');
    const waiting = quick({ name: '未分诊', sex: 'male', estimatedAge: 30 });
    expect(err(st.call('intake.assignBed', { stayId: waiting.stayId, zoneId: 1 }, desk))).toContain('v.notAdmitted');
  });

  it('a full zone refuses one more person and changes nothing', () => {
    station();
    for (let i = 0; i < 4; i++) st.must('intake.assignBed', { stayId: admitted({ name: `医${i}`, sex: 'male' }).stayId, zoneId: 5 }, desk);
    const extra = admitted({ name: '第五人', sex: 'male' });
    const before = contentHash(st.core);
    expect(err(st.call('intake.assignBed', { stayId: extra.stayId, zoneId: 5 }, desk))).toContain('v.zoneFull');
    expect(contentHash(st.core)).toBe(before);
  });
});

describe('the stay page', () => {
  it('lists the services given during the stay apart from its other events; a closed stay’s clock stops on its discharge day', () => {
    station();
    const { stayId } = admitted({ name: '钱九', sex: 'male', birthDate: '1980-01-01' });
    st.must('intake.addService', { stayId, kind: 'meal', note: '晚饭' }, desk);
    st.must('intake.addService', { stayId, kind: 'family_call', note: '联系其兄' }, desk);
    const stay = st.must('intake.get', { stayId }, desk);
    expect(stay.services.map((e) => e.data)).toEqual([{ kind: 'meal', note: '晚饭' }, { kind: 'family_call', note: '联系其兄' }]);
    expect(stay.events.map((e) => e.kind)).toEqual(['registered', 'triage', 'service', 'service']);
    daysPass(4); // day 5 of the stay
    st.must('intake.discharge', { stayId, type: 'left_without_notice', record: '夜间自行离开' }, desk);
    daysPass(10); // it would be day 15, overdue, were the stay still open
    expect(st.must('intake.get', { stayId }, desk).clock).toEqual({ day: 5, state: 'ok', limitDay: 10 });
  });

  it('shows nothing for what was not recorded: no temperature, no discharge while open, a complete record as complete', () => {
    station();
    const { stayId, personId } = admitted({ name: '吴十', sex: 'male', birthDate: '1980-01-01' });
    // Every identity field filled, or marked unknown or refused.
    st.must('people.update', { id: personId, dialect: '四川话', fieldStates: { idNumber: 'unknown', hukouPlace: 'refused', residence: 'unknown', benefits: 'unknown' } }, desk);
    const stay = st.must('intake.get', { stayId }, desk);
    expect(stay.person.missing).toEqual([]);
    expect(stay).toMatchObject({ temperatureC: null, discharge: null, incomplete: false });
    expect(st.must('intake.get', { stayId: quick({ name: '郑十一' }).stayId }, desk).incomplete).toBe(true);
  });
});

describe('the stay clock and extensions', () => {
  it('warns on day 8 and is overdue on day 10; a duty leader’s extension with a reason moves the limit', () => {
    station();
    const { stayId } = admitted({ name: '戊', sex: 'male', estimatedAge: 40 });
    daysPass(7);
    expect(st.must('intake.get', { stayId }, desk).clock).toMatchObject({ day: 8, state: 'warn' });
    expect(st.must('intake.board', {}, desk).nearLimit.lines.map((l) => l.stayId)).toEqual([stayId]);
    daysPass(2);
    expect(st.must('intake.get', { stayId }, desk).clock).toMatchObject({ day: 10, state: 'overdue' });
    expect(err(st.call('intake.extend', { stayId, days: 5, reason: '等待家属' }, desk))).toMatch(/^FORBIDDEN/);
    const leader = st.userWith(['duty_leader'], 'leader');
    const ext = st.must('intake.extend', { stayId, days: 5, reason: '等待家属从外省赶来' }, leader);
    expect(ext.clock).toMatchObject({ state: 'ok', limitDay: 15 });
    expect(ext.extensions).toMatchObject([{ days: 5, approvedBy: 'leader' }]);
  });
});

describe('family search', () => {
  it('an unknown identity gets a notice within 24 h, a DNA request within 7 working days, a refresh after 30 days', () => {
    station();
    const { stayId } = quick({ description: '不愿透露姓名的男子', sex: 'male' });
    const tasks = st.must('intake.get', { stayId }, desk).familySearch;
    expect(tasks.map((t) => t.kind)).toEqual(['notice', 'dna_request', 'notice_refresh']);
    expect(tasks[0]!.dueAt).toBe(NIGHT + 24 * HOUR);
    // Arrival Monday 20 July 2026, 03:00 Shanghai → 7 working days → Wednesday 29 July, 03:00.
    expect(tasks[1]!.dueAt).toBe(Date.UTC(2026, 6, 28, 19, 0));
    expect(tasks[2]!.dueAt).toBe(Date.UTC(2026, 7, 18, 19, 0));
    expect(tasks[0]!.state).toBe('due');
    daysPass(25 / 24);
    expect(st.must('intake.board', {}, desk).familySearchDue.lines.map((l) => l.detail)).toEqual(['notice:overdue']);
    const done = st.must('intake.completeTask', { taskId: tasks[0]!.id, note: '已在全国寻亲网发布' }, desk);
    expect(done.familySearch[0]).toMatchObject({ state: 'done', doneBy: 'desk' });
    expect(quick({ name: '有名有姓', sex: 'male' }, { arrivedAt: st.clock.now() }) && st.must('intake.get', { stayId: stayId + 1 }, desk).familySearch).toEqual([]);
  });
});

describe('discharge', () => {
  it('return home: cash at most 20 yuan and only with a signed receipt; under 16 needs an escort', () => {
    station();
    const { stayId } = admitted({ name: '己', sex: 'male', estimatedAge: 40 });
    expect(err(st.call('intake.discharge', { stayId, type: 'return_home', ticket: '车票', cashFen: 2001, receiptSigned: true }, desk))).toContain('v.cashLimit');
    expect(err(st.call('intake.discharge', { stayId, type: 'return_home', ticket: '车票', cashFen: 1500 }, desk))).toContain('v.receiptRequired');
    const kid = admitted({ name: '小童', sex: 'male', birthDate: '2012-03-03' });
    expect(err(st.call('intake.discharge', { stayId: kid.stayId, type: 'return_home', ticket: '车票' }, desk))).toContain('v.escortRequired');
    expect(st.must('intake.discharge', { stayId: kid.stayId, type: 'return_home', ticket: '车票', escort: '站内工作人员李洁' }, desk).status).toBe('discharged');
    const done = st.must('intake.discharge', { stayId, type: 'return_home', ticket: 'K123 次火车票', cashFen: 2000, receiptSigned: true }, desk);
    expect(done.discharge).toMatchObject({ type: 'return_home', detail: { ticket: 'K123 次火车票', cashFen: 2000 } });
    expect(err(st.call('intake.discharge', { stayId, type: 'left_without_notice', record: 'x' }, desk))).toMatch(/^CONFLICT/);
  });

  it('self-discharge is refused for a 15-year-old, unknown ages and mental disorder, allowed for an adult', () => {
    station();
    const teen = admitted({ name: '少年甲', sex: 'male', birthDate: '2011-01-01' });
    expect(err(st.call('intake.discharge', { stayId: teen.stayId, type: 'self_discharge', declarationSigned: true }, desk))).toContain('v.selfDischargeMinor');
    const unknown = admitted({ description: '年龄不详', sex: 'male' });
    expect(err(st.call('intake.discharge', { stayId: unknown.stayId, type: 'self_discharge', declarationSigned: true }, desk))).toContain('v.selfDischargeAgeUnknown');
    const ill = admitted({ name: '病人', sex: 'male', estimatedAge: 40 });
    st.must('intake.setConditions', { stayId: ill.stayId, conditions: ['mental_disorder'] }, desk);
    expect(err(st.call('intake.discharge', { stayId: ill.stayId, type: 'self_discharge', declarationSigned: true }, desk))).toContain('v.selfDischargeCondition');
    const adult = admitted({ name: '成年人', sex: 'male', estimatedAge: 40 });
    expect(err(st.call('intake.discharge', { stayId: adult.stayId, type: 'self_discharge', declarationSigned: false as true }, desk))).toContain('v.declarationRequired');
    expect(st.must('intake.discharge', { stayId: adult.stayId, type: 'self_discharge', declarationSigned: true }, desk).discharge?.type).toBe('self_discharge');
  });

  it('collected by family checks the collector’s ID; death requires the police informed', () => {
    station();
    const a = admitted({ name: '庚', sex: 'male', estimatedAge: 40 });
    expect(err(st.call('intake.discharge', { stayId: a.stayId, type: 'family_collected', collectorName: '庚妻', relation: '妻子', collectorIdNumber: '110105194912310021' }, desk))).toContain('v.id.checksum');
    st.must('intake.discharge', { stayId: a.stayId, type: 'family_collected', collectorName: '庚妻', relation: '妻子', collectorIdNumber: '11010519491231002X' }, desk);
    const b = admitted({ name: '辛', sex: 'male', estimatedAge: 80 });
    expect(err(st.call('intake.discharge', { stayId: b.stayId, type: 'death', policeUnit: '东城派出所' } as never, desk))).toContain('v.policeInformed');
    expect(st.must('intake.discharge', { stayId: b.stayId, type: 'death', policeInformed: true, policeUnit: '东城派出所' }, desk).status).toBe('discharged');
  });
});

describe('today’s board', () => {
  it('shows residents by zone, arrivals and departures, triage and bed gaps, open custody and incomplete records', () => {
    station();
    const a = admitted({ name: '壬', sex: 'male', estimatedAge: 40 });
    st.must('intake.assignBed', { stayId: a.stayId, zoneId: 1 }, desk);
    const b = quick({ name: '癸', sex: 'female' });
    const c = admitted({ name: '子', sex: 'male', estimatedAge: 33 });
    st.must('intake.custodyAdd', { stayId: c.stayId, items: [{ description: '背包', quantity: 1, storagePlace: '柜B-2' }], witness: witness() }, desk);
    const d = admitted({ name: '丑', sex: 'male', estimatedAge: 50 });
    st.must('intake.discharge', { stayId: d.stayId, type: 'left_without_notice', record: '夜间离开' }, desk);
    const board = st.must('intake.board', {}, desk);
    expect(board.today).toBe('2026-07-20');
    expect(board.zones.find((z) => z.name === '男宿区')).toMatchObject({ beds: 12, occupied: 1 });
    expect(board.residents).toBe(2);
    expect(board.arrivals.lines.map((l) => l.stayId)).toEqual([a.stayId, b.stayId, c.stayId, d.stayId]);
    expect(board.departures.lines.map((l) => l.stayId)).toEqual([d.stayId]);
    expect(board.awaitingTriage.lines.map((l) => l.stayId)).toEqual([b.stayId]);
    expect(board.withoutBed.lines.map((l) => l.stayId)).toEqual([c.stayId]);
    expect(board.openCustody.lines.map((l) => [l.stayId, l.detail])).toEqual([[c.stayId, '1']]);
    expect(board.incomplete.lines.map((l) => l.stayId).sort()).toEqual([a.stayId, b.stayId, c.stayId].sort());
    expect(board.arrivals.lines[0]!.owner).toBe('desk');
  });
});

describe('a stay’s own steps: what each records on the stay and in its history', () => {
  const FAMILY_SEARCH = ['notice', 'dna_request', 'notice_refresh'];
  const tasksOf = (stayId: number) => st.must('intake.get', { stayId }, desk).familySearch.map((t) => t.kind);

  it('family search starts on every stay of someone whose identity is unknown, a person on record too; a name or an ID number is an identity', () => {
    station();
    const unknown = quick({ description: '不愿透露姓名的男子', sex: 'male' });
    const named = quick({ name: '有名有姓', sex: 'male' });
    const idOnly = quick({ description: '只报了身份证号的男子', idNumber: validId('11010519800101001') });
    const people = [unknown, named, idOnly];
    expect(people.map((p) => tasksOf(p.stayId))).toEqual([FAMILY_SEARCH, [], []]);
    for (const p of people) st.must('intake.discharge', { stayId: p.stayId, type: 'left_without_notice', record: '夜间自行离开' }, desk);
    // They come back: each new stay is linked to the same person.
    const back = people.map((p) => st.must('intake.register', { personId: p.personId, channel: 'outreach', arrivedAt: st.clock.now() }, desk).stayId);
    expect(back.map(tasksOf)).toEqual([FAMILY_SEARCH, [], []]);
  });

  it('a person already in the station is not registered again: refused at personId (v.openStay), naming the stay they are in', () => {
    station();
    const { personId, stayId } = quick({ name: '在站者', sex: 'male' });
    const again = st.call('intake.register', { personId, channel: 'walk_in', arrivedAt: NIGHT + 60_000 }, desk);
    expect(again.ok ? again : again.error).toMatchObject({ code: 'CONFLICT', fields: { personId: 'v.openStay' }, detail: { stayId } });
  });

  it('the history starts with the registration, its channel and why it was registered late', () => {
    station();
    const onTime = quick({ name: '准时', sex: 'male' });
    const late = quick({ name: '补登', sex: 'male' }, { arrivedAt: NIGHT - 30 * HOUR, lateReason: '夜间停电，恢复后补登' });
    expect(st.must('intake.get', { stayId: onTime.stayId }, desk).events[0]).toMatchObject({ kind: 'registered', actor: 'desk', data: { channel: 'walk_in' } });
    expect(st.must('intake.get', { stayId: onTime.stayId }, desk).events[0]!.data).toEqual({ channel: 'walk_in' });
    expect(st.must('intake.get', { stayId: late.stayId }, desk).events[0]!.data).toEqual({ channel: 'walk_in', lateReason: '夜间停电，恢复后补登' });
  });

  it('triage keeps where the client was referred and the note; police take them over as handed_to_police', () => {
    station();
    const { stayId } = quick({ name: '醉汉', sex: 'male' });
    const police = st.must('intake.triage', { stayId, decision: 'police', destination: '东城派出所', note: '酒后滋事' }, desk);
    const record = { decision: 'police', destination: '东城派出所', note: '酒后滋事', at: st.clock.now(), by: 'desk' };
    expect(police).toMatchObject({ status: 'handed_to_police', triage: record });
    expect(police.events.at(-1)).toMatchObject({ kind: 'triage', data: { ...record, status: 'handed_to_police' } });
  });

  it('a client back from hospital is triaged again; one admitted or handed to the police is not (v.alreadyTriaged)', () => {
    station();
    const { stayId } = quick({ name: '送医者', sex: 'male' });
    st.must('intake.triage', { stayId, decision: 'hospital', destination: '区人民医院' }, desk);
    expect(st.must('intake.triage', { stayId, decision: 'admit' }, desk).status).toBe('in_station');
    expect(err(st.call('intake.triage', { stayId, decision: 'admit' }, desk))).toBe('CONFLICT {"decision":"v.alreadyTriaged"}');
    const other = quick({ name: '醉汉', sex: 'male' });
    st.must('intake.triage', { stayId: other.stayId, decision: 'police', destination: '东城派出所' }, desk);
    expect(err(st.call('intake.triage', { stayId: other.stayId, decision: 'admit' }, desk))).toBe('CONFLICT {"decision":"v.alreadyTriaged"}');
  });

  it('a change of conditions is in the history with the temperature taken', () => {
    station();
    const { stayId } = admitted({ name: '高热', sex: 'male' });
    const stay = st.must('intake.setConditions', { stayId, conditions: ['critically_ill'], temperatureC: 39.4 }, desk);
    expect(stay).toMatchObject({ conditions: ['critically_ill'], temperatureC: 39.4 });
    expect(stay.events.at(-1)).toMatchObject({ kind: 'conditions', data: { conditions: ['critically_ill'], temperatureC: 39.4 } });
  });

  it('a discharge records the type’s own fields and its time, nothing else of the call, and names them in the history', () => {
    station();
    const { stayId } = admitted({ name: '送医', sex: 'male' });
    const at = NIGHT + 60_000;
    const stay = st.must('intake.discharge', { stayId, type: 'hospital', hospital: '市第一人民医院', dischargedAt: at }, desk);
    expect(stay.discharge).toEqual({ type: 'hospital', at, detail: { hospital: '市第一人民医院' } });
    expect(stay.events.at(-1)).toMatchObject({ kind: 'discharged', data: { type: 'hospital', hospital: '市第一人民医院' } });
    expect(stay.events.at(-1)!.data).toEqual({ type: 'hospital', hospital: '市第一人民医院' });
  });

  it('a discharge is never before the arrival: at its very instant it is recorded, a millisecond before refused at dischargedAt (v.dischargeTime)', () => {
    station();
    const { stayId } = admitted({ name: '即走', sex: 'male' });
    const before = contentHash(st.core);
    expect(err(st.call('intake.discharge', { stayId, type: 'hospital', hospital: '市一院', dischargedAt: NIGHT - 1 }, desk))).toBe('VALIDATION {"dischargedAt":"v.dischargeTime"}');
    expect(contentHash(st.core)).toBe(before);
    expect(st.must('intake.discharge', { stayId, type: 'hospital', hospital: '市一院', dischargedAt: NIGHT }, desk).discharge?.at).toBe(NIGHT);
  });

  it('a closed stay takes no change of conditions and no second discharge (CONFLICT, naming its status)', () => {
    station();
    const { stayId } = admitted({ name: '已离站', sex: 'male' });
    st.must('intake.discharge', { stayId, type: 'left_without_notice', record: '夜间自行离开' }, desk);
    const closed = { code: 'CONFLICT', detail: { status: 'discharged' } };
    const conditions = st.call('intake.setConditions', { stayId, conditions: ['critically_ill'] }, desk);
    expect(conditions.ok ? conditions : conditions.error).toMatchObject(closed);
    const again = st.call('intake.discharge', { stayId, type: 'left_without_notice', record: '再次' }, desk);
    expect(again.ok ? again : again.error).toMatchObject(closed);
  });

  it('to foster care, another agency, or with assistance ended: each discharge type recorded with its own field', () => {
    station();
    const types = [
      { type: 'foster_care', home: '阳光托养中心' },
      { type: 'other_agency', agency: '市救助管理站' },
      { type: 'assistance_ended', notice: '终止救助通知书已送达' },
    ] as const;
    for (const [i, { type, ...field }] of types.entries()) {
      const { stayId } = admitted({ name: `离站${i}`, sex: 'male' });
      expect(st.must('intake.discharge', { stayId, type, ...field } as Input<'intake.discharge'>, desk).discharge).toMatchObject({ type, detail: field });
    }
  });

  it('a collector’s ID number that is not valid is refused as VALIDATION at collectorIdNumber', () => {
    station();
    const { stayId } = admitted({ name: '待接', sex: 'male', estimatedAge: 40 });
    const collect = { stayId, type: 'family_collected', collectorName: '家属', relation: '妻子', collectorIdNumber: '110105194912310021' } as const;
    expect(err(st.call('intake.discharge', collect, desk))).toBe('VALIDATION {"collectorIdNumber":"v.id.checksum"}');
  });

  it('a step on a stay that does not exist is NOT_FOUND', () => {
    station();
    expect(err(st.call('intake.triage', { stayId: 999_999, decision: 'admit' }, desk))).toMatch(/^NOT_FOUND/);
    expect(err(st.call('intake.setConditions', { stayId: 999_999, conditions: [] }, desk))).toMatch(/^NOT_FOUND/);
    expect(err(st.call('intake.discharge', { stayId: 999_999, type: 'left_without_notice', record: '无' }, desk))).toMatch(/^NOT_FOUND/);
  });
});
