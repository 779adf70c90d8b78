/** What a station's records are made of: names, places, units, features, and the seasons of arrivals. */
import { checkCharacter } from '../../../../shared/domain/idcard';
import { type ArrivalChannel } from '../../../../shared/domain/person';
import { Rng, Weighted } from './random';

export type StationSize = 'demo' | 'bench';
export const DEMO_PASSWORD = 'Demo-pass-1';
export const DEMO_STATION_NAME = '示范区救助管理站';

export const MIN = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

/** Common surnames, most common first (weighted by rank). */
export const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝',
  '欧阳',
  '诸葛',
  '司马',
  '上官',
];
export const SURNAME_PICK = new Weighted(SURNAMES, (_s, i) => 1 / (i + 4));

export const GIVEN = {
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

export function givenName(r: Rng, sex: 'male' | 'female', birthYear: number): string {
  if (birthYear >= 2008 && r.chance(0.5)) return r.pick(GIVEN.child);
  if (birthYear < 1965 && r.chance(0.35)) return r.pick(sex === 'male' ? GIVEN.olderMale : GIVEN.olderFemale);
  if (r.chance(0.3)) return r.pick(sex === 'male' ? GIVEN.male1 : GIVEN.female1);
  const a = r.pick(sex === 'male' ? GIVEN.male2a : GIVEN.female2a);
  let b = r.pick(sex === 'male' ? GIVEN.male2b : GIVEN.female2b);
  if (b === a) b = r.pick(sex === 'male' ? GIVEN.male1 : GIVEN.female1);
  return a + b;
}

/** Household registration places with their ID-number region codes and the dialect heard at the desk. */
export const REGIONS: readonly (readonly [code: string, place: string, dialect: string, weight: number])[] = [
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
export const REGION_PICK = new Weighted(REGIONS, (r) => r[3]);

export const RESIDENCES = ['无固定住所', '无固定住所', '无固定住所', '本市火车站附近', '本市城南桥洞', '本市建设路工地', '本市东郊废弃厂房', '户籍地原住址'];
export const BUILDS = ['偏瘦', '中等身材', '偏胖', '瘦高', '矮胖', '瘦小'];
export const FEATURES = [
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
export const CLOTHING: Record<'winter' | 'summer' | 'mild', { male: string[]; female: string[] }> = {
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

export const POLICE_UNITS = ['城关派出所', '火车站派出所', '东城派出所', '西城派出所', '南关派出所', '北郊派出所', '新区派出所', '站前派出所'];
export const CITY_UNITS = ['城关街道城管中队', '站前街道城管中队', '新华街道城管执法队', '东城区城管执法大队'];
export const HOSPITALS = ['区人民医院', '市第一人民医院', '市中医院', '市第三人民医院', '市精神卫生中心'];
export const OTHER_STATIONS = ['郑州市救助管理站', '武汉市救助管理站', '合肥市救助管理站', '西安市救助管理站', '长沙市救助管理站', '成都市救助管理站'];
export const TIPSTERS = ['环卫工人', '出租车司机', '公交车司机', '志愿者', '热心市民', '超市店员', '社区网格员'];
export const FOSTER_HOMES = ['福康托养中心', '仁爱托养院', '夕阳红养护院', '康宁托养服务中心'];
export const AGENCIES = ['市儿童福利院', '市社会福利院', '市精神卫生中心', '户籍地救助管理站', '市未成年人救助保护中心'];
export const RELATIONS = ['父亲', '母亲', '儿子', '女儿', '哥哥', '姐姐', '弟弟', '妻子', '丈夫', '侄子'];
export const TRAINS = ['K', 'T', 'Z', 'G', 'D'];

export const ARRIVAL_HOURS = [2, 1.5, 1, 1, 1, 1.2, 2, 3, 4, 5, 5, 5, 4.5, 4, 4, 4, 4.5, 5, 5, 4.5, 4, 3.5, 3, 2.5];
export const HOUR_PICK = new Weighted(
  ARRIVAL_HOURS.map((_, i) => i),
  (i) => ARRIVAL_HOURS[i]!,
);

export const CHANNEL_WEIGHTS: readonly (readonly [ArrivalChannel, number])[] = [
  ['walk_in', 30],
  ['police', 22],
  ['city_management', 12],
  ['outreach', 18],
  ['public_tip', 8],
  ['hospital', 6],
  ['other_station', 4],
];

export const phone = (r: Rng) => `1${r.pick(['3', '5', '8', '9'])}${String(r.int(0, 999_999_999)).padStart(9, '0')}`;
export const fullName = (r: Rng, sex: 'male' | 'female') => SURNAME_PICK.pick(r) + givenName(r, sex, 1980);

export function seasonOf(month: number): 'winter' | 'summer' | 'mild' {
  if (month === 12 || month <= 2) return 'winter';
  if (month >= 6 && month <= 8) return 'summer';
  return 'mild';
}

/** A valid 18-character ID (check character computed), from a region, birth date and sex. */
export function idNumberFor(r: Rng, region: string, birthDate: string, sex: 'male' | 'female'): string {
  const seq = r.int(0, 99) * 10 + (sex === 'male' ? r.pick([1, 3, 5, 7, 9]) : r.pick([0, 2, 4, 6, 8]));
  const first17 = region + birthDate.replaceAll('-', '') + String(seq).padStart(3, '0');
  return first17 + checkCharacter(first17);
}
